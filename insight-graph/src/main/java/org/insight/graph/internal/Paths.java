package org.insight.graph.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Paths: fewest hops by breadth-first search, Yen's k loopless shortest paths, cheapest paths by Dijkstra (and Yen's k
 * cheapest paths over it), and the ego network to k hops.
 */
public final class Paths {
  private Paths() {}

  /** A shortest path from s to t as node indices (s first), or null when t cannot be reached. */
  public static int[] shortest(IntGraph g, int s, int t) {
    return shortest(g, s, t, new boolean[g.nodes()], Set.of(), Integer.MAX_VALUE);
  }

  /** The same, never entering a removed node nor crossing a removed edge (key {@link #key}), within maxHops. */
  static int[] shortest(IntGraph g, int s, int t, boolean[] removed, Set<Long> removedEdges, int maxHops) {
    if (s == t) {
      return new int[] {s};
    }
    int n = g.nodes();
    int[] parent = new int[n];
    int[] dist = new int[n];
    Arrays.fill(parent, -2);
    int[] queue = new int[n];
    int head = 0;
    int tail = 0;
    queue[tail++] = s;
    parent[s] = -1;
    while (head < tail) {
      int u = queue[head++];
      if (dist[u] >= maxHops) {
        continue;
      }
      for (int j = g.start(u); j < g.end(u); j++) {
        int v = g.target(j);
        if (parent[v] != -2 || removed[v] || (!removedEdges.isEmpty() && removedEdges.contains(key(u, v)))) {
          continue;
        }
        parent[v] = u;
        dist[v] = dist[u] + 1;
        if (v == t) {
          int[] path = new int[dist[v] + 1];
          for (int x = v, i = dist[v]; x != -1; x = parent[x], i--) {
            path[i] = x;
          }
          return path;
        }
        queue[tail++] = v;
      }
    }
    return null;
  }

  /**
   * A cheapest path from s to t as node indices (s first), or null when t cannot be reached: Dijkstra over the cost of
   * each adjacency slot ({@code cost[j]} for slot j of {@link IntGraph}, non-negative; {@code +Infinity} closes it).
   * Ties go to the smaller node index, so equal inputs give equal paths.
   */
  public static int[] cheapest(IntGraph g, int s, int t, double[] cost) {
    return cheapest(g, s, t, cost, new boolean[g.nodes()], Set.of());
  }

  /** The same, never entering a removed node nor crossing a removed edge (key {@link #key}). */
  static int[] cheapest(IntGraph g, int s, int t, double[] cost, boolean[] removed, Set<Long> removedEdges) {
    int n = g.nodes();
    double[] dist = new double[n];
    int[] parent = new int[n];
    int[] hops = new int[n];
    boolean[] done = new boolean[n];
    Arrays.fill(dist, Double.POSITIVE_INFINITY);
    Arrays.fill(parent, -1);
    dist[s] = 0;
    PriorityQueue<long[]> queue = new PriorityQueue<>((a, b) -> {
      int c = Double.compare(Double.longBitsToDouble(a[0]), Double.longBitsToDouble(b[0]));
      return c != 0 ? c : Long.compare(a[1], b[1]);
    });
    queue.add(new long[] {Double.doubleToLongBits(0), s});
    while (!queue.isEmpty()) {
      int u = (int) queue.poll()[1];
      if (done[u]) {
        continue;
      }
      done[u] = true;
      if (u == t) {
        int[] path = new int[hops[t] + 1];
        for (int x = t, i = hops[t]; i >= 0; x = parent[x], i--) {
          path[i] = x;
        }
        return path;
      }
      for (int j = g.start(u); j < g.end(u); j++) {
        int v = g.target(j);
        if (removed[v] || (!removedEdges.isEmpty() && removedEdges.contains(key(u, v)))) {
          continue;
        }
        double d = dist[u] + cost[j];
        // on equal cost keep the smaller predecessor, so the path does not depend on the order of the queue
        if (!done[v] && d != Double.POSITIVE_INFINITY && (d < dist[v] || (d == dist[v] && u < parent[v]))) {
          dist[v] = d;
          parent[v] = u;
          hops[v] = hops[u] + 1;
          queue.add(new long[] {Double.doubleToLongBits(d), v});
        }
      }
    }
    return null;
  }

  /** A cheapest path and its cost (the sum of its slots' costs, added from s to t). */
  public record Costed(int[] path, double cost) {}

  /**
   * Up to k loopless paths from s to t, cheapest first (ties broken by the node sequence), by Yen's algorithm over
   * {@link #cheapest}: slot costs as there, {@code +Infinity} closing a slot.
   */
  public static List<Costed> kCheapest(IntGraph g, int s, int t, int k, double[] cost) {
    List<Costed> found = new ArrayList<>();
    int[] first = cheapest(g, s, t, cost);
    if (first == null || k < 1) {
      return found;
    }
    found.add(new Costed(first, cost(g, first, cost)));
    PriorityQueue<Costed> candidates = new PriorityQueue<>((a, b) -> a.cost() != b.cost()
        ? Double.compare(a.cost(), b.cost()) : Arrays.compare(a.path(), b.path()));
    Set<List<Integer>> seen = new HashSet<>();
    seen.add(asList(first));
    boolean[] removed = new boolean[g.nodes()];
    while (found.size() < k) {
      int[] last = found.get(found.size() - 1).path();
      for (int i = 0; i < last.length - 1; i++) {
        int spur = last[i];
        Set<Long> removedEdges = new HashSet<>();
        for (Costed c : found) {
          int[] p = c.path();
          if (p.length > i + 1 && Arrays.equals(p, 0, i + 1, last, 0, i + 1)) {
            removedEdges.add(key(p[i], p[i + 1]));
          }
        }
        Arrays.fill(removed, false);
        for (int r = 0; r < i; r++) {
          removed[last[r]] = true;
        }
        int[] spurPath = cheapest(g, spur, t, cost, removed, removedEdges);
        if (spurPath != null) {
          int[] total = new int[i + spurPath.length];
          System.arraycopy(last, 0, total, 0, i);
          System.arraycopy(spurPath, 0, total, i, spurPath.length);
          if (seen.add(asList(total))) {
            candidates.add(new Costed(total, cost(g, total, cost)));
          }
        }
      }
      if (candidates.isEmpty()) {
        break;
      }
      found.add(candidates.poll());
    }
    return found;
  }

  /** The cost of a path: its slots' costs added in order from the first node. */
  private static double cost(IntGraph g, int[] path, double[] cost) {
    double total = 0;
    for (int i = 1; i < path.length; i++) {
      for (int j = g.start(path[i - 1]); j < g.end(path[i - 1]); j++) {
        if (g.target(j) == path[i]) {
          total += cost[j];
          break;
        }
      }
    }
    return total;
  }

  static long key(int u, int v) {
    return u < v ? ((long) u << 32) | v : ((long) v << 32) | u;
  }

  /**
   * Up to k loopless paths from s to t of at most maxHops hops, shortest first (ties broken by the node sequence),
   * by Yen's algorithm.
   */
  public static List<int[]> kShortest(IntGraph g, int s, int t, int k, int maxHops) {
    List<int[]> found = new ArrayList<>();
    int[] first = shortest(g, s, t, new boolean[g.nodes()], Set.of(), maxHops);
    if (first == null || k < 1) {
      return found;
    }
    found.add(first);
    PriorityQueue<int[]> candidates = new PriorityQueue<>((a, b) -> a.length != b.length
        ? Integer.compare(a.length, b.length) : Arrays.compare(a, b));
    Set<List<Integer>> seen = new HashSet<>();
    seen.add(asList(first));
    boolean[] removed = new boolean[g.nodes()];
    while (found.size() < k) {
      int[] last = found.get(found.size() - 1);
      for (int i = 0; i < last.length - 1; i++) {
        int spur = last[i];
        Set<Long> removedEdges = new HashSet<>();
        for (int[] p : found) {
          if (p.length > i + 1 && Arrays.equals(p, 0, i + 1, last, 0, i + 1)) {
            removedEdges.add(key(p[i], p[i + 1]));
          }
        }
        Arrays.fill(removed, false);
        for (int r = 0; r < i; r++) {
          removed[last[r]] = true;
        }
        int[] spurPath = shortest(g, spur, t, removed, removedEdges, maxHops - i);
        if (spurPath != null) {
          int[] total = new int[i + spurPath.length];
          System.arraycopy(last, 0, total, 0, i);
          System.arraycopy(spurPath, 0, total, i, spurPath.length);
          if (seen.add(asList(total))) {
            candidates.add(total);
          }
        }
      }
      if (candidates.isEmpty()) {
        break;
      }
      found.add(candidates.poll());
    }
    return found;
  }

  private static List<Integer> asList(int[] a) {
    List<Integer> l = new ArrayList<>(a.length);
    for (int x : a) {
      l.add(x);
    }
    return l;
  }

  /** The hop distance from s to every node, -1 where unreachable, exploring at most maxHops. */
  public static int[] distances(IntGraph g, int s, int maxHops) {
    int n = g.nodes();
    int[] dist = new int[n];
    Arrays.fill(dist, -1);
    int[] queue = new int[n];
    int head = 0;
    int tail = 0;
    queue[tail++] = s;
    dist[s] = 0;
    while (head < tail) {
      int u = queue[head++];
      if (dist[u] >= maxHops) {
        continue;
      }
      for (int j = g.start(u); j < g.end(u); j++) {
        int v = g.target(j);
        if (dist[v] < 0) {
          dist[v] = dist[u] + 1;
          queue[tail++] = v;
        }
      }
    }
    return dist;
  }

  /** The connected component of every node, numbered 0.. in order of each component's smallest node. */
  public static int[] components(IntGraph g) {
    int n = g.nodes();
    int[] comp = new int[n];
    Arrays.fill(comp, -1);
    int[] queue = new int[n];
    int count = 0;
    for (int s = 0; s < n; s++) {
      if (comp[s] >= 0) {
        continue;
      }
      int head = 0;
      int tail = 0;
      queue[tail++] = s;
      comp[s] = count;
      while (head < tail) {
        int u = queue[head++];
        for (int j = g.start(u); j < g.end(u); j++) {
          int v = g.target(j);
          if (comp[v] < 0) {
            comp[v] = count;
            queue[tail++] = v;
          }
        }
      }
      count++;
    }
    return comp;
  }
}
