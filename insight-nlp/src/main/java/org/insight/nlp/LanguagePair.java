package org.insight.nlp;

import org.insight.nlp.internal.LanguageCodes;

/**
 * A translation direction between two languages, as ISO 639-3 codes ({@code fra → eng}).
 *
 * @param from the source language
 * @param to the target language
 */
public record LanguagePair(String from, String to) {

  /** Checks and normalises both codes to ISO 639-3. */
  public LanguagePair {
    from = LanguageCodes.toAlpha3(from);
    to = LanguageCodes.toAlpha3(to);
  }

  /** The pair {@code from → to}; two- or three-letter codes ({@code fr}, {@code fra}). */
  public static LanguagePair of(String from, String to) {
    return new LanguagePair(from, to);
  }

  /** {@code fra>eng}. */
  @Override
  public String toString() {
    return from + ">" + to;
  }
}
