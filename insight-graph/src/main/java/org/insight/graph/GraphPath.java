package org.insight.graph;

import java.util.List;

/**
 * A path through a {@link Network} with the evidence of every hop.
 *
 * @param nodes the nodes from the first to the last
 * @param hops for each hop {@code i} (from {@code nodes[i]} to {@code nodes[i+1]}), every edge between the two
 */
public record GraphPath(List<org.insight.core.EntityId> nodes, List<List<GraphEdge>> hops) {
  public GraphPath {
    nodes = List.copyOf(nodes);
    hops = hops.stream().map(List::copyOf).toList();
    if (hops.size() != Math.max(0, nodes.size() - 1)) {
      throw new IllegalArgumentException("a path of " + nodes.size() + " nodes has " + (nodes.size() - 1)
          + " hops, got " + hops.size());
    }
  }

  /** The number of hops. */
  public int length() {
    return hops.size();
  }
}
