package org.insight.trends;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import org.insight.policy.Label;

/**
 * One thing that happened on a day in a category — a reported offence, a call, a payment, a document — that a trends
 * analysis counts. {@code label} is the conjunction of the labels of what it was built from (empty for unlabelled
 * input such as a CSV file); {@code source} says where it came from (a record id, {@code file:line}) and may be empty.
 */
public record TrendEvent(LocalDate day, String category, Optional<Label> label, String source) {
  public TrendEvent {
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(source, "source");
  }

  /** An unlabelled event without a source. */
  public static TrendEvent of(LocalDate day, String category) {
    return new TrendEvent(day, category, Optional.empty(), "");
  }

  /** A labelled event. */
  public static TrendEvent of(LocalDate day, String category, Label label, String source) {
    return new TrendEvent(day, category, Optional.of(label), source);
  }

  /** An unlabelled event at an instant, counted on its UTC day. */
  public static TrendEvent at(Instant instant, String category) {
    return of(LocalDate.ofInstant(instant, ZoneOffset.UTC), category);
  }
}
