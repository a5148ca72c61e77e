package org.insight.nlp;

import java.util.Set;

/**
 * Machine translation of plain text: the extension point for translation engines (an adapter per engine, named by
 * it, such as {@link ApertiumTranslator}).
 *
 * <p>Languages are ISO 639 codes, two- or three-letter ({@code fr} and {@code fra} are the same language). A
 * translator may chain several engine pairs (a pivot) when it has no direct pair; {@link Translation#path} says which.
 * Implementations are thread-safe.
 */
public interface Translator {

  /** The engine's name, used in provenance methods ({@code apertium}). */
  String name();

  /**
   * The language pairs this translator can serve, direct or through a pivot, as ISO 639-3 codes.
   *
   * @throws TranslatorUnavailableException if the engine cannot be reached to find out
   */
  Set<LanguagePair> pairs();

  /**
   * Whether {@code from → to} can be translated, directly or through a pivot.
   *
   * @throws TranslatorUnavailableException if the engine cannot be reached to find out
   */
  default boolean supports(String from, String to) {
    return pairs().contains(LanguagePair.of(from, to));
  }

  /**
   * Translates {@code text} from {@code from} to {@code to}. The input is never modified; the result is new text.
   *
   * @param text the text; may be long (implementations split it to respect engine limits)
   * @param from the source language, ISO 639-1 or 639-3
   * @param to the target language, ISO 639-1 or 639-3
   * @return the translation with the engine and language path used
   * @throws UnsupportedLanguagePairException if the pair is not served, naming the pairs that are
   * @throws TranslatorUnavailableException if the engine is not reachable or too slow
   * @throws TranslationException if the engine answered with an error
   */
  Translation translate(String text, String from, String to);
}
