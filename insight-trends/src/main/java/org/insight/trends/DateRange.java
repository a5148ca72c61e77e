package org.insight.trends;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** The days from {@code from} to {@code to}, both included. */
public record DateRange(LocalDate from, LocalDate to) {
  public DateRange {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("a date range ends on or after it starts: " + from + ".." + to);
    }
  }

  /**
   * Reads {@code 2026-01-01..2026-03-31} (ISO days, both included).
   *
   * @throws IllegalArgumentException naming the expected form when {@code text} is not one
   */
  public static DateRange parse(String text) {
    String[] parts = text.strip().split("\\.\\.", -1);
    if (parts.length != 2) {
      throw new IllegalArgumentException("'" + text + "' is not a date range; write FROM..TO, e.g."
          + " 2026-01-01..2026-03-31");
    }
    try {
      return new DateRange(LocalDate.parse(parts[0].strip()), LocalDate.parse(parts[1].strip()));
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException("'" + text + "' is not a date range of ISO days; write FROM..TO, e.g."
          + " 2026-01-01..2026-03-31", e);
    }
  }

  /** How many days it holds. */
  public long days() {
    return ChronoUnit.DAYS.between(from, to) + 1;
  }

  /** Whether {@code day} is in it. */
  public boolean contains(LocalDate day) {
    return !day.isBefore(from) && !day.isAfter(to);
  }

  /** The same days one year earlier (29 February falls back to the 28th). */
  public DateRange yearBefore() {
    return new DateRange(from.minusYears(1), to.minusYears(1));
  }

  @Override
  public String toString() {
    return from + ".." + to;
  }
}
