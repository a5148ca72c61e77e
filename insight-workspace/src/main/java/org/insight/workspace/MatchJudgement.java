package org.insight.workspace;

import java.time.Instant;
import java.util.Objects;
import org.insight.core.EntityId;
import org.insight.match.Judgement;
import org.insight.policy.Label;

/**
 * An analyst's judgement on two records as the workspace keeps it: a {@code SameAs} entity with a
 * {@code judgement} property, labelled with the conjunction of the two records' labels, so it is seen (and
 * honoured) only by sessions that may see both records.
 *
 * @param id the judgement's entity id
 * @param left one record
 * @param right the other
 * @param verdict same, different or unsure
 * @param reason why, as the analyst wrote it (may be empty)
 * @param principal who judged
 * @param at when the workspace recorded it
 * @param label the conjunction of the two records' labels
 */
public record MatchJudgement(EntityId id, EntityId left, EntityId right, Judgement.Verdict verdict, String reason,
    String principal, Instant at, Label label) {

  public MatchJudgement {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(left, "left");
    Objects.requireNonNull(right, "right");
    Objects.requireNonNull(verdict, "verdict");
    reason = reason == null ? "" : reason;
  }

  /** The judgement as the linker takes it. */
  public Judgement toJudgement() {
    return new Judgement(left.value(), right.value(), verdict, principal, at);
  }
}
