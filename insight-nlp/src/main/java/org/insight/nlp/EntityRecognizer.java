package org.insight.nlp;

import java.util.List;
import java.util.Set;

/**
 * Finds named entities — persons, organisations, locations — in text. The SPI for statistical recognisers;
 * {@link OpenNlpEntityRecognizer} is the OpenNLP NameFinder one, trained with {@link NerTrainer}.
 *
 * <p>Implementations must be thread-safe, and must name themselves by {@link #method()} so every mention they
 * produce can be traced to the exact model.
 */
public interface EntityRecognizer {

  /**
   * The provenance method of what this recogniser finds, naming the engine and the exact model, e.g.
   * {@code ner:opennlp@3fa9c2d1e0b4} (the first 12 hex digits of the model's SHA-256).
   */
  String method();

  /** The schema types it can find ({@code Person}, {@code Organization}, {@code Location}, …). */
  Set<String> types();

  /** The language it was trained for (ISO 639-1), or {@code ""} when it does not say. */
  String language();

  /**
   * The entities in the given sentences of one document, offsets as the sentences' tokens have them.
   *
   * @param sentences the sentences of one text, with tokens
   * @return the entities, in text order
   */
  List<EntitySpan> recognize(List<Sentence> sentences);

  /**
   * The entities in a text: split into sentences and tokens by {@link TextAnalysis} for the given language, then
   * {@link #recognize(List)}.
   *
   * @param text the text of one document
   * @param language the text's language (ISO 639-1), or {@code ""}
   * @return the entities, in text order, offsets in {@code text}
   */
  default List<EntitySpan> recognize(String text, String language) {
    return recognize(TextAnalysis.create().sentences(text, language));
  }
}
