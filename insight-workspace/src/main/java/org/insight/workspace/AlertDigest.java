package org.insight.workspace;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.insight.policy.Label;

/**
 * One principal's alerts of one day ({@link Alerts#digest}): only their own, only those the session may still see,
 * with the standing queries that raised them.
 *
 * @param principal whose alerts they are
 * @param day the UTC day they were raised on
 * @param alerts the alerts, oldest first
 * @param queries the standing queries that raised them, in the order saved (those still saved and visible)
 * @param label the conjunction of the alerts' labels and their queries' labels; empty when there is no alert
 */
public record AlertDigest(String principal, LocalDate day, List<Alert> alerts, List<StandingQuery> queries,
    java.util.Optional<Label> label) {
  public AlertDigest {
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(day, "day");
    alerts = List.copyOf(alerts);
    queries = List.copyOf(queries);
    Objects.requireNonNull(label, "label");
  }
}
