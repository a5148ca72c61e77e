package org.insight.graph.internal;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Brandes' betweenness on hop distance (edge weights ignored, as networkx with {@code weight=None}), normalised
 * as networkx and igraph do for undirected graphs: the fraction of the (n-1)(n-2)/2 pairs of other nodes whose
 * shortest paths go through a node. Sampling runs the single-source phase from k pivots chosen uniformly without
 * replacement and scales by n/k (Brandes and Pich 2007), which is unbiased.
 *
 * <p>The sources are cut into {@value #CHUNKS} chunks (fewer when there are fewer sources) whatever the thread count;
 * each chunk's sums are added to the result in chunk order. Floating-point sums therefore happen in one order, and
 * the scores are bit-for-bit the same on 1 thread or on 8.
 */
public final class Betweenness {
  private Betweenness() {}

  static final int CHUNKS = 64;

  /** Exact betweenness of every node. */
  public static double[] exact(IntGraph g) {
    return exact(g, 1);
  }

  /** Exact betweenness of every node, on {@code threads} threads (the same scores for any count). */
  public static double[] exact(IntGraph g, int threads) {
    int n = g.nodes();
    int[] all = new int[n];
    for (int i = 0; i < n; i++) {
      all[i] = i;
    }
    return from(g, all, threads);
  }

  /** Betweenness estimated from {@code k} pivots (all nodes when k >= n, which is exact). */
  public static double[] sampled(IntGraph g, int k, long seed) {
    return sampled(g, k, seed, 1);
  }

  /** The same on {@code threads} threads (the same scores for any count). */
  public static double[] sampled(IntGraph g, int k, long seed, int threads) {
    int n = g.nodes();
    if (k >= n) {
      return exact(g, threads);
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
    double[] b = from(g, Arrays.copyOf(perm, k), threads);
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

  private static double[] from(IntGraph g, int[] sources, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("betweenness needs threads >= 1, got " + threads);
    }
    int n = g.nodes();
    int chunks = Math.min(CHUNKS, sources.length);
    Merger merger = new Merger(n, chunks);
    java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
    Runnable work = () -> {
      Work w = new Work(n);
      for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
        int lo = (int) ((long) sources.length * c / chunks);
        int hi = (int) ((long) sources.length * (c + 1) / chunks);
        double[] part = new double[n];
        for (int i = lo; i < hi; i++) {
          w.accumulate(g, sources[i], part);
        }
        merger.deposit(c, part);
      }
    };
    int pool = Math.min(threads, chunks);
    if (pool <= 1) {
      work.run();
    } else {
      Thread[] workers = new Thread[pool];
      Throwable[] failure = new Throwable[1];
      for (int t = 0; t < pool; t++) {
        workers[t] = new Thread(work, "insight-betweenness-" + t);
        workers[t].setDaemon(true);
        workers[t].setUncaughtExceptionHandler((th, e) -> {
          synchronized (failure) {
            failure[0] = e;
          }
        });
        workers[t].start();
      }
      try {
        for (Thread t : workers) {
          t.join();
        }
      } catch (InterruptedException e) {
        for (Thread t : workers) {
          t.interrupt();
        }
        Thread.currentThread().interrupt();
        throw new IllegalStateException("betweenness interrupted", e);
      }
      synchronized (failure) {
        if (failure[0] != null) {
          throw new IllegalStateException("a betweenness worker failed", failure[0]);
        }
      }
    }
    double[] bc = merger.result();
    // each unordered pair was counted from both ends: (n-1)(n-2) is twice the number of pairs
    double scale = n > 2 ? 1.0 / ((double) (n - 1) * (n - 2)) : 0;
    for (int i = 0; i < n; i++) {
      bc[i] *= scale;
    }
    return bc;
  }

  /** One worker's scratch arrays: Brandes' single-source phase from one source, added into {@code bc}. */
  private static final class Work {
    final double[] sigma;
    final double[] delta;
    final int[] dist;
    final int[] order;

    Work(int n) {
      sigma = new double[n];
      delta = new double[n];
      dist = new int[n];
      order = new int[n];
      Arrays.fill(dist, -1);
    }

    void accumulate(IntGraph g, int s, double[] bc) {
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
  }

  /** Adds the chunks' sums into the result in chunk order, as they arrive (holding those that come early). */
  private static final class Merger {
    private final double[] bc;
    private final double[][] waiting;
    private int merged;

    Merger(int n, int chunks) {
      this.bc = new double[n];
      this.waiting = new double[chunks][];
    }

    synchronized void deposit(int chunk, double[] part) {
      waiting[chunk] = part;
      while (merged < waiting.length && waiting[merged] != null) {
        double[] p = waiting[merged];
        for (int i = 0; i < bc.length; i++) {
          bc[i] += p[i];
        }
        waiting[merged++] = null;
      }
    }

    synchronized double[] result() {
      if (merged != waiting.length) {
        throw new IllegalStateException("betweenness merged " + merged + " of " + waiting.length + " chunks");
      }
      return bc;
    }
  }
}
