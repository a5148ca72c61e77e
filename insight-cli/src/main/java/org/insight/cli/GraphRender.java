package org.insight.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Locale;
import org.insight.graph.GraphEdge;
import org.insight.graph.GraphNode;
import org.insight.graph.GraphPath;
import org.insight.graph.Network;

/** Nodes, edges and paths of a graph as JSON and as text. */
final class GraphRender {
  private GraphRender() {}

  static ObjectNode versioned(Network g) {
    ObjectNode n = Render.versioned();
    n.put("label", g.label().map(Object::toString).orElse(""));
    return n;
  }

  static ObjectNode json(GraphNode node) {
    ObjectNode n = Json.object();
    n.put("id", node.id().value());
    n.put("type", node.type());
    n.put("caption", node.caption());
    ArrayNode m = n.putArray("members");
    node.members().forEach(x -> m.add(x.value()));
    n.put("label", node.label().toString());
    return n;
  }

  static ObjectNode json(GraphEdge e) {
    ObjectNode n = Json.object();
    n.put("source", e.source().value());
    n.put("target", e.target().value());
    n.put("kind", e.kind().name().toLowerCase(Locale.ROOT));
    n.put("type", e.type());
    if (!e.value().isEmpty()) {
      n.put("value", e.value());
    }
    n.put("directed", e.directed());
    n.put("count", e.count());
    if (e.amount() != 0) {
      n.put("amount", e.amount());
    }
    if (e.duration() != 0) {
      n.put("duration", e.duration());
    }
    e.start().ifPresent(s -> n.put("start", s));
    e.end().ifPresent(s -> n.put("end", s));
    ArrayNode st = n.putArray("statements");
    e.statements().forEach(st::add);
    ArrayNode d = n.putArray("documents");
    e.documents().forEach(d::add);
    n.put("label", e.label().toString());
    return n;
  }

  static ObjectNode json(GraphPath p) {
    ObjectNode n = Json.object();
    ArrayNode nodes = n.putArray("nodes");
    p.nodes().forEach(x -> nodes.add(x.value()));
    ArrayNode hops = n.putArray("hops");
    p.hops().forEach(h -> {
      ArrayNode hop = hops.addArray();
      h.forEach(e -> hop.add(json(e)));
    });
    return n;
  }

  static void text(PrintWriter out, Network g, GraphPath p) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < p.nodes().size(); i++) {
      if (i > 0) {
        s.append(" -[");
        s.append(String.join(",", p.hops().get(i - 1).stream().map(GraphRender::word).toList()));
        s.append("]- ");
      }
      s.append(caption(g, p.nodes().get(i)));
    }
    out.println(s);
  }

  static String caption(Network g, org.insight.core.EntityId id) {
    return g.node(id).map(n -> n.caption() + " (" + n.type() + " " + id + ")").orElse(id.value());
  }

  static String word(GraphEdge e) {
    return switch (e.kind()) {
      case SHARED_IDENTIFIER -> "shared " + e.type() + " " + e.value();
      case CO_MENTION -> "mentioned together x" + e.count();
      case SAME_AS -> "same as";
      case CO_LOCATION -> "seen together x" + e.count();
      default -> e.type() + (e.count() > 1 ? " x" + e.count() : "");
    };
  }
}
