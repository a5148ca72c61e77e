package org.insight.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.insight.core.ContentHash;
import org.insight.core.Dataset;
import org.insight.core.Document;
import org.insight.core.Provenance;
import org.insight.policy.Label;
import org.insight.policy.Principal;
import org.insight.policy.Purpose;
import org.insight.policy.SourceGrading;
import org.insight.trends.Granularity;
import org.insight.trends.TrendAnalysis;
import org.insight.trends.TrendEvent;
import org.insight.trends.TrendReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrendsTest {
  @TempDir Path dir;

  @Test
  void eventsAreDatedCategorisedAndLabelledByTheStatementsTheyCameFrom() {
    try (Workspace ws = Workspace.builder(dir).clock(Fixtures.FIXED).open()) {
      Dataset fr = Fixtures.dataset("fr", "FR");
      Dataset de = Fixtures.dataset("de", "DE");
      Session writer = ws.session(Fixtures.loader("w"), Purpose.CRIMINAL_INVESTIGATION);
      writer.add(List.of(
          fr.entity("Event", "e1").add("date", "2026-03-14").add("country", "FR").add("country", "BE", Label.of("B"))
              .build(),
          fr.entity("Event", "e2").add("startTime", "2026-03-15T23:30:00-02:00").add("date", "2026-03-01")
              .add("country", "FR").build(),
          de.entity("Event", "e3").add("date", "2026-03-16").build(),
          de.entity("Call", "c1").add("startDate", "2026-03-16").build(),
          fr.entity("Event", "e4").add("country", "FR").build()));
      ContentHash hash = writer.storeEvidence(new ByteArrayInputStream("x".getBytes(StandardCharsets.UTF_8)));
      writer.add(new Document(null, hash, "t", "x", "", Map.of("created", List.of("2026-03-17T08:00:00Z")), null,
          null, Label.of("FR"), Provenance.of("fr", "d", "text:plain", SourceGrading.UNGRADED).withContentHash(hash)));

      Session s = ws.session(Principal.of("reader", "FR", "DE", "A", "B", "C"), Purpose.CRIMINAL_INVESTIGATION);
      Trends trends = s.trends();
      long before = ws.audit.size();
      List<TrendEvent> byCountry = trends.events(TrendSource.of("Event", "country"));
      assertEquals(before + 1, ws.audit.size());
      assertEquals(List.of("be 2026-03-14 B&FR", "fr 2026-03-14 FR", "fr 2026-03-16 FR"), byCountry.stream()
          .map(e -> e.category() + " " + e.day() + " " + e.label().orElseThrow()).sorted().toList(),
          "startTime first, on its UTC day; one event per country (as stored: ISO codes in lower case), labelled by"
          + " time and country statements");
      TrendReport report = trends.analyse(TrendSource.of("Thing", "type"), TrendAnalysis.builder()
          .granularity(Granularity.DAY).build());
      assertEquals(List.of("Event"), report.series().stream().map(x -> x.category()).toList(), "a Call is no Thing");
      assertEquals("1 visible Thing(s) without a day in startTime/date/startDate left out", report.notes().get(0));
      assertEquals(Label.of("FR").and(Label.of("DE")), report.label().orElseThrow());
      assertEquals(List.of("de 2026-03-16"), trends.events(TrendSource.of("Call", "dataset")).stream()
          .map(e -> e.category() + " " + e.day()).toList(), "a call on its startDate");
      List<TrendEvent> docs = trends.events(TrendSource.of(TrendSource.DOCUMENTS, "dataset"));
      assertEquals(List.of(TrendEvent.of(LocalDate.of(2026, 3, 17), "fr", Label.of("FR"), docs.get(0).source())),
          docs);
      assertTrue(docs.get(0).source().startsWith("doc-"));
      assertEquals(before + 4, ws.audit.size(), "one audit entry per call");
    }
  }
}
