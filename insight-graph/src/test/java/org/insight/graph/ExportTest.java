package org.insight.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** GraphML and the HTML drawing: well-formed, complete, and the same network always written the same way. */
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
