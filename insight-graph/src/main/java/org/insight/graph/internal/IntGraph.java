package org.insight.graph.internal;

import java.util.Arrays;

/**
 * An undirected, weighted, simple graph over nodes {@code 0..n-1} in compressed sparse rows: the neighbours of
 * {@code u} are {@code adj[off[u]..off[u+1])} with weights {@code w[...]}. Parallel edges are merged (weights
 * summed) and self-loops dropped, so every algorithm here sees each pair once. Immutable once built.
 */
public final class IntGraph {
  private final int n;
  private final int[] off;
  private final int[] adj;
  private final double[] w;

  private IntGraph(int n, int[] off, int[] adj, double[] w) {
    this.n = n;
    this.off = off;
    this.adj = adj;
    this.w = w;
  }

  /**
   * Builds the graph from an edge list: edge {@code i} joins {@code from[i]} and {@code to[i]} with weight
   * {@code weight[i]} (all of length {@code m}).
   */
  public static IntGraph of(int n, int m, int[] from, int[] to, double[] weight) {
    int[] deg = new int[n + 1];
    for (int i = 0; i < m; i++) {
      if (from[i] != to[i]) {
        deg[from[i]]++;
        deg[to[i]]++;
      }
    }
    int[] rawOff = new int[n + 1];
    for (int u = 0; u < n; u++) {
      rawOff[u + 1] = rawOff[u] + deg[u];
    }
    int[] rawAdj = new int[rawOff[n]];
    double[] rawW = new double[rawOff[n]];
    int[] fill = Arrays.copyOf(rawOff, n);
    for (int i = 0; i < m; i++) {
      int a = from[i];
      int b = to[i];
      if (a != b) {
        rawAdj[fill[a]] = b;
        rawW[fill[a]++] = weight[i];
        rawAdj[fill[b]] = a;
        rawW[fill[b]++] = weight[i];
      }
    }
    // merge parallel edges: mark[v] == u + 1 when v was already seen as a neighbour of u, at slot[v]
    int[] mark = new int[n];
    int[] slot = new int[n];
    int[] off = new int[n + 1];
    int cursor = 0;
    for (int u = 0; u < n; u++) {
      off[u] = cursor;
      for (int j = rawOff[u]; j < rawOff[u + 1]; j++) {
        int v = rawAdj[j];
        if (mark[v] != u + 1) {
          mark[v] = u + 1;
          slot[v] = cursor;
          rawAdj[cursor] = v;
          rawW[cursor++] = rawW[j];
        } else {
          rawW[slot[v]] += rawW[j];
        }
      }
    }
    off[n] = cursor;
    return new IntGraph(n, off, Arrays.copyOf(rawAdj, cursor), Arrays.copyOf(rawW, cursor));
  }

  public int nodes() {
    return n;
  }

  /** The number of undirected edges. */
  public int edges() {
    return off[n] / 2;
  }

  public int start(int u) {
    return off[u];
  }

  public int end(int u) {
    return off[u + 1];
  }

  public int target(int slot) {
    return adj[slot];
  }

  public double weight(int slot) {
    return w[slot];
  }

  public int degree(int u) {
    return off[u + 1] - off[u];
  }

  /** The sum of the weights of u's edges. */
  public double strength(int u) {
    double s = 0;
    for (int j = off[u]; j < off[u + 1]; j++) {
      s += w[j];
    }
    return s;
  }

  /** The weight between u and v, 0 when they are not adjacent. */
  public double weight(int u, int v) {
    for (int j = off[u]; j < off[u + 1]; j++) {
      if (adj[j] == v) {
        return w[j];
      }
    }
    return 0;
  }
}
