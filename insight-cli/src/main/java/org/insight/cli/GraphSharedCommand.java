package org.insight.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.insight.graph.EdgeKind;
import org.insight.graph.GraphEdge;
import org.insight.graph.Network;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code insight graph shared-identifiers}: the hidden connections nobody linked. */
@Command(name = "shared-identifiers", mixinStandardHelpOptions = true,
    description = "Entities holding the same phone, e-mail, address or identifier, though nobody linked them.")
final class GraphSharedCommand implements Callable<Integer> {
  @Mixin SessionOptions session;
  @Mixin GraphBuildOptions graph;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    try (SessionOptions.Opened opened = graph.open(session)) {
      Network g = graph.network(opened, spec);
      PrintWriter out = spec.commandLine().getOut();
      if (session.json) {
        ArrayNode items = Json.array();
        g.edges(EdgeKind.SHARED_IDENTIFIER).forEach(e -> items.add(GraphRender.json(e)));
        var n = GraphRender.versioned(g);
        n.set("items", items);
        ArrayNode notes = n.putArray("notes");
        g.notes().forEach(notes::add);
        Render.print(out, n);
      } else {
        for (GraphEdge e : g.edges(EdgeKind.SHARED_IDENTIFIER)) {
          out.println(GraphRender.caption(g, e.source()) + " and " + GraphRender.caption(g, e.target()) + " share "
              + e.type() + " " + e.value());
        }
        g.notes().forEach(x -> out.println("note: " + x));
      }
      return 0;
    }
  }
}
