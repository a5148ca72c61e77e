package org.insight.graph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.insight.core.EntityId;

/**
 * A measure's score for every node of a {@link Network} (degree, betweenness, PageRank), with the bound on its error
 * when it was estimated by sampling.
 */
public final class NodeScores {
  private final String measure;
  private final List<EntityId> ids;
  private final double[] values;
  private final double errorBound;

  NodeScores(String measure, List<EntityId> ids, double[] values, double errorBound) {
    this.measure = measure;
    this.ids = ids;
    this.values = values;
    this.errorBound = errorBound;
  }

  /** What was measured: {@code degree}, {@code betweenness}, {@code pagerank}. */
  public String measure() {
    return measure;
  }

  /** The score of a node. */
  public double of(EntityId id) {
    Objects.requireNonNull(id, "id");
    int i = java.util.Collections.binarySearch(ids, id);
    if (i < 0) {
      throw new IllegalArgumentException("no node " + id + " in this network");
    }
    return values[i];
  }

  /** Every node's score, in node (id) order. */
  public List<Score> all() {
    List<Score> out = new ArrayList<>(ids.size());
    for (int i = 0; i < ids.size(); i++) {
      out.add(new Score(ids.get(i), values[i]));
    }
    return out;
  }

  /** The n best, highest first (ties in id order). */
  public List<Score> top(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("top needs n >= 0, got " + n);
    }
    return all().stream().sorted(Comparator.comparingDouble(Score::value).reversed().thenComparing(Score::id))
        .limit(n).toList();
  }

  /**
   * With probability 0.99 every score is within this of the exact one; 0 when the scores are exact.
   */
  public double errorBound() {
    return errorBound;
  }
}
