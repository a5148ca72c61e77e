package org.insight.graph;

import java.util.List;
import org.insight.core.EntityId;

/**
 * The nodes and edges that hold a {@link Network} together.
 *
 * @param articulationPoints nodes whose removal disconnects their component, in id order
 * @param bridges edges whose removal disconnects their component, as pairs (smaller id first), sorted
 */
public record Brokers(List<EntityId> articulationPoints, List<List<EntityId>> bridges) {
  public Brokers {
    articulationPoints = List.copyOf(articulationPoints);
    bridges = bridges.stream().map(List::copyOf).toList();
  }
}
