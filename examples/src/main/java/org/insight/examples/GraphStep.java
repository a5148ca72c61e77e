package org.insight.examples;

import java.io.PrintWriter;
import java.util.Locale;
import org.insight.core.EntityId;
import org.insight.graph.EdgeKind;
import org.insight.graph.GraphEdge;
import org.insight.graph.GraphPath;
import org.insight.graph.Network;
import org.insight.workspace.GraphOptions;
import org.insight.workspace.Session;
import org.insight.workspace.Workspace;

/**
 * The demo's network-analysis step: the hidden connection between Ivan PETROV and Karim BENALI — nobody linked
 * them, but the phone in Ivan's record called the phone in Karim's — found by the graph of what the Lyon
 * investigator may see (resolved records collapsed), and absent for the INTERPOL analyst, who sees neither record.
 */
final class GraphStep {
  static final EntityId IVAN = EntityId.fromSource("fr-police-records", "FR-77-0192");
  static final EntityId KARIM = EntityId.fromSource("fr-police-records", "FR-77-0194");

  private GraphStep() {}

  static void run(Workspace ws, PrintWriter out) {
    out.println("Network analysis: how is Ivan PETROV connected to Karim BENALI? (nobody linked them)");
    GraphOptions options = GraphOptions.defaults().withCollapseSameAs(true);
    try (Session s = ws.session(Demo.READERS.get(1).principal(), Demo.READERS.get(1).purpose())) {
      Network g = s.graph(options);
      out.printf(Locale.ROOT, "   investigator.lyon's graph: %d nodes, %d edges (%d shared identifiers), label %s%n",
          g.nodes().size(), g.edges().size(), g.edges(EdgeKind.SHARED_IDENTIFIER).size(),
          g.label().map(Object::toString).orElse("-"));
      EntityId ivan = g.nodes().stream().filter(n -> n.members().contains(IVAN)).findFirst().orElseThrow().id();
      GraphPath path = g.shortestPath(ivan, KARIM).orElseThrow();
      StringBuilder line = new StringBuilder("   ");
      for (int i = 0; i < path.nodes().size(); i++) {
        if (i > 0) {
          line.append(" -[").append(String.join(", ", path.hops().get(i - 1).stream().map(GraphStep::word).toList()))
              .append("]- ");
        }
        line.append(g.node(path.nodes().get(i)).orElseThrow().caption());
      }
      out.println(line);
      out.printf(Locale.ROOT, "   brokers (articulation points): %s%n", String.join(", ",
          g.brokers().articulationPoints().stream().map(id -> g.node(id).orElseThrow().caption()).toList()));
    }
    try (Session s = ws.session(Demo.READERS.get(0).principal(), Demo.READERS.get(0).purpose())) {
      Network g = s.graph(options);
      out.printf(Locale.ROOT, "   analyst.interpol's graph: %d nodes, %d edges: neither record, no path, nothing counted%n",
          g.nodes().size(), g.edges().size());
    }
    out.println();
  }

  static String word(GraphEdge e) {
    return switch (e.kind()) {
      case SHARED_IDENTIFIER -> "same " + e.type() + " " + e.value();
      case LINK -> e.type() + (e.count() > 1 ? " x" + e.count() : "") + (e.start().isPresent() ? " " + e.start().get()
          : "") + (e.duration() > 0 ? String.format(Locale.ROOT, " %.0fs", e.duration()) : "");
      default -> e.kind().name().toLowerCase(Locale.ROOT) + " " + e.type();
    };
  }
}
