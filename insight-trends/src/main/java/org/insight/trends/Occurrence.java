package org.insight.trends;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.insight.policy.Label;

/**
 * A value seen in a context on a day — a phone number in a country's reports, a modus operandi in a region — the
 * input of {@link TrendAnalysis#newCooccurrences}. {@code label} and {@code source} as in {@link TrendEvent}.
 */
public record Occurrence(LocalDate day, String value, String context, Optional<Label> label, String source) {
  public Occurrence {
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(source, "source");
  }

  /** An unlabelled occurrence without a source. */
  public static Occurrence of(LocalDate day, String value, String context) {
    return new Occurrence(day, value, context, Optional.empty(), "");
  }
}
