package org.insight.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.insight.core.Dataset;
import org.insight.core.EntityBuilder;
import org.insight.policy.Label;
import org.insight.policy.Policy;
import org.insight.policy.Principal;
import org.insight.policy.Purpose;
import org.insight.policy.SourceGrading;
import org.insight.test.Directories;
import org.insight.trends.DateRange;
import org.insight.trends.Granularity;
import org.insight.trends.TrendAnalysis;

/**
 * Rule 2 for trends: whatever the labels, principal and purpose, a session's trend events and reports equal those of a
 * workspace holding only its visible data. The full workspace is padded, by another writer, with what would move every
 * answer if it leaked: invisible events on the same days in the same countries (higher counts, another expectation),
 * a spike of invisible events in the last week of every visible country (an alarm), invisible events in a country no
 * visible event has (a new category), invisible earlier dates and other countries and topics on the visible events' own
 * ids (a moved day, a new category, a new co-occurrence), and invisible topics in new countries (new co-occurrences).
 */
class TrendsNoLeakProperties implements Clearances {
  private static final LocalDate FROM = LocalDate.of(2025, 1, 6);
  private static final LocalDate TO = LocalDate.of(2025, 6, 29);
  private static final List<Label> NEVER = List.of(Label.of("Z"),
      Label.builder("A").purposes(List.of(Purpose.of("intelligence-sharing"))).build(),
      Label.builder("A|B|C").deleteAfter(LocalDate.of(2026, 5, 1)).build());

  /** An event: its id, day, country, topic, and the label of each of its parts. */
  record Ev(String id, LocalDate day, String country, String topic, Label dayLabel, Label countryLabel,
      Label topicLabel) {}

  @Property(tries = 20)
  void trendsAreThoseOfAWorkspaceOfOnlyTheVisibleData(@ForAll("events") List<Ev> events,
      @ForAll("auths") Set<String> auths, @ForAll("purposes") Purpose purpose) throws IOException {
    Principal reader = Principal.of("reader", auths);
    Predicate<Label> visible = l -> Policy.standard().decide(reader, purpose, l, Fixtures.FIXED.instant()).allowed();
    Dataset ds = Dataset.of("ds", Label.of("A"), SourceGrading.UNGRADED);
    Path a = Files.createTempDirectory("trends-all");
    Path b = Files.createTempDirectory("trends-visible");
    try (Workspace full = Workspace.builder(a).clock(Fixtures.FIXED).open();
         Workspace filtered = Workspace.builder(b).clock(Fixtures.FIXED).open()) {
      write(full, "w1", ds, events, l -> true);
      write(full, "pad", ds, padding(events), l -> true);
      write(filtered, "oracle-writer", ds, events, visible);

      Session s = full.session(reader, purpose);
      Session oracle = filtered.session(Principal.of("oracle", NoLeakProperties.TOKENS), purpose);
      TrendAnalysis weekly = TrendAnalysis.builder().granularity(Granularity.WEEK).from(FROM).to(TO).monitor(4)
          .compare(DateRange.parse("2025-01-06..2025-03-30"), DateRange.parse("2025-04-07..2025-06-29"))
          .recentSince(LocalDate.of(2025, 5, 1)).build();
      TrendAnalysis daily = TrendAnalysis.builder().granularity(Granularity.DAY).build();
      long before = full.audit.size();
      for (TrendSource source : List.of(TrendSource.of("Event", "country").value("topics"),
          TrendSource.of("Event", "dataset"), TrendSource.of("Thing", "type"))) {
        assertEquals(oracle.trends().events(source), s.trends().events(source), "events " + source);
        assertEquals(oracle.trends().analyse(source, weekly), s.trends().analyse(source, weekly), "weekly " + source);
        assertEquals(oracle.trends().analyse(source, daily), s.trends().analyse(source, daily), "daily " + source);
      }
      assertEquals(before + 9, full.audit.size(), "one audit entry per call");
    } finally {
      Directories.delete(a);
      Directories.delete(b);
    }
  }

  private static void write(Workspace ws, String writer, Dataset ds, List<Ev> events, Predicate<Label> keep) {
    Map<String, EntityBuilder> builders = new LinkedHashMap<>();
    Set<String> used = new HashSet<>();
    for (Ev e : events) {
      EntityBuilder ev = builders.computeIfAbsent(e.id(), k -> ds.entity("Event", e.id()));
      if (keep.test(e.dayLabel())) {
        used.add(e.id());
        ev.add("date", e.day().toString(), e.dayLabel());
      }
      if (keep.test(e.countryLabel())) {
        used.add(e.id());
        ev.add("country", e.country(), e.countryLabel());
      }
      if (keep.test(e.topicLabel())) {
        used.add(e.id());
        ev.add("topics", e.topic(), e.topicLabel());
      }
    }
    List<org.insight.core.Entity> built = builders.entrySet().stream().filter(x -> used.contains(x.getKey()))
        .map(x -> x.getValue().build()).toList();
    if (!built.isEmpty()) {
      ws.session(Fixtures.loader(writer), Purpose.CRIMINAL_INVESTIGATION).add(built);
    }
  }

  /** What no reader may see, placed to move every answer. */
  private static List<Ev> padding(List<Ev> events) {
    List<Ev> out = new ArrayList<>();
    int i = 0;
    for (Ev e : events) {
      Label never = NEVER.get(i++ % NEVER.size());
      // the same day and country (a count), and the visible event's own id with an earlier day, another country
      // and topic (a moved day, a new category, a new co-occurrence)
      out.add(new Ev("pad-" + e.id(), e.day(), e.country(), e.topic(), never, never, never));
      out.add(new Ev(e.id(), e.day().minusDays(40), "NL", "skimming", never, never, never));
      // a spike in the last week of its country, and its topic in a new country late
      for (int k = 0; k < 6; k++) {
        out.add(new Ev("spike" + k + "-" + e.id(), TO.minusDays(k), e.country(), e.topic(), never, never, never));
      }
      out.add(new Ev("late-" + e.id(), TO.minusDays(3), "PT", e.topic(), never, never, never));
    }
    return out;
  }

  @Provide
  Arbitrary<List<Ev>> events() {
    Arbitrary<Label> label = NoLeakProperties.labels();
    Arbitrary<LocalDate> day = Arbitraries.integers().between(0, 174).map(FROM::plusDays);
    Arbitrary<Ev> ev = Combinators.combine(Arbitraries.integers().between(1, 60), day,
        Arbitraries.of("FR", "DE", "IT"), Arbitraries.of("phishing", "skimming", "burglary"), label, label, label)
        .as((n, d, c, t, ld, lc, lt) -> new Ev("ev" + n, d, c, t, ld, lc, lt));
    return ev.list().ofMinSize(1).ofMaxSize(25).uniqueElements(Ev::id);
  }
}
