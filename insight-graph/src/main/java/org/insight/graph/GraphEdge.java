package org.insight.graph;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.insight.core.EntityId;
import org.insight.policy.Label;

/**
 * An edge of a {@link Network}, aggregating every piece of evidence of one kind and type between two nodes (all the
 * calls from one phone to another are one edge with their count and total duration).
 *
 * @param source the source node (for undirected edges, the smaller id)
 * @param target the target node
 * @param kind where it comes from
 * @param type the link type ({@code Call}), the reference property ({@code holder}), the shared value's property
 *     type ({@code phone}, {@code identifier}, ...), {@code mention} or {@code SameAs}
 * @param value for a shared identifier, the shared value; empty otherwise
 * @param directed whether source → target means something (links and references follow the schema's direction)
 * @param count how many pieces of evidence (links, shared values, documents)
 * @param amount the sum of the links' amounts (transfers), 0 when none
 * @param duration the sum of the links' durations in seconds (calls), 0 when none
 * @param start the earliest date of the evidence, when it has one (ISO 8601, possibly partial)
 * @param end the latest date of the evidence, when it has one
 * @param statements the ids of the statements behind it, sorted
 * @param documents the ids of the documents behind it (co-mentions), sorted
 * @param label the conjunction of the labels of everything behind it
 */
public record GraphEdge(EntityId source, EntityId target, EdgeKind kind, String type, String value, boolean directed,
    int count, double amount, double duration, Optional<String> start, Optional<String> end, List<String> statements,
    List<String> documents, Label label) {
  public GraphEdge {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    statements = List.copyOf(statements);
    documents = List.copyOf(documents);
    Objects.requireNonNull(label, "label");
  }

  /** The other end of this edge from {@code node}. */
  public EntityId other(EntityId node) {
    return node.equals(source) ? target : source;
  }

  /** Ids, kind, type and labels, never the shared value: a log line must not bypass the labels. */
  @Override
  public String toString() {
    return "GraphEdge[" + source + (directed ? " -> " : " -- ") + target + ", " + kind + " " + type + " x" + count
        + ", label=" + label + "]";
  }
}
