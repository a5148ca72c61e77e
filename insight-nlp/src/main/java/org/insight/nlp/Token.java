package org.insight.nlp;

import java.util.Objects;

/**
 * A token of a text.
 *
 * @param start start offset (UTF-16 chars) in the analysed text, inclusive
 * @param end end offset, exclusive
 * @param text the text at {@code [start, end)}
 */
public record Token(int start, int end, String text) {

  /** Checks the span. */
  public Token {
    Objects.requireNonNull(text, "text");
    if (start < 0 || end - start != text.length()) {
      throw new IllegalArgumentException("a token needs 0 <= start and end - start == text.length(), got [" + start
          + ", " + end + ") for " + text.length() + " chars");
    }
  }

  /** The span, never the text: a log line must not bypass the document's label. */
  @Override
  public String toString() {
    return "Token[" + start + "," + end + ")";
  }
}
