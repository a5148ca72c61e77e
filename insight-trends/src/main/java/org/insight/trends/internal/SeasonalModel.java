package org.insight.trends.internal;

import java.util.Arrays;

/**
 * A Poisson log-linear model of one category's counts with main effects for the day of the week and the month of the
 * year: the expected count of a period is μ_t = β · w[weekday(t)] · Σ_m d_{t,m} · s[m], where d_{t,m} is the share of
 * the period's days that fall in month m inside the analysed range (a week across two months takes from both, a
 * partial first or last period less than 1). It is fitted by maximum likelihood: iterative proportional fitting for the
 * weekday levels and EM for the month levels (each period's count split between its months in proportion to their
 * expectation), which converge to the MLE of this model. Overdispersion is a negative-binomial α (variance μ + αμ²)
 * by the method of moments on the fit's residuals, 0 when the data are not overdispersed (Cameron and Trivedi,
 * <i>Regression Analysis of Count Data</i>, 2nd ed., §3.2). The uncertainty of the fitted effects is carried as
 * extra dispersion: a level estimated from Y events has a relative variance of about 1/Y.
 */
public final class SeasonalModel {
  private final double base;
  private final double[] weekday;
  private final double[] month;
  private final double alpha;
  private final double[] weekdayVariance;
  private final double[] monthVariance;
  private final double baseVariance;

  private SeasonalModel(double base, double[] weekday, double[] month, double alpha, double[] weekdayVariance,
      double[] monthVariance, double baseVariance) {
    this.base = base;
    this.weekday = weekday;
    this.month = month;
    this.alpha = alpha;
    this.weekdayVariance = weekdayVariance;
    this.monthVariance = monthVariance;
    this.baseVariance = baseVariance;
  }

  /**
   * Fits periods {@code 0..n-1} of {@code p} ({@link Shape}) to {@code counts}. Periods with no exposure are left out.
   */
  public static SeasonalModel fit(long[] counts, Shape p, int n) {
    double total = 0;
    double exposed = 0;
    double[] wdTotal = new double[7];
    double[] moTotal = new double[12];
    for (int t = 0; t < n; t++) {
      if (p.exposure[t] > 0) {
        total += counts[t];
        exposed += p.exposure[t];
        if (p.weekday[t] >= 0) {
          wdTotal[p.weekday[t]] += counts[t];
        }
        if (p.monthA[t] >= 0) {
          moTotal[p.dominantMonth(t)] += counts[t];
        }
      }
    }
    double base = exposed > 0 ? total / exposed : 0;
    double[] w = ones(7);
    double[] m = ones(12);
    SeasonalModel model = new SeasonalModel(base, w, m, 0, null, null, 0);
    if (base > 0) {
      for (int iteration = 0; iteration < 200; iteration++) {
        double change = p.hasWeekdays() ? model.rakeWeekdays(counts, p, n) : 0;
        change += p.hasMonths() ? model.emMonths(counts, p, n) : 0;
        if (change < 1e-9) {
          break;
        }
      }
    }
    int parameters = 1 + (p.hasWeekdays() ? 6 : 0) + (p.hasMonths() ? 11 : 0);
    double excess = 0;
    double squares = 0;
    int used = 0;
    for (int t = 0; t < n; t++) {
      if (p.exposure[t] > 0) {
        double mu = model.mean(p, t);
        double r = counts[t] - mu;
        excess += r * r - mu;
        squares += mu * mu;
        used++;
      }
    }
    double alpha = used > parameters && squares > 0 ? Math.max(0, excess / squares * used / (used - parameters)) : 0;
    double[] wv = new double[7];
    double[] mv = new double[12];
    for (int i = 0; i < 7; i++) {
      wv[i] = 1 / Math.max(1, wdTotal[i]);
    }
    for (int i = 0; i < 12; i++) {
      mv[i] = 1 / Math.max(1, moTotal[i]);
    }
    return new SeasonalModel(base, w, m, alpha, wv, mv, 1 / Math.max(1, total));
  }

  /** Scales each weekday so that its fitted total equals its observed total (IPF); returns the change. */
  private double rakeWeekdays(long[] counts, Shape p, int n) {
    double[] observed = new double[7];
    double[] fitted = new double[7];
    for (int t = 0; t < n; t++) {
      if (p.weekday[t] >= 0 && p.exposure[t] > 0) {
        observed[p.weekday[t]] += counts[t];
        fitted[p.weekday[t]] += mean(p, t);
      }
    }
    double change = 0;
    for (int level = 0; level < 7; level++) {
      if (fitted[level] > 0) {
        double f = observed[level] / fitted[level];
        change += Math.abs(f - 1);
        weekday[level] *= f;
      }
    }
    return change;
  }

  /** One EM step for the month effects: each count shared between its months by their expectation. */
  private double emMonths(long[] counts, Shape p, int n) {
    double[] expected = new double[12];
    double[] exposure = new double[12];
    for (int t = 0; t < n; t++) {
      if (p.exposure[t] <= 0) {
        continue;
      }
      double w = base * (p.weekday[t] >= 0 ? weekday[p.weekday[t]] : 1);
      double a = w * p.shareA[t] * month[p.monthA[t]];
      double b = p.monthB[t] >= 0 ? w * p.shareB[t] * month[p.monthB[t]] : 0;
      double mu = a + b;
      if (mu > 0) {
        expected[p.monthA[t]] += counts[t] * a / mu;
        if (p.monthB[t] >= 0) {
          expected[p.monthB[t]] += counts[t] * b / mu;
        }
      }
      exposure[p.monthA[t]] += w * p.shareA[t];
      if (p.monthB[t] >= 0) {
        exposure[p.monthB[t]] += w * p.shareB[t];
      }
    }
    double change = 0;
    for (int level = 0; level < 12; level++) {
      if (exposure[level] > 0) {
        double next = expected[level] / exposure[level];
        change += Math.abs(next - month[level]) / Math.max(1e-12, month[level]);
        month[level] = next;
      }
    }
    return change;
  }

  private static double[] ones(int n) {
    double[] a = new double[n];
    Arrays.fill(a, 1);
    return a;
  }

  /** The expected count of period {@code t}. */
  public double mean(Shape p, int t) {
    double w = base * (p.weekday[t] >= 0 ? weekday[p.weekday[t]] : 1);
    if (p.monthA[t] < 0) {
      return w * p.exposure[t];
    }
    return w * (p.shareA[t] * month[p.monthA[t]] + (p.monthB[t] >= 0 ? p.shareB[t] * month[p.monthB[t]] : 0));
  }

  /**
   * The dispersion of period {@code t}'s count: α plus the relative variance of its fitted mean, so the count is read
   * as negative binomial with variance μ + (α + v)μ². A fitted level's error is shared by every monitored period of
   * that level (the weeks of one month), and a break summed over them carries it once per period: v is the level's
   * relative variance (1/Y for a level fitted on Y events) times the number of monitored periods
   * ({@code window = from..to-1}) sharing it, up to {@link #SHARED} (the length of a typical break).
   */
  public double dispersion(Shape p, int t, int from, int to) {
    double v;
    if (p.weekday[t] < 0 && p.monthA[t] < 0) {
      v = baseVariance;
    } else {
      v = 0;
      if (p.weekday[t] >= 0) {
        int shared = 0;
        for (int u = from; u < to; u++) {
          shared += p.weekday[u] == p.weekday[t] ? 1 : 0;
        }
        v += weekdayVariance[p.weekday[t]] * Math.min(SHARED, Math.max(1, shared));
      }
      if (p.monthA[t] >= 0) {
        int shared = 0;
        for (int u = from; u < to; u++) {
          shared += p.dominantMonth(u) == p.dominantMonth(t) ? 1 : 0;
        }
        v += monthVariance[p.dominantMonth(t)] * Math.min(SHARED, Math.max(1, shared));
      }
    }
    return alpha + v;
  }

  /** The most monitored periods a level's estimation error is counted for. */
  static final int SHARED = 4;

  /** The negative-binomial dispersion α of the history (0: Poisson). */
  public double alpha() {
    return alpha;
  }

  /**
   * The calendar of an analysed range: per period its exposure (share of its days inside the range), its weekday
   * (0–6, or -1 when there is no weekday effect) and the one or two months its days fall in with their shares (-1 for
   * none when there is no month effect).
   */
  public static final class Shape {
    final double[] exposure;
    final int[] weekday;
    final int[] monthA;
    final double[] shareA;
    final int[] monthB;
    final double[] shareB;

    Shape(int n) {
      exposure = new double[n];
      weekday = new int[n];
      monthA = new int[n];
      shareA = new double[n];
      monthB = new int[n];
      shareB = new double[n];
      Arrays.fill(weekday, -1);
      Arrays.fill(monthA, -1);
      Arrays.fill(monthB, -1);
    }

    boolean hasWeekdays() {
      return weekday.length > 0 && weekday[0] >= 0;
    }

    boolean hasMonths() {
      return monthA.length > 0 && monthA[0] >= 0;
    }

    int dominantMonth(int t) {
      return monthB[t] >= 0 && shareB[t] > shareA[t] ? monthB[t] : monthA[t];
    }
  }
}
