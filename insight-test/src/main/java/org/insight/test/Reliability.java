package org.insight.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A reliability curve of predicted probabilities against outcomes: ten bins by predicted probability (deciles of the
 * [0,1] scale), the Brier score and the expected calibration error (the bins' gaps between mean prediction and
 * observed rate, weighted by their share of the predictions).
 *
 * @param bins the ten bins, lowest first
 * @param brier the mean squared difference of prediction and outcome
 * @param ece the expected calibration error
 * @param n the number of predictions
 */
public record Reliability(List<Bin> bins, double brier, double ece, int n) {

  /**
   * One bin.
   *
   * @param low its lower bound (inclusive)
   * @param high its upper bound (exclusive, inclusive for the last)
   * @param n the predictions in it
   * @param predicted their mean
   * @param observed the share of them that were true
   */
  public record Bin(double low, double high, int n, double predicted, double observed) {}

  /** The curve of predictions {@code p[i]} with outcomes {@code y[i]}. */
  public static Reliability of(double[] p, boolean[] y) {
    if (p.length != y.length) {
      throw new IllegalArgumentException("predictions and outcomes differ in number: " + p.length + " and " + y.length);
    }
    int[] n = new int[10];
    double[] sumP = new double[10];
    double[] sumY = new double[10];
    double brier = 0;
    for (int i = 0; i < p.length; i++) {
      int b = Math.min(9, (int) Math.floor(p[i] * 10));
      n[b]++;
      sumP[b] += p[i];
      sumY[b] += y[i] ? 1 : 0;
      double d = p[i] - (y[i] ? 1 : 0);
      brier += d * d;
    }
    List<Bin> bins = new ArrayList<>();
    double ece = 0;
    for (int b = 0; b < 10; b++) {
      double mp = n[b] == 0 ? Double.NaN : sumP[b] / n[b];
      double my = n[b] == 0 ? Double.NaN : sumY[b] / n[b];
      bins.add(new Bin(b / 10.0, (b + 1) / 10.0, n[b], mp, my));
      if (n[b] > 0) {
        ece += n[b] / (double) p.length * Math.abs(mp - my);
      }
    }
    return new Reliability(List.copyOf(bins), p.length == 0 ? 0 : brier / p.length, ece, p.length);
  }

  /** The curve as a table, one line per bin, then Brier and ECE. */
  public String table() {
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "  %-11s %8s %10s %10s%n", "predicted", "hits",
        "mean p", "observed"));
    for (Bin x : bins) {
      b.append(String.format(Locale.ROOT, "  %.1f - %.1f  %8d %10s %10s%n", x.low(), x.high(), x.n(),
          x.n() == 0 ? "-" : String.format(Locale.ROOT, "%.3f", x.predicted()),
          x.n() == 0 ? "-" : String.format(Locale.ROOT, "%.3f", x.observed())));
    }
    b.append(String.format(Locale.ROOT, "  Brier %.4f  ECE %.4f  (%d hits)%n", brier, ece, n));
    return b.toString();
  }
}
