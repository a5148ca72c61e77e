package org.insight.report.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.insight.core.EntityId;
import org.insight.graph.GraphEdge;
import org.insight.graph.GraphNode;
import org.insight.graph.Network;
import org.insight.report.ProductKind;
import org.insight.report.ReportException;
import org.insight.report.Row;
import org.insight.report.Section;
import org.insight.workspace.GraphOptions;
import org.insight.workspace.Session;

/** The network products: a link chart with its node and edge tables. */
public final class Networks {
  private Networks() {}

  public static Collected around(Session reader, EntityId centre, int hops) {
    Network whole = reader.graph(GraphOptions.defaults());
    if (whole.node(centre).isEmpty()) {
      throw new ReportException("no entity " + centre.value() + " is visible to this session; give the id of an"
          + " entity it may see (insight search finds them)");
    }
    Network near = whole.neighbourhood(centre, hops);
    Collected c = new Collected("Network around " + caption(near, centre), ProductKind.NETWORK);
    add(c, near, Optional.of(centre), "Link chart (" + hops + " hop" + (hops == 1 ? "" : "s") + ")");
    return c;
  }

  public static Collected whole(Session reader) {
    Network whole = reader.graph(GraphOptions.defaults());
    Collected c = new Collected("Network", ProductKind.NETWORK);
    add(c, whole, Optional.empty(), "Link chart");
    return c;
  }

  static String caption(Network n, EntityId id) {
    return n.node(id).map(GraphNode::caption).orElse(id.value());
  }

  /** The chart, then its nodes and its edges as tables (the evidence of each edge: its statements and documents). */
  static void add(Collected c, Network network, Optional<EntityId> centre, String title) {
    c.add(new Section.NetworkFigure(title, network, centre));
    c.label(network.label());
    List<Row> nodes = new ArrayList<>();
    for (GraphNode n : network.nodes()) {
      c.item(n.id().value());
      c.label(n.label());
      nodes.add(new Row(n.id().value(), List.of(n.id().value(), n.type(), n.caption(),
          n.members().stream().map(EntityId::value).collect(Collectors.joining(" ")), n.label().toString()), List.of()));
    }
    c.add(new Section.Table("Nodes", List.of("id", "type", "caption", "members", "label"), nodes));
    Map<EntityId, String> captions = network.nodes().stream()
        .collect(Collectors.toMap(GraphNode::id, GraphNode::caption, (a, b) -> a));
    List<Row> edges = new ArrayList<>();
    for (GraphEdge e : network.edges()) {
      c.label(e.label());
      e.statements().forEach(c::item);
      e.documents().forEach(c::item);
      edges.add(new Row(e.source().value() + "|" + e.target().value() + "|" + e.kind() + "|" + e.type(),
          List.of(captions.getOrDefault(e.source(), e.source().value()), captions.getOrDefault(e.target(),
              e.target().value()), e.kind().name(), e.type(), e.value(), Integer.toString(e.count()),
              e.start().orElse(""), e.end().orElse(""), String.join(" ", e.statements()),
              String.join(" ", e.documents()), e.label().toString()), List.of()));
    }
    c.add(new Section.Table("Edges", List.of("source", "target", "kind", "type", "value", "count", "start", "end",
        "statements", "documents", "label"), edges));
  }
}
