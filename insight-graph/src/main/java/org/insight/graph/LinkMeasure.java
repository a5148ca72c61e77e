package org.insight.graph;

/** How {@link Network#predictLinks} ranks the candidate pairs. */
public enum LinkMeasure {
  /** The number of shared neighbours. */
  COMMON_NEIGHBOURS,
  /** Shared neighbours over the neighbours of either. */
  JACCARD,
  /** Σ 1/ln(degree) over the shared neighbours: a shared neighbour with few contacts says more. */
  ADAMIC_ADAR,
  /** Σ 1/degree over the shared neighbours. */
  RESOURCE_ALLOCATION
}
