package org.insight.trends.internal;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The null distribution of the largest value an upper CUSUM S_t = max(0, S_{t−1} + z_t − k) reaches over a window of
 * {@code m} periods of standard normal residuals, by simulation (fixed seed, so every run gives the same p-values),
 * with Siegmund's exponential tail P(max S ≥ x) ∝ exp(−2kx) beyond the simulated quantiles (Siegmund,
 * <i>Sequential Analysis</i>, 1985, ch. X). One table per window length, kept.
 */
public final class CusumNull {
  static final int SIMULATIONS = 20_000;
  private static final int TAIL = 200;
  private static final ConcurrentHashMap<Long, double[]> TABLES = new ConcurrentHashMap<>();

  private CusumNull() {}

  /** P(max_t S_t ≥ x) for a window of {@code m} periods and reference value {@code k}. */
  public static double p(double x, int m, double k) {
    if (x <= 0) {
      return 1;
    }
    double[] sorted = TABLES.computeIfAbsent(((long) m << 20) ^ Double.doubleToLongBits(k), key -> simulate(m, k));
    int atLeast = sorted.length - lowerBound(sorted, x);
    if (atLeast >= TAIL) {
      return (atLeast + 1.0) / (sorted.length + 1.0);
    }
    double xq = sorted[sorted.length - TAIL];
    return (TAIL + 1.0) / (sorted.length + 1.0) * Math.exp(-2 * k * (x - xq));
  }

  private static double[] simulate(int m, double k) {
    SplittableRandom random = new SplittableRandom(0x7E4D5L + m);
    double[] max = new double[SIMULATIONS];
    for (int i = 0; i < SIMULATIONS; i++) {
      double s = 0;
      double best = 0;
      for (int t = 0; t < m; t++) {
        s = Math.max(0, s + random.nextGaussian() - k);
        best = Math.max(best, s);
      }
      max[i] = best;
    }
    Arrays.sort(max);
    return max;
  }

  private static int lowerBound(double[] sorted, double x) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
