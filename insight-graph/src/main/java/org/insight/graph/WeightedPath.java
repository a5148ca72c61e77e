package org.insight.graph;

import java.util.Objects;

/**
 * A cheapest path ({@link Network#cheapestPath}) and its total cost.
 *
 * @param path the nodes and the evidence of every hop
 * @param cost the sum over the hops of the cheapest edge of each
 */
public record WeightedPath(GraphPath path, double cost) {
  public WeightedPath {
    Objects.requireNonNull(path, "path");
    if (Double.isNaN(cost) || cost < 0) {
      throw new IllegalArgumentException("a path's cost must be zero or more, got " + cost);
    }
  }
}
