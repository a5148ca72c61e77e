package org.insight.core;

import static org.insight.Messages.quote;
import static org.insight.core.internal.Problems.invalid;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads dates as people write them into the ISO form the SDK stores ({@code 1975}, {@code 1975-03},
 * {@code 1975-03-14}), for one source whose habits are known: the order of day and month, and the century of
 * two-digit years. {@link PropertyType#DATE} uses {@link #defaults()}.
 *
 * <p>Forms read (separators {@code - / .} and space are interchangeable where shown with {@code -}):
 * <ul>
 *   <li>ISO extended and basic: {@code 1975}, {@code 1975-03}, {@code 197503}, {@code 1975-03-14},
 *       {@code 19750314}, and ISO date-times (the calendar date as written is kept, not shifted to UTC);
 *   <li>ISO week dates {@code 1975-W11-5} / {@code 1975W115}, and a bare week {@code 1975-W11} when its seven days
 *       fall in one month (it is then that month; otherwise it is reported);
 *   <li>ISO ordinal dates {@code 1975-073} / {@code 1975073};
 *   <li>day and month with a four-digit year last, {@code 14-03-1975}: day-first by default, month-first with
 *       {@link Order#MDY}; a value that only reads the other way round ({@code 03/14/1975} under day-first) is
 *       reported with the fix, never silently swapped;
 *   <li>English month names, in any order with the day: {@code 14 March 1975}, {@code Mar 14, 1975},
 *       {@code 14-MAR-1975}, {@code March 1975};
 *   <li>two-digit years ({@code 14/03/75}, {@code 75/03/14} with {@link Order#YMD}, {@code 14-MAR-75}) only with
 *       a {@link Builder#pivot pivot}: without one the century is a guess, so the value is reported.
 * </ul>
 * Dates must exist (no 1975-02-30); years 1000–2999. A value of a recognised form whose month or day is out of
 * range (a corrupted {@code 1940-27-04}) is refused by {@link #clean}, but {@link #unchecked} still gives its parts
 * in ISO positions, so a matcher can compare it as written rather than lose it.
 *
 * <p>Immutable and thread-safe.
 */
public final class DateParser {

  /** The order of day, month and year in all-numeric dates whose year is not first. */
  public enum Order {
    /** Day, month, year: {@code 14/03/1975} (most of the world; the default). */
    DMY,
    /** Month, day, year: {@code 03/14/1975} (United States). */
    MDY,
    /** Year, month, day with a two-digit year: {@code 75/03/14}; four-digit-year-first dates are read so anyway. */
    YMD;

    /**
     * The order named {@code dmy}, {@code mdy} or {@code ymd} (case-insensitive).
     *
     * @throws IllegalArgumentException naming the three when the name is none of them
     */
    public static Order forId(String id) {
      for (Order o : values()) {
        if (o.name().equalsIgnoreCase(id == null ? "" : id.strip())) {
          return o;
        }
      }
      throw new IllegalArgumentException("unknown date order '" + id + "'; use dmy, mdy or ymd");
    }
  }

  private static final DateParser DEFAULTS = new DateParser(Order.DMY, false, null);

  private static final String SEP = "[-/. ]";
  private static final Pattern Y = Pattern.compile("(\\d{4})");
  private static final Pattern YM = Pattern.compile("(\\d{4})[-/.](\\d{1,2})");
  private static final Pattern YM_BASIC = Pattern.compile("(\\d{4})(\\d{2})");
  private static final Pattern YMD = Pattern.compile("(\\d{4})([-/. ])(\\d{1,2})\\2(\\d{1,2})");
  private static final Pattern YMD_BASIC = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
  private static final Pattern ORDINAL = Pattern.compile("(\\d{4})-?(\\d{3})");
  private static final Pattern WEEK = Pattern.compile("(\\d{4})-?[Ww](\\d{2})(?:-?(\\d))?");
  private static final Pattern NUMERIC_YEAR_LAST = Pattern.compile("(\\d{1,2})([-/. ])(\\d{1,2})\\2(\\d{4}|\\d{2})");
  private static final Pattern NUMERIC_SHORT_YEAR_FIRST = Pattern.compile("(\\d{2})([-/. ])(\\d{1,2})\\2(\\d{1,2})");
  private static final Pattern DAY_MONTH_NAME = Pattern.compile(
      "(\\d{1,2})(?:st|nd|rd|th)?[-/. ]*([A-Za-z]{3,9})\\.?[-/., ]*(\\d{4}|\\d{2})");
  private static final Pattern MONTH_NAME_DAY = Pattern.compile(
      "([A-Za-z]{3,9})\\.?[-/. ]*(\\d{1,2})(?:st|nd|rd|th)?,?[-/. ]+(\\d{4})");
  private static final Pattern MONTH_NAME_YEAR = Pattern.compile("([A-Za-z]{3,9})\\.?[-/., ]*(\\d{4})");
  private static final Pattern DATE_TIME = Pattern.compile(
      "(\\d{4})-(\\d{2})-(\\d{2})[Tt ](\\d{2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d{1,9})?)?"
          + "(?:[Zz]|[+-]\\d{2}(?::?\\d{2})?)?");
  private static final String[] MONTHS = {"january", "february", "march", "april", "may", "june", "july",
      "august", "september", "october", "november", "december"};

  private final Order order;
  private final boolean orderGiven;
  private final Integer pivot;

  private DateParser(Order order, boolean orderGiven, Integer pivot) {
    this.order = order;
    this.orderGiven = orderGiven;
    this.pivot = pivot;
  }

  /** Day-first, no pivot: what {@link PropertyType#DATE} reads. */
  public static DateParser defaults() {
    return DEFAULTS;
  }

  /** A parser for one source's habits. */
  public static Builder builder() {
    return new Builder();
  }

  /** The day/month order of this source. */
  public Order order() {
    return order;
  }

  /** The first year of the hundred that two-digit years are read into, if one was given. */
  public Optional<Integer> pivot() {
    return Optional.ofNullable(pivot);
  }

  /**
   * The ISO form of {@code raw}: {@code yyyy}, {@code yyyy-MM} or {@code yyyy-MM-dd}. Idempotent.
   *
   * @throws InvalidDataException one problem saying what was wrong with the value and what to do
   * @throws NullPointerException if {@code raw} is null
   */
  public String clean(String raw) {
    Fields f = fields(raw);
    return check(raw, f);
  }

  /**
   * The parts of a value that {@link #clean} refuses only because its month or day is out of range
   * ({@code 1940-27-04}, {@code 31.02.1975}), laid out in ISO positions as written: {@code 1940-27-04},
   * {@code 1975-02-31}. Empty for a valid date (use {@link #clean}) and for a value of no recognised form or with
   * an impossible year: there is nothing to compare then. What it returns is not a date; compare it as text.
   */
  public Optional<String> unchecked(String raw) {
    Objects.requireNonNull(raw, "raw");
    Fields f;
    try {
      f = fields(raw);
      check(raw, f);
      return Optional.empty();
    } catch (InvalidDataException e) {
      f = layout(raw);
    }
    if (f == null || f.year < 1000 || f.year > 2999 || f.month < 1 || f.month > 99 || f.day > 99) {
      return Optional.empty();
    }
    return Optional.of(f.day == 0 ? String.format(Locale.ROOT, "%04d-%02d", f.year, f.month)
        : String.format(Locale.ROOT, "%04d-%02d-%02d", f.year, f.month, f.day));
  }

  /** Year, month, day as read (0 = absent), before any range check. */
  private record Fields(int year, int month, int day) {}

  /** The fields of a numeric form as written, without the range checks, for {@link #unchecked}. */
  private Fields layout(String raw) {
    String s = raw.strip();
    Matcher m;
    if ((m = YMD_BASIC.matcher(s)).matches()) {
      return new Fields(num(m, 1), num(m, 2), num(m, 3));
    } else if ((m = YMD.matcher(s)).matches()) {
      return new Fields(num(m, 1), num(m, 3), num(m, 4));
    } else if ((m = YM.matcher(s)).matches() || (m = YM_BASIC.matcher(s)).matches()) {
      return new Fields(num(m, 1), num(m, 2), 0);
    } else if ((m = NUMERIC_YEAR_LAST.matcher(s)).matches() && m.group(4).length() == 4) {
      boolean monthFirst = order == Order.MDY;
      return new Fields(num(m, 4), num(m, monthFirst ? 1 : 3), num(m, monthFirst ? 3 : 1));
    }
    return null;
  }

  private Fields fields(String raw) {
    String s = raw.strip();
    Matcher m;
    if ((m = Y.matcher(s)).matches()) {
      return new Fields(num(m, 1), 0, 0);
    } else if ((m = YM.matcher(s)).matches()) {
      return new Fields(num(m, 1), num(m, 2), 0);
    } else if ((m = YMD.matcher(s)).matches()) {
      return new Fields(num(m, 1), num(m, 3), num(m, 4));
    } else if ((m = YMD_BASIC.matcher(s)).matches()) {
      return new Fields(num(m, 1), num(m, 2), num(m, 3));
    } else if ((m = ORDINAL.matcher(s)).matches()) {
      return ordinal(raw, num(m, 1), num(m, 2));
    } else if ((m = YM_BASIC.matcher(s)).matches()) {
      return new Fields(num(m, 1), num(m, 2), 0);
    } else if ((m = WEEK.matcher(s)).matches()) {
      return week(raw, num(m, 1), num(m, 2), m.group(3) == null ? 0 : num(m, 3));
    } else if ((m = DATE_TIME.matcher(s)).matches()) {
      int h = num(m, 4);
      int min = num(m, 5);
      int sec = m.group(6) == null ? 0 : num(m, 6);
      if (h > 24 || min > 59 || sec > 60) {
        throw invalid("date", "the time in " + quote(raw) + " is not a valid time of day; give an ISO date-time"
            + " such as 1975-03-09T14:30:00Z, or only the date 1975-03-09");
      }
      // the calendar date as written by the source: not shifted to UTC, which could move it by a day
      return new Fields(num(m, 1), num(m, 2), num(m, 3));
    } else if ((m = NUMERIC_YEAR_LAST.matcher(s)).matches() && (order != Order.YMD || m.group(4).length() == 4)) {
      return dayMonth(raw, num(m, 1), num(m, 3), year(raw, m.group(4)));
    } else if ((m = NUMERIC_SHORT_YEAR_FIRST.matcher(s)).matches() && order == Order.YMD) {
      return new Fields(year(raw, m.group(1)), num(m, 3), num(m, 4));
    } else if ((m = DAY_MONTH_NAME.matcher(s)).matches() && month(m.group(2)) > 0) {
      return new Fields(year(raw, m.group(3)), month(m.group(2)), num(m, 1));
    } else if ((m = MONTH_NAME_DAY.matcher(s)).matches() && month(m.group(1)) > 0) {
      return new Fields(num(m, 3), month(m.group(1)), num(m, 2));
    } else if ((m = MONTH_NAME_YEAR.matcher(s)).matches() && month(m.group(1)) > 0) {
      return new Fields(num(m, 2), month(m.group(1)), 0);
    }
    throw invalid("date", "the value " + quote(raw) + " is not a date; use ISO form 1975, 1975-03 or 1975-03-09"
        + " (also read: 19750309, 197503, 1975-W10-7, 1975-068, day-first 09.03.1975 or 09/03/1975 — month-first"
        + " with the date order mdy —, 9 March 1975, ISO date-times)");
  }

  /** Day and month of an all-numeric date with the year last, in this source's order; never swapped silently. */
  private Fields dayMonth(String raw, int first, int second, int year) {
    boolean monthFirst = order == Order.MDY;
    int day = monthFirst ? second : first;
    int month = monthFirst ? first : second;
    if ((month < 1 || month > 12) && day >= 1 && day <= 12 && month <= 31) {
      String other = monthFirst ? "day-first (dmy)" : "month-first (mdy)";
      throw invalid("date", quote(raw) + " has no month " + month + " when read "
          + (monthFirst ? "month-first" : "day-first") + (orderGiven ? " as this source's date order says" : " (the default)")
          + "; it would read " + String.format(Locale.ROOT, "%04d-%02d-%02d", year, day, month) + " " + other
          + ": if the source writes dates that way, give that date order; otherwise correct the value");
    }
    return new Fields(year, month, day);
  }

  private int year(String raw, String digits) {
    int y = Integer.parseInt(digits);
    if (digits.length() == 4) {
      return y;
    }
    if (pivot == null) {
      throw invalid("date", "the year in " + quote(raw) + " has two digits, so its century is unknown; give a"
          + " four-digit year, or a pivot for this source (e.g. 1930: 30–99 are 1930–1999, 00–29 are 2000–2029)");
    }
    int candidate = pivot - Math.floorMod(pivot, 100) + y;
    return candidate < pivot ? candidate + 100 : candidate;
  }

  private static Fields ordinal(String raw, int year, int dayOfYear) {
    checkYear(raw, year);
    if (dayOfYear < 1 || dayOfYear > (java.time.Year.isLeap(year) ? 366 : 365)) {
      throw invalid("date", "the day of the year " + dayOfYear + " in " + quote(raw) + " is not 1–"
          + (java.time.Year.isLeap(year) ? 366 : 365) + "; an ordinal date is year-day, e.g. 1975-073 for 14 March");
    }
    LocalDate d = LocalDate.ofYearDay(year, dayOfYear);
    return new Fields(d.getYear(), d.getMonthValue(), d.getDayOfMonth());
  }

  private static Fields week(String raw, int year, int week, int day) {
    checkYear(raw, year);
    LocalDate monday;
    try {
      LocalDate mid = LocalDate.of(year, 6, 1);
      long weeks = mid.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum();
      if (week < 1 || week > weeks) {
        throw new DateTimeException("week");
      }
      monday = mid.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week).with(DayOfWeek.MONDAY);
    } catch (DateTimeException e) {
      throw invalid("date", "the week " + week + " in " + quote(raw) + " does not exist in " + year
          + "; an ISO week date is year-Wweek-day, e.g. 1975-W11-5");
    }
    if (day > 0) {
      if (day > 7) {
        throw invalid("date", "the weekday " + day + " in " + quote(raw) + " is not 1–7 (Monday–Sunday)");
      }
      LocalDate d = monday.plusDays(day - 1L);
      return new Fields(d.getYear(), d.getMonthValue(), d.getDayOfMonth());
    }
    LocalDate sunday = monday.plusDays(6);
    if (YearMonth.from(monday).equals(YearMonth.from(sunday))) {
      return new Fields(monday.getYear(), monday.getMonthValue(), 0);
    }
    throw invalid("date", "the week " + quote(raw) + " spans " + YearMonth.from(monday) + " and "
        + YearMonth.from(sunday) + ", so its month is ambiguous; give the weekday too, e.g. " + raw.strip() + "-1");
  }

  private static int month(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.equals("sept")) {
      return 9;
    }
    for (int i = 0; i < MONTHS.length; i++) {
      if (n.length() >= 3 && MONTHS[i].startsWith(n)) {
        return i + 1;
      }
    }
    return 0;
  }

  private static int num(Matcher m, int group) {
    return Integer.parseInt(m.group(group));
  }

  private static void checkYear(String raw, int y) {
    if (y < 1000 || y > 2999) {
      throw invalid("date", "the year " + y + " in " + quote(raw) + " is outside 1000–2999; check the value"
          + " (a two-digit or mistyped year?) and give a four-digit year");
    }
  }

  private static String check(String raw, Fields f) {
    checkYear(raw, f.year);
    if (f.month == 0) {
      return String.format(Locale.ROOT, "%04d", f.year);
    }
    if (f.month < 1 || f.month > 12) {
      throw invalid("date", "the month " + f.month + " in " + quote(raw) + " is not 1–12; give the date as"
          + " year-month-day (1975-03-09) or day-first (09.03.1975), or only the year if the rest is unknown");
    }
    if (f.day == 0) {
      return String.format(Locale.ROOT, "%04d-%02d", f.year, f.month);
    }
    YearMonth ym = YearMonth.of(f.year, f.month);
    if (!ym.isValidDay(f.day)) {
      throw invalid("date", quote(raw) + " is not a real calendar date (" + ym + " has " + ym.lengthOfMonth()
          + " days); correct the day, or give only the known part, e.g. " + ym);
    }
    return String.format(Locale.ROOT, "%04d-%02d-%02d", f.year, f.month, f.day);
  }

  /** Options of a {@link DateParser}. */
  public static final class Builder {
    private Order order;
    private Integer pivot;

    private Builder() {}

    /** The day/month order of the source's all-numeric dates; day-first when not given. */
    public Builder order(Order order) {
      Objects.requireNonNull(order, "order");
      if (this.order != null) {
        throw new IllegalStateException("the date order was already set to " + this.order);
      }
      this.order = order;
      return this;
    }

    /**
     * Reads two-digit years into the hundred years starting at {@code firstYear}: with 1930, 30–99 are 1930–1999
     * and 00–29 are 2000–2029. Without a pivot a two-digit year is reported.
     */
    public Builder pivot(int firstYear) {
      if (pivot != null) {
        throw new IllegalStateException("the pivot was already set to " + pivot);
      }
      if (firstYear < 1000 || firstYear > 2900) {
        throw new IllegalArgumentException("pivot " + firstYear + " is outside 1000–2900; give the first year of"
            + " the hundred two-digit years fall in, e.g. 1930");
      }
      this.pivot = firstYear;
      return this;
    }

    /** The parser. */
    public DateParser build() {
      return new DateParser(order == null ? Order.DMY : order, order != null, pivot);
    }
  }
}
