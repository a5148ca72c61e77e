package org.insight.geo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.insight.geo.internal.Grid;
import org.insight.geo.internal.Statistics;

/**
 * Hotspot analysis: points binned into a grid of square cells (see {@link #analyse}), a Getis–Ord Gi* z-score per
 * cell over its 3×3 neighbourhood (binary weights, the cell itself included), two-sided p-values, and a
 * Benjamini–Hochberg correction over every cell tested, so a map of thousands of cells does not light up by chance.
 * Deterministic and independent of the points' order.
 */
public final class Hotspots {

  /** The most cells a study area may have (about 32 MB of counts): beyond, ask for larger cells. */
  public static final long MAX_CELLS = 4_000_000;

  private Hotspots() {
  }

  /** {@link #analyse(Collection, double, double)} at a 5% false-discovery rate. */
  public static HotspotResult analyse(Collection<GeoPoint> points, double cellMetres) {
    return analyse(points, cellMetres, 0.05);
  }

  /**
   * Bins the points into cells of about {@code cellMetres} and scores every cell of the study area (the bounding box
   * of the occupied cells; empty cells inside it count as zeros).
   *
   * @throws IllegalArgumentException when the cell size or alpha is out of range, or the study area would exceed
   *     {@link #MAX_CELLS}
   */
  public static HotspotResult analyse(Collection<GeoPoint> points, double cellMetres, double alpha) {
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("alpha is a false-discovery rate in (0, 1), got " + alpha);
    }
    Grid grid = Grid.over(points, cellMetres);
    if (points.isEmpty()) {
      return new HotspotResult(cellMetres, alpha, 0, 0, List.of());
    }
    long minRow = Long.MAX_VALUE;
    long maxRow = Long.MIN_VALUE;
    long minCol = Long.MAX_VALUE;
    long maxCol = Long.MIN_VALUE;
    for (GeoPoint p : points) {
      minRow = Math.min(minRow, grid.row(p));
      maxRow = Math.max(maxRow, grid.row(p));
      minCol = Math.min(minCol, grid.column(p));
      maxCol = Math.max(maxCol, grid.column(p));
    }
    long rows = maxRow - minRow + 1;
    long cols = maxCol - minCol + 1;
    if (rows * cols > MAX_CELLS) {
      throw new IllegalArgumentException("the points span " + rows + " x " + cols + " cells of " + cellMetres
          + " m, more than " + MAX_CELLS + "; ask for larger cells (about " + (long) Math.ceil(cellMetres
          * Math.sqrt((double) rows * cols / MAX_CELLS)) + " m or more) or analyse a smaller area");
    }
    int[][] counts = new int[(int) rows][(int) cols];
    for (GeoPoint p : points) {
      counts[(int) (grid.row(p) - minRow)][(int) (grid.column(p) - minCol)]++;
    }
    double[][] z = Statistics.giStar(counts);
    int n = (int) (rows * cols);
    double[] p = new double[n];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        p[r * (int) cols + c] = Statistics.twoSidedP(z[r][c]);
      }
    }
    double[] q = Statistics.benjaminiHochberg(p);
    List<HotspotCell> cells = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        int i = r * (int) cols + c;
        boolean hot = z[r][c] > 0 && q[i] < alpha;
        if (counts[r][c] > 0 || q[i] < alpha) {
          long row = r + minRow;
          long col = c + minCol;
          cells.add(new HotspotCell(row, col, grid.south(row), grid.west(col), grid.north(row), grid.east(col),
              counts[r][c], z[r][c], p[i], q[i], hot));
        }
      }
    }
    cells.sort(Comparator.comparingDouble(HotspotCell::z).reversed().thenComparingLong(HotspotCell::row)
        .thenComparingLong(HotspotCell::column));
    return new HotspotResult(cellMetres, alpha, points.size(), rows * cols, cells);
  }
}
