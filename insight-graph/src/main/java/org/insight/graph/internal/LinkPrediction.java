package org.insight.graph.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Link prediction for the non-adjacent pairs at distance 2 (pairs with no shared neighbour score 0 under every
 * measure here), on distinct neighbours as networkx does: common neighbours |N(u) ∩ N(v)|, Jaccard
 * |N(u) ∩ N(v)| / |N(u) ∪ N(v)|, Adamic–Adar Σ 1/ln deg(w) and resource allocation Σ 1/deg(w) over the shared
 * neighbours w. Keeps only the best {@code top} under the chosen measure (ties by the smaller pair), so memory is
 * O(n + top) however many candidate pairs there are.
 */
public final class LinkPrediction {
  private LinkPrediction() {}

  /** A candidate pair u < v and its scores: common neighbours, Jaccard, Adamic–Adar, resource allocation. */
  public record Pair(int u, int v, double[] scores) {}

  /** The best {@code top} pairs under score {@code measure} (an index into {@link Pair#scores}), best first. */
  public static List<Pair> top(IntGraph g, int measure, int top) {
    int n = g.nodes();
    Comparator<Pair> order = Comparator.<Pair>comparingDouble(p -> p.scores()[measure])
        .thenComparing(Comparator.<Pair>comparingInt(Pair::u).thenComparingInt(Pair::v).reversed());
    PriorityQueue<Pair> best = new PriorityQueue<>(order);
    int[] common = new int[n];
    double[] aa = new double[n];
    double[] ra = new double[n];
    boolean[] adjacent = new boolean[n];
    int[] touched = new int[n];
    for (int u = 0; u < n && top > 0; u++) {
      for (int j = g.start(u); j < g.end(u); j++) {
        adjacent[g.target(j)] = true;
      }
      int count = 0;
      for (int j = g.start(u); j < g.end(u); j++) {
        int w = g.target(j);
        int dw = g.degree(w);
        for (int k = g.start(w); k < g.end(w); k++) {
          int v = g.target(k);
          if (v <= u || adjacent[v]) {
            continue;
          }
          if (common[v] == 0) {
            touched[count++] = v;
          }
          common[v]++;
          aa[v] += 1 / Math.log(dw);
          ra[v] += 1.0 / dw;
        }
      }
      for (int i = 0; i < count; i++) {
        int v = touched[i];
        double union = g.degree(u) + g.degree(v) - common[v];
        Pair p = new Pair(u, v, new double[] {common[v], common[v] / union, aa[v], ra[v]});
        if (best.size() < top) {
          best.add(p);
        } else if (order.compare(p, best.peek()) > 0) {
          best.poll();
          best.add(p);
        }
        common[v] = 0;
        aa[v] = 0;
        ra[v] = 0;
      }
      for (int j = g.start(u); j < g.end(u); j++) {
        adjacent[g.target(j)] = false;
      }
    }
    List<Pair> out = new ArrayList<>(best);
    out.sort(order.reversed());
    return out;
  }
}
