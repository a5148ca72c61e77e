package org.insight.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Decides whether a principal, reading for a purpose at an instant, may see data with a label.
 *
 * <p>The standard policy checks, in this order, and denies at the first failure:
 * <ol>
 *   <li>the session's purpose is a real purpose, not {@link Purpose#ANY};
 *   <li>the principal's authorizations satisfy the label's expression;
 *   <li>the label allows the purpose;
 *   <li>the instant, as a UTC date, is not after the label's deletion date.
 * </ol>
 * Otherwise it allows; when the UTC date is after the label's review date the reason says the review is overdue.
 * Reasons are short and specific for the audit log and never name the label's authorization tokens.
 *
 * <p>Immutable and thread-safe.
 */
public final class Policy {
  private static final Policy STANDARD = new Policy();

  private Policy() {}

  /** The standard policy described in the class comment. */
  public static Policy standard() {
    return STANDARD;
  }

  /**
   * Decides one access.
   *
   * @param principal who reads
   * @param purpose why (the session's declared purpose)
   * @param label the data's label
   * @param at when; compared with the label's dates as a UTC date
   * @return the decision and its reason
   */
  public Decision decide(Principal principal, Purpose purpose, Label label, Instant at) {
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(at, "at");
    if (purpose.equals(Purpose.ANY)) {
      return Decision.deny("session purpose is 'any': a session must declare a specific purpose");
    }
    if (!label.expression().visibleTo(principal.authorizations())) {
      return Decision.deny("principal " + principal.id() + " lacks the authorizations the label requires");
    }
    if (!label.allows(purpose)) {
      return Decision.deny(label.purposes().isEmpty()
          ? "label allows no purpose (combined from data with disjoint purpose restrictions)"
          : "purpose " + purpose + " is not allowed by the label (allowed: " + label.purposes() + ")");
    }
    LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
    if (label.deleteAfter().isPresent() && day.isAfter(label.deleteAfter().get())) {
      return Decision.deny("retention expired: delete-after " + label.deleteAfter().get() + ", now " + day
          + " UTC");
    }
    if (label.reviewBy().isPresent() && day.isAfter(label.reviewBy().get())) {
      return Decision.allow("allowed for " + purpose + ", but retention review is overdue since "
          + label.reviewBy().get());
    }
    return Decision.allow("allowed for " + purpose);
  }
}
