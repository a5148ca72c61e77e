package org.insight.nlp;

import org.insight.InsightException;

/** A text longer than an extractor's input bound; split it (by page or section) and extract each part. */
public final class TextTooLargeException extends InsightException {
  private static final long serialVersionUID = 1L;

  private final long length;
  private final long limit;

  /**
   * Creates the exception.
   *
   * @param length the text's length in UTF-16 chars
   * @param limit the bound it exceeded
   */
  public TextTooLargeException(long length, long limit) {
    super("the text has " + length + " chars, more than the extractor's bound of " + limit
        + ": split it (by page or section) and extract each part");
    this.length = length;
    this.limit = limit;
  }

  /** The text's length in UTF-16 chars. */
  public long length() {
    return length;
  }

  /** The bound it exceeded. */
  public long limit() {
    return limit;
  }
}
