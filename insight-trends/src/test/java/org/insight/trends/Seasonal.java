package org.insight.trends;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Generated daily events with a weekday and a month-of-year effect, Poisson around them, from a fixed seed. */
final class Seasonal {
  /** Weekday multipliers, Monday first: busy Fridays and Saturdays, quiet Sundays. */
  static final double[] WEEKDAY = {0.9, 0.9, 1.0, 1.0, 1.3, 1.4, 0.5};
  /** Month multipliers, January first: a summer peak. */
  static final double[] MONTH = {0.8, 0.8, 0.9, 1.0, 1.0, 1.2, 1.4, 1.4, 1.1, 1.0, 0.9, 0.7};

  private Seasonal() {}

  /** The mean count of {@code day} for a category averaging {@code perDay}. */
  static double mean(LocalDate day, double perDay) {
    return perDay * WEEKDAY[day.getDayOfWeek().getValue() - 1] * MONTH[day.getMonthValue() - 1];
  }

  /** Events of one category from {@code from} to {@code to}. */
  static List<TrendEvent> events(String category, LocalDate from, LocalDate to, double perDay,
      SplittableRandom random) {
    List<TrendEvent> out = new ArrayList<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      long n = poisson(mean(d, perDay), random);
      for (long i = 0; i < n; i++) {
        out.add(TrendEvent.of(d, category));
      }
    }
    return out;
  }

  /** A Poisson draw (Knuth's product method for small means, a rounded normal for large ones). */
  static long poisson(double mu, SplittableRandom random) {
    if (mu > 60) {
      return Math.max(0, Math.round(mu + Math.sqrt(mu) * random.nextGaussian()));
    }
    double limit = Math.exp(-mu);
    double p = random.nextDouble();
    long k = 0;
    while (p > limit) {
      p *= random.nextDouble();
      k++;
    }
    return k;
  }
}
