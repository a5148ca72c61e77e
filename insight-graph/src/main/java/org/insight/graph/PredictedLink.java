package org.insight.graph;

import java.util.List;
import org.insight.core.EntityId;

/**
 * A likely missing link between two non-adjacent nodes, with its scores under every {@link LinkMeasure} and the
 * evidence: the neighbours they share.
 *
 * @param a the smaller id
 * @param b the larger id
 * @param commonNeighbours how many neighbours they share
 * @param jaccard shared neighbours over the neighbours of either
 * @param adamicAdar Σ 1/ln(degree) over the shared neighbours
 * @param resourceAllocation Σ 1/degree over the shared neighbours
 * @param shared the shared neighbours, in id order
 */
public record PredictedLink(EntityId a, EntityId b, int commonNeighbours, double jaccard, double adamicAdar,
    double resourceAllocation, List<EntityId> shared) {
  public PredictedLink {
    shared = List.copyOf(shared);
  }
}
