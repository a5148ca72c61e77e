package org.insight.graph.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Articulation points and bridges by Tarjan's low-link depth-first search, written with an explicit stack so a
 * path of millions of nodes cannot overflow the thread's stack (JGraphT's recursive inspector does at ~200k).
 */
public final class Biconnected {
  /** The articulation points, ascending. */
  public final int[] articulationPoints;
  /** The bridges as pairs (smaller node first), sorted. */
  public final List<int[]> bridges;

  private Biconnected(int[] articulationPoints, List<int[]> bridges) {
    this.articulationPoints = articulationPoints;
    this.bridges = bridges;
  }

  public static Biconnected of(IntGraph g) {
    int n = g.nodes();
    int[] disc = new int[n];
    int[] low = new int[n];
    int[] parent = new int[n];
    int[] cursor = new int[n];
    int[] children = new int[n];
    boolean[] cut = new boolean[n];
    Arrays.fill(disc, -1);
    int[] stack = new int[n];
    List<int[]> bridges = new ArrayList<>();
    int time = 0;
    for (int root = 0; root < n; root++) {
      if (disc[root] >= 0) {
        continue;
      }
      int top = 0;
      stack[top++] = root;
      parent[root] = -1;
      disc[root] = low[root] = time++;
      cursor[root] = g.start(root);
      while (top > 0) {
        int u = stack[top - 1];
        if (cursor[u] < g.end(u)) {
          int v = g.target(cursor[u]++);
          if (disc[v] < 0) {
            parent[v] = u;
            children[u]++;
            disc[v] = low[v] = time++;
            cursor[v] = g.start(v);
            stack[top++] = v;
          } else if (v != parent[u]) {
            low[u] = Math.min(low[u], disc[v]);
          }
        } else {
          top--;
          int p = parent[u];
          if (p >= 0) {
            low[p] = Math.min(low[p], low[u]);
            if (low[u] > disc[p]) {
              bridges.add(new int[] {Math.min(u, p), Math.max(u, p)});
            }
            if (parent[p] >= 0 && low[u] >= disc[p]) {
              cut[p] = true;
            }
          }
        }
      }
      if (children[root] > 1) {
        cut[root] = true;
      }
    }
    int count = 0;
    for (boolean c : cut) {
      count += c ? 1 : 0;
    }
    int[] points = new int[count];
    for (int u = 0, i = 0; u < n; u++) {
      if (cut[u]) {
        points[i++] = u;
      }
    }
    bridges.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]));
    return new Biconnected(points, bridges);
  }
}
