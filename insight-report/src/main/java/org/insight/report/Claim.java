package org.insight.report;

import java.util.Objects;
import org.insight.policy.Label;

/** One visible statement in a profile: its id, normalised and original value, its label and its source. */
public record Claim(String statementId, String value, String original, Label label, Source source) {
  public Claim {
    Objects.requireNonNull(statementId, "statementId");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(original, "original");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(source, "source");
  }
}
