package org.insight.nlp.internal.spot;

import java.util.Map;
import java.util.Set;
import org.insight.policy.Label;

/**
 * The spotting index: entity ids and labels, the token vocabulary, a trie of name variants and one of consonant
 * skeletons (token ids only, no object per name), and identifiers by their cleaned form. Built by
 * {@link DictionaryBuilder}; immutable afterwards, so it may be read by several threads.
 */
public final class SpotDictionary {
  final String[] entityIds;
  final Label[] labels; // null entries: no label
  final Map<String, Integer> vocabulary;
  final String[] tokenText;
  final boolean[] particle;
  final TokenTrie names;
  final TokenTrie skeletons;
  final Map<String, int[]> identifiers;
  private final int namesIndexed;
  private final int namesSkipped;
  private final int identifiersIndexed;
  private final int identifiersRejected;

  SpotDictionary(String[] entityIds, Label[] labels, Map<String, Integer> vocabulary, String[] tokenText,
      boolean[] particle, TokenTrie names, TokenTrie skeletons, Map<String, int[]> identifiers, int namesIndexed,
      int namesSkipped, int identifiersIndexed, int identifiersRejected) {
    this.entityIds = entityIds;
    this.labels = labels;
    this.vocabulary = vocabulary;
    this.tokenText = tokenText;
    this.particle = particle;
    this.names = names;
    this.skeletons = skeletons;
    this.identifiers = identifiers;
    this.namesIndexed = namesIndexed;
    this.namesSkipped = namesSkipped;
    this.identifiersIndexed = identifiersIndexed;
    this.identifiersRejected = identifiersRejected;
  }

  /** The label of the entity at {@code index}, or null when it has none. */
  public Label label(int index) {
    return labels[index];
  }

  /** Entities added. */
  public int entities() {
    return entityIds.length;
  }

  /** Names looked for (before rotations and variants). */
  public int namesIndexed() {
    return namesIndexed;
  }

  /** Names left out by the specificity rule or for being too long. */
  public int namesSkipped() {
    return namesSkipped;
  }

  /** Identifiers looked for. */
  public int identifiersIndexed() {
    return identifiersIndexed;
  }

  /** Identifiers left out: too short, no digit, or not cleanable. */
  public int identifiersRejected() {
    return identifiersRejected;
  }

  /** Nodes of the name tries (a measure of memory). */
  public int trieNodes() {
    return names.nodes() + skeletons.nodes();
  }

  /** The cleaned identifiers looked for. */
  public Set<String> identifierKeys() {
    return identifiers.keySet();
  }
}
