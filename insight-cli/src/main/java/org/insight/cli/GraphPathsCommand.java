package org.insight.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;
import org.insight.core.EntityId;
import org.insight.graph.GraphEdge;
import org.insight.graph.GraphPath;
import org.insight.graph.Network;
import org.insight.graph.WeightedPath;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code insight graph paths A B}: how two entities are connected, with the evidence on every hop. */
@Command(name = "paths", mixinStandardHelpOptions = true,
    description = "The shortest paths between two entities (fewest hops first), or with --weighted the cheapest paths"
        + " (strongest ties first), with the evidence of every hop.")
final class GraphPathsCommand implements Callable<Integer> {
  @Mixin SessionOptions session;
  @Mixin GraphBuildOptions graph;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FROM") String from;
  @Parameters(index = "1", paramLabel = "TO") String to;

  @Option(names = "--k", paramLabel = "K", defaultValue = "3", description = "At most this many paths (default: ${DEFAULT-VALUE}).")
  int k;

  @Option(names = "--max-length", paramLabel = "N", defaultValue = "6", description = "At most this many hops (default: ${DEFAULT-VALUE}).")
  int maxLength;

  @Option(names = "--weighted", paramLabel = "BY", description = "The cheapest paths (one unless --k is given) where a"
      + " hop costs 1/BY of its strongest edge: count (calls, transfers, shared values, rows), amount or duration;"
      + " edges without it are not used.")
  String weighted;

  @Override
  public Integer call() {
    if (k < 1 || maxLength < 1) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--k and --max-length need at least 1");
    }
    ToDoubleFunction<GraphEdge> strength = strength();
    try (SessionOptions.Opened opened = graph.open(session)) {
      Network g = graph.network(opened, spec);
      EntityId a = GraphBuildOptions.node(g, from);
      EntityId b = GraphBuildOptions.node(g, to);
      // without --k, --weighted keeps its first meaning: the one cheapest path
      int cheapestK = spec.commandLine().getParseResult().hasMatchedOption("--k") ? k : 1;
      List<WeightedPath> cheapest = strength == null ? List.of()
          : g.cheapestPaths(a, b, cheapestK, e -> strength.applyAsDouble(e) > 0 ? 1 / strength.applyAsDouble(e)
              : Double.POSITIVE_INFINITY);
      List<GraphPath> paths = strength == null ? g.paths(a, b, k, maxLength)
          : cheapest.stream().map(WeightedPath::path).toList();
      PrintWriter out = spec.commandLine().getOut();
      if (session.json) {
        ObjectNode n = GraphRender.versioned(g);
        n.put("from", a.value());
        n.put("to", b.value());
        ArrayNode items = n.putArray("paths");
        paths.forEach(p -> items.add(GraphRender.json(p)));
        for (int i = 0; i < cheapest.size(); i++) {
          ((ObjectNode) items.get(i)).put("cost", cheapest.get(i).cost());
        }
        Render.print(out, n);
      } else if (paths.isEmpty()) {
        out.println(strength == null ? "no path of at most " + maxLength + " hops between them in what this session"
            + " may see" : "no path with " + weighted + " on every hop between them in what this session may see");
      } else {
        for (int i = 0; i < paths.size(); i++) {
          GraphRender.text(out, g, paths.get(i));
          if (!cheapest.isEmpty()) {
            out.printf(Locale.ROOT, "cost %.6g (1/%s per hop)%n", cheapest.get(i).cost(), weighted);
          }
        }
      }
      return paths.isEmpty() ? 1 : 0;
    }
  }

  /** The measure --weighted names, or null without it; --max-length does not apply to cheapest paths. */
  private ToDoubleFunction<GraphEdge> strength() {
    if (weighted == null) {
      return null;
    }
    var parsed = spec.commandLine().getParseResult();
    if (parsed.hasMatchedOption("--max-length")) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--weighted ranks paths by cost, not"
          + " length: leave out --max-length");
    }
    return switch (weighted) {
      case "count" -> GraphEdge::count;
      case "amount" -> GraphEdge::amount;
      case "duration" -> GraphEdge::duration;
      default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--weighted is count, amount"
          + " or duration, got '" + weighted + "'");
    };
  }
}
