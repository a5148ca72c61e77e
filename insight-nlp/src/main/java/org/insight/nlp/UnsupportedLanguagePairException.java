package org.insight.nlp;

import java.util.Set;
import java.util.TreeSet;

/** The translator serves no direct or pivot route for a language pair; the message lists the pairs it serves. */
public final class UnsupportedLanguagePairException extends TranslationException {
  private static final long serialVersionUID = 1L;

  private final String from;
  private final String to;

  /**
   * Creates the exception.
   *
   * @param from the source language asked for
   * @param to the target language asked for
   * @param available the pairs served, direct or through a pivot
   */
  public UnsupportedLanguagePairException(String from, String to, Set<LanguagePair> available) {
    super("no translation from " + from + " to " + to + " is available, directly or through a pivot; available: "
        + new TreeSet<>(available.stream().map(LanguagePair::toString).toList())
        + ". Install the engine's language pair, or translate from one of these languages");
    this.from = from;
    this.to = to;
  }

  /** The source language asked for. */
  public String from() {
    return from;
  }

  /** The target language asked for. */
  public String to() {
    return to;
  }
}
