package org.insight.trends;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class TrendProperties {
  private static final LocalDate ORIGIN = LocalDate.of(2020, 1, 1);

  @Property(tries = 200)
  void seriesHaveNoGapsAndTheirTotalsAreTheEventCounts(@ForAll("events") List<TrendEvent> events,
      @ForAll Granularity granularity) {
    TrendReport r = TrendAnalysis.builder().granularity(granularity).build().analyse(events);
    Map<String, Long> counts = new TreeMap<>();
    events.forEach(e -> counts.merge(e.category(), 1L, Long::sum));
    assertEquals(List.copyOf(counts.keySet()), r.series().stream().map(Series::category).toList());
    LocalDate first = events.stream().map(TrendEvent::day).min(LocalDate::compareTo).orElseThrow();
    LocalDate last = events.stream().map(TrendEvent::day).max(LocalDate::compareTo).orElseThrow();
    for (Series s : r.series()) {
      assertEquals(counts.get(s.category()), s.total(), s.category());
      List<SeriesPoint> points = s.points();
      assertEquals(granularity.periodOf(first), points.get(0).period());
      assertEquals(granularity.periodOf(last), points.get(points.size() - 1).period());
      for (int i = 1; i < points.size(); i++) {
        assertEquals(granularity.next(points.get(i - 1).period()), points.get(i).period(), "no gap");
      }
      points.forEach(p -> assertTrue(p.expected() > 0 && Double.isFinite(p.expected()), p.toString()));
    }
    r.alarms().forEach(a -> assertTrue(!a.start().isAfter(a.period()) && a.p() <= 0.05 && a.p() >= 0, a.toString()));
  }

  @Property(tries = 500)
  void aDayIsInThePeriodItNamesAndTheNextPeriodFollowsIt(@ForAll @IntRange(min = 0, max = 20_000) int offset,
      @ForAll Granularity granularity) {
    LocalDate day = ORIGIN.plusDays(offset - 10_000);
    LocalDate period = granularity.periodOf(day);
    LocalDate next = granularity.next(period);
    assertTrue(!period.isAfter(day) && next.isAfter(day), day + " in " + period + ".." + next);
    assertEquals(period, granularity.periodOf(period), "a period's first day names it");
    assertEquals(next, granularity.periodOf(next));
    assertEquals(period, granularity.periodOf(next.minusDays(1)), "its last day too");
  }

  /**
   * The exact interval covers the true rate ratio at least at its level (Clopper–Pearson is conservative) and not
   * wastefully more: over 400 draws of Poisson counts at a true ratio, 95% intervals cover it 93%–99.5% of the time.
   */
  @Property(tries = 6)
  void theComparisonIntervalCoversTheTrueRatioAtItsLevel(@ForAll("ratios") double ratio,
      @ForAll @IntRange(min = 5, max = 200) int perPeriod, @ForAll long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int covered = 0;
    int draws = 400;
    for (int i = 0; i < draws; i++) {
      long b = Seasonal.poisson(perPeriod, random);
      long a = Seasonal.poisson(perPeriod * ratio * 2, random); // the second range is twice as long
      Comparison c = org.insight.trends.internal.ComparisonsAccess.of(b, a, 30, 60, 0.05);
      covered += c.low() <= ratio && ratio <= c.high() ? 1 : 0;
    }
    assertTrue(covered >= 0.93 * draws && covered <= 0.995 * draws, covered + " of " + draws);
  }

  @Provide
  Arbitrary<Double> ratios() {
    return Arbitraries.of(0.5, 1.0, 1.3, 2.0, 4.0);
  }

  @Provide
  Arbitrary<List<TrendEvent>> events() {
    Arbitrary<TrendEvent> e = Combinators.combine(Arbitraries.integers().between(0, 900),
        Arbitraries.of("a", "b", "c", "d")).as((d, c) -> TrendEvent.of(ORIGIN.plusDays(d), c));
    return e.list().ofMinSize(1).ofMaxSize(300).map(ArrayList::new);
  }
}
