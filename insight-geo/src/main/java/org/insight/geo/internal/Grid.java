package org.insight.geo.internal;

import java.util.Collection;
import org.insight.geo.GeoPoint;

/**
 * Square-ish cells of about {@code cellMetres} on a side: rows of constant latitude height anchored at the equator,
 * columns anchored at -180° whose width in degrees is set at a reference latitude (the middle of the points' rows),
 * so cells are square there and the same points always give the same grid whatever their order. A whole number of
 * columns goes round the globe (the width is rounded to make it so), so column numbers wrap: the last column, west of
 * 180°, and column 0, east of -180°, are neighbours, as they are on the ground.
 */
public final class Grid {

  /** Metres per degree of latitude on the mean sphere. */
  public static final double METRES_PER_DEGREE = GeoPoint.EARTH_RADIUS_M * Math.PI / 180;

  private final double cellMetres;
  private final double dLat;
  private final double dLon;
  private final long columns;

  private Grid(double cellMetres, double referenceLatitude) {
    this.cellMetres = cellMetres;
    this.dLat = cellMetres / METRES_PER_DEGREE;
    double target = Math.min(360, dLat / Math.max(0.01, Math.cos(Math.toRadians(referenceLatitude))));
    this.columns = Math.max(1, Math.round(360 / target));
    this.dLon = 360.0 / columns;
  }

  /** The grid for these points. */
  public static Grid over(Collection<GeoPoint> points, double cellMetres) {
    if (!(cellMetres > 0) || Double.isInfinite(cellMetres)) {
      throw new IllegalArgumentException("a cell size must be a positive number of metres, got " + cellMetres);
    }
    double dLat = cellMetres / METRES_PER_DEGREE;
    long minRow = Long.MAX_VALUE;
    long maxRow = Long.MIN_VALUE;
    for (GeoPoint p : points) {
      long r = (long) Math.floor(p.latitude() / dLat);
      minRow = Math.min(minRow, r);
      maxRow = Math.max(maxRow, r);
    }
    double reference = points.isEmpty() ? 0 : ((minRow + maxRow) / 2.0 + 0.5) * dLat;
    return new Grid(cellMetres, Math.max(-89, Math.min(89, reference)));
  }

  public double cellMetres() {
    return cellMetres;
  }

  public long row(GeoPoint p) {
    return (long) Math.floor(p.latitude() / dLat);
  }

  /** The column of a point, 0 to {@link #columns()} − 1 (180° is -180°). */
  public long column(GeoPoint p) {
    return Math.floorMod((long) Math.floor((p.longitude() + 180) / dLon), columns);
  }

  /** How many columns go round the globe. */
  public long columns() {
    return columns;
  }

  /** South-west corner of a cell (latitude, longitude), clamped to the globe. */
  public double south(long row) {
    return Math.max(-90, row * dLat);
  }

  public double north(long row) {
    return Math.min(90, (row + 1) * dLat);
  }

  public double west(long column) {
    return Math.max(-180, column * dLon - 180);
  }

  public double east(long column) {
    return Math.min(180, (column + 1) * dLon - 180);
  }

  public GeoPoint centre(long row, long column) {
    return new GeoPoint((south(row) + north(row)) / 2, (west(column) + east(column)) / 2);
  }

  /** How many columns of the reference width one cell of radius {@code metres} spans (at least 1). */
  public int columnsFor(double metres, double latitude) {
    double dLonAt = metres / (METRES_PER_DEGREE * Math.max(0.01, Math.cos(Math.toRadians(Math.min(89, Math.abs(latitude))))));
    return (int) Math.ceil(dLonAt / dLon);
  }

  public int rowsFor(double metres) {
    return (int) Math.ceil(metres / METRES_PER_DEGREE / dLat);
  }
}
