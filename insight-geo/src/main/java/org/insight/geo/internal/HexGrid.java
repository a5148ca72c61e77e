package org.insight.geo.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.insight.geo.GeoPoint;

/**
 * Hexagonal cells on a local equal-area projection: the points are projected with the Lambert azimuthal equal-area
 * projection (on the mean sphere) centred on the middle of their extent — latitudes' midpoint and the middle of the
 * shortest arc of longitude holding them all, so a study area across the antimeridian is centred there and its two
 * sides are neighbours — and the plane is tiled with pointy-top hexagons whose centres lie {@code cellMetres} apart
 * (the width across flats), each of area {@code √3/2 · cellMetres²}. Equal-area: every hexagon covers the same ground
 * area wherever it lies in the study area, so counts compare fairly; shapes stretch slowly away from the centre
 * (under 1% within 1,000 km). The same points give the same grid whatever their order.
 *
 * <p>Cells are named by (row, column) in "odd-r" offset coordinates: row {@code r} is the axial row, column
 * {@code q + (r − (r & 1)) / 2}; the six neighbours are found through the axial coordinates.
 */
public final class HexGrid {

  private static final double SQRT3 = Math.sqrt(3);
  private static final double R = GeoPoint.EARTH_RADIUS_M;

  private final double size; // circumradius: centre to corner
  private final double lat0;
  private final double lon0;
  private final double sin0;
  private final double cos0;

  private HexGrid(double cellMetres, double centreLatitude, double centreLongitude) {
    this.size = cellMetres / SQRT3;
    this.lat0 = Math.toRadians(centreLatitude);
    this.lon0 = Math.toRadians(centreLongitude);
    this.sin0 = Math.sin(lat0);
    this.cos0 = Math.cos(lat0);
  }

  /** The grid for these points (centred on them). */
  public static HexGrid over(Collection<GeoPoint> points, double cellMetres) {
    if (!(cellMetres > 0) || Double.isInfinite(cellMetres)) {
      throw new IllegalArgumentException("a cell size must be a positive number of metres, got " + cellMetres);
    }
    double minLat = 90;
    double maxLat = -90;
    double[] lons = new double[points.size()];
    int i = 0;
    for (GeoPoint p : points) {
      minLat = Math.min(minLat, p.latitude());
      maxLat = Math.max(maxLat, p.latitude());
      lons[i++] = p.longitude();
    }
    if (points.isEmpty()) {
      return new HexGrid(cellMetres, 0, 0);
    }
    double[] arc = Longitudes.shortestArc(lons);
    double middle = arc[0] + Longitudes.width(arc[0], arc[1]) / 2;
    return new HexGrid(cellMetres, (minLat + maxLat) / 2, Longitudes.normalise(middle));
  }

  /** The cell of a point: {@code {row, column}}. */
  public long[] cell(GeoPoint p) {
    double[] xy = project(p);
    double q = (SQRT3 / 3 * xy[0] - xy[1] / 3) / size;
    double r = 2.0 / 3 * xy[1] / size;
    // cube rounding: round the three cube coordinates, then fix the one that moved most
    double s = -q - r;
    long rq = Math.round(q);
    long rr = Math.round(r);
    long rs = Math.round(s);
    double dq = Math.abs(rq - q);
    double dr = Math.abs(rr - r);
    double ds = Math.abs(rs - s);
    if (dq > dr && dq > ds) {
      rq = -rr - rs;
    } else if (dr > ds) {
      rr = -rq - rs;
    }
    return new long[] {rr, column(rq, rr)};
  }

  /** The offset column of axial (q, r). */
  public static long column(long q, long r) {
    return q + (r - (r & 1)) / 2;
  }

  /** The axial q of an offset (row, column). */
  public static long axialQ(long row, long column) {
    return column - (row - (row & 1)) / 2;
  }

  /** Axial offsets (dq, dr) of the six neighbours. */
  public static final long[][] NEIGHBOURS = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}, {1, -1}, {-1, 1}};

  /**
   * The neighbourhoods (a hexagon and its six neighbours, those inside the study area) of a study area of
   * {@code rows × cols} cells from ({@code firstRow}, {@code firstColumn}), stored row by row.
   */
  public static Statistics.Neighbourhood neighbourhood(long firstRow, long firstColumn, int rows, int cols) {
    return (i, out) -> {
      long row = i / cols + firstRow;
      long q = axialQ(row, i % cols + firstColumn);
      out[0] = i;
      int w = 1;
      for (long[] d : NEIGHBOURS) {
        long r = row + d[1];
        long c = column(q + d[0], r) - firstColumn;
        if (r >= firstRow && r - firstRow < rows && c >= 0 && c < cols) {
          out[w++] = (int) (r - firstRow) * cols + (int) c;
        }
      }
      return w;
    };
  }

  /** The cell's centre on the globe. */
  public GeoPoint centre(long row, long column) {
    double[] c = centreXy(row, column);
    return unproject(c[0], c[1]);
  }

  /** The cell's six corners on the globe, counter-clockwise from the east-north-east one. */
  public List<GeoPoint> outline(long row, long column) {
    double[] c = centreXy(row, column);
    List<GeoPoint> out = new ArrayList<>(6);
    for (int k = 0; k < 6; k++) {
      double angle = Math.toRadians(30 + 60 * k);
      out.add(unproject(c[0] + size * Math.cos(angle), c[1] + size * Math.sin(angle)));
    }
    return out;
  }

  private double[] centreXy(long row, long column) {
    long q = axialQ(row, column);
    return new double[] {size * SQRT3 * (q + row / 2.0), size * 1.5 * row};
  }

  /** Lambert azimuthal equal-area, spherical (Snyder, Map Projections: A Working Manual, eq. 24-2 to 24-4). */
  double[] project(GeoPoint p) {
    double lat = Math.toRadians(p.latitude());
    double dLon = Math.toRadians(p.longitude()) - lon0;
    double cosLat = Math.cos(lat);
    double sinLat = Math.sin(lat);
    double cosD = Math.cos(dLon);
    double denominator = 1 + sin0 * sinLat + cos0 * cosLat * cosD;
    // the antipode of the centre has no image; move it off by a hair (no study area reaches it)
    double k = Math.sqrt(2 / Math.max(1e-12, denominator));
    return new double[] {R * k * cosLat * Math.sin(dLon), R * k * (cos0 * sinLat - sin0 * cosLat * cosD)};
  }

  /** The inverse (Snyder eq. 24-16, 24-17, 24-19). */
  GeoPoint unproject(double x, double y) {
    double rho = Math.hypot(x, y);
    if (rho == 0) {
      return GeoPoint.of(Math.toDegrees(lat0), Longitudes.normalise(Math.toDegrees(lon0)));
    }
    double c = 2 * Math.asin(Math.min(1, rho / (2 * R)));
    double sinC = Math.sin(c);
    double cosC = Math.cos(c);
    double lat = Math.asin(Math.max(-1, Math.min(1, cosC * sin0 + y * sinC * cos0 / rho)));
    double lon = lon0 + Math.atan2(x * sinC, rho * cos0 * cosC - y * sin0 * sinC);
    return GeoPoint.of(Math.max(-90, Math.min(90, Math.toDegrees(lat))), Longitudes.normalise(Math.toDegrees(lon)));
  }

  @Override
  public String toString() {
    return "HexGrid" + Arrays.toString(new double[] {size * SQRT3, Math.toDegrees(lat0), Math.toDegrees(lon0)});
  }
}
