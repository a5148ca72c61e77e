package org.insight.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/**
 * Writes a {@link Network} as GEXF 1.3 (Gephi's format) with every node's type, members and access label and every
 * edge's kind, type, value, weights, dates, evidence and access label as attributes, node captions as GEXF labels,
 * and layout positions ({@code viz:position}) so that Gephi draws it at once. Each edge says whether it is directed.
 * The access label is the attribute {@code accessLabel}: GEXF's own {@code label} is the caption shown.
 */
public final class Gexf {
  private static final List<String[]> NODE_ATTRS = List.of(new String[] {"type", "string"},
      new String[] {"members", "string"}, new String[] {"accessLabel", "string"});
  private static final List<String[]> EDGE_ATTRS = List.of(new String[] {"kind", "string"},
      new String[] {"type", "string"}, new String[] {"value", "string"}, new String[] {"count", "integer"},
      new String[] {"amount", "double"}, new String[] {"duration", "double"}, new String[] {"start", "string"},
      new String[] {"end", "string"}, new String[] {"statements", "string"}, new String[] {"documents", "string"},
      new String[] {"accessLabel", "string"});

  private Gexf() {}

  /** Writes {@code network} to {@code out} (not closed). */
  public static void write(Network network, Writer out) {
    double[][] xy = Layout.of(network);
    try {
      out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
      out.write("<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" version=\"1.3\">\n");
      out.write("  <graph defaultedgetype=\"undirected\" mode=\"static\">\n");
      attributes(out, "node", NODE_ATTRS);
      attributes(out, "edge", EDGE_ATTRS);
      out.write("    <nodes>\n");
      List<GraphNode> nodes = network.nodes();
      for (int i = 0; i < nodes.size(); i++) {
        GraphNode n = nodes.get(i);
        out.write("      <node id=\"" + GraphMl.esc(n.id().value()) + "\" label=\"" + GraphMl.esc(n.caption())
            + "\"><attvalues>");
        value(out, "type", n.type());
        value(out, "members", String.join(" ", n.members().stream().map(m -> m.value()).toList()));
        value(out, "accessLabel", n.label().toString());
        out.write("</attvalues><viz:position x=\"" + Layout.number(xy[i][0]) + "\" y=\""
            + Layout.number(xy[i][1]) + "\" z=\"0.0\"/></node>\n");
      }
      out.write("    </nodes>\n    <edges>\n");
      int i = 0;
      for (GraphEdge e : network.edges()) {
        out.write("      <edge id=\"e" + i++ + "\" source=\"" + GraphMl.esc(e.source().value()) + "\" target=\""
            + GraphMl.esc(e.target().value()) + "\" type=\"" + (e.directed() ? "directed" : "undirected")
            + "\" weight=\"" + e.count() + "\" label=\"" + GraphMl.esc(e.type()) + "\"><attvalues>");
        value(out, "kind", e.kind().name().toLowerCase(Locale.ROOT));
        value(out, "type", e.type());
        value(out, "value", e.value());
        value(out, "count", Integer.toString(e.count()));
        value(out, "amount", Double.toString(e.amount()));
        value(out, "duration", Double.toString(e.duration()));
        value(out, "start", e.start().orElse(""));
        value(out, "end", e.end().orElse(""));
        value(out, "statements", String.join(" ", e.statements()));
        value(out, "documents", String.join(" ", e.documents()));
        value(out, "accessLabel", e.label().toString());
        out.write("</attvalues></edge>\n");
      }
      out.write("    </edges>\n  </graph>\n</gexf>\n");
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  private static void attributes(Writer out, String kind, List<String[]> attrs) throws IOException {
    out.write("    <attributes class=\"" + kind + "\">\n");
    for (String[] a : attrs) {
      out.write("      <attribute id=\"" + a[0] + "\" title=\"" + a[0] + "\" type=\"" + a[1] + "\"/>\n");
    }
    out.write("    </attributes>\n");
  }

  private static void value(Writer out, String key, String value) throws IOException {
    if (!value.isEmpty()) {
      out.write("<attvalue for=\"" + key + "\" value=\"" + GraphMl.esc(value) + "\"/>");
    }
  }
}
