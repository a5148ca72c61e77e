package org.insight.match.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Expectation–maximisation of the m probabilities and the prior λ of a Fellegi–Sunter model over the distinct
 * comparison patterns of the candidate pairs (each with its count), with u held fixed (estimated from random
 * pairs, where matches are negligibly rare: the approach Splink recommends, which keeps EM from drifting to a
 * "cluster" that is not the match class). The null level (0) carries no evidence. Not API.
 */
public final class ExpectationMaximisation {

  /** Probabilities are kept in [MIN_P, 1 - MIN_P]. */
  public static final double MIN_P = 1e-4;

  private ExpectationMaximisation() {}

  /** The outcome of a fit. */
  public record Fit(double[][] m, double lambda, int iterations, boolean converged, List<Double> logLikelihood) {}

  /**
   * Fits m and λ.
   *
   * @param patterns distinct level vectors
   * @param counts how many candidate pairs have each pattern
   * @param levels number of levels (null included) per comparison
   * @param u fixed u probabilities [comparison][level]
   * @param maxIterations iteration cap
   * @param tolerance stop when no parameter moves more than this
   */
  public static Fit fit(int[][] patterns, long[] counts, int[] levels, double[][] u, int maxIterations,
      double tolerance) {
    double[][] m = new double[levels.length][];
    for (int k = 0; k < levels.length; k++) {
      m[k] = initialM(levels[k]);
    }
    return fit(patterns, counts, levels, u, m, 0.1, new boolean[levels.length], maxIterations, tolerance);
  }

  /** {@link #fit(int[][], long[], int[], double[][], double[][], double, boolean[], boolean[], int, double)}, no m held. */
  public static Fit fit(int[][] patterns, long[] counts, int[] levels, double[][] u, double[][] start,
      double startLambda, boolean[] excluded, int maxIterations, double tolerance) {
    return fit(patterns, counts, levels, u, start, startLambda, excluded, new boolean[levels.length], maxIterations,
        tolerance);
  }

  /**
   * Fits m and λ from a start. The {@code excluded} comparisons take no part in the E-step (the posterior match
   * probability of a pattern ignores them) but their m is still estimated in the M-step from those posteriors.
   * Blocking makes candidate pairs agree on the blocked-on comparisons (names) far more than random pairs do, so
   * with names in the E-step EM takes "same name" for "same person"; as Splink does for the comparisons a blocking
   * rule used, their m is learned from pairs judged by the other comparisons only (valid under the model's
   * conditional-independence assumption). The {@code held} comparisons keep their start m (learned by an earlier
   * pass on pairs whose blocking did not shape them).
   */
  public static Fit fit(int[][] patterns, long[] counts, int[] levels, double[][] u, double[][] start,
      double startLambda, boolean[] excluded, boolean[] held, int maxIterations, double tolerance) {
    int c = levels.length;
    double[][] m = new double[c][];
    for (int k = 0; k < c; k++) {
      m[k] = start[k].clone();
    }
    double lambda = startLambda;
    List<Double> ll = new ArrayList<>();
    boolean converged = false;
    int it = 0;
    double total = 0;
    for (long n : counts) {
      total += n;
    }
    while (it < maxIterations && !converged) {
      it++;
      double[][] num = new double[c][];
      for (int k = 0; k < c; k++) {
        num[k] = new double[levels[k]];
      }
      double matches = 0;
      double logLik = 0;
      for (int p = 0; p < patterns.length; p++) {
        double pm = lambda;
        double pu = 1 - lambda;
        for (int k = 0; k < c; k++) {
          int l = patterns[p][k];
          if (l != Levels.NULL && !excluded[k]) {
            pm *= m[k][l];
            pu *= u[k][l];
          }
        }
        double post = pm / (pm + pu);
        logLik += counts[p] * Math.log(pm + pu);
        double w = counts[p] * post;
        matches += w;
        for (int k = 0; k < c; k++) {
          num[k][patterns[p][k]] += w;
        }
      }
      ll.add(logLik);
      double change = 0;
      for (int k = 0; k < c; k++) {
        if (held[k]) {
          continue;
        }
        double denom = 0;
        for (int l = 1; l < levels[k]; l++) {
          denom += num[k][l];
        }
        double[] next = new double[levels[k]];
        next[0] = 1;
        for (int l = 1; l < levels[k]; l++) {
          next[l] = denom > 0 ? num[k][l] / denom : m[k][l];
        }
        clamp(next);
        for (int l = 1; l < levels[k]; l++) {
          change = Math.max(change, Math.abs(next[l] - m[k][l]));
        }
        m[k] = next;
      }
      double nextLambda = Math.min(1 - 1e-6, Math.max(1e-6, matches / total));
      change = Math.max(change, Math.abs(nextLambda - lambda));
      lambda = nextLambda;
      converged = change < tolerance;
    }
    return new Fit(m, lambda, it, converged, ll);
  }

  /** Geometric start: the best level most likely among matches, "else" rare. */
  public static double[] initialM(int levels) {
    double[] m = new double[levels];
    m[0] = 1;
    double w = 1;
    for (int l = 1; l < levels - 1; l++) {
      m[l] = w;
      w /= 2;
    }
    m[levels - 1] = 0.05;
    clamp(m);
    return m;
  }

  /**
   * Normalises levels 1.. (counts or probabilities) to sum 1, clamps them into [MIN_P, 1-MIN_P] and renormalises.
   */
  public static void clamp(double[] p) {
    double total = 0;
    for (int l = 1; l < p.length; l++) {
      total += p[l];
    }
    for (int l = 1; l < p.length; l++) {
      p[l] = total > 0 ? p[l] / total : 1.0 / (p.length - 1);
    }
    double sum = 0;
    for (int l = 1; l < p.length; l++) {
      p[l] = Math.min(1 - MIN_P, Math.max(MIN_P, p[l]));
      sum += p[l];
    }
    for (int l = 1; l < p.length; l++) {
      p[l] /= sum;
    }
  }
}
