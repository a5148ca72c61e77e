package org.insight.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/**
 * Writes a {@link Network} as Cytoscape.js JSON ({@code {"elements":{"nodes":[...],"edges":[...]}}}, which
 * {@code cy.add} and Cytoscape desktop's "import network from file" read), every attribute under {@code data} and
 * each node's layout {@code position}, so that {@code layout: {name: 'preset'}} draws it at once. {@code data.name}
 * is the caption shown; the access label is {@code data.accessLabel}.
 */
public final class CytoscapeJson {
  private CytoscapeJson() {}

  /** Writes {@code network} to {@code out} (not closed). */
  public static void write(Network network, Writer out) {
    double[][] xy = Layout.of(network);
    try {
      out.write("{\"format\":\"cytoscape.js\",\"elements\":{\"nodes\":[");
      List<GraphNode> nodes = network.nodes();
      for (int i = 0; i < nodes.size(); i++) {
        GraphNode n = nodes.get(i);
        out.write(i == 0 ? "\n" : ",\n");
        out.write("{\"data\":{\"id\":" + str(n.id().value()) + ",\"name\":" + str(n.caption()) + ",\"type\":"
            + str(n.type()) + ",\"members\":[" + String.join(",", n.members().stream().map(m -> str(m.value()))
                .toList()) + "],\"accessLabel\":" + str(n.label().toString()) + "},\"position\":{\"x\":"
            + Layout.number(xy[i][0]) + ",\"y\":" + Layout.number(xy[i][1]) + "}}");
      }
      out.write("],\"edges\":[");
      int i = 0;
      for (GraphEdge e : network.edges()) {
        out.write(i == 0 ? "\n" : ",\n");
        out.write("{\"data\":{\"id\":\"e" + i++ + "\",\"source\":" + str(e.source().value()) + ",\"target\":"
            + str(e.target().value()) + ",\"kind\":" + str(e.kind().name().toLowerCase(Locale.ROOT)) + ",\"type\":"
            + str(e.type()) + ",\"value\":" + str(e.value()) + ",\"directed\":" + e.directed() + ",\"count\":"
            + e.count() + ",\"amount\":" + e.amount() + ",\"duration\":" + e.duration()
            + e.start().map(s -> ",\"start\":" + str(s)).orElse("") + e.end().map(s -> ",\"end\":" + str(s)).orElse("")
            + ",\"statements\":" + list(e.statements()) + ",\"documents\":" + list(e.documents())
            + ",\"accessLabel\":" + str(e.label().toString()) + "}}");
      }
      out.write("\n]}}\n");
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  private static String list(List<String> values) {
    return "[" + String.join(",", values.stream().map(CytoscapeJson::str).toList()) + "]";
  }

  /** A JSON string literal (RFC 8259 escapes). */
  static String str(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
