package org.insight.geo;

import java.util.Locale;

/**
 * A WGS 84 position in decimal degrees. A value outside the ranges is refused, never clamped or wrapped: a
 * latitude of 123 is a data error (often swapped or mistyped fields), not a point.
 *
 * @param latitude degrees north, -90..90
 * @param longitude degrees east, -180..180
 * @throws CoordinateException when either is out of range or not a finite number
 */
public record GeoPoint(double latitude, double longitude) {

  /** Mean Earth radius (IUGG), the sphere of every distance here. */
  public static final double EARTH_RADIUS_M = 6_371_008.8;

  public GeoPoint {
    if (!Double.isFinite(latitude) || latitude < -90 || latitude > 90) {
      throw new CoordinateException(latitude + "," + longitude, "the latitude " + latitude
          + " is outside -90..90 (latitude first, then longitude: is the order swapped?); correct the value");
    }
    if (!Double.isFinite(longitude) || longitude < -180 || longitude > 180) {
      throw new CoordinateException(latitude + "," + longitude, "the longitude " + longitude
          + " is outside -180..180; correct the value");
    }
  }

  /** The point; see the record's checks. */
  public static GeoPoint of(double latitude, double longitude) {
    return new GeoPoint(latitude, longitude);
  }

  /** Great-circle distance in metres (haversine on the mean sphere; within 0.5% of the ellipsoid). */
  public double distanceTo(GeoPoint other) {
    double p1 = Math.toRadians(latitude);
    double p2 = Math.toRadians(other.latitude);
    double dp = p2 - p1;
    double dl = Math.toRadians(other.longitude - longitude);
    double a = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
    return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
  }

  /** The schema's form of a geo value, {@code "lat,lon"} with at most six decimals. */
  @Override
  public String toString() {
    return Coordinates.format(this, Coordinates.Style.DECIMAL);
  }

  static String decimals(double d, int places) {
    String s = String.format(Locale.ROOT, "%." + places + "f", d);
    if (s.indexOf('.') >= 0) {
      s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    return "-0".equals(s) ? "0" : s;
  }
}
