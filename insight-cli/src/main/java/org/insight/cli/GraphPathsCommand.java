package org.insight.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.insight.core.EntityId;
import org.insight.graph.GraphPath;
import org.insight.graph.Network;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code insight graph paths A B}: how two entities are connected, with the evidence on every hop. */
@Command(name = "paths", mixinStandardHelpOptions = true,
    description = "The shortest paths between two entities (fewest hops first), with the evidence of every hop.")
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

  @Override
  public Integer call() {
    if (k < 1 || maxLength < 1) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--k and --max-length need at least 1");
    }
    try (SessionOptions.Opened opened = graph.open(session)) {
      Network g = graph.network(opened, spec);
      EntityId a = GraphBuildOptions.node(g, from);
      EntityId b = GraphBuildOptions.node(g, to);
      List<GraphPath> paths = g.paths(a, b, k, maxLength);
      PrintWriter out = spec.commandLine().getOut();
      if (session.json) {
        ObjectNode n = GraphRender.versioned(g);
        n.put("from", a.value());
        n.put("to", b.value());
        ArrayNode items = n.putArray("paths");
        paths.forEach(p -> items.add(GraphRender.json(p)));
        Render.print(out, n);
      } else if (paths.isEmpty()) {
        out.println("no path of at most " + maxLength + " hops between them in what this session may see");
      } else {
        paths.forEach(p -> GraphRender.text(out, g, p));
      }
      return paths.isEmpty() ? 1 : 0;
    }
  }
}
