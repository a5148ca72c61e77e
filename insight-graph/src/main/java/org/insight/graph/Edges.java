package org.insight.graph;

import java.util.AbstractList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.RandomAccess;
import java.util.Set;
import org.insight.policy.Label;

/**
 * A network's edges in edge order, read-only. A built network keeps its edges as columns ({@link EdgeColumns}) and
 * makes a {@link GraphEdge} record only when one is asked for; a network made from records (a filter, a window, an
 * edge list) keeps the records ({@link #of}). What the network itself needs of every edge — its count and the
 * distinct labels — is read without making records.
 */
abstract class Edges extends AbstractList<GraphEdge> implements RandomAccess {
  /** The evidence count of edge {@code i}: its weight in the compact graph. */
  abstract int count(int i);

  /** The distinct labels of the edges, for the network's label. */
  abstract Collection<Label> labels();

  /** Edges kept as records, already in edge order. */
  static Edges of(GraphEdge[] records) {
    return new Records(records);
  }

  private static final class Records extends Edges {
    private final GraphEdge[] records;

    Records(GraphEdge[] records) {
      this.records = records;
    }

    @Override
    public GraphEdge get(int i) {
      return records[i];
    }

    @Override
    public int size() {
      return records.length;
    }

    @Override
    int count(int i) {
      return records[i].count();
    }

    @Override
    Collection<Label> labels() {
      Set<Label> out = new LinkedHashSet<>();
      for (GraphEdge e : records) {
        out.add(e.label());
      }
      return out;
    }
  }
}
