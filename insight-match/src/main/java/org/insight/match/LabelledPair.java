package org.insight.match;

import java.util.Objects;

/**
 * Two records with the truth about them, for {@link Linker#train}.
 *
 * @param left one record
 * @param right the other
 * @param match whether they are the same entity
 */
public record LabelledPair(MatchRecord left, MatchRecord right, boolean match) {
  public LabelledPair {
    Objects.requireNonNull(left, "left");
    Objects.requireNonNull(right, "right");
  }
}
