package org.insight.trends;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One period of one category's series: what was counted and what the category's own history expected for it
 * (seasonality included). {@code period} is the period's first day.
 */
public record SeriesPoint(String category, LocalDate period, long count, double expected) {
  public SeriesPoint {
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(period, "period");
    if (count < 0) {
      throw new IllegalArgumentException("count must be >= 0, got " + count);
    }
  }
}
