package org.insight.cli;

import org.insight.core.EntityId;
import org.insight.graph.Network;
import org.insight.workspace.GraphOptions;
import org.insight.workspace.Session;
import picocli.CommandLine.Option;

/** How every {@code insight graph} command builds the session's graph. */
final class GraphBuildOptions {
  @Option(names = "--collapse-same-as", description = "Merge records resolved as one person into one node.")
  boolean collapse;

  @Option(names = "--no-co-mentions", description = "Do not join entities mentioned in the same document.")
  boolean noCoMentions;

  @Option(names = "--max-group", paramLabel = "N", defaultValue = "100",
      description = "A value shared by (or a document naming) more entities than this joins none (default: ${DEFAULT-VALUE}).")
  int maxGroup;

  @Option(names = "--from", paramLabel = "DATE",
      description = "Keep only edges whose time (earliest to latest evidence) reaches this date or later; undated edges are left out.")
  String from;

  @Option(names = "--to", paramLabel = "DATE",
      description = "Keep only edges whose time starts on or before this date (ISO 8601, may be partial: 2021, 2021-06).")
  String to;

  Network build(Session s) {
    Network g = s.graph(GraphOptions.defaults().withCollapseSameAs(collapse).withCoMentions(!noCoMentions)
        .withMaxGroup(maxGroup));
    return from == null && to == null ? g : g.window(from == null ? "0000" : from, to == null ? "9999" : to);
  }

  /** The node's id, refused when the session's graph has no such node (missing and invisible look the same). */
  static EntityId node(Network g, String id) {
    EntityId e = EntityId.of(id);
    if (g.node(e).isEmpty()) {
      throw new CommandFailure("no entity " + id + " is a node of the graph this session may see; list entities"
          + " with 'insight entities' (a collapsed cluster is named by its smallest member id)");
    }
    return e;
  }
}
