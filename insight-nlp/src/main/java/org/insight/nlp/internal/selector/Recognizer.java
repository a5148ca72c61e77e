package org.insight.nlp.internal.selector;

/**
 * Finds the validated candidates of one selector family in a text. A recogniser is a hand scanner or a regex with
 * bounded quantifiers only (no nested unbounded repetition), so its scan is linear in the text length; a candidate
 * whose check digit, checksum or calendar fails is never added.
 *
 * <p>Implementations are immutable and thread-safe.
 */
interface Recognizer {

  /** Adds every candidate of this family in {@code text} to {@code out}, overlapping ones included. */
  void find(String text, Candidates out);
}
