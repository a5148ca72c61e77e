package org.insight.trends;

import java.util.Collection;
import java.util.List;
import java.time.LocalDate;
import java.util.Objects;
import org.insight.trends.internal.Analyser;

/**
 * A trends analysis, configured once and run on any number of event sets:
 *
 * <pre>{@code
 * TrendReport r = TrendAnalysis.builder().granularity(Granularity.WEEK).monitor(8)
 *     .compare(DateRange.parse("2025-01-01..2025-03-31"), DateRange.parse("2026-01-01..2026-03-31"))
 *     .build().analyse(events);
 * }</pre>
 *
 * <p><b>Series.</b> Events are counted per category and period (day, ISO week starting Monday, or month) from
 * {@code from} to {@code to} (default: the first and last event's days), every period present, empty ones as 0;
 * events outside the range are left out and noted.
 *
 * <p><b>Expectation.</b> Each category's own history — the periods before the monitored window, never the window
 * itself, so an alarm never explains itself away — is fitted by a Poisson log-linear model with main effects for the
 * day of the week (daily series) and the month of the year (when the history spans a year, so that every month has been seen; the
 * uncertainty of effects fitted on little history is carried into the alarms' variance), by iterative
 * proportional fitting; overdispersion by a negative-binomial α (method of moments). The first and last periods may
 * be partial (a range not on period boundaries): their expectation is scaled by the share of their days inside it.
 * An expectation is never below half an event spread over the history, so a category never seen before can alarm.
 *
 * <p><b>Alarms.</b> An upper CUSUM (Page 1954), S_t = max(0, S_{t−1} + z_t − ½), runs over the {@link Builder#monitor
 * monitored} last periods on the mid-p quantile residuals z_t of the counts under the fitted model (close to standard
 * normal even for small counts). Each category's strongest break is the peak of S: it was signalled at the peak's
 * period and {@link Alarm#start started} in the period after the CUSUM last stood at 0 (its reset point);
 * {@link Alarm#observed observed} and {@link Alarm#expected expected} are the totals from start to period and
 * {@link Alarm#z z} their standardised difference (O − E)/√Σ(μ + αμ²). Its significance is the probability of so
 * high a peak over a window of that length by chance (simulated, with Siegmund's exponential tail), corrected for the
 * number of categories tested by <b>Benjamini–Hochberg</b> (false-discovery rate; with no real change anywhere it
 * controls the chance of any alarm at alpha). Alarms are those whose corrected p is at most {@link Builder#alpha
 * alpha}. <b>Only increases alarm</b>: analysts watch for emerging trends, and a drop in reports is more often a
 * change in reporting than in crime; decreases show in the series and in {@link Builder#compare comparisons}, which
 * are two-sided.
 *
 * <p><b>Comparisons.</b> Per category, the events in two date ranges (all given events, whatever
 * {@code from}/{@code to}), the rate ratio per day after/before, its exact conditional (Clopper–Pearson) interval at
 * 1 − alpha and the two-sided exact binomial p of no change (not corrected: a comparison answers a question asked of
 * each category).
 *
 * <p><b>New co-occurrences.</b> From {@link TrendData#occurrences}, the (value, context) pairs first seen on or after
 * {@link Builder#recentSince} (default: the first monitored period) whose value had been seen before in another
 * context.
 *
 * <p>Immutable and thread-safe. The report carries the conjunction of the labels of every event and occurrence read.
 */
public final class TrendAnalysis {
  private final Granularity granularity;
  private final LocalDate from;
  private final LocalDate to;
  private final int monitor;
  private final double alpha;
  private final DateRange before;
  private final DateRange after;
  private final LocalDate recentSince;

  private TrendAnalysis(Builder b) {
    this.granularity = b.granularity;
    this.from = b.from;
    this.to = b.to;
    this.monitor = b.monitor > 0 ? b.monitor : defaultMonitor(b.granularity);
    this.alpha = b.alpha;
    this.before = b.before;
    this.after = b.after;
    this.recentSince = b.recentSince;
  }

  /** A builder with the defaults: weekly, the last 8 weeks monitored, alpha 0.05, no comparison. */
  public static Builder builder() {
    return new Builder();
  }

  /** Counts, fits, alarms and compares {@code events}. */
  public TrendReport analyse(Collection<TrendEvent> events) {
    return analyse(TrendData.of(List.copyOf(events)));
  }

  /** The same with occurrences for new co-occurrences and notes on what was left out while reading. */
  public TrendReport analyse(TrendData data) {
    Objects.requireNonNull(data, "data");
    return new Analyser(granularity, from, to, monitor, alpha, before, after, recentSince).run(data);
  }

  /** The length of a period. */
  public Granularity granularity() {
    return granularity;
  }

  /** How many of the last periods are monitored for alarms. */
  public int monitor() {
    return monitor;
  }

  /** The significance level of alarms and the complement of the comparisons' confidence level. */
  public double alpha() {
    return alpha;
  }

  @Override
  public String toString() {
    return "TrendAnalysis[" + granularity + " from=" + from + " to=" + to + " monitor=" + monitor + " alpha=" + alpha
        + (before == null ? "" : " compare=" + before + " vs " + after) + "]";
  }

  /** The default monitored window: 4 weeks of days, 8 weeks, 3 months. */
  static int defaultMonitor(Granularity g) {
    return switch (g) {
      case DAY -> 28;
      case WEEK -> 8;
      case MONTH -> 3;
    };
  }

  /** Options of a {@link TrendAnalysis}; every one has a default. */
  public static final class Builder {
    private Granularity granularity = Granularity.WEEK;
    private LocalDate from;
    private LocalDate to;
    private int monitor;
    private double alpha = 0.05;
    private DateRange before;
    private DateRange after;
    private LocalDate recentSince;

    private Builder() {}

    /** The length of a period (default {@link Granularity#WEEK}). */
    public Builder granularity(Granularity granularity) {
      this.granularity = Objects.requireNonNull(granularity, "granularity");
      return this;
    }

    /** The first day of the series (default: the first event's). */
    public Builder from(LocalDate from) {
      this.from = Objects.requireNonNull(from, "from");
      return this;
    }

    /** The last day of the series (default: the last event's). */
    public Builder to(LocalDate to) {
      this.to = Objects.requireNonNull(to, "to");
      return this;
    }

    /** How many of the last periods to watch for alarms (default: 28 days, 8 weeks or 3 months). */
    public Builder monitor(int periods) {
      if (periods < 1) {
        throw new IllegalArgumentException("monitor at least 1 period, got " + periods);
      }
      this.monitor = periods;
      return this;
    }

    /** The significance level of alarms, and 1 − the comparisons' confidence level (default 0.05). */
    public Builder alpha(double alpha) {
      if (!(alpha > 0 && alpha < 1)) {
        throw new IllegalArgumentException("alpha is a probability strictly between 0 and 1, got " + alpha);
      }
      this.alpha = alpha;
      return this;
    }

    /** Compares each category's rate in {@code after} with that in {@code before} (e.g. a quarter, a year apart). */
    public Builder compare(DateRange before, DateRange after) {
      this.before = Objects.requireNonNull(before, "before");
      this.after = Objects.requireNonNull(after, "after");
      return this;
    }

    /** New co-occurrences are those first seen on or after this day (default: the first monitored period). */
    public Builder recentSince(LocalDate day) {
      this.recentSince = Objects.requireNonNull(day, "day");
      return this;
    }

    /**
     * The analysis.
     *
     * @throws IllegalArgumentException when {@code to} is before {@code from}
     */
    public TrendAnalysis build() {
      if (from != null && to != null && to.isBefore(from)) {
        throw new IllegalArgumentException("to (" + to + ") is before from (" + from + "); swap them");
      }
      return new TrendAnalysis(this);
    }
  }
}
