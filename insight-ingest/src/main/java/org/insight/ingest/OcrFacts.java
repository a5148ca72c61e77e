package org.insight.ingest;

/**
 * What OCR did for an item.
 *
 * @param engine the engine and its version, e.g. {@code tesseract@5.3.0}; also the provenance method suffix
 * @param languages the Tesseract languages used, e.g. {@code eng+fra}
 * @param meanConfidence mean word confidence over the recognised pages, in [0, 1]
 * @param pages how many pages or images were recognised
 */
public record OcrFacts(String engine, String languages, double meanConfidence, int pages) {
  public OcrFacts {
    if (meanConfidence < 0 || meanConfidence > 1 || Double.isNaN(meanConfidence)) {
      throw new IllegalArgumentException("meanConfidence must be in [0, 1], was " + meanConfidence);
    }
  }

  /** The provenance method for text this OCR produced, e.g. {@code ocr:tesseract@5.3.0}. */
  public String method() {
    return "ocr:" + engine;
  }
}
