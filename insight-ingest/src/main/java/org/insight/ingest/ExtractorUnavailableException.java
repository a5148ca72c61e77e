package org.insight.ingest;

/**
 * The extractor cannot extract anything — its worker processes do not start, or it is closed. Not a problem of
 * the item: ingest stops with it instead of quarantining every file.
 */
public class ExtractorUnavailableException extends ExtractionException {
  private static final long serialVersionUID = 1L;

  public ExtractorUnavailableException(String message) {
    super(message);
  }

  public ExtractorUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
