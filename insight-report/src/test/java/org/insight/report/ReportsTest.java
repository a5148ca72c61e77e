package org.insight.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.insight.core.EntityId;
import org.insight.policy.AuditLog;
import org.insight.policy.AuditRecord;
import org.insight.policy.Label;
import org.insight.policy.Principal;
import org.insight.trends.Alarm;
import org.insight.trends.Comparison;
import org.insight.trends.Granularity;
import org.insight.trends.NewCooccurrence;
import org.insight.trends.Series;
import org.insight.trends.SeriesPoint;
import org.insight.trends.TrendReport;
import org.insight.workspace.Session;
import org.insight.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportsTest {
  @TempDir Path dir;

  private Session reader(Workspace ws) {
    return ws.session(Principal.of("analyst", List.of("A", "B")), World.CI);
  }

  private static List<AuditRecord> audit(Path ws, int n) {
    try (AuditLog log = AuditLog.open(Workspace.auditFile(ws))) {
      return log.tail(n);
    }
  }

  @Test
  void aProfileHoldsTheSubjectsStatementsDocumentsNetworkPlacesAndTimelineAndIsOneAuditEntry() throws Exception {
    World world = World.of("Ivan Petrov", "Anna Berg", "Li Wei");
    Path wsDir = dir.resolve("ws");
    Product p;
    long before;
    try (Workspace ws = World.open(wsDir)) {
      world.write(ws, l -> true);
      world.pad(ws);
      Session s = reader(ws);
      before = auditSize(ws);
      p = Reports.of(s, World.CLOCK).profile(World.SUBJECT);
      assertEquals(before + 1, auditSize(ws), "a product is one audit entry");
    }
    AuditRecord entry = audit(wsDir, 1).get(0);
    assertEquals("report.profile", entry.event().operation());
    assertTrue(entry.event().query().startsWith("p0 reads=["), entry.event().query());
    assertTrue(entry.event().items().contains("p0"));
    assertEquals(entry.sequence() + ":" + entry.hash().substring(0, 16), p.banner().auditId());
    assertEquals(ProductKind.PROFILE, p.kind());
    assertEquals("Profile: Ivan Petrov", p.title());
    assertEquals(Optional.of(Label.of("A")), p.banner().label(), "every cell of this world is labelled A");
    assertEquals("analyst", p.banner().principal());

    Section.Statements st = p.sections(Section.Statements.class).get(0);
    assertEquals(List.of("birthDate", "name", "phone"), st.groups().stream().map(Section.PropertyGroup::property).toList());
    Claim name = st.groups().get(1).claims().get(0);
    assertEquals("Ivan Petrov", name.value());
    assertEquals("police-records", name.source().dataset());
    assertEquals("B2", name.source().grading().toString());
    assertEquals(2, table(p, "Linked documents").rows().size(), "both documents name the subject");
    assertTrue(table(p, "Linked documents").rows().get(0).cells().get(2).contains("Ivan Petrov"), "a snippet");
    Section.NetworkFigure net = p.sections(Section.NetworkFigure.class).get(0);
    assertEquals(Optional.of(World.SUBJECT), net.centre());
    assertTrue(net.network().node(EntityId.of("p1")).isPresent() && net.network().node(EntityId.of("p2")).isPresent());
    assertEquals(2, p.sections(Section.MapFigure.class).get(0).points().size(), "the two events involving the subject");
    List<String> when = table(p, "Timeline").rows().stream().map(r -> r.cells().get(0)).toList();
    assertTrue(when.contains("1970-01-10"), "the birth date is on the timeline: " + when);
    assertEquals(when.stream().sorted().toList(), when, "in time order");
    String html = HtmlProduct.html(p);
    assertFalse(html.contains(World.CANARY), "nothing invisible");
    assertTrue(html.contains(p.banner().auditId()));
  }

  @Test
  void anInvisibleSubjectIsRefusedAsAMissingOneAndTheRefusalIsAudited() throws Exception {
    World world = World.of("Ivan Petrov", "Anna Berg");
    try (Workspace ws = World.open(dir.resolve("ws"))) {
      world.write(ws, l -> true);
      world.pad(ws);
      Session nobody = ws.session(Principal.of("nobody", List.of()), World.CI);
      long before = auditSize(ws);
      ReportException hidden = assertThrows(ReportException.class,
          () -> Reports.of(nobody).profile(World.SUBJECT));
      ReportException missing = assertThrows(ReportException.class,
          () -> Reports.of(nobody).profile(EntityId.of("p0-missing")));
      assertEquals(hidden.getMessage().replace("p0", "X"), missing.getMessage().replace("p0-missing", "X"));
      assertEquals(before + 2, auditSize(ws));
      assertThrows(ReportException.class, () -> Reports.of(nobody).network(World.SUBJECT, 1));
    }
    AuditRecord last = audit(dir.resolve("ws"), 1).get(0);
    assertEquals("report.network", last.event().operation());
    assertTrue(last.event().outcome().startsWith("error"), last.event().outcome());
  }

  @Test
  void networkAndMapProductsCarryTheirTablesAndFigures() throws Exception {
    World world = World.of("Ivan Petrov", "Anna Berg", "Li Wei", "Omar Said");
    try (Workspace ws = World.open(dir.resolve("ws"))) {
      world.write(ws, l -> true);
      Reports reports = Reports.of(reader(ws), World.CLOCK);
      Product net = reports.network(World.SUBJECT, 1);
      assertEquals(ProductKind.NETWORK, net.kind());
      assertEquals(7, table(net, "Nodes").rows().size(), "four persons, three events");
      assertTrue(table(net, "Edges").rows().size() >= 3);
      Product whole = reports.network();
      assertTrue(whole.sections(Section.NetworkFigure.class).get(0).network().nodes().size() >= 4);
      Product map = reports.map(500, 2_000);
      assertEquals(3, map.sections(Section.MapFigure.class).get(0).points().size());
      assertEquals(1, table(map, "Clusters").rows().size(), "three events within 2 km of each other");

      List<Path> csv = ProductCsv.write(net, dir.resolve("csv"));
      assertEquals(List.of("banner.txt", "02-nodes.csv", "03-edges.csv"),
          csv.stream().map(f -> f.getFileName().toString()).toList());
      assertTrue(Files.readString(csv.get(1)).startsWith("id,type,caption,members,label\r\n"));
      assertTrue(Files.readString(csv.get(0)).contains("AUDIT " + net.banner().auditId()));
      List<Path> figures = ProductFigures.write(map, dir.resolve("fig"));
      assertTrue(figures.get(1).toString().endsWith(".geojson"));
      assertTrue(Files.readString(figures.get(1), StandardCharsets.UTF_8).contains("\"FeatureCollection\""));
      assertTrue(ProductFigures.write(net, dir.resolve("fig2")).get(1).toString().endsWith(".graphml"));
    }
  }

  @Test
  void aTrendsDashboardDrawsEverySeriesWithItsBandAndAlarms() throws Exception {
    TrendReport report = trends();
    try (Workspace ws = World.open(dir.resolve("ws"))) {
      Product p = Reports.of(reader(ws), World.CLOCK).trends(report);
      assertEquals(Optional.of(Label.of("A&B")), p.banner().label());
      assertEquals(2, p.sections(Section.SeriesFigure.class).get(0).series().size());
      assertEquals(1, table(p, "Alarms").rows().size());
      assertEquals(List.of("burglary", "12", "30", "2.50", "1.40 – 4.47", "0.00100"),
          table(p, "Comparisons").rows().get(0).cells());
      String html = HtmlProduct.html(p);
      assertEquals(2, count(html, "<svg class=\"series\""));
      assertEquals(1, count(html, "<circle class=\"alarm\""));
      assertFalse(html.contains("<script>"), "a dashboard needs no script");
    }
  }

  static TrendReport trends() {
    LocalDate start = LocalDate.of(2026, 1, 5);
    List<SeriesPoint> burglary = new java.util.ArrayList<>();
    List<SeriesPoint> fraud = new java.util.ArrayList<>();
    for (int w = 0; w < 20; w++) {
      LocalDate d = start.plusWeeks(w);
      burglary.add(new SeriesPoint("burglary", d, w == 17 ? 31 : 10 + w % 3, 11));
      fraud.add(new SeriesPoint("fraud", d, 4 + w % 2, 4.5));
    }
    return new TrendReport(Granularity.WEEK, List.of(new Series("burglary", Granularity.WEEK, burglary),
        new Series("fraud", Granularity.WEEK, fraud)),
        List.of(new Alarm("burglary", start.plusWeeks(16), start.plusWeeks(17), 31, 11, 6.03, 1e-6)),
        List.of(new Comparison("burglary", 12, 30, 2.5, 1.4, 4.47, 0.001)),
        List.of(new NewCooccurrence("+33612345678", "BE", start.plusWeeks(18), 2)), Optional.of(Label.of("A&B")),
        List.of("3 rows had no date"));
  }

  static Section.Table table(Product p, String title) {
    return p.sections(Section.Table.class).stream().filter(t -> t.title().equals(title)).findFirst().orElseThrow();
  }

  static int count(String text, String what) {
    int n = 0;
    for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + 1)) {
      n++;
    }
    return n;
  }

  private long auditSize(Workspace ws) {
    try (AuditLog log = AuditLog.open(Workspace.auditFile(dir.resolve("ws")))) {
      return log.size();
    }
  }
}
