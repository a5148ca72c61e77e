package org.insight.graph.internal;

import java.util.SplittableRandom;

/**
 * Leiden community detection (Traag, Waltman and van Eck 2019, "From Louvain to Leiden: guaranteeing well-connected
 * communities") maximising modularity on the weighted undirected graph. Each level runs
 *
 * <ol>
 *   <li>fast local moving: nodes are visited from a queue (first in an order shuffled by the seed); a node moves to
 *       the neighbouring (or an empty) community of best modularity gain, and when it moves its neighbours outside
 *       its new community are queued again;
 *   <li>refinement: inside each community, starting from singletons, a still-single node that is well connected to
 *       its community joins a well-connected sub-community of its neighbours with a non-negative gain, chosen at
 *       random with probability proportional to {@code exp(gain/θ)} (θ = 0.01); sub-communities grow only by joining
 *       a neighbour, so each is connected;
 *   <li>aggregation of the refined sub-communities into nodes, each starting in its unrefined community;
 * </ol>
 *
 * until local moving leaves every node alone. The communities are then aggregate nodes, that is refined
 * sub-communities: connected. Whole iterations are repeated from the last partition while modularity rises, at most
 * {@link #DEFAULT_ITERATIONS} unless asked for more (leidenalg's default too): at a million edges the second iteration
 * adds 0.04 of modularity and the next eighteen 0.003 together at six times the cost (docs/benchmarks.md). The same
 * graph and seed give the same communities.
 */
public final class Leiden {
  private static final double THETA = 0.01;
  private static final double EPS = 1e-12;
  /** The default cap on whole iterations (see {@link #communities(IntGraph, long, int)}). */
  public static final int DEFAULT_ITERATIONS = 2;

  private Leiden() {}

  /** The community of every node, numbered 0.. in order of each community's smallest node. */
  public static int[] communities(IntGraph g, long seed) {
    return communities(g, seed, DEFAULT_ITERATIONS);
  }

  /**
   * The community of every node, after at most {@code maxIterations} whole iterations (fewer when one no longer
   * raises modularity), numbered 0.. in order of each community's smallest node.
   */
  public static int[] communities(IntGraph g, long seed, int maxIterations) {
    if (maxIterations < 1) {
      throw new IllegalArgumentException("maxIterations must be at least 1, got " + maxIterations);
    }
    int n = g.nodes();
    SplittableRandom random = new SplittableRandom(seed);
    int[] best = new int[n];
    for (int i = 0; i < n; i++) {
      best[i] = i;
    }
    double bestQ = Louvain.modularity(g, best);
    for (int iteration = 0; iteration < maxIterations; iteration++) {
      int[] found = iterate(g, best, random);
      double q = Louvain.modularity(g, found);
      if (q <= bestQ + EPS) {
        break;
      }
      best = found;
      bestQ = q;
    }
    Louvain.renumber(best);
    return best;
  }

  /** One Leiden iteration from a partition of the nodes of g. */
  private static int[] iterate(IntGraph g, int[] initial, SplittableRandom random) {
    int n = g.nodes();
    Louvain.Level level = Louvain.Level.of(g);
    int[] membership = new int[n]; // node of g -> node of the current level
    for (int i = 0; i < n; i++) {
      membership[i] = i;
    }
    int[] part = initial.clone();
    Louvain.renumber(part);
    while (level.m2 > 0) {
      moveNodesFast(level, part, random);
      int count = Louvain.renumber(part);
      if (count == level.n) {
        break;
      }
      int[] refined = refine(level, part, random);
      int refinedCount = Louvain.renumber(refined);
      if (refinedCount == level.n) {
        // refinement merged nothing: aggregate by the unrefined partition so the level still shrinks
        refined = part.clone();
        refinedCount = count;
      }
      int[] next = new int[refinedCount];
      for (int v = 0; v < level.n; v++) {
        next[refined[v]] = part[v];
      }
      for (int i = 0; i < n; i++) {
        membership[i] = refined[membership[i]];
      }
      level = level.aggregate(refined, refinedCount);
      part = next;
    }
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = part[membership[i]];
    }
    return out;
  }

  /** The strength of every node of the level (self-loops count twice). */
  private static double[] strengths(Louvain.Level level) {
    double[] k = new double[level.n];
    for (int u = 0; u < level.n; u++) {
      k[u] = 2 * level.loop[u];
      for (int j = level.off[u]; j < level.off[u + 1]; j++) {
        k[u] += level.w[j];
      }
    }
    return k;
  }

  private static int[] shuffled(int n, SplittableRandom random) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order;
  }

  /** Fast local moving of the level's nodes, in place on {@code comm} (ids below level.n). */
  private static void moveNodesFast(Louvain.Level level, int[] comm, SplittableRandom random) {
    int n = level.n;
    double m2 = level.m2;
    double[] k = strengths(level);
    double[] tot = new double[n];
    int[] size = new int[n];
    for (int u = 0; u < n; u++) {
      tot[comm[u]] += k[u];
      size[comm[u]]++;
    }
    int[] empty = new int[n];
    int emptyCount = 0;
    for (int c = n - 1; c >= 0; c--) {
      if (size[c] == 0) {
        empty[emptyCount++] = c;
      }
    }
    int[] queue = shuffled(n, random);
    boolean[] queued = new boolean[n];
    java.util.Arrays.fill(queued, true);
    int head = 0;
    int length = n;
    double[] toComm = new double[n];
    int[] touched = new int[n];
    while (length > 0) {
      int u = queue[head];
      head = (head + 1) % n;
      length--;
      queued[u] = false;
      int own = comm[u];
      int count = 0;
      for (int j = level.off[u]; j < level.off[u + 1]; j++) {
        int c = comm[level.adj[j]];
        if (toComm[c] == 0) {
          touched[count++] = c;
        }
        toComm[c] += level.w[j];
      }
      tot[own] -= k[u];
      size[own]--;
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
      if (bestGain < -EPS && size[own] > 0) {
        best = empty[--emptyCount]; // alone does better (gain 0) than any community at hand
      }
      for (int i = 0; i < count; i++) {
        toComm[touched[i]] = 0;
      }
      toComm[own] = 0;
      tot[best] += k[u];
      size[best]++;
      if (best != own) {
        comm[u] = best;
        if (size[own] == 0) {
          empty[emptyCount++] = own;
        }
        for (int j = level.off[u]; j < level.off[u + 1]; j++) {
          int v = level.adj[j];
          if (!queued[v] && comm[v] != best) {
            queued[v] = true;
            queue[(head + length) % n] = v;
            length++;
          }
        }
      }
    }
  }

  /** The refinement of the partition {@code part}: sub-communities of each community, as a new partition. */
  private static int[] refine(Louvain.Level level, int[] part, SplittableRandom random) {
    int n = level.n;
    double m2 = level.m2;
    double[] k = strengths(level);
    double[] partTot = new double[n];
    for (int u = 0; u < n; u++) {
      partTot[part[u]] += k[u];
    }
    int[] refined = new int[n];
    double[] tot = new double[n]; // of each refined sub-community
    double[] external = new double[n]; // its weight to the rest of its community
    int[] size = new int[n];
    double[] nodeExternal = new double[n];
    for (int u = 0; u < n; u++) {
      refined[u] = u;
      tot[u] = k[u];
      size[u] = 1;
      for (int j = level.off[u]; j < level.off[u + 1]; j++) {
        if (part[level.adj[j]] == part[u]) {
          nodeExternal[u] += level.w[j];
        }
      }
      external[u] = nodeExternal[u];
    }
    double[] toComm = new double[n];
    int[] touched = new int[n];
    double[] gains = new double[n];
    for (int u : shuffled(n, random)) {
      int own = refined[u];
      if (size[own] != 1) {
        continue; // joined by another node already: only single nodes move
      }
      double whole = partTot[part[u]];
      if (nodeExternal[u] < k[u] * (whole - k[u]) / m2 - EPS) {
        continue; // not well connected to its community
      }
      int count = 0;
      for (int j = level.off[u]; j < level.off[u + 1]; j++) {
        int v = level.adj[j];
        if (part[v] != part[u]) {
          continue;
        }
        int c = refined[v];
        if (c != own) {
          if (toComm[c] == 0) {
            touched[count++] = c;
          }
          toComm[c] += level.w[j];
        }
      }
      // staying alone gains 0; a well-connected neighbouring sub-community with a non-negative gain may be joined
      double max = 0;
      int candidates = 0;
      for (int i = 0; i < count; i++) {
        int c = touched[i];
        double gain = toComm[c] - tot[c] * k[u] / m2;
        if (gain >= 0 && external[c] >= tot[c] * (whole - tot[c]) / m2 - EPS) {
          touched[candidates] = c;
          gains[candidates++] = gain;
          max = Math.max(max, gain);
        } else {
          toComm[c] = 0;
        }
      }
      int chosen = own;
      if (candidates > 0) {
        double sum = 1 * Math.exp(-max / THETA); // staying alone
        for (int i = 0; i < candidates; i++) {
          sum += Math.exp((gains[i] - max) / THETA);
        }
        double r = random.nextDouble() * sum;
        double acc = Math.exp(-max / THETA);
        for (int i = 0; i < candidates && acc <= r; i++) {
          acc += Math.exp((gains[i] - max) / THETA);
          if (acc > r) {
            chosen = touched[i];
          }
        }
      }
      if (chosen != own) {
        double link = toComm[chosen];
        refined[u] = chosen;
        tot[chosen] += k[u];
        size[chosen]++;
        size[own] = 0;
        tot[own] = 0;
        external[chosen] += nodeExternal[u] - 2 * link;
      }
      for (int i = 0; i < candidates; i++) {
        toComm[touched[i]] = 0;
      }
    }
    return refined;
  }
}
