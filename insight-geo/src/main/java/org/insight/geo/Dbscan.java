package org.insight.geo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.insight.geo.internal.SphereGrid;

/**
 * DBSCAN on the sphere: a point with at least {@code minPoints} points (itself included) within {@code epsMetres}
 * great-circle metres is a core point; core points within {@code epsMetres} of each other share a cluster; a
 * non-core point within reach of a core point is a border point of the cluster of its nearest core point; the rest
 * is noise ({@link #NOISE}).
 *
 * <p>Deterministic and independent of the input order, where textbook DBSCAN is not (a border point within reach of
 * two clusters goes to whichever was expanded first): the clusters are the connected components of the core points,
 * a border point goes to its nearest core point (the first in the caller's order on a tie), and clusters are
 * numbered 0, 1, … in the order of their first point in the caller's order. Neighbourhoods come from a grid of
 * eps-sized cubes over the points' unit vectors (exact — the same {@code distanceTo(…) <= eps} as a brute-force scan —
 * across the antimeridian and near the poles); each is scanned twice, to count and to join, without being listed.
 */
public final class Dbscan {

  /** The cluster of a noise point. */
  public static final int NOISE = -1;

  /**
   * A point and its cluster.
   *
   * @param item the caller's item
   * @param point where it is
   * @param cluster its cluster, 0 or more, or {@link #NOISE}
   * @param core whether it is a core point (a border point of a cluster is not)
   */
  public record Member<T>(T item, GeoPoint point, int cluster, boolean core) {
  }

  private Dbscan() {
  }

  /**
   * Clusters the items, returned in the caller's {@code order} (then by latitude, then longitude).
   *
   * @param order a total order of the items (by id): it numbers the clusters and breaks ties
   * @throws IllegalArgumentException when {@code epsMetres} is negative or not finite, or {@code minPoints} is below 1
   */
  public static <T> List<Member<T>> cluster(Collection<T> items, Function<T, GeoPoint> where, Comparator<T> order,
      double epsMetres, int minPoints) {
    if (!(epsMetres >= 0) || Double.isInfinite(epsMetres)) {
      throw new IllegalArgumentException("eps must be 0 or more metres, got " + epsMetres);
    }
    if (minPoints < 1) {
      throw new IllegalArgumentException("min points must be at least 1, got " + minPoints);
    }
    List<T> sorted = new ArrayList<>(items);
    List<GeoPoint> points = new ArrayList<>(sorted.size());
    sorted.sort(order.thenComparingDouble((T t) -> where.apply(t).latitude())
        .thenComparingDouble(t -> where.apply(t).longitude()));
    sorted.forEach(t -> points.add(where.apply(t)));
    int n = sorted.size();
    // neighbourhoods from a grid of eps-sized cubes over the unit vectors: each is scanned twice (count, then join)
    // without building a list, sorting it, or computing a haversine for any pair not within a hair of eps
    SphereGrid grid = new SphereGrid(points, epsMetres);
    int[] count = new int[n];
    grid.forEachCell((from, to, rangeFrom, rangeTo, ranges) -> {
      for (int a = from; a < to; a++) {
        int c = 0;
        for (int k = 0; k < ranges; k++) {
          for (int b = rangeFrom[k]; b < rangeTo[k]; b++) {
            if (grid.within(a, b)) {
              c++;
            }
          }
        }
        count[grid.index(a)] = c;
      }
    });
    boolean[] core = new boolean[n];
    for (int i = 0; i < n; i++) {
      core[i] = count[i] >= minPoints;
    }
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    boolean[] coreAt = new boolean[n]; // by grid position, read in the inner loop
    for (int a = 0; a < n; a++) {
      coreAt[a] = core[grid.index(a)];
    }
    int[] nearestCore = new int[n];
    java.util.Arrays.fill(nearestCore, -1);
    grid.forEachCell((from, to, rangeFrom, rangeTo, ranges) -> {
      for (int a = from; a < to; a++) {
        int i = grid.index(a);
        double best = Double.POSITIVE_INFINITY;
        for (int k = 0; k < ranges; k++) {
          for (int b = rangeFrom[k]; b < rangeTo[k]; b++) {
            if (!coreAt[b]) {
              continue;
            }
            int j = grid.index(b);
            if (core[i] && j <= i || !grid.within(a, b)) {
              continue; // a core pair is joined once, from its lower index
            }
            if (core[i]) {
              union(parent, i, j);
            } else {
              double d = grid.metres(a, b);
              if (d < best || d == best && j < nearestCore[i]) {
                best = d;
                nearestCore[i] = j;
              }
            }
          }
        }
      }
    });
    int[] root = new int[n];
    for (int i = 0; i < n; i++) {
      root[i] = core[i] ? find(parent, i) : nearestCore[i] >= 0 ? find(parent, nearestCore[i]) : -1;
    }
    int[] number = new int[n];
    java.util.Arrays.fill(number, NOISE);
    int next = 0;
    List<Member<T>> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int cluster = NOISE;
      if (root[i] >= 0) {
        if (number[root[i]] == NOISE) {
          number[root[i]] = next++;
        }
        cluster = number[root[i]];
      }
      out.add(new Member<>(sorted.get(i), points.get(i), cluster, core[i]));
    }
    return out;
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  private static void union(int[] parent, int a, int b) {
    int ra = find(parent, a);
    int rb = find(parent, b);
    if (ra != rb) {
      parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }
  }
}
