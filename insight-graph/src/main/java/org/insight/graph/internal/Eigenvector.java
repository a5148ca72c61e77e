package org.insight.graph.internal;

import java.util.Arrays;

/**
 * Eigenvector centrality by power iteration on {@code A + I} (weighted adjacency; the identity shift makes the
 * iteration converge on bipartite graphs, as networkx does), starting from the uniform vector and L2-normalised
 * every step, until the L1 change is below {@code n·tolerance}. Deterministic: a fixed start and a fixed order. On a
 * graph with several components the result is the limit from the uniform start (each component's share depends on
 * its leading eigenvalue), as networkx's would be.
 */
public final class Eigenvector {
  private Eigenvector() {}

  public static double[] of(IntGraph g, int maxIterations, double tolerance) {
    int n = g.nodes();
    double[] x = new double[n];
    if (n == 0) {
      return x;
    }
    Arrays.fill(x, 1.0 / n);
    double[] next = new double[n];
    for (int it = 0; it < maxIterations; it++) {
      System.arraycopy(x, 0, next, 0, n);
      for (int u = 0; u < n; u++) {
        for (int j = g.start(u); j < g.end(u); j++) {
          next[g.target(j)] += x[u] * g.weight(j);
        }
      }
      double norm = 0;
      for (double v : next) {
        norm += v * v;
      }
      norm = norm == 0 ? 1 : Math.sqrt(norm);
      double diff = 0;
      for (int u = 0; u < n; u++) {
        next[u] /= norm;
        diff += Math.abs(next[u] - x[u]);
      }
      double[] t = x;
      x = next;
      next = t;
      if (diff < n * tolerance) {
        break;
      }
    }
    return x;
  }
}
