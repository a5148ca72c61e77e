package org.insight.nlp;

import java.util.Objects;

/**
 * A language identified for a text, or {@link #UNKNOWN} when the text is too short or too ambiguous to say.
 *
 * @param language an ISO 639-1 code ({@code en}, {@code fr}, {@code ar}); the ISO 639-3 code where the language has
 *     no two-letter code; or {@value #UNKNOWN}
 * @param confidence in [0, 1]: the best candidate's margin over the runner-up, {@code (p1 - p2) / p1}; 0 when unknown
 */
public record LanguageGuess(String language, double confidence) {

  /** The language reported when the text does not say enough. */
  public static final String UNKNOWN = "unknown";

  /** Checks the values. */
  public LanguageGuess {
    Objects.requireNonNull(language, "language");
    if (!(confidence >= 0 && confidence <= 1)) {
      throw new IllegalArgumentException("confidence must be in [0, 1], got " + confidence);
    }
  }

  /** The guess for a text that does not say enough. */
  public static LanguageGuess unknown() {
    return new LanguageGuess(UNKNOWN, 0);
  }

  /** Whether a language was identified. */
  public boolean known() {
    return !UNKNOWN.equals(language);
  }
}
