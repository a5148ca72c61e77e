package org.insight.geo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntFunction;
import org.insight.geo.internal.Grid;
import org.insight.geo.internal.HexGrid;
import org.insight.geo.internal.Longitudes;
import org.insight.geo.internal.Statistics;

/**
 * Hotspot analysis: points binned into cells — squares of a latitude/longitude grid or hexagons on a local equal-area
 * projection (see {@link CellShape}) — a Getis–Ord Gi* z-score per cell over its neighbourhood (binary weights, the
 * cell itself included: 3×3 squares, or a hexagon and its six neighbours), two-sided p-values, and a
 * Benjamini–Hochberg correction over every cell tested, so a map of thousands of cells does not light up by chance.
 * Deterministic and independent of the points' order; a study area across the antimeridian (Fiji, Chukotka) is one
 * area, its cells either side of 180° neighbours.
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

  /** Square cells: {@link #analyse(Collection, CellShape, double, double)} with {@link CellShape#SQUARE}. */
  public static HotspotResult analyse(Collection<GeoPoint> points, double cellMetres, double alpha) {
    return analyse(points, CellShape.SQUARE, cellMetres, alpha);
  }

  /**
   * Bins the points into cells of about {@code cellMetres} (a square's side, or the distance between neighbouring
   * hexagons' centres) and scores every cell of the study area (the occupied cells' bounding box in rows and
   * columns; empty cells inside it count as zeros).
   *
   * @throws IllegalArgumentException when the cell size or alpha is out of range, or the study area would exceed
   *     {@link #MAX_CELLS}
   */
  public static HotspotResult analyse(Collection<GeoPoint> points, CellShape shape, double cellMetres, double alpha) {
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("alpha is a false-discovery rate in (0, 1), got " + alpha);
    }
    java.util.Objects.requireNonNull(shape, "shape");
    Study study = shape == CellShape.SQUARE ? squares(points, cellMetres) : hexagons(points, cellMetres);
    if (points.isEmpty()) {
      return new HotspotResult(cellMetres, alpha, 0, 0, List.of(), shape);
    }
    int[] counts = study.counts();
    double[] z = Statistics.giStar(counts, 9, study.neighbourhood());
    int n = counts.length;
    double[] p = new double[n];
    for (int i = 0; i < n; i++) {
      p[i] = Statistics.twoSidedP(z[i]);
    }
    double[] q = Statistics.benjaminiHochberg(p);
    List<HotspotCell> cells = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      boolean hot = z[i] > 0 && q[i] < alpha;
      if (counts[i] > 0 || q[i] < alpha) {
        cells.add(study.cell().apply(i).scored(counts[i], z[i], p[i], q[i], hot));
      }
    }
    cells.sort(Comparator.comparingDouble(HotspotCell::z).reversed().thenComparingLong(HotspotCell::row)
        .thenComparingLong(HotspotCell::column));
    return new HotspotResult(cellMetres, alpha, points.size(), n, cells, shape);
  }

  /** A study area: its counts (row by row), who neighbours whom, and each cell's place. */
  private record Study(int[] counts, Statistics.Neighbourhood neighbourhood, IntFunction<Place> cell) {
  }

  /** A cell's place before it is scored. */
  private record Place(long row, long column, double south, double west, double north, double east, GeoPoint centre,
      List<GeoPoint> outline) {
    HotspotCell scored(int count, double z, double p, double q, boolean hot) {
      return new HotspotCell(row, column, south, west, north, east, count, z, p, q, hot, centre, outline);
    }
  }

  private static Study squares(Collection<GeoPoint> points, double cellMetres) {
    Grid grid = Grid.over(points, cellMetres);
    if (points.isEmpty()) {
      return new Study(new int[0], (i, out) -> 0, i -> null);
    }
    long minRow = Long.MAX_VALUE;
    long maxRow = Long.MIN_VALUE;
    long[] columns = new long[points.size()];
    int k = 0;
    for (GeoPoint p : points) {
      minRow = Math.min(minRow, grid.row(p));
      maxRow = Math.max(maxRow, grid.row(p));
      columns[k++] = grid.column(p);
    }
    long around = grid.columns();
    long[] run = Longitudes.shortestRun(columns, around);
    long first = run[0];
    int cols = (int) checkSize(maxRow - minRow + 1, run[1], cellMetres);
    int rows = (int) (maxRow - minRow + 1);
    int[] counts = new int[rows * cols];
    for (GeoPoint p : points) {
      counts[(int) (grid.row(p) - minRow) * cols + (int) Math.floorMod(grid.column(p) - first, around)]++;
    }
    long lowRow = minRow;
    return new Study(counts, Statistics.squares(rows, cols, cols == around), i -> {
      long row = i / cols + lowRow;
      long col = Math.floorMod(first + i % cols, around);
      HotspotCell c = new HotspotCell(row, col, grid.south(row), grid.west(col), grid.north(row), grid.east(col), 0,
          0, 1, 1, false);
      return new Place(row, col, c.south(), c.west(), c.north(), c.east(), c.centre(), c.outline());
    });
  }

  private static Study hexagons(Collection<GeoPoint> points, double cellMetres) {
    HexGrid grid = HexGrid.over(points, cellMetres);
    long[] rowOf = new long[points.size()];
    long[] colOf = new long[points.size()];
    long minRow = Long.MAX_VALUE;
    long maxRow = Long.MIN_VALUE;
    long minCol = Long.MAX_VALUE;
    long maxCol = Long.MIN_VALUE;
    int k = 0;
    for (GeoPoint p : points) {
      long[] cell = grid.cell(p);
      rowOf[k] = cell[0];
      colOf[k] = cell[1];
      minRow = Math.min(minRow, cell[0]);
      maxRow = Math.max(maxRow, cell[0]);
      minCol = Math.min(minCol, cell[1]);
      maxCol = Math.max(maxCol, cell[1]);
      k++;
    }
    if (k == 0) {
      return new Study(new int[0], (i, out) -> 0, i -> null);
    }
    int cols = (int) checkSize(maxRow - minRow + 1, maxCol - minCol + 1, cellMetres);
    int rows = (int) (maxRow - minRow + 1);
    int[] counts = new int[rows * cols];
    for (int i = 0; i < k; i++) {
      counts[(int) (rowOf[i] - minRow) * cols + (int) (colOf[i] - minCol)]++;
    }
    long lowRow = minRow;
    long lowCol = minCol;
    Statistics.Neighbourhood hexagon = HexGrid.neighbourhood(lowRow, lowCol, rows, cols);
    return new Study(counts, hexagon, i -> {
      long row = i / cols + lowRow;
      long col = i % cols + lowCol;
      List<GeoPoint> outline = grid.outline(row, col);
      double south = 90;
      double north = -90;
      double[] lons = new double[outline.size()];
      for (int v = 0; v < lons.length; v++) {
        south = Math.min(south, outline.get(v).latitude());
        north = Math.max(north, outline.get(v).latitude());
        lons[v] = outline.get(v).longitude();
      }
      double[] arc = Longitudes.shortestArc(lons);
      return new Place(row, col, south, arc[0], north, arc[1], grid.centre(row, col), outline);
    });
  }

  /** The study area's column count, once its size is known to be within {@link #MAX_CELLS}. */
  private static long checkSize(long rows, long cols, double cellMetres) {
    if (rows * cols > MAX_CELLS) {
      throw new IllegalArgumentException("the points span " + rows + " x " + cols + " cells of " + cellMetres
          + " m, more than " + MAX_CELLS + "; ask for larger cells (about " + (long) Math.ceil(cellMetres
          * Math.sqrt((double) rows * cols / MAX_CELLS)) + " m or more) or analyse a smaller area");
    }
    return cols;
  }
}
