package org.insight.nlp;

/**
 * A stretch of a text in one language.
 *
 * @param start start offset (UTF-16 chars), inclusive
 * @param end end offset, exclusive
 * @param guess its language and the confidence
 */
public record LanguagePassage(int start, int end, LanguageGuess guess) {

  /** Checks the span. */
  public LanguagePassage {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("a passage needs 0 <= start <= end, got [" + start + ", " + end + ")");
    }
    java.util.Objects.requireNonNull(guess, "guess");
  }

  /** The passage's language (see {@link LanguageGuess#language()}). */
  public String language() {
    return guess.language();
  }
}
