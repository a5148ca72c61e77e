package org.insight.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.insight.core.EntityId;
import org.insight.graph.GraphEdge;
import org.insight.graph.Network;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code insight graph neighbours A --hops 2}: the ego network of an entity. */
@Command(name = "neighbours", aliases = "ego", mixinStandardHelpOptions = true,
    description = "Everyone within some hops of an entity, and the edges among them.")
final class GraphNeighboursCommand implements Callable<Integer> {
  @Mixin SessionOptions session;
  @Mixin GraphBuildOptions graph;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "ID") String id;

  @Option(names = "--hops", paramLabel = "N", defaultValue = "1", description = "How far (default: ${DEFAULT-VALUE}).")
  int hops;

  @Override
  public Integer call() {
    if (hops < 0) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--hops needs 0 or more, got " + hops);
    }
    try (SessionOptions.Opened opened = graph.open(session)) {
      Network g = graph.network(opened, spec);
      EntityId centre = GraphBuildOptions.node(g, id);
      Network ego = g.neighbourhood(centre, hops);
      PrintWriter out = spec.commandLine().getOut();
      if (session.json) {
        ObjectNode n = GraphRender.versioned(ego);
        n.put("centre", centre.value());
        n.put("hops", hops);
        ArrayNode nodes = n.putArray("nodes");
        ego.nodes().forEach(x -> nodes.add(GraphRender.json(x)));
        ArrayNode edges = n.putArray("edges");
        ego.edges().forEach(e -> edges.add(GraphRender.json(e)));
        Render.print(out, n);
      } else {
        out.printf(Locale.ROOT, "%s: %d entities within %d hops%n", GraphRender.caption(g, centre),
            ego.nodes().size() - 1, hops);
        for (GraphEdge e : ego.edges()) {
          out.printf(Locale.ROOT, "  %s %s %s  [%s]%n", GraphRender.caption(g, e.source()),
              e.directed() ? "->" : "--", GraphRender.caption(g, e.target()), GraphRender.word(e));
        }
      }
      return 0;
    }
  }
}
