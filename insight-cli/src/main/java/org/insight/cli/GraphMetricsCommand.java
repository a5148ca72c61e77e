package org.insight.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.insight.graph.Network;
import org.insight.graph.NodeScores;
import org.insight.graph.Score;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code insight graph metrics}: every centrality per node, the top N by PageRank. */
@Command(name = "metrics", mixinStandardHelpOptions = true,
    description = {"Who matters: degree, betweenness, closeness, harmonic, PageRank and eigenvector centrality of"
        + " each node (normalised as networkx), the top N by PageRank."})
final class GraphMetricsCommand implements Callable<Integer> {
  @Mixin SessionOptions session;
  @Mixin GraphBuildOptions graph;
  @Spec CommandSpec spec;

  @Option(names = "--top", paramLabel = "N", defaultValue = "20",
      description = "How many nodes, highest PageRank first (default: ${DEFAULT-VALUE}).")
  int top;

  @Override
  public Integer call() {
    if (top < 0) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--top needs 0 or more, got " + top);
    }
    try (SessionOptions.Opened opened = graph.open(session)) {
      Network g = graph.network(opened, spec);
      List<NodeScores> all = List.of(g.degree(), g.betweenness(), g.closeness(), g.harmonic(), g.pageRank(),
          g.eigenvector());
      List<Score> ranked = all.get(4).top(top);
      PrintWriter out = spec.commandLine().getOut();
      if (session.json) {
        ObjectNode n = GraphRender.versioned(g);
        ArrayNode nodes = n.putArray("nodes");
        for (Score s : ranked) {
          ObjectNode node = nodes.addObject().put("id", s.id().value());
          all.forEach(m -> node.put(m.measure(), m.of(s.id())));
        }
        Render.print(out, n);
      } else {
        out.println("degree  between  closeness harmonic pagerank eigenvec  node");
        for (Score s : ranked) {
          StringBuilder line = new StringBuilder();
          all.forEach(m -> line.append(String.format(Locale.ROOT, "%.4f   ", m.of(s.id()))));
          out.println(line + GraphRender.caption(g, s.id()));
        }
      }
      return 0;
    }
  }
}
