package org.insight.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.insight.graph.Brokers;
import org.insight.graph.Network;
import org.insight.graph.NodeScores;
import org.insight.graph.Score;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code insight graph brokers}: articulation points, bridges and the highest betweenness. */
@Command(name = "brokers", mixinStandardHelpOptions = true,
    description = "Who holds the network together: articulation points, bridges, and the highest betweenness.")
final class GraphBrokersCommand implements Callable<Integer> {
  @Mixin SessionOptions session;
  @Mixin GraphBuildOptions graph;
  @Spec CommandSpec spec;

  @Option(names = "--top", paramLabel = "N", defaultValue = "10", description = "How many by betweenness (default: ${DEFAULT-VALUE}).")
  int top;

  @Option(names = "--pivots", paramLabel = "K", defaultValue = "0",
      description = "Estimate betweenness from K sampled sources (0: exact).")
  int pivots;

  @Option(names = "--threads", paramLabel = "T", defaultValue = "1",
      description = "Compute betweenness on T threads; the scores are the same for any T (default: ${DEFAULT-VALUE}).")
  int threads;

  @Override
  public Integer call() {
    if (top < 0 || pivots < 0) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--top and --pivots need 0 or more");
    }
    if (threads < 1) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--threads needs at least 1, got "
          + threads);
    }
    try (SessionOptions.Opened opened = graph.open(session)) {
      Network g = graph.network(opened, spec);
      Brokers b = g.brokers();
      NodeScores between = pivots == 0 ? g.betweenness(threads) : g.betweenness(pivots, 1L, threads);
      PrintWriter out = spec.commandLine().getOut();
      if (session.json) {
        ObjectNode n = GraphRender.versioned(g);
        ArrayNode art = n.putArray("articulation");
        b.articulationPoints().forEach(x -> art.add(x.value()));
        ArrayNode bridges = n.putArray("bridges");
        b.bridges().forEach(p -> bridges.addArray().add(p.get(0).value()).add(p.get(1).value()));
        ArrayNode bc = n.putArray("betweenness");
        between.top(top).forEach(s -> bc.addObject().put("id", s.id().value()).put("score", s.value()));
        n.put("errorBound", between.errorBound());
        Render.print(out, n);
      } else {
        out.println("articulation points:");
        b.articulationPoints().forEach(x -> out.println("  " + GraphRender.caption(g, x)));
        out.println("bridges:");
        b.bridges().forEach(p -> out.println("  " + GraphRender.caption(g, p.get(0)) + " -- "
            + GraphRender.caption(g, p.get(1))));
        out.println("betweenness" + (pivots == 0 ? "" : String.format(Locale.ROOT, " (sampled, +/- %.3f)",
            between.errorBound())) + ":");
        for (Score s : between.top(top)) {
          out.printf(Locale.ROOT, "  %.4f  %s%n", s.value(), GraphRender.caption(g, s.id()));
        }
      }
      return 0;
    }
  }
}
