package org.insight.match;

import java.time.Instant;
import java.util.Objects;

/**
 * An analyst's decision about two records. Judgements override the model on every run: {@link Verdict#SAME} forces
 * the two into one cluster (and SAME is transitive), {@link Verdict#DIFFERENT} forbids them ever sharing a cluster,
 * {@link Verdict#UNSURE} is recorded and changes nothing. When one pair has several judgements the latest wins.
 * Serializable: distributed engines ship them to their workers.
 *
 * @param leftId one record id
 * @param rightId the other record id
 * @param verdict the decision
 * @param who who decided
 * @param when when
 */
public record Judgement(String leftId, String rightId, Verdict verdict, String who, Instant when)
    implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  /** What an analyst decided. */
  public enum Verdict {
    /** The two records describe the same real-world entity. */
    SAME,
    /** They do not: never cluster them together. */
    DIFFERENT,
    /** Undecided; no effect on linking. */
    UNSURE
  }

  public Judgement {
    Objects.requireNonNull(leftId, "leftId");
    Objects.requireNonNull(rightId, "rightId");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(who, "who");
    Objects.requireNonNull(when, "when");
    if (leftId.equals(rightId)) {
      throw new IllegalArgumentException("a judgement needs two different records; got " + leftId + " twice");
    }
  }

  /** Whether this judgement is about the (unordered) pair {@code a}, {@code b}. */
  public boolean concerns(String a, String b) {
    return leftId.equals(a) && rightId.equals(b) || leftId.equals(b) && rightId.equals(a);
  }
}
