package org.insight.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.insight.policy.Principal;
import org.insight.workspace.Session;
import org.insight.workspace.Workspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens every product type in real headless Chromium over the DevTools protocol (skipped where Chromium is not
 * installed; scripts/prerequisites installs it): no console error or uncaught exception, no network request but the
 * file itself, the expected elements in the DOM, the banner at top and bottom saying what the product's banner says.
 * Screenshots are kept in target/report-screenshots for a person to look at.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChromiumProductsTest {
  /** A neighbour's name built to break out of HTML text, attributes and script blocks if anything were unescaped. */
  static final String HOSTILE = "Eve </script><img src=x onerror=\"console.error('pwned')\">\u2028'\"><!--";
  private static final Path SHOTS = Path.of("target", "report-screenshots");
  @TempDir static Path dir;
  private HeadlessChromium chromium;
  private Workspace ws;
  private Reports reports;

  @BeforeAll
  void start() throws Exception {
    assumeTrue(HeadlessChromium.binary().isPresent(), "headless Chromium is not installed (scripts/prerequisites)");
    Files.createDirectories(SHOTS);
    Files.createDirectories(dir.resolve("profile"));
    chromium = new HeadlessChromium(HeadlessChromium.binary().get(), dir.resolve("profile"));
    ws = World.open(dir.resolve("ws"));
    World world = World.of("Ivan Petrov", "Anna Berg", HOSTILE, "Li Wei", "Omar Said");
    world.write(ws, l -> true);
    world.pad(ws);
    Session s = ws.session(Principal.of("analyst", List.of("A", "B")), World.CI);
    reports = Reports.of(s);
  }

  @AfterAll
  void stop() throws Exception {
    if (chromium != null) {
      chromium.close();
    }
    if (ws != null) {
      ws.close();
    }
  }

  private void open(Product p, String name) throws Exception {
    Path file = HtmlProduct.write(p, SHOTS.resolve(name + ".html")).toAbsolutePath();
    chromium.open(file);
    assertEquals(List.of(file.toUri().toString()), chromium.requests(), "no request but the file itself");
    assertEquals(List.of(), chromium.errors(), "no console error");
    assertEquals(p.banner().text(), chromium.eval("document.getElementById('banner-top').textContent").asText());
    assertEquals(p.banner().text(), chromium.eval("document.getElementById('banner-bottom').textContent").asText());
    assertEquals(0, chromium.eval("document.querySelectorAll('img,iframe,object,embed,link').length").asInt(),
        "nothing that could load");
    assertTrue(!HtmlProduct.html(p).contains(World.CANARY), "nothing invisible");
    chromium.screenshot(SHOTS.resolve(name + ".png"));
  }

  @Test
  void theProfileOpensWithItsSectionsAndAnInteractiveNetwork() throws Exception {
    Product p = reports.profile(World.SUBJECT);
    open(p, "profile");
    assertEquals(p.sections().size(), chromium.eval("document.querySelectorAll('main section').length").asInt());
    assertEquals(3, chromium.eval("document.querySelectorAll('table.claims').length").asInt(), "one per property");
    int nodes = p.sections(Section.NetworkFigure.class).get(0).network().nodes().size();
    String box = "document.querySelector('.net')";
    assertEquals(nodes, chromium.eval(box + ".getAttribute('data-ready')").asInt(), "Cytoscape drew every node");
    assertTrue(chromium.eval(box + ".querySelectorAll('canvas').length").asInt() > 0, "a canvas, not the SVG");
    JsonNode names = chromium.eval("JSON.stringify(" + box + ".insightChart.nodes().map(n => n.data('caption')))");
    assertTrue(names.asText().contains("Eve </script>"), "the hostile name arrives as data: " + names);
    chromium.eval(box + ".insightChart.getElementById('p0').emit('tap'); 0");
    String evidence = chromium.eval("document.querySelector('.evidence').textContent").asText();
    assertTrue(evidence.startsWith("Ivan Petrov\nid: p0\ntype: Person"), evidence);
    chromium.eval(box + ".insightChart.edges()[0].emit('tap'); 0");
    String edge = chromium.eval("document.querySelector('.evidence').textContent").asText();
    assertTrue(edge.startsWith("source: ") && edge.contains("\nstatements: st-") && edge.contains("\nlabel: A"),
        "the edge's row of the Edges table: " + edge);
    chromium.screenshot(SHOTS.resolve("profile-network.png"), ".net");
    assertTrue(chromium.eval("document.querySelectorAll('.map:not(.overview) svg circle').length").asInt() >= 2, "places drawn");
    assertEquals(List.of(), chromium.errors(), "no error after the clicks");
  }

  @Test
  void aLargeNeighbourhoodIsDrawnByTheChartWithoutError() throws Exception {
    String[] names = new String[400];
    for (int i = 0; i < names.length; i++) {
      names[i] = i == 0 ? "Viktor Orlanov" : "Person " + i;
    }
    try (Workspace big = World.open(dir.resolve("big"))) {
      World.of(names).write(big, l -> true);
      Product p = Reports.of(big.session(Principal.of("analyst", List.of("A")), World.CI)).profile(World.SUBJECT);
      int nodes = p.sections(Section.NetworkFigure.class).get(0).network().nodes().size();
      assertTrue(nodes > 700, "persons and events: " + nodes);
      open(p, "profile-large");
      assertEquals(nodes, chromium.eval("document.querySelector('.net').getAttribute('data-ready')").asInt());
      chromium.eval("document.querySelector('.net').insightChart.getElementById('p7').emit('tap'); 0");
      assertTrue(chromium.eval("document.querySelector('.evidence').textContent").asText()
          .startsWith("Person 7\nid: p7\ntype: Person\ncaption: Person 7"), "the node's row of the Nodes table");
      chromium.screenshot(SHOTS.resolve("profile-large-network.png"), ".net");
      assertEquals(List.of(), chromium.errors());
    }
  }

  @Test
  void theNetworkChartOpensAndFallsBackToSvgWithoutScript() throws Exception {
    Product p = reports.network(World.SUBJECT, 2);
    open(p, "network");
    assertTrue(chromium.eval("document.querySelectorAll('.net canvas').length").asInt() > 0);
    // the same page without its scripts shows the SVG drawing
    String html = HtmlProduct.html(p);
    Path noScript = SHOTS.resolve("network-noscript.html");
    Files.writeString(noScript, html.substring(0, html.indexOf("<script>")) + "</body></html>\n");
    chromium.open(noScript.toAbsolutePath());
    assertEquals(List.of(), chromium.errors());
    assertEquals(p.sections(Section.NetworkFigure.class).get(0).network().nodes().size(),
        chromium.eval("document.querySelectorAll('.net svg circle').length").asInt());
    chromium.screenshot(SHOTS.resolve("network-noscript.png"));
  }

  @Test
  void theMapOpensWithOutlinesPointsAndClusters() throws Exception {
    Product p = reports.map(500, 3_000);
    open(p, "map");
    assertEquals(p.sections(Section.MapFigure.class).get(0).points().size(),
        chromium.eval("document.querySelectorAll('.map:not(.overview) svg circle').length").asInt());
    assertTrue(chromium.eval("document.querySelectorAll('.map svg path').length").asInt() > 0, "country outlines");
  }

  @Test
  void theTrendsDashboardOpensWithChartsAndTables() throws Exception {
    Product p = reports.trends(ReportsTest.trends());
    open(p, "trends");
    assertEquals(2, chromium.eval("document.querySelectorAll('svg.series').length").asInt());
    assertEquals(1, chromium.eval("document.querySelectorAll('svg.series circle.alarm').length").asInt());
    assertEquals(2, chromium.eval("document.querySelectorAll('svg.series polygon.band').length").asInt());
    assertEquals(1, chromium.eval("document.querySelectorAll('svg.series rect.change').length").asInt(),
        "the alarm's change is shaded");
    assertEquals(3, chromium.eval("document.querySelectorAll('table.data').length").asInt(),
        "alarms, comparisons, new co-occurrences");
  }

  @Test
  void theCaseDigestOpensWithItsTables() throws Exception {
    Session analyst = ws.session(Principal.of("analyst", List.of("A", "B")), World.CI);
    String id = analyst.cases().create("Operation " + HOSTILE, org.insight.policy.Label.of("A")).id();
    analyst.cases().add(id, org.insight.workspace.CaseTarget.entity(World.SUBJECT), null);
    analyst.cases().note(id, "met " + HOSTILE + " in Lyon", null);
    analyst.cases().task(id, "Check the phone", "analyst", java.time.LocalDate.of(2026, 7, 1), null);
    Product p = reports.caseDigest(id);
    open(p, "case");
    assertEquals(5, chromium.eval("document.querySelectorAll('table.data').length").asInt(),
        "members, what it concerns, notes, tasks, history");
    assertTrue(chromium.eval("document.body.textContent").asText().contains("met " + HOSTILE + " in Lyon"),
        "the hostile note is shown as text");
  }

  @Test
  void aProductPrintsToPdf() throws Exception {
    Product p = reports.trends(ReportsTest.trends());
    Path html = HtmlProduct.write(p, dir.resolve("trends.html"));
    Path pdf = ProductPdf.print(html, SHOTS.resolve("trends.pdf"));
    byte[] head = Files.readAllBytes(pdf);
    assertEquals("%PDF", new String(head, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
    assertTrue(head.length > 5_000, "a page with charts: " + head.length);
  }
}
