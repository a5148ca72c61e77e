package org.insight.graph;

import java.util.List;
import org.insight.core.EntityId;

/**
 * How a network changed since a date.
 *
 * @param since the date asked for (ISO 8601, possibly partial)
 * @param newEdges the edges whose earliest evidence is on or after {@code since}, in edge order
 * @param newBridges the bridges (pairs in id order) that were not there before {@code since}: every edge between the
 *     pair is new (a bridge of the whole graph is a bridge of any part holding it, so no old bridge can be missed)
 */
public record GraphChanges(String since, List<GraphEdge> newEdges, List<List<EntityId>> newBridges) {
  public GraphChanges {
    newEdges = List.copyOf(newEdges);
    newBridges = newBridges.stream().map(List::copyOf).toList();
  }
}
