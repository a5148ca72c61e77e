package org.insight.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.insight.core.EntityId;
import org.insight.graph.Communities;
import org.insight.graph.Network;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code insight graph communities}: groups by Leiden, Louvain or label propagation, with the modularity. */
@Command(name = "communities", mixinStandardHelpOptions = true,
    description = "Groups of densely connected entities (Leiden, Louvain or label propagation), largest first, with"
        + " their modularity.")
final class GraphCommunitiesCommand implements Callable<Integer> {
  @Mixin SessionOptions session;
  @Mixin GraphBuildOptions graph;
  @Spec CommandSpec spec;

  @picocli.CommandLine.Option(names = "--method", paramLabel = "M", defaultValue = "leiden",
      description = "leiden (every community connected), louvain or label-propagation (default: ${DEFAULT-VALUE}).")
  String method;

  @picocli.CommandLine.Option(names = "--seed", paramLabel = "S", defaultValue = "1",
      description = "The seed of leiden's and label-propagation's random order: the same seed, the same groups"
          + " (default: ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() {
    if (!List.of("leiden", "louvain", "label-propagation").contains(method)) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--method is leiden, louvain or"
          + " label-propagation, got '" + method + "'");
    }
    try (SessionOptions.Opened opened = graph.open(session)) {
      Network g = graph.network(opened, spec);
      Communities c = switch (method) {
        case "leiden" -> g.leiden(seed);
        case "louvain" -> g.louvain();
        default -> g.labelPropagation(seed);
      };
      PrintWriter out = spec.commandLine().getOut();
      if (session.json) {
        ObjectNode n = GraphRender.versioned(g);
        n.put("modularity", c.modularity());
        ArrayNode groups = n.putArray("communities");
        ArrayNode nodes = n.putArray("nodes");
        for (int i = 0; i < c.groups().size(); i++) {
          ObjectNode group = groups.addObject();
          group.put("community", i);
          ArrayNode members = group.putArray("members");
          for (EntityId id : c.groups().get(i)) {
            members.add(id.value());
            nodes.addObject().put("id", id.value()).put("community", i);
          }
        }
        Render.print(out, n);
      } else {
        out.printf(Locale.ROOT, "%d communities, modularity %.4f%n", c.groups().size(), c.modularity());
        for (int i = 0; i < c.groups().size(); i++) {
          List<EntityId> members = c.groups().get(i);
          out.printf(Locale.ROOT, "  %d (%d): %s%n", i, members.size(),
              String.join("; ", members.stream().map(id -> GraphRender.caption(g, id)).toList()));
        }
      }
      return 0;
    }
  }
}
