package org.insight.report;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.insight.policy.Label;

/**
 * The marking a product carries at its top and bottom: the conjunction of the labels of everything in it (empty when
 * it holds nothing labelled), the handling caveats of that label, the purpose it was made for, the principal, the
 * time, and the id of the audit entry written when it was made.
 */
public record Banner(Optional<Label> label, Set<String> caveats, String purpose, String principal, Instant time,
    String auditId) {
  public Banner {
    Objects.requireNonNull(label, "label");
    caveats = Set.copyOf(new TreeSet<>(caveats));
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(principal, "principal");
    time = Objects.requireNonNull(time, "time").truncatedTo(ChronoUnit.SECONDS);
    Objects.requireNonNull(auditId, "auditId");
  }

  /** The banner for what carries {@code label}: its caveats are the label's. */
  public static Banner of(Optional<Label> label, String purpose, String principal, Instant time, String auditId) {
    return new Banner(label, label.map(Label::caveats).orElse(Set.of()), purpose, principal, time, auditId);
  }

  /** The label's text, or {@code UNLABELLED} when the product holds nothing labelled. */
  public String labelText() {
    return label.map(Label::toString).orElse("UNLABELLED");
  }

  /** One line: label, caveats, purpose, principal, time, audit id. */
  public String text() {
    return "LABEL " + labelText() + " | CAVEATS " + (caveats.isEmpty() ? "none" : String.join(",", new TreeSet<>(caveats)))
        + " | PURPOSE " + purpose + " | PRINCIPAL " + principal + " | MADE " + time + " | AUDIT " + auditId;
  }
}
