package org.insight.geo;

import java.util.List;

/**
 * One cell of a hotspot grid with its Getis–Ord Gi* statistic.
 *
 * @param row the cell's row: for squares the latitude band (anchored at the equator); for hexagons the row of the
 *     study area's hexagonal tiling
 * @param column for squares the column (anchored at -180°, wrapping round the globe); for hexagons the tiling's
 *     "odd-r" offset column
 * @param south southern edge (of the cell's bounding box for a hexagon), degrees
 * @param west western edge; a hexagon across the antimeridian has {@code west > east}
 * @param north northern edge
 * @param east eastern edge
 * @param count points in the cell
 * @param z the Gi* z-score: how far the sum over the cell and its neighbours (eight for a square, six for a hexagon)
 *     exceeds what the study area's mean predicts, in standard errors
 * @param p the two-sided p-value of {@code z} under the normal approximation
 * @param q the Benjamini–Hochberg adjusted p-value over every cell of the study area (the false-discovery rate at
 *     which this cell is significant)
 * @param hot whether {@code z > 0} and {@code q} is below the result's alpha
 * @param centre the cell's centre
 * @param outline the cell's corners, counter-clockwise, not closed (four for a square, six for a hexagon)
 */
public record HotspotCell(long row, long column, double south, double west, double north, double east, int count,
    double z, double p, double q, boolean hot, GeoPoint centre, List<GeoPoint> outline) {

  public HotspotCell {
    java.util.Objects.requireNonNull(centre, "centre");
    outline = List.copyOf(outline);
  }

  /** A square cell of a latitude/longitude grid: its centre and corners follow from its edges. */
  public HotspotCell(long row, long column, double south, double west, double north, double east, int count, double z,
      double p, double q, boolean hot) {
    this(row, column, south, west, north, east, count, z, p, q, hot, new GeoPoint((south + north) / 2,
        (west + east) / 2), List.of(new GeoPoint(south, west), new GeoPoint(south, east), new GeoPoint(north, east),
        new GeoPoint(north, west)));
  }
}
