package org.insight.ingest.internal;

/** Tesseract or one of its language files is not installed; the message names the package to install. */
final class OcrUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  OcrUnavailableException(String message) {
    super(message);
  }
}
