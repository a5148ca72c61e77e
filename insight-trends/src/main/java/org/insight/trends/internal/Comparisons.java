package org.insight.trends.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.insight.trends.Comparison;
import org.insight.trends.DateRange;
import org.insight.trends.TrendEvent;

/**
 * Each category's rate in two ranges, compared by the exact conditional test: given the n = a + b events of both, the
 * {@code a} in the second range are binomial(n, π) with π = T_a·ρ / (T_a·ρ + T_b) for rate ratio ρ and range lengths
 * T in days; the Clopper–Pearson interval for π gives the interval for ρ, and the two-sided binomial test of
 * ρ = 1 (doubled smaller tail) gives p (Breslow and Day, <i>Statistical Methods in Cancer Research II</i>, 1987, §2.3).
 */
final class Comparisons {
  private Comparisons() {}

  static List<Comparison> compare(List<TrendEvent> events, DateRange before, DateRange after, double alpha) {
    Map<String, long[]> counts = new TreeMap<>();
    for (TrendEvent e : events) {
      boolean b = before.contains(e.day());
      boolean a = after.contains(e.day());
      if (a || b) {
        long[] c = counts.computeIfAbsent(e.category(), k -> new long[2]);
        c[0] += b ? 1 : 0;
        c[1] += a ? 1 : 0;
      }
    }
    List<Comparison> out = new ArrayList<>();
    for (Map.Entry<String, long[]> entry : counts.entrySet()) {
      out.add(of(entry.getKey(), entry.getValue()[0], entry.getValue()[1], before.days(), after.days(), alpha));
    }
    return out;
  }

  /** One category: {@code b} events in {@code tb} days, then {@code a} in {@code ta}. */
  static Comparison of(String category, long b, long a, long tb, long ta, double alpha) {
    long n = a + b;
    double scale = (double) tb / ta;
    double ratio = b == 0 ? (a == 0 ? Double.NaN : Double.POSITIVE_INFINITY) : (double) a / b * scale;
    double low = a == 0 ? 0 : odds(Stats.betaQuantile(alpha / 2, a, n - a + 1)) * scale;
    double high = a == n ? Double.POSITIVE_INFINITY : odds(Stats.betaQuantile(1 - alpha / 2, a + 1, n - a)) * scale;
    double p = Stats.binomialTwoSided(a, n, (double) ta / (ta + tb));
    return new Comparison(category, b, a, ratio, low, high, p);
  }

  private static double odds(double pi) {
    return pi >= 1 ? Double.POSITIVE_INFINITY : pi / (1 - pi);
  }
}
