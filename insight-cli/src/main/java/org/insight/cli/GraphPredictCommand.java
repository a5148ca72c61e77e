package org.insight.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.insight.graph.LinkMeasure;
import org.insight.graph.Network;
import org.insight.graph.PredictedLink;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code insight graph predict}: likely missing links with the shared neighbours behind them. */
@Command(name = "predict", mixinStandardHelpOptions = true,
    description = {"What is likely missing: pairs not linked that share neighbours, ranked by common neighbours,"
        + " Jaccard, Adamic-Adar or resource allocation, with the shared neighbours as evidence."})
final class GraphPredictCommand implements Callable<Integer> {
  @Mixin SessionOptions session;
  @Mixin GraphBuildOptions graph;
  @Spec CommandSpec spec;

  @Option(names = "--top", paramLabel = "N", defaultValue = "20", description = "How many pairs (default: ${DEFAULT-VALUE}).")
  int top;

  @Option(names = "--by", paramLabel = "MEASURE", defaultValue = "ADAMIC_ADAR",
      description = "COMMON_NEIGHBOURS, JACCARD, ADAMIC_ADAR or RESOURCE_ALLOCATION (default: ${DEFAULT-VALUE}).")
  LinkMeasure by;

  @Override
  public Integer call() {
    if (top < 0) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--top needs 0 or more, got " + top);
    }
    try (SessionOptions.Opened opened = graph.open(session)) {
      Network g = graph.network(opened, spec);
      List<PredictedLink> links = g.predictLinks(by, top);
      PrintWriter out = spec.commandLine().getOut();
      if (session.json) {
        ObjectNode n = GraphRender.versioned(g);
        n.put("by", by.name().toLowerCase(Locale.ROOT));
        ArrayNode items = n.putArray("items");
        for (PredictedLink p : links) {
          ObjectNode o = items.addObject().put("a", p.a().value()).put("b", p.b().value())
              .put("commonNeighbours", p.commonNeighbours()).put("jaccard", p.jaccard())
              .put("adamicAdar", p.adamicAdar()).put("resourceAllocation", p.resourceAllocation());
          ArrayNode shared = o.putArray("shared");
          p.shared().forEach(x -> shared.add(x.value()));
        }
        Render.print(out, n);
      } else {
        for (PredictedLink p : links) {
          out.printf(Locale.ROOT, "%s -- %s  (common %d, jaccard %.3f, adamic-adar %.3f, resource %.3f) via %s%n",
              GraphRender.caption(g, p.a()), GraphRender.caption(g, p.b()), p.commonNeighbours(), p.jaccard(),
              p.adamicAdar(), p.resourceAllocation(),
              String.join("; ", p.shared().stream().map(x -> GraphRender.caption(g, x)).toList()));
        }
      }
      return 0;
    }
  }
}
