package org.insight.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** GraphML, GEXF, Cytoscape.js JSON, DOT and the HTML drawing: well-formed, complete, and the same network always written the same way. */
class ExportTest {
  private static Network sample() {
    List<int[]> edges = new ArrayList<>(Graphs.clique(0, 4));
    edges.add(new int[] {3, 4});
    edges.add(new int[] {4, 5});
    return Graphs.network(6, edges);
  }

  private static Document parse(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void graphMlHoldsEveryNodeAndEdgeWithItsAttributes() throws Exception {
    StringWriter out = new StringWriter();
    GraphMl.write(sample(), out);
    Document d = parse(out.toString());
    assertEquals(6, d.getElementsByTagName("node").getLength());
    assertEquals(8, d.getElementsByTagName("edge").getLength());
    assertTrue(out.toString().contains("<data key=\"e_type\">Associate</data>"), out.toString());
    assertTrue(out.toString().contains("<data key=\"n_caption\">Person 0</data>"));
    assertEquals(6, out.toString().split("<data key=\"n_x\">", -1).length - 1, "a position for every node");
  }

  /** The pairs of the sample's edges, as "source target". */
  private static Set<String> pairs(Network n) {
    Set<String> out = new TreeSet<>();
    n.edges().forEach(e -> out.add(e.source().value() + " " + e.target().value()));
    return out;
  }

  @Test
  void gexfIsWellFormedWithEveryNodeEdgeAttributeAndPosition() throws Exception {
    StringWriter out = new StringWriter();
    Gexf.write(sample(), out);
    Document d = parse(out.toString());
    assertEquals(6, d.getElementsByTagName("node").getLength());
    assertEquals(8, d.getElementsByTagName("edge").getLength());
    assertEquals(6, d.getElementsByTagName("viz:position").getLength());
    Set<String> seen = new TreeSet<>();
    for (int i = 0; i < 8; i++) {
      Element e = (Element) d.getElementsByTagName("edge").item(i);
      seen.add(e.getAttribute("source") + " " + e.getAttribute("target"));
      assertEquals("1", e.getAttribute("weight"));
    }
    assertEquals(pairs(sample()), seen);
    assertEquals("Person 0", ((Element) d.getElementsByTagName("node").item(0)).getAttribute("label"));
    assertTrue(out.toString().contains("<attvalue for=\"type\" value=\"Associate\"/>"), out.toString());
  }

  @Test
  void cytoscapeJsonParsesWithEveryElementAndPosition() throws Exception {
    StringWriter out = new StringWriter();
    CytoscapeJson.write(sample(), out);
    JsonNode root = new ObjectMapper().readTree(out.toString());
    JsonNode nodes = root.path("elements").path("nodes");
    JsonNode edges = root.path("elements").path("edges");
    assertEquals(6, nodes.size());
    assertEquals(8, edges.size());
    Set<String> seen = new TreeSet<>();
    edges.forEach(e -> seen.add(e.path("data").path("source").asText() + " " + e.path("data").path("target").asText()));
    assertEquals(pairs(sample()), seen);
    for (JsonNode n : nodes) {
      assertTrue(n.path("position").path("x").isNumber() && n.path("position").path("y").isNumber(), n.toString());
      assertEquals("Person", n.path("data").path("type").asText());
    }
    assertEquals("Person 0", nodes.get(0).path("data").path("name").asText());
    assertEquals("Associate", edges.get(0).path("data").path("type").asText());
  }

  @Test
  void jsonAndDotStringsAreEscaped() throws Exception {
    assertEquals("\"a\\\"b\\\\c\\n\\u0001\"", CytoscapeJson.str("a\"b\\c\n\u0001"));
    JsonNode parsed = new ObjectMapper().readTree(CytoscapeJson.str("a\"b\\c\n\u0001"));
    assertEquals("a\"b\\c\n\u0001", parsed.asText());
    assertEquals("\"say \\\"hi\\\"\"", Dot.q("say \"hi\""));
  }

  @Test
  void dotHoldsEveryNodeAndEveryEdge() {
    StringWriter out = new StringWriter();
    Dot.write(sample(), out);
    String dot = out.toString();
    assertTrue(dot.startsWith("digraph network {") && dot.trim().endsWith("}"), dot);
    Set<String> seen = new TreeSet<>();
    Matcher m = Pattern.compile("^  \"([^\"]+)\" -> \"([^\"]+)\" \\[(dir=none, )?label=", Pattern.MULTILINE)
        .matcher(dot);
    while (m.find()) {
      seen.add(m.group(1) + " " + m.group(2));
    }
    assertEquals(pairs(sample()), seen, dot);
    Matcher nodes = Pattern.compile("^  \"[^\"]+\" \\[label=.*pos=\"[0-9.]+,[0-9.]+!\"\\];$", Pattern.MULTILINE)
        .matcher(dot);
    int count = 0;
    while (nodes.find()) {
      count++;
    }
    assertEquals(6, count, dot);
  }

  @Test
  void everyExportIsTheSameEveryTime() {
    for (int i = 0; i < 4; i++) {
      StringWriter a = new StringWriter();
      StringWriter b = new StringWriter();
      write(i, sample(), a);
      write(i, sample(), b);
      assertEquals(a.toString(), b.toString());
    }
  }

  private static void write(int format, Network n, StringWriter w) {
    switch (format) {
      case 0 -> GraphMl.write(n, w);
      case 1 -> Gexf.write(n, w);
      case 2 -> CytoscapeJson.write(n, w);
      default -> Dot.write(n, w);
    }
  }

  @Test
  void theDrawingIsDeterministicAndHoldsEveryNode() throws Exception {
    StringWriter a = new StringWriter();
    StringWriter b = new StringWriter();
    HtmlDrawing.write(sample(), "Sample <network>", a);
    HtmlDrawing.write(sample(), "Sample <network>", b);
    assertEquals(a.toString(), b.toString(), "a fixed layout: the same drawing every time");
    String html = a.toString();
    assertTrue(html.contains("Sample &lt;network&gt;"), "the title is escaped");
    assertTrue(!html.contains("<script") && !html.contains("src=") && !html.contains("href="), "nothing fetched");
    String svg = html.substring(html.indexOf("<svg"), html.indexOf("</svg>") + 6);
    Document d = parse(svg);
    assertEquals(6, d.getElementsByTagName("circle").getLength());
    assertEquals(8, d.getElementsByTagName("line").getLength());
    for (double[] p : HtmlDrawing.layout(sample())) {
      assertTrue(p[0] >= 0 && p[0] <= 800 && p[1] >= 0 && p[1] <= 800, "inside the drawing");
    }
  }
}
