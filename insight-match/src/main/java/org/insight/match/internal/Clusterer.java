package org.insight.match.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Constrained agglomerative clustering. Must-links (analyst SAME) are merged first, then model edges in decreasing
 * weight order; two clusters merge only when
 *
 * <ol>
 *   <li>no pair across them is a cannot-link (analyst DIFFERENT) — this holds for must-links too: a SAME that would
 *       join a DIFFERENT pair is refused and reported as a conflict;
 *   <li>for model edges, their average linkage (mean match probability over all cross pairs, scored directly even if
 *       blocking never paired them; a must-link pair counts 1) is at least {@code linkage}, and
 *   <li>no cross pair clashes: a model weight below {@code clashWeight}.
 * </ol>
 *
 * Unlike connected components this never chains A~B~C into one cluster when A and C clearly differ. When the cross
 * product of two clusters exceeds {@code maxCross} pairs, only the cannot-links are checked. Not API.
 */
public final class Clusterer {

  /** Scores a pair of record indices: {weight, probability}. */
  public interface Scorer {
    double[] score(int i, int j);
  }

  /** An edge between record indices. */
  public record Edge(int i, int j, double weight) {}

  private final int[] parent;
  private final List<List<Integer>> members = new ArrayList<>();
  private final Set<Long> cannot;
  private final Set<Long> must = new HashSet<>();
  private final int n;

  public Clusterer(int n, Set<Long> cannotLinks) {
    this.n = n;
    this.parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
      List<Integer> m = new ArrayList<>();
      m.add(i);
      members.add(m);
    }
    this.cannot = cannotLinks;
  }

  /** The key of an unordered pair. */
  public static long key(int i, int j, int n) {
    return (long) Math.min(i, j) * n + Math.max(i, j);
  }

  int find(int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  /** Forces a must-link; false when it would join a cannot-link pair (a conflict). */
  public boolean mustLink(int i, int j) {
    must.add(key(i, j, n));
    int a = find(i);
    int b = find(j);
    if (a == b) {
      return true;
    }
    for (int x : members.get(a)) {
      for (int y : members.get(b)) {
        if (cannot.contains(key(x, y, n))) {
          return false;
        }
      }
    }
    union(a, b);
    return true;
  }

  /** Considers model edges, strongest first. */
  public void link(List<Edge> edges, Scorer scorer, double linkage, double clashWeight, int maxCross) {
    for (Edge e : edges) {
      int a = find(e.i());
      int b = find(e.j());
      if (a == b) {
        continue;
      }
      List<Integer> ma = members.get(a);
      List<Integer> mb = members.get(b);
      boolean full = (long) ma.size() * mb.size() <= maxCross;
      boolean ok = true;
      double sum = 0;
      int count = 0;
      outer:
      for (int x : ma) {
        for (int y : mb) {
          long k = key(x, y, n);
          if (cannot.contains(k)) {
            ok = false;
            break outer;
          }
          if (!full) {
            continue;
          }
          if (must.contains(k)) {
            sum += 1;
          } else {
            double[] s = scorer.score(x, y);
            if (s[0] < clashWeight) {
              ok = false;
              break outer;
            }
            sum += s[1];
          }
          count++;
        }
      }
      if (ok && (!full || sum / count >= linkage)) {
        union(a, b);
      }
    }
  }

  private void union(int a, int b) {
    List<Integer> ma = members.get(a);
    List<Integer> mb = members.get(b);
    if (ma.size() < mb.size()) {
      int t = a;
      a = b;
      b = t;
    }
    parent[b] = a;
    members.get(a).addAll(members.get(b));
    members.set(b, List.of());
  }

  /** The clusters as lists of record indices (every record in exactly one). */
  public List<List<Integer>> clusters() {
    List<List<Integer>> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (find(i) == i) {
        out.add(members.get(i));
      }
    }
    return out;
  }
}
