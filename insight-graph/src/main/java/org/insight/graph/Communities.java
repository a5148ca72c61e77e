package org.insight.graph;

import java.util.List;
import org.insight.core.EntityId;

/**
 * A partition of a {@link Network}'s nodes into communities.
 *
 * @param modularity Newman's modularity of the partition on the weighted graph (edge weight = evidence count)
 * @param groups the communities, largest first (ties by their smallest id), each in id order
 */
public record Communities(double modularity, List<List<EntityId>> groups) {
  public Communities {
    groups = groups.stream().map(List::copyOf).toList();
  }

  /** The index in {@link #groups} of the node's community, -1 when it is not in the network. */
  public int of(EntityId id) {
    for (int i = 0; i < groups.size(); i++) {
      if (java.util.Collections.binarySearch(groups.get(i), id) >= 0) {
        return i;
      }
    }
    return -1;
  }
}
