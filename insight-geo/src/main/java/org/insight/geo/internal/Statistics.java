package org.insight.geo.internal;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** The statistics of hotspot analysis: Getis–Ord Gi*, normal tail probabilities, Benjamini–Hochberg. */
public final class Statistics {

  private Statistics() {
  }

  /** Who a cell's neighbours are: the cells of a cell's neighbourhood, itself included. */
  @FunctionalInterface
  public interface Neighbourhood {
    /** Writes the neighbourhood of {@code cell} into {@code out} and returns how many it wrote. */
    int of(int cell, int[] out);
  }

  /**
   * Gi* of every cell of a grid of counts, with binary weights over the cell and its (up to) eight neighbours inside
   * the grid: {@code (Σ w x − X̄ Σ w) / (S √((n Σ w² − (Σ w)²) / (n − 1)))}, where X̄ and S are the mean and (population)
   * standard deviation of all n cells. A constant grid has no hotspot: every z is 0.
   */
  public static double[][] giStar(int[][] counts) {
    int rows = counts.length;
    int cols = rows == 0 ? 0 : counts[0].length;
    int[] flat = new int[rows * cols];
    for (int r = 0; r < rows; r++) {
      System.arraycopy(counts[r], 0, flat, r * cols, cols);
    }
    double[] z = giStar(flat, 9, squares(rows, cols, false));
    double[][] out = new double[rows][cols];
    for (int r = 0; r < rows; r++) {
      System.arraycopy(z, r * cols, out[r], 0, cols);
    }
    return out;
  }

  /**
   * The 3×3 neighbourhoods of a {@code rows × cols} grid stored row by row; with {@code wrapColumns} the first and
   * last columns are neighbours (a study area all around the globe).
   */
  public static Neighbourhood squares(int rows, int cols, boolean wrapColumns) {
    boolean wrap = wrapColumns && cols >= 3;
    return (cell, out) -> {
      int r = cell / cols;
      int c = cell % cols;
      int k = 0;
      for (int dr = -1; dr <= 1; dr++) {
        for (int dc = -1; dc <= 1; dc++) {
          int rr = r + dr;
          int cc = wrap ? Math.floorMod(c + dc, cols) : c + dc;
          if (rr >= 0 && rr < rows && cc >= 0 && cc < cols) {
            out[k++] = rr * cols + cc;
          }
        }
      }
      return k;
    };
  }

  /**
   * Gi* of every cell with binary weights over its neighbourhood (itself included, at most {@code maxNeighbours}
   * cells): {@code (Σ w x − X̄ Σ w) / (S √((n Σ w² − (Σ w)²) / (n − 1)))}, where X̄ and S are the mean and (population)
   * standard deviation of all n cells. A constant set of counts has no hotspot: every z is 0.
   */
  public static double[] giStar(int[] counts, int maxNeighbours, Neighbourhood neighbourhood) {
    int cells = counts.length;
    double n = cells;
    double sum = 0;
    double sumSq = 0;
    for (int x : counts) {
      sum += x;
      sumSq += (double) x * x;
    }
    double mean = sum / n;
    double s = Math.sqrt(Math.max(0, sumSq / n - mean * mean));
    double[] z = new double[cells];
    if (s == 0 || n < 2) {
      return z;
    }
    int[] around = new int[maxNeighbours];
    for (int i = 0; i < cells; i++) {
      int w = neighbourhood.of(i, around);
      double local = 0;
      for (int k = 0; k < w; k++) {
        local += counts[around[k]];
      }
      // binary weights: Σw = Σw² = w
      double denominator = s * Math.sqrt((n * w - (double) w * w) / (n - 1));
      z[i] = denominator == 0 ? 0 : (local - mean * w) / denominator;
    }
    return z;
  }

  /** P(|Z| ≥ |z|) for a standard normal Z. */
  public static double twoSidedP(double z) {
    return Math.min(1, erfc(Math.abs(z) / Math.sqrt(2)));
  }

  /**
   * Benjamini–Hochberg adjusted p-values ("q-values"): {@code q(i) = min over k ≥ rank(i) of p(k) m / k}, capped at 1.
   * A cell is significant at false-discovery rate alpha when its q is below alpha.
   */
  public static double[] benjaminiHochberg(double[] p) {
    int m = p.length;
    Integer[] order = IntStream.range(0, m).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> p[i]).thenComparingInt(i -> i));
    double[] q = new double[m];
    double running = 1;
    for (int k = m; k >= 1; k--) {
      int i = order[k - 1];
      running = Math.min(running, p[i] * m / k);
      q[i] = Math.min(1, running);
    }
    return q;
  }

  /**
   * The complementary error function, by the Chebyshev fit of Numerical Recipes (erfcc): relative error below 1.2e-7
   * everywhere, ample for p-values.
   */
  public static double erfc(double x) {
    double z = Math.abs(x);
    double t = 1 / (1 + 0.5 * z);
    double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
        + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
        + t * (-0.82215223 + t * 0.17087277)))))))));
    return x >= 0 ? r : 2 - r;
  }
}
