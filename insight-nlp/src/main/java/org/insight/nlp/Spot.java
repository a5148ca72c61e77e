package org.insight.nlp;

import java.util.Objects;

/**
 * A mention of a known entity found in a text by an {@link EntitySpotter}.
 *
 * @param start start offset (UTF-16 chars) in the text, inclusive
 * @param end end offset, exclusive
 * @param text the text at {@code [start, end)}
 * @param entityId the entity mentioned
 * @param alias what matched, normalised: a name's tokens in the alias's own order ({@code omar al rashid}), or an
 *     identifier's cleaned value ({@code +33612345678})
 * @param kind whether a name or an identifier matched
 * @param score confidence in [0, 1]: higher for longer names and identifiers, lower for reordered or ambiguous names
 */
public record Spot(int start, int end, String text, String entityId, String alias, Kind kind, double score) {

  /** What matched. */
  public enum Kind {
    /** A name or alias of the entity. */
    NAME,
    /** One of its identifiers. */
    IDENTIFIER
  }

  /** Checks the span and the score. */
  public Spot {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(entityId, "entityId");
    Objects.requireNonNull(alias, "alias");
    Objects.requireNonNull(kind, "kind");
    if (start < 0 || end <= start || end - start != text.length()) {
      throw new IllegalArgumentException("a spot needs 0 <= start < end and end - start == text.length(), got ["
          + start + ", " + end + ") for " + text.length() + " chars");
    }
    if (!(score > 0 && score <= 1)) {
      throw new IllegalArgumentException("score must be in (0, 1], got " + score);
    }
  }

  /** Span, entity, kind and score, never the text or alias: a log line must not bypass the labels. */
  @Override
  public String toString() {
    return "Spot[span=[" + start + "," + end + "), entityId=" + entityId + ", kind=" + kind + ", score=" + score + "]";
  }
}
