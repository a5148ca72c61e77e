package org.insight.geo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.insight.geo.internal.Grid;

/**
 * A kernel density surface: the quartic (biweight) kernel {@code K(d) = 3/(π h²) (1 − d²/h²)²} for {@code d < h},
 * evaluated at the centre of every grid cell within the bandwidth of a point, distances great-circle. The surface
 * integrates to the number of points, so a cell's value reads as points per km² there. Columns wrap round the globe,
 * so points either side of the antimeridian add to each other's cells.
 */
public final class KernelDensity {

  private KernelDensity() {
  }

  /**
   * The surface over cells of about {@code cellMetres} with bandwidth {@code bandwidthMetres}; only cells with a
   * positive density, densest first.
   */
  public static List<DensityCell> surface(Collection<GeoPoint> points, double cellMetres, double bandwidthMetres) {
    if (!(bandwidthMetres > 0) || Double.isInfinite(bandwidthMetres)) {
      throw new IllegalArgumentException("a bandwidth must be a positive number of metres, got " + bandwidthMetres);
    }
    Grid grid = Grid.over(points, cellMetres);
    double h2 = bandwidthMetres * bandwidthMetres;
    double norm = 3 / (Math.PI * h2) * 1e6; // per km²
    int dRows = grid.rowsFor(bandwidthMetres) + 1;
    Map<Long, Map<Long, Double>> sums = new TreeMap<>();
    for (GeoPoint p : points) {
      long row = grid.row(p);
      long col = grid.column(p);
      int dCols = (int) Math.min(grid.columns(), grid.columnsFor(bandwidthMetres, p.latitude()) + 1L);
      if ((long) (2 * dRows + 1) * (2 * dCols + 1) > 1_000_000) {
        throw new IllegalArgumentException("a bandwidth of " + bandwidthMetres + " m spans too many cells of "
            + cellMetres + " m; use larger cells or a smaller bandwidth");
      }
      long around = grid.columns();
      // columns wrap round the globe (either side of 180° are neighbours); never visit one twice
      long fromCol = 2L * dCols + 1 >= around ? 0 : col - dCols;
      long toCol = 2L * dCols + 1 >= around ? around - 1 : col + dCols;
      for (long r = row - dRows; r <= row + dRows; r++) {
        for (long cc = fromCol; cc <= toCol; cc++) {
          long c = Math.floorMod(cc, around);
          double south = grid.south(r);
          double north = grid.north(r);
          if (south >= north) {
            continue; // off the globe
          }
          GeoPoint centre = new GeoPoint((south + north) / 2, (grid.west(c) + grid.east(c)) / 2);
          double d = centre.distanceTo(p);
          if (d < bandwidthMetres) {
            double u = 1 - d * d / h2;
            sums.computeIfAbsent(r, k -> new TreeMap<>()).merge(c, norm * u * u, Double::sum);
          }
        }
      }
    }
    List<DensityCell> out = new ArrayList<>();
    sums.forEach((r, row) -> row.forEach((c, v) -> out.add(new DensityCell(grid.centre(r, c), v))));
    out.sort(Comparator.comparingDouble(DensityCell::density).reversed()
        .thenComparingDouble(d -> d.centre().latitude()).thenComparingDouble(d -> d.centre().longitude()));
    return out;
  }
}
