package org.insight.graph.internal;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Brandes' betweenness on hop distance (edge weights ignored, as networkx with {@code weight=None}), normalised
 * as networkx and igraph do for undirected graphs: the fraction of the (n-1)(n-2)/2 pairs of other nodes whose
 * shortest paths go through a node. Sampling runs the single-source phase from k pivots chosen uniformly without
 * replacement and scales by n/k (Brandes and Pich 2007), which is unbiased.
 */
public final class Betweenness {
  private Betweenness() {}

  /** Exact betweenness of every node. */
  public static double[] exact(IntGraph g) {
    int n = g.nodes();
    int[] all = new int[n];
    for (int i = 0; i < n; i++) {
      all[i] = i;
    }
    return from(g, all);
  }

  /** Betweenness estimated from {@code k} pivots (all nodes when k >= n, which is exact). */
  public static double[] sampled(IntGraph g, int k, long seed) {
    int n = g.nodes();
    if (k >= n) {
      return exact(g);
    }
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) {
      perm[i] = i;
    }
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < k; i++) {
      int j = i + random.nextInt(n - i);
      int t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
    }
    double[] b = from(g, Arrays.copyOf(perm, k));
    double scale = (double) n / k;
    for (int i = 0; i < n; i++) {
      b[i] *= scale;
    }
    return b;
  }

  /**
   * A bound e such that, with probability at least {@code confidence}, every node's sampled betweenness is within e
   * of the exact one: each pivot's normalised contribution lies in [0, n/(n-1)], so Hoeffding's inequality with a
   * union bound over the n nodes gives e = n/(n-1) * sqrt(ln(2n/(1-confidence)) / (2k)).
   */
  public static double errorBound(int n, int k, double confidence) {
    if (k >= n || n < 3) {
      return 0;
    }
    return (double) n / (n - 1) * Math.sqrt(Math.log(2.0 * n / (1 - confidence)) / (2.0 * k));
  }

  private static double[] from(IntGraph g, int[] sources) {
    int n = g.nodes();
    double[] bc = new double[n];
    double[] sigma = new double[n];
    double[] delta = new double[n];
    int[] dist = new int[n];
    int[] order = new int[n];
    Arrays.fill(dist, -1);
    for (int s : sources) {
      int head = 0;
      int tail = 0;
      order[tail++] = s;
      dist[s] = 0;
      sigma[s] = 1;
      while (head < tail) {
        int u = order[head++];
        int du = dist[u];
        for (int j = g.start(u); j < g.end(u); j++) {
          int v = g.target(j);
          if (dist[v] < 0) {
            dist[v] = du + 1;
            order[tail++] = v;
          }
          if (dist[v] == du + 1) {
            sigma[v] += sigma[u];
          }
        }
      }
      // back-propagate in reverse BFS order: predecessors of w are its neighbours one hop closer to s
      for (int i = tail - 1; i > 0; i--) {
        int w = order[i];
        double coeff = (1 + delta[w]) / sigma[w];
        int dw = dist[w];
        for (int j = g.start(w); j < g.end(w); j++) {
          int v = g.target(j);
          if (dist[v] == dw - 1) {
            delta[v] += sigma[v] * coeff;
          }
        }
        bc[w] += delta[w];
      }
      for (int i = 0; i < tail; i++) {
        int v = order[i];
        dist[v] = -1;
        sigma[v] = 0;
        delta[v] = 0;
      }
    }
    // each unordered pair was counted from both ends: (n-1)(n-2) is twice the number of pairs
    double scale = n > 2 ? 1.0 / ((double) (n - 1) * (n - 2)) : 0;
    for (int i = 0; i < n; i++) {
      bc[i] *= scale;
    }
    return bc;
  }
}
