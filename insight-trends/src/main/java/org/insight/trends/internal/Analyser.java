package org.insight.trends.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.insight.policy.Label;
import org.insight.trends.Alarm;
import org.insight.trends.Comparison;
import org.insight.trends.DateRange;
import org.insight.trends.Granularity;
import org.insight.trends.NewCooccurrence;
import org.insight.trends.Occurrence;
import org.insight.trends.Series;
import org.insight.trends.SeriesPoint;
import org.insight.trends.TrendData;
import org.insight.trends.TrendEvent;
import org.insight.trends.TrendReport;

/** Runs one analysis (see {@code TrendAnalysis} for what it does and why). */
public final class Analyser {
  /** The CUSUM reference value: half a standard deviation, tuned to breaks of about one σ per period. */
  public static final double K = 0.5;
  /** Fewest periods of history before the monitored window for alarms to be raised. */
  public static final int MIN_HISTORY = 8;

  private final Granularity granularity;
  private final LocalDate from;
  private final LocalDate to;
  private final int monitor;
  private final double alpha;
  private final DateRange before;
  private final DateRange after;
  private final LocalDate recentSince;

  /** {@code from}, {@code to}, {@code before}/{@code after} and {@code recentSince} may be null. */
  public Analyser(Granularity granularity, LocalDate from, LocalDate to, int monitor, double alpha, DateRange before,
      DateRange after, LocalDate recentSince) {
    this.granularity = granularity;
    this.from = from;
    this.to = to;
    this.monitor = monitor;
    this.alpha = alpha;
    this.before = before;
    this.after = after;
    this.recentSince = recentSince;
  }

  public TrendReport run(TrendData data) {
    List<String> notes = new ArrayList<>(data.notes());
    Optional<Label> label = conjunction(data);
    List<TrendEvent> events = data.events();
    if (events.isEmpty() && data.occurrences().isEmpty()) {
      notes.add("no events to analyse");
      return new TrendReport(granularity, List.of(), List.of(), List.of(), List.of(), label, notes);
    }
    LocalDate first = from;
    LocalDate last = to;
    if (first == null || last == null) {
      LocalDate min = LocalDate.MAX;
      LocalDate max = LocalDate.MIN;
      for (TrendEvent e : events) {
        min = e.day().isBefore(min) ? e.day() : min;
        max = e.day().isAfter(max) ? e.day() : max;
      }
      for (Occurrence o : events.isEmpty() ? data.occurrences() : List.<Occurrence>of()) {
        min = o.day().isBefore(min) ? o.day() : min; // only occurrences: their days set the monitored window
        max = o.day().isAfter(max) ? o.day() : max;
      }
      first = first == null ? min : first;
      last = last == null ? max : last;
    }
    if (last.isBefore(first)) {
      throw new IllegalArgumentException("the analysed range ends before it starts: " + first + ".." + last
          + "; give to() on or after from()");
    }
    Periods periods = new Periods(granularity, first, last);
    int n = periods.size();
    Map<String, long[]> counts = new HashMap<>();
    long outside = 0;
    for (TrendEvent e : events) {
      if (e.day().isBefore(first) || e.day().isAfter(last)) {
        outside++;
        continue;
      }
      counts.computeIfAbsent(e.category(), c -> new long[n])[periods.index(e.day())]++;
    }
    if (outside > 0) {
      notes.add(outside + " event(s) outside " + first + ".." + last + " left out of the series");
    }
    int window = Math.min(monitor, n);
    int history = n - window;
    boolean alarms = history >= MIN_HISTORY;
    LocalDate windowStart = periods.start(history);
    if (!alarms) {
      notes.add("no alarms: " + history + " period(s) of history before " + windowStart + ", at least "
          + MIN_HISTORY + " are needed; widen the range (from) or monitor fewer periods");
    }
    int fitted = alarms ? history : n;
    boolean monthEffect = ChronoUnit.DAYS.between(first, periods.start(fitted - 1)) >= 364;
    if (!monthEffect) {
      notes.add("month-of-year effect not fitted: the history (" + first + ".." + periods.start(fitted - 1)
          + ") is shorter than a year");
    }
    SeasonalModel.Shape shape = periods.shape(true, monthEffect);

    List<Series> series = new ArrayList<>();
    List<Candidate> candidates = new ArrayList<>();
    for (Map.Entry<String, long[]> entry : new TreeMap<>(counts).entrySet()) {
      String category = entry.getKey();
      long[] y = entry.getValue();
      SeasonalModel model = SeasonalModel.fit(y, shape, fitted);
      double floor = 0.5 / Math.max(1, fitted); // half an event over the whole history: never-seen is not impossible
      double[] mu = new double[n];
      double[] dispersion = new double[n];
      List<SeriesPoint> points = new ArrayList<>(n);
      for (int t = 0; t < n; t++) {
        mu[t] = Math.max(model.mean(shape, t), floor * shape.exposure[t]);
        dispersion[t] = model.dispersion(shape, t, history, n);
        points.add(new SeriesPoint(category, periods.start(t), y[t], mu[t]));
      }
      series.add(new Series(category, granularity, points));
      if (alarms) {
        candidates.add(cusum(category, y, mu, dispersion, history, periods));
      }
    }
    List<Alarm> raised = adjustAndSelect(candidates);

    List<Comparison> comparisons = before == null ? List.of() : Comparisons.compare(events, before, after, alpha);
    List<NewCooccurrence> novel = Cooccurrences.find(data.occurrences(),
        recentSince != null ? recentSince : windowStart);
    return new TrendReport(granularity, series, raised, comparisons, novel, label, notes);
  }

  /** One category's strongest upward break in the monitored window, before correction. */
  private record Candidate(String category, LocalDate start, LocalDate period, long observed, double expected,
      double z, double p) {}

  private Candidate cusum(String category, long[] y, double[] mu, double[] dispersion, int history,
      Periods periods) {
    int n = y.length;
    double[] z = new double[n];
    double s = 0;
    double best = 0;
    int bestAt = -1;
    int bestReset = -1;
    int reset = history;
    for (int t = history; t < n; t++) {
      z[t] = Stats.midPResidual(y[t], mu[t], dispersion[t]);
      if (s == 0) {
        reset = t; // the CUSUM's reset point: a break still running began here or later
      }
      s = Math.max(0, s + z[t] - K);
      if (s > best) {
        best = s;
        bestAt = t;
        bestReset = reset;
      }
    }
    if (bestAt < 0) {
      return new Candidate(category, periods.start(history), periods.start(history), 0, 0, 0, 1);
    }
    // within the CUSUM's run, the break is the stretch whose residuals are largest for its length (the
    // likelihood-ratio change-point estimate): a slightly high period just before a jump is not its start
    int start = bestReset;
    int end = bestAt;
    double strongest = Double.NEGATIVE_INFINITY;
    for (int a = bestReset; a <= bestAt; a++) {
      double sum = 0;
      for (int b = a; b <= bestAt; b++) {
        sum += z[b];
        double standardised = sum / Math.sqrt(b - a + 1.0);
        if (standardised > strongest) {
          strongest = standardised;
          start = a;
          end = b;
        }
      }
    }
    long observed = 0;
    double expected = 0;
    double variance = 0;
    for (int t = start; t <= end; t++) {
      observed += y[t];
      expected += mu[t];
      variance += mu[t] + dispersion[t] * mu[t] * mu[t];
    }
    double size = variance > 0 ? (observed - expected) / Math.sqrt(variance) : 0;
    return new Candidate(category, periods.start(start), periods.start(end), observed, expected, size,
        CusumNull.p(best, n - history, K));
  }

  /** Benjamini–Hochberg over every category tested; the alarms are those at or under alpha, most significant first. */
  private List<Alarm> adjustAndSelect(List<Candidate> candidates) {
    int m = candidates.size();
    Integer[] order = new Integer[m];
    for (int i = 0; i < m; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble(i -> candidates.get(i).p()));
    double[] q = new double[m];
    double running = 1;
    for (int rank = m; rank >= 1; rank--) {
      int i = order[rank - 1];
      running = Math.min(running, candidates.get(i).p() * m / rank);
      q[i] = Math.min(1, running);
    }
    List<Alarm> out = new ArrayList<>();
    for (int rank = 0; rank < m; rank++) {
      int i = order[rank];
      Candidate c = candidates.get(i);
      if (q[i] <= alpha && c.observed() > c.expected()) {
        out.add(new Alarm(c.category(), c.start(), c.period(), c.observed(), c.expected(), c.z(), q[i]));
      }
    }
    return out;
  }

  private static Optional<Label> conjunction(TrendData data) {
    Set<Label> labels = new HashSet<>();
    for (TrendEvent e : data.events()) {
      e.label().ifPresent(labels::add);
    }
    for (Occurrence o : data.occurrences()) {
      o.label().ifPresent(labels::add);
    }
    if (labels.isEmpty()) {
      return Optional.empty();
    }
    List<Label> sorted = new ArrayList<>(labels);
    sorted.sort(Comparator.comparing(Label::toString));
    return Optional.of(Label.allOf(sorted));
  }
}
