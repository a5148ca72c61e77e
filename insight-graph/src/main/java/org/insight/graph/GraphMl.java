package org.insight.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/**
 * Writes a {@link Network} as GraphML (readable by Gephi, Cytoscape, yEd, networkx, igraph), with every node's type,
 * caption and label and every edge's kind, type, value, direction, weights, dates, evidence and label as attributes.
 * Layout coordinates ({@code x}, {@code y}) come with every node. The graph is written undirected with a
 * {@code directed} attribute per edge, as the network holds both kinds.
 */
public final class GraphMl {
  private static final List<String[]> NODE_KEYS = List.of(new String[] {"type", "string"},
      new String[] {"caption", "string"}, new String[] {"members", "string"}, new String[] {"label", "string"},
      new String[] {"x", "double"}, new String[] {"y", "double"});
  private static final List<String[]> EDGE_KEYS = List.of(new String[] {"kind", "string"},
      new String[] {"type", "string"}, new String[] {"value", "string"}, new String[] {"directed", "boolean"},
      new String[] {"weight", "double"}, new String[] {"amount", "double"}, new String[] {"duration", "double"},
      new String[] {"start", "string"}, new String[] {"end", "string"}, new String[] {"statements", "string"},
      new String[] {"documents", "string"}, new String[] {"label", "string"});

  private GraphMl() {}

  /** Writes {@code network} to {@code out} (not closed). */
  public static void write(Network network, Writer out) {
    try {
      out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
      out.write("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n");
      for (String[] k : NODE_KEYS) {
        out.write("  <key id=\"n_" + k[0] + "\" for=\"node\" attr.name=\"" + k[0] + "\" attr.type=\"" + k[1]
            + "\"/>\n");
      }
      for (String[] k : EDGE_KEYS) {
        out.write("  <key id=\"e_" + k[0] + "\" for=\"edge\" attr.name=\"" + k[0] + "\" attr.type=\"" + k[1]
            + "\"/>\n");
      }
      out.write("  <graph id=\"G\" edgedefault=\"undirected\">\n");
      double[][] xy = Layout.of(network);
      List<GraphNode> nodes = network.nodes();
      for (int j = 0; j < nodes.size(); j++) {
        GraphNode n = nodes.get(j);
        out.write("    <node id=\"" + esc(n.id().value()) + "\">");
        data(out, "n_type", n.type());
        data(out, "n_caption", n.caption());
        data(out, "n_members", String.join(" ", n.members().stream().map(m -> m.value()).toList()));
        data(out, "n_label", n.label().toString());
        data(out, "n_x", Layout.number(xy[j][0]));
        data(out, "n_y", Layout.number(xy[j][1]));
        out.write("</node>\n");
      }
      int i = 0;
      for (GraphEdge e : network.edges()) {
        out.write("    <edge id=\"e" + i++ + "\" source=\"" + esc(e.source().value()) + "\" target=\""
            + esc(e.target().value()) + "\">");
        data(out, "e_kind", e.kind().name().toLowerCase(Locale.ROOT));
        data(out, "e_type", e.type());
        data(out, "e_value", e.value());
        data(out, "e_directed", Boolean.toString(e.directed()));
        data(out, "e_weight", Integer.toString(e.count()));
        data(out, "e_amount", Double.toString(e.amount()));
        data(out, "e_duration", Double.toString(e.duration()));
        data(out, "e_start", e.start().orElse(""));
        data(out, "e_end", e.end().orElse(""));
        data(out, "e_statements", String.join(" ", e.statements()));
        data(out, "e_documents", String.join(" ", e.documents()));
        data(out, "e_label", e.label().toString());
        out.write("</edge>\n");
      }
      out.write("  </graph>\n</graphml>\n");
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  private static void data(Writer out, String key, String value) throws IOException {
    if (!value.isEmpty()) {
      out.write("<data key=\"" + key + "\">" + esc(value) + "</data>");
    }
  }

  static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&apos;");
        default -> {
          if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
            b.append(' '); // not allowed in XML 1.0
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }
}
