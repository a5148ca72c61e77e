package org.insight.trends;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A category whose recent counts broke from its own history: the change began in period {@code start} and was
 * signalled in {@code period}, where {@code observed} events were counted against {@code expected}; {@code z} is the
 * standardised size of the break and {@code p} its significance, corrected for the number of series tested.
 *
 * <p>As {@link TrendAnalysis} computes it: {@code start..period} is the stretch of the monitored window, within the
 * upper CUSUM's run, whose residuals are largest for its length; {@code observed} and {@code expected} are the totals
 * over those periods, {@code z = (observed − expected) / √Σ(μ + αμ²)}, and {@code p} the chance of so high a CUSUM
 * peak under no change, Benjamini–Hochberg-adjusted over the categories tested. Only increases alarm.
 */
public record Alarm(String category, LocalDate start, LocalDate period, long observed, double expected, double z,
    double p) {
  public Alarm {
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(period, "period");
  }

  /** The size of the change as observed / expected (infinite when nothing was expected). */
  public double ratio() {
    return expected > 0 ? observed / expected : Double.POSITIVE_INFINITY;
  }
}
