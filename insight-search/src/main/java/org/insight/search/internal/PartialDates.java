package org.insight.search.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import org.insight.core.PropertyType;

/** A partial date ("1975", "1975-03", "1975-03-14") as the range of days it covers. Not API. */
public final class PartialDates {
  private PartialDates() {}

  /** {first epoch day, last epoch day} of a cleaned partial date. */
  static int[] range(String cleaned) {
    String[] p = cleaned.split("-");
    int year = Integer.parseInt(p[0]);
    if (p.length == 1) {
      return new int[] {(int) LocalDate.of(year, 1, 1).toEpochDay(), (int) LocalDate.of(year, 12, 31).toEpochDay()};
    }
    int month = Integer.parseInt(p[1]);
    if (p.length == 2) {
      YearMonth ym = YearMonth.of(year, month);
      return new int[] {(int) ym.atDay(1).toEpochDay(), (int) ym.atEndOfMonth().toEpochDay()};
    }
    int day = (int) LocalDate.of(year, month, Integer.parseInt(p[2])).toEpochDay();
    return new int[] {day, day};
  }

  /** The range of a bound given by a user, cleaned as a date; throws the type's own error when it is no date. */
  public static int[] bound(String raw) {
    return range(PropertyType.DATE.clean(raw));
  }
}
