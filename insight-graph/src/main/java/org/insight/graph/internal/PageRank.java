package org.insight.graph.internal;

import java.util.Arrays;

/**
 * PageRank on the undirected weighted graph (each edge both ways, walks follow weight), damping 0.85 by default;
 * the rank of nodes without edges is spread uniformly, as networkx and JGraphT do. Scores sum to 1.
 */
public final class PageRank {
  private PageRank() {}

  public static double[] of(IntGraph g, double damping, int maxIterations, double tolerance) {
    int n = g.nodes();
    double[] rank = new double[n];
    if (n == 0) {
      return rank;
    }
    double[] strength = new double[n];
    for (int u = 0; u < n; u++) {
      strength[u] = g.strength(u);
    }
    Arrays.fill(rank, 1.0 / n);
    double[] next = new double[n];
    for (int it = 0; it < maxIterations; it++) {
      double dangling = 0;
      for (int u = 0; u < n; u++) {
        if (strength[u] == 0) {
          dangling += rank[u];
        }
      }
      double base = (1 - damping) / n + damping * dangling / n;
      Arrays.fill(next, base);
      for (int u = 0; u < n; u++) {
        if (strength[u] == 0) {
          continue;
        }
        double share = damping * rank[u] / strength[u];
        for (int j = g.start(u); j < g.end(u); j++) {
          next[g.target(j)] += share * g.weight(j);
        }
      }
      double diff = 0;
      for (int u = 0; u < n; u++) {
        diff += Math.abs(next[u] - rank[u]);
      }
      double[] t = rank;
      rank = next;
      next = t;
      if (diff < tolerance) {
        break;
      }
    }
    return rank;
  }
}
