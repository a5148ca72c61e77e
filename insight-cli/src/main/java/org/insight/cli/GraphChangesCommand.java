package org.insight.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.insight.graph.GraphChanges;
import org.insight.graph.GraphEdge;
import org.insight.graph.Network;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code insight graph changes --since D}: new edges and new bridges. */
@Command(name = "changes", mixinStandardHelpOptions = true,
    description = {"How the network changed: the edges whose earliest evidence is on or after a date, and the"
        + " bridges made only of such edges (undated edges are not new)."})
final class GraphChangesCommand implements Callable<Integer> {
  @Mixin SessionOptions session;
  @Mixin GraphBuildOptions graph;
  @Spec CommandSpec spec;

  @Option(names = "--since", paramLabel = "DATE", required = true,
      description = "ISO 8601, may be partial (2021, 2021-06, 2021-06-01).")
  String since;

  @Override
  public Integer call() {
    try (SessionOptions.Opened opened = graph.open(session)) {
      Network g = graph.network(opened, spec);
      GraphChanges c = g.since(since);
      PrintWriter out = spec.commandLine().getOut();
      if (session.json) {
        ObjectNode n = GraphRender.versioned(g);
        n.put("since", c.since());
        ArrayNode edges = n.putArray("newEdges");
        c.newEdges().forEach(e -> edges.add(GraphRender.json(e)));
        ArrayNode bridges = n.putArray("newBridges");
        c.newBridges().forEach(p -> bridges.addArray().add(p.get(0).value()).add(p.get(1).value()));
        Render.print(out, n);
      } else {
        out.println(c.newEdges().size() + " new edges since " + since + ":");
        for (GraphEdge e : c.newEdges()) {
          out.println("  " + GraphRender.caption(g, e.source()) + (e.directed() ? " -> " : " -- ")
              + GraphRender.caption(g, e.target()) + "  " + e.type() + " x" + e.count() + " from "
              + e.start().orElse("?"));
        }
        out.println("new bridges:");
        c.newBridges().forEach(p -> out.println("  " + GraphRender.caption(g, p.get(0)) + " -- "
            + GraphRender.caption(g, p.get(1))));
      }
      return 0;
    }
  }
}
