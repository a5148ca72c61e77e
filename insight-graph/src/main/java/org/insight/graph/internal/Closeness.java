package org.insight.graph.internal;

/**
 * Closeness and harmonic centrality on hop distance, one breadth-first search per node (O(n·m)), normalised as
 * networkx does. Closeness of u with r reachable other nodes at total distance s is {@code (r/s)·(r/(n-1))} — the
 * Wasserman–Faust correction, so a node in a small component does not look central — and 0 when r = 0. Harmonic
 * centrality is the sum of {@code 1/d} over the other nodes (unreachable ones add 0), divided by n-1.
 */
public final class Closeness {
  /** Closeness per node. */
  public final double[] closeness;
  /** Harmonic centrality per node. */
  public final double[] harmonic;

  private Closeness(double[] closeness, double[] harmonic) {
    this.closeness = closeness;
    this.harmonic = harmonic;
  }

  public static Closeness of(IntGraph g) {
    int n = g.nodes();
    double[] closeness = new double[n];
    double[] harmonic = new double[n];
    int[] dist = new int[n];
    int[] queue = new int[n];
    java.util.Arrays.fill(dist, -1);
    for (int s = 0; s < n; s++) {
      int head = 0;
      int tail = 0;
      queue[tail++] = s;
      dist[s] = 0;
      long total = 0;
      double inverse = 0;
      while (head < tail) {
        int u = queue[head++];
        for (int j = g.start(u); j < g.end(u); j++) {
          int v = g.target(j);
          if (dist[v] < 0) {
            dist[v] = dist[u] + 1;
            total += dist[v];
            inverse += 1.0 / dist[v];
            queue[tail++] = v;
          }
        }
      }
      int reached = tail - 1;
      if (total > 0) {
        closeness[s] = reached / (double) total * (reached / (double) (n - 1));
        harmonic[s] = inverse / (n - 1);
      }
      for (int i = 0; i < tail; i++) {
        dist[queue[i]] = -1;
      }
    }
    return new Closeness(closeness, harmonic);
  }
}
