package org.insight.trends;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.insight.policy.Label;
import org.junit.jupiter.api.Test;

class TrendAnalysisTest {
  private static final LocalDate FROM = LocalDate.of(2023, 1, 2); // a Monday
  private static final LocalDate TO = LocalDate.of(2025, 12, 28); // a Sunday: 156 whole weeks

  @Test
  void aSpikeInSeasonalDataIsFoundInTheRightWeekWithTheRightStart() {
    SplittableRandom random = new SplittableRandom(42);
    List<TrendEvent> events = new ArrayList<>();
    for (int c = 0; c < 10; c++) {
      events.addAll(Seasonal.events("cat-" + c, FROM, TO, 3 + c, random));
    }
    // 60 extra events over one week of cat-3 (about 40 expected): +150%
    LocalDate spikeWeek = LocalDate.of(2025, 11, 10);
    for (int i = 0; i < 60; i++) {
      events.add(TrendEvent.of(spikeWeek.plusDays(i % 7), "cat-3"));
    }
    TrendReport r = TrendAnalysis.builder().granularity(Granularity.WEEK).from(FROM).to(TO).monitor(8).build()
        .analyse(events);
    assertEquals(1, r.alarms().size(), r.alarms().toString());
    Alarm a = r.alarms().get(0);
    assertEquals("cat-3", a.category());
    assertEquals(spikeWeek, a.start());
    assertEquals(spikeWeek, a.period());
    assertTrue(a.p() <= 0.05 && a.z() > 4, a.toString());
    assertTrue(a.observed() > a.expected() + 30, a.toString());
    assertEquals(10, r.series().size());
    assertEquals(156, r.series().get(0).points().size());
  }

  @Test
  void aHugeSpikeStartsInItsOwnWeekNotAtTheWindowsStart() {
    SplittableRandom random = new SplittableRandom(9);
    List<TrendEvent> events = new ArrayList<>(Seasonal.events("fraud", FROM, TO, 4, random));
    LocalDate spike = LocalDate.of(2025, 12, 15);
    for (int i = 0; i < 3000; i++) {
      events.add(TrendEvent.of(spike.plusDays(i % 7), "fraud"));
    }
    Alarm a = TrendAnalysis.builder().from(FROM).to(TO).build().analyse(events).alarms().get(0);
    assertEquals(spike, a.start(), a.toString());
    assertEquals(spike, a.period(), a.toString());
    assertTrue(Double.isFinite(a.z()) && a.p() < 1e-6, a.toString());
  }

  @Test
  void aLevelShiftAlarmsFromTheWeekItStarted() {
    SplittableRandom random = new SplittableRandom(7);
    List<TrendEvent> events = new ArrayList<>(Seasonal.events("drugs", FROM, TO, 10, random));
    LocalDate shift = LocalDate.of(2025, 11, 24);
    for (LocalDate d = shift; !d.isAfter(TO); d = d.plusDays(1)) {
      for (int i = 0; i < 6; i++) {
        events.add(TrendEvent.of(d, "drugs"));
      }
    }
    TrendReport r = TrendAnalysis.builder().from(FROM).to(TO).build().analyse(events);
    assertEquals(1, r.alarms().size(), r.alarms().toString());
    assertEquals(shift, r.alarms().get(0).start());
    assertEquals(TO.with(DayOfWeek.MONDAY), r.alarms().get(0).period());
  }

  @Test
  void dailySeriesCarryTheWeekdayAndMonthEffectsInTheirExpectation() {
    SplittableRandom random = new SplittableRandom(3);
    List<TrendEvent> events = Seasonal.events("theft", FROM, TO, 20, random);
    TrendReport r = TrendAnalysis.builder().granularity(Granularity.DAY).from(FROM).to(TO).build().analyse(events);
    assertTrue(r.notes().stream().noneMatch(n -> n.contains("month-of-year")), r.notes().toString());
    for (SeriesPoint p : r.series().get(0).points()) {
      double truth = Seasonal.mean(p.period(), 20);
      assertEquals(truth, p.expected(), truth * 0.12, p.toString());
    }
  }

  /**
   * With no change anywhere, the share of categories that alarm (each analysed alone, so no correction) stays near
   * alpha; with many categories analysed together, Benjamini–Hochberg keeps the share of runs with any alarm near alpha.
   */
  @Test
  void pureSeasonalNoiseAlarmsAtAboutTheNominalRate() {
    SplittableRandom random = new SplittableRandom(2026);
    TrendAnalysis analysis = TrendAnalysis.builder().granularity(Granularity.WEEK).from(FROM).to(TO).alpha(0.05)
        .build();
    int series = 400;
    int alarmed = 0;
    for (int i = 0; i < series; i++) {
      double perDay = 0.3 + random.nextDouble() * 8;
      alarmed += analysis.analyse(Seasonal.events("c", FROM, TO, perDay, random)).alarms().size();
    }
    // 400 draws at 5%: 20 expected, 99% of binomial outcomes between 9 and 32
    assertTrue(alarmed >= 8 && alarmed <= 32, alarmed + " of " + series + " series alarmed");

    int runs = 60;
    int runsWithAlarms = 0;
    for (int run = 0; run < runs; run++) {
      List<TrendEvent> events = new ArrayList<>();
      for (int c = 0; c < 20; c++) {
        events.addAll(Seasonal.events("c" + c, FROM, TO, 0.5 + c * 0.4, random));
      }
      runsWithAlarms += analysis.analyse(events).alarms().isEmpty() ? 0 : 1;
    }
    assertTrue(runsWithAlarms <= 9, runsWithAlarms + " of " + runs + " runs of 20 series alarmed");
  }

  @Test
  void aCategoryNeverSeenBeforeAlarmsWhenItAppears() {
    SplittableRandom random = new SplittableRandom(5);
    List<TrendEvent> events = new ArrayList<>(Seasonal.events("old", FROM, TO, 5, random));
    for (int i = 0; i < 12; i++) {
      events.add(TrendEvent.of(LocalDate.of(2025, 12, 17), "new-mo"));
    }
    TrendReport r = TrendAnalysis.builder().from(FROM).to(TO).build().analyse(events);
    assertEquals(List.of("new-mo"), r.alarms().stream().map(Alarm::category).toList());
  }

  @Test
  void comparisonsGiveTheRateRatioWithAnExactInterval() {
    List<TrendEvent> events = new ArrayList<>();
    DateRange before = DateRange.parse("2024-01-01..2024-03-31"); // 91 days (a leap year)
    DateRange after = DateRange.parse("2025-01-01..2025-03-31"); // 90 days
    for (int i = 0; i < 50; i++) {
      events.add(TrendEvent.of(before.from().plusDays(i), "fraud"));
    }
    for (int i = 0; i < 100; i++) {
      events.add(TrendEvent.of(after.from().plusDays(i % 90), "fraud"));
    }
    events.add(TrendEvent.of(after.from(), "arson"));
    TrendReport r = TrendAnalysis.builder().compare(before, after).build().analyse(events);
    assertEquals(2, r.comparisons().size());
    Comparison arson = r.comparisons().get(0);
    assertEquals("arson", arson.category());
    assertEquals(Double.POSITIVE_INFINITY, arson.ratio());
    Comparison fraud = r.comparisons().get(1);
    assertEquals(100.0 / 50 * 91 / 90, fraud.ratio(), 1e-9);
    assertTrue(fraud.low() > 1.4 && fraud.low() < 1.6 && fraud.high() > 2.6 && fraud.high() < 3.1, fraud.toString());
    assertTrue(fraud.p() < 1e-4, fraud.toString());
  }

  @Test
  void aNumberInANewCountrysReportsIsANewCooccurrence() {
    List<Occurrence> seen = List.of(
        Occurrence.of(LocalDate.of(2025, 1, 5), "+33612345678", "FR"),
        Occurrence.of(LocalDate.of(2025, 3, 5), "+33612345678", "BE"),
        Occurrence.of(LocalDate.of(2025, 12, 1), "+33612345678", "DE"), // new, known in 2 countries
        Occurrence.of(LocalDate.of(2025, 12, 2), "+33612345678", "FR"), // not new: FR held it before
        Occurrence.of(LocalDate.of(2025, 12, 3), "+4915112345678", "NL")); // new, but known nowhere else
    TrendReport r = TrendAnalysis.builder().recentSince(LocalDate.of(2025, 11, 1)).build()
        .analyse(new TrendData(List.of(), seen, List.of()));
    assertEquals(List.of(new NewCooccurrence("+33612345678", "DE", LocalDate.of(2025, 12, 1), 2)),
        r.newCooccurrences());
  }

  @Test
  void withoutEventsTheOccurrencesSetTheWindowOfWhatIsNew() {
    List<Occurrence> seen = List.of(Occurrence.of(LocalDate.of(2025, 1, 6), "wallet-1", "FR"),
        Occurrence.of(LocalDate.of(2025, 2, 3), "wallet-1", "IT"),
        Occurrence.of(LocalDate.of(2025, 6, 2), "wallet-1", "DE"));
    TrendReport r = TrendAnalysis.builder().monitor(8).build().analyse(new TrendData(List.of(), seen, List.of()));
    assertEquals(List.of(new NewCooccurrence("wallet-1", "DE", LocalDate.of(2025, 6, 2), 2)), r.newCooccurrences(),
        "the last 8 weeks of the occurrences hold DE, not IT");
  }

  @Test
  void theReportCarriesTheConjunctionOfTheLabelsItRead() {
    List<TrendEvent> events = List.of(TrendEvent.of(FROM, "a", Label.of("FR"), "x"),
        TrendEvent.of(FROM, "b", Label.of("POLICE"), "y"), TrendEvent.of(FROM, "b"));
    TrendReport r = TrendAnalysis.builder().build().analyse(events);
    assertEquals(Label.of("FR").and(Label.of("POLICE")), r.label().orElseThrow());
    assertTrue(TrendAnalysis.builder().build().analyse(List.of(TrendEvent.of(FROM, "a"))).label().isEmpty());
  }

  @Test
  void tooShortAHistoryIsSaidAndRaisesNoAlarm() {
    List<TrendEvent> events = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      events.add(TrendEvent.of(FROM.plusDays(i), "a"));
    }
    TrendReport r = TrendAnalysis.builder().build().analyse(events);
    assertTrue(r.alarms().isEmpty());
    assertTrue(r.notes().stream().anyMatch(n -> n.startsWith("no alarms")), r.notes().toString());
  }
}
