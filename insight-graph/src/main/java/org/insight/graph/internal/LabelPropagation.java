package org.insight.graph.internal;

import java.util.SplittableRandom;

/**
 * Communities by asynchronous label propagation (Raghavan, Albert, Kumara 2007) on the weighted graph: every node
 * starts in its own community; in rounds, nodes visited in an order shuffled once by {@code seed} take the label
 * carrying the most edge weight among their neighbours. Ties keep the node's own label when it is among the best
 * (so the rounds settle) and otherwise take the smallest label, so the result depends only on the graph and the seed.
 * Stops when a round changes nothing, or after {@code maxRounds}.
 */
public final class LabelPropagation {
  private LabelPropagation() {}

  public static int[] communities(IntGraph g, long seed, int maxRounds) {
    int n = g.nodes();
    int[] label = new int[n];
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      label[i] = i;
      order[i] = i;
    }
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    double[] weight = new double[n];
    int[] touched = new int[n];
    for (int round = 0; round < maxRounds; round++) {
      boolean changed = false;
      for (int u : order) {
        int count = 0;
        for (int j = g.start(u); j < g.end(u); j++) {
          int l = label[g.target(j)];
          if (weight[l] == 0) {
            touched[count++] = l;
          }
          weight[l] += g.weight(j) > 0 ? g.weight(j) : 1;
        }
        if (count == 0) {
          continue;
        }
        double best = -1;
        int choice = label[u];
        for (int i = 0; i < count; i++) {
          int l = touched[i];
          if (weight[l] > best || weight[l] == best && l < choice) {
            best = weight[l];
            choice = l;
          }
        }
        if (weight[label[u]] == best) {
          choice = label[u];
        }
        for (int i = 0; i < count; i++) {
          weight[touched[i]] = 0;
        }
        if (choice != label[u]) {
          label[u] = choice;
          changed = true;
        }
      }
      if (!changed) {
        break;
      }
    }
    return label;
  }
}
