package org.insight.trends.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.insight.trends.Granularity;

/** The periods of an analysed range {@code first..last}, numbered from 0, and the day → period arithmetic. */
final class Periods {
  private final Granularity granularity;
  private final LocalDate first;
  private final LocalDate last;
  private final LocalDate origin;
  private final int size;

  Periods(Granularity granularity, LocalDate first, LocalDate last) {
    this.granularity = granularity;
    this.first = first;
    this.last = last;
    this.origin = granularity.periodOf(first);
    this.size = index(last) + 1;
  }

  int size() {
    return size;
  }

  /** The period that holds {@code day} (which must be in the range). */
  int index(LocalDate day) {
    return switch (granularity) {
      case DAY -> (int) (day.toEpochDay() - origin.toEpochDay());
      case WEEK -> (int) ((day.toEpochDay() - origin.toEpochDay()) / 7);
      case MONTH -> (day.getYear() - origin.getYear()) * 12 + day.getMonthValue() - origin.getMonthValue();
    };
  }

  /** The first day of period {@code t}. */
  LocalDate start(int t) {
    return switch (granularity) {
      case DAY -> origin.plusDays(t);
      case WEEK -> origin.plusWeeks(t);
      case MONTH -> origin.plusMonths(t);
    };
  }

  /** The calendar of every period (see {@link SeasonalModel.Shape}), with or without the two effects. */
  SeasonalModel.Shape shape(boolean weekdays, boolean months) {
    SeasonalModel.Shape out = new SeasonalModel.Shape(size);
    for (int t = 0; t < size; t++) {
      LocalDate start = start(t);
      LocalDate end = granularity.next(start).minusDays(1);
      double length = ChronoUnit.DAYS.between(start, end) + 1;
      LocalDate a = start.isBefore(first) ? first : start;
      LocalDate b = end.isAfter(last) ? last : end;
      out.exposure[t] = (ChronoUnit.DAYS.between(a, b) + 1) / length;
      if (weekdays && granularity == Granularity.DAY) {
        out.weekday[t] = start.getDayOfWeek().getValue() - 1;
      }
      if (months) {
        out.monthA[t] = a.getMonthValue() - 1;
        if (b.getMonthValue() != a.getMonthValue()) {
          LocalDate firstOfB = b.withDayOfMonth(1);
          out.monthB[t] = b.getMonthValue() - 1;
          out.shareA[t] = ChronoUnit.DAYS.between(a, firstOfB) / length;
          out.shareB[t] = (ChronoUnit.DAYS.between(firstOfB, b) + 1) / length;
        } else {
          out.shareA[t] = out.exposure[t];
        }
      }
    }
    return out;
  }
}
