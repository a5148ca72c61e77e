package org.insight.ingest;

import java.util.regex.Pattern;

/**
 * Whether to OCR images and PDF pages without a text layer, and in which Tesseract languages.
 *
 * @param enabled false to skip OCR altogether
 * @param languages Tesseract language codes joined by '+', e.g. {@code eng}, {@code eng+fra}, {@code ara}
 */
public record OcrOptions(boolean enabled, String languages) {
  private static final Pattern LANGUAGES = Pattern.compile("[a-z]{3}(_[a-z]+)?(\\+[a-z]{3}(_[a-z]+)?)*");

  /** English OCR, on: the default. */
  public static final OcrOptions DEFAULT = new OcrOptions(true, "eng");

  /** No OCR. */
  public static final OcrOptions OFF = new OcrOptions(false, "eng");

  public OcrOptions {
    languages = languages == null || languages.isBlank() ? "eng" : languages.strip();
    if (!LANGUAGES.matcher(languages).matches()) {
      throw new IllegalArgumentException("OCR languages " + languages + " are not Tesseract language codes;"
          + " give three-letter codes joined by '+', e.g. eng+fra");
    }
  }

  /** OCR on, in {@code languages} (e.g. {@code eng+fra}). */
  public static OcrOptions languages(String languages) {
    return new OcrOptions(true, languages);
  }
}
