package org.insight.graph.internal;

import java.util.Arrays;

/**
 * Louvain community detection (Blondel et al. 2008) on the weighted undirected graph: local moving of nodes to the
 * neighbouring community with the best modularity gain until no move helps, then aggregation of communities into
 * nodes, repeated while a level moves anything. Deterministic: nodes are visited in index order and a node moves
 * only for a strictly positive gain, to the first best community among its neighbours'.
 */
public final class Louvain {
  private static final double EPS = 1e-12;

  private Louvain() {}

  /** The community of every node, numbered 0.. in order of each community's smallest node. */
  public static int[] communities(IntGraph g) {
    int n = g.nodes();
    int[] membership = new int[n];
    for (int i = 0; i < n; i++) {
      membership[i] = i;
    }
    // the current level: a CSR graph of super-nodes with self-loop weights (internal weight, each edge once)
    Level level = Level.of(g);
    while (true) {
      int[] moved = level.localMoving();
      int count = renumber(moved);
      if (count == level.n) {
        break; // nothing merged at this level
      }
      for (int i = 0; i < n; i++) {
        membership[i] = moved[membership[i]];
      }
      level = level.aggregate(moved, count);
    }
    renumber(membership);
    return membership;
  }

  /** Newman's modularity of a partition of the weighted graph: sum over c of in_c/m - (tot_c/2m)^2. */
  public static double modularity(IntGraph g, int[] community) {
    int n = g.nodes();
    double m2 = 0;
    int max = 0;
    for (int u = 0; u < n; u++) {
      m2 += g.strength(u);
      max = Math.max(max, community[u] + 1);
    }
    if (m2 == 0) {
      return 0;
    }
    double[] in = new double[max];
    double[] tot = new double[max];
    for (int u = 0; u < n; u++) {
      for (int j = g.start(u); j < g.end(u); j++) {
        tot[community[u]] += g.weight(j);
        if (community[g.target(j)] == community[u]) {
          in[community[u]] += g.weight(j); // counted from both ends: 2 * internal weight
        }
      }
    }
    double q = 0;
    for (int c = 0; c < max; c++) {
      q += in[c] / m2 - (tot[c] / m2) * (tot[c] / m2);
    }
    return q;
  }

  /** Renumbers community ids in place in order of first appearance; returns how many there are. */
  static int renumber(int[] c) {
    int[] map = new int[c.length == 0 ? 0 : Arrays.stream(c).max().getAsInt() + 1];
    Arrays.fill(map, -1);
    int next = 0;
    for (int i = 0; i < c.length; i++) {
      if (map[c[i]] < 0) {
        map[c[i]] = next++;
      }
      c[i] = map[c[i]];
    }
    return next;
  }

  static final class Level {
    final int n;
    final int[] off;
    final int[] adj;
    final double[] w;
    final double[] loop;
    final double m2;

    Level(int n, int[] off, int[] adj, double[] w, double[] loop) {
      this.n = n;
      this.off = off;
      this.adj = adj;
      this.w = w;
      this.loop = loop;
      double total = 0;
      for (int u = 0; u < n; u++) {
        total += 2 * loop[u];
        for (int j = off[u]; j < off[u + 1]; j++) {
          total += w[j];
        }
      }
      this.m2 = total;
    }

    static Level of(IntGraph g) {
      int n = g.nodes();
      int[] off = new int[n + 1];
      int[] adj = new int[2 * g.edges()];
      double[] w = new double[2 * g.edges()];
      for (int u = 0; u < n; u++) {
        off[u + 1] = g.end(u);
        for (int j = g.start(u); j < g.end(u); j++) {
          adj[j] = g.target(j);
          w[j] = g.weight(j);
        }
      }
      return new Level(n, off, adj, w, new double[n]);
    }

    /** One level's local moving; returns the community of each node of this level. */
    int[] localMoving() {
      int[] comm = new int[n];
      double[] tot = new double[n];
      double[] k = new double[n];
      for (int u = 0; u < n; u++) {
        comm[u] = u;
        k[u] = 2 * loop[u];
        for (int j = off[u]; j < off[u + 1]; j++) {
          k[u] += w[j];
        }
        tot[u] = k[u];
      }
      if (m2 == 0) {
        return comm;
      }
      double[] toComm = new double[n];
      int[] touched = new int[n];
      boolean improved = true;
      int passes = 0;
      while (improved && passes++ < 1000) {
        improved = false;
        for (int u = 0; u < n; u++) {
          int own = comm[u];
          int count = 0;
          for (int j = off[u]; j < off[u + 1]; j++) {
            int c = comm[adj[j]];
            if (toComm[c] == 0) {
              touched[count++] = c;
            }
            toComm[c] += w[j];
          }
          tot[own] -= k[u];
          int best = own;
          double bestGain = toComm[own] - tot[own] * k[u] / m2;
          for (int i = 0; i < count; i++) {
            int c = touched[i];
            double gain = toComm[c] - tot[c] * k[u] / m2;
            if (gain > bestGain + EPS) {
              best = c;
              bestGain = gain;
            }
          }
          tot[best] += k[u];
          if (best != own) {
            comm[u] = best;
            improved = true;
          }
          for (int i = 0; i < count; i++) {
            toComm[touched[i]] = 0;
          }
          toComm[own] = 0;
        }
      }
      return comm;
    }

    Level aggregate(int[] comm, int count) {
      double[] newLoop = new double[count];
      // neighbour weights per community, merged with the same marker trick as IntGraph
      int[][] nbr = new int[count][];
      double[][] nw = new double[count][];
      int[] size = new int[count];
      int[][] members = new int[count][];
      int[] msize = new int[count];
      for (int u = 0; u < n; u++) {
        msize[comm[u]]++;
      }
      for (int c = 0; c < count; c++) {
        members[c] = new int[msize[c]];
        msize[c] = 0;
      }
      for (int u = 0; u < n; u++) {
        members[comm[u]][msize[comm[u]]++] = u;
      }
      int[] mark = new int[count];
      int[] slot = new int[count];
      Arrays.fill(mark, -1);
      int[] bufAdj = new int[Math.max(1, adj.length)];
      double[] bufW = new double[Math.max(1, adj.length)];
      for (int c = 0; c < count; c++) {
        int len = 0;
        for (int u : members[c]) {
          newLoop[c] += loop[u];
          for (int j = off[u]; j < off[u + 1]; j++) {
            int d = comm[adj[j]];
            if (d == c) {
              newLoop[c] += w[j] / 2; // seen from both ends
            } else if (mark[d] != c) {
              mark[d] = c;
              slot[d] = len;
              bufAdj[len] = d;
              bufW[len++] = w[j];
            } else {
              bufW[slot[d]] += w[j];
            }
          }
        }
        nbr[c] = Arrays.copyOf(bufAdj, len);
        nw[c] = Arrays.copyOf(bufW, len);
        size[c] = len;
      }
      int[] newOff = new int[count + 1];
      for (int c = 0; c < count; c++) {
        newOff[c + 1] = newOff[c] + size[c];
      }
      int[] newAdj = new int[newOff[count]];
      double[] newW = new double[newOff[count]];
      for (int c = 0; c < count; c++) {
        System.arraycopy(nbr[c], 0, newAdj, newOff[c], size[c]);
        System.arraycopy(nw[c], 0, newW, newOff[c], size[c]);
      }
      return new Level(count, newOff, newAdj, newW, newLoop);
    }
  }
}
