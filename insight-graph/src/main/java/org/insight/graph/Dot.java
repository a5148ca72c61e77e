package org.insight.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/**
 * Writes a {@link Network} in Graphviz DOT: a {@code digraph} whose undirected edges carry {@code dir=none} (the
 * network holds both kinds), nodes labelled by caption with {@code pos="x,y!"} from the layout (in points, for
 * {@code neato -n}), and every other attribute as a quoted DOT attribute (unknown ones are kept by Graphviz and
 * read by networkx/pydot). The access label is {@code accessLabel}; DOT's own {@code label} is the text shown.
 */
public final class Dot {
  private Dot() {}

  /** Writes {@code network} to {@code out} (not closed). */
  public static void write(Network network, Writer out) {
    double[][] xy = Layout.of(network);
    try {
      out.write("digraph network {\n");
      List<GraphNode> nodes = network.nodes();
      for (int i = 0; i < nodes.size(); i++) {
        GraphNode n = nodes.get(i);
        out.write("  " + q(n.id().value()) + " [label=" + q(n.caption()) + ", type=" + q(n.type()) + ", members="
            + q(String.join(" ", n.members().stream().map(m -> m.value()).toList())) + ", accessLabel="
            + q(n.label().toString()) + ", pos=" + q(Layout.number(xy[i][0]) + "," + Layout.number(800 - xy[i][1])
                + "!") + "];\n");
      }
      for (GraphEdge e : network.edges()) {
        out.write("  " + q(e.source().value()) + " -> " + q(e.target().value()) + " [" + (e.directed() ? ""
            : "dir=none, ") + "label=" + q(e.type()) + ", kind=" + q(e.kind().name().toLowerCase(Locale.ROOT))
            + ", type=" + q(e.type()) + ", value=" + q(e.value()) + ", weight=" + e.count() + ", amount="
            + q(Double.toString(e.amount())) + ", duration=" + q(Double.toString(e.duration())) + ", start="
            + q(e.start().orElse("")) + ", end=" + q(e.end().orElse("")) + ", statements="
            + q(String.join(" ", e.statements())) + ", documents=" + q(String.join(" ", e.documents()))
            + ", accessLabel=" + q(e.label().toString()) + "];\n");
      }
      out.write("}\n");
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  /** A DOT double-quoted string: quotes and backslashes escaped, line breaks as {@code \n}. */
  static String q(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> { }
        default -> b.append(c);
      }
    }
    return b.append('"').toString();
  }
}
