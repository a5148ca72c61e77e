package org.insight.trends;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** The length of one period of a series; a period is named by its first day (weeks start on Monday, ISO 8601). */
public enum Granularity {
  DAY, WEEK, MONTH;

  /** The first day of the period that holds {@code day}. */
  public LocalDate periodOf(LocalDate day) {
    return switch (this) {
      case DAY -> day;
      case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case MONTH -> day.withDayOfMonth(1);
    };
  }

  /** The first day of the period after the one that starts on {@code period}. */
  public LocalDate next(LocalDate period) {
    return switch (this) {
      case DAY -> period.plusDays(1);
      case WEEK -> period.plusWeeks(1);
      case MONTH -> period.plusMonths(1);
    };
  }
}
