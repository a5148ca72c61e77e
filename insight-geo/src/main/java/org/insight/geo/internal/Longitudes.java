package org.insight.geo.internal;

import java.util.Arrays;

/**
 * Longitude is a circle: the extent of a set of points is the shortest arc holding them all — the complement of the
 * widest gap between neighbouring longitudes — which crosses the antimeridian for points in Fiji or Chukotka, where
 * a minimum and a maximum would span the whole globe the wrong way.
 */
public final class Longitudes {

  private Longitudes() {
  }

  /**
   * The shortest arc holding every longitude: {@code {west, east}}, going east from {@code west}; {@code east <
   * west} when it crosses the antimeridian. Ties between equally wide gaps go to the first from -180°, so the same
   * longitudes give the same arc whatever their order. An empty array gives {@code {0, 0}}.
   */
  public static double[] shortestArc(double[] longitudes) {
    if (longitudes.length == 0) {
      return new double[] {0, 0};
    }
    double[] sorted = longitudes.clone();
    for (int i = 0; i < sorted.length; i++) {
      sorted[i] = sorted[i] == 180 ? -180 : sorted[i]; // one meridian, one name
    }
    Arrays.sort(sorted);
    int n = sorted.length;
    // the gap after sorted[n-1], wrapping to sorted[0]
    double widest = sorted[0] + 360 - sorted[n - 1];
    int after = n - 1;
    for (int i = 0; i + 1 < n; i++) {
      double gap = sorted[i + 1] - sorted[i];
      if (gap > widest) {
        widest = gap;
        after = i;
      }
    }
    return new double[] {sorted[(after + 1) % n], sorted[after]};
  }

  /** The width in degrees of the arc from {@code west} east to {@code east}, 0 to under 360. */
  public static double width(double west, double east) {
    double w = east - west;
    return w < 0 ? w + 360 : w;
  }

  /** A longitude brought into -180..180. */
  public static double normalise(double lon) {
    double l = ((lon + 180) % 360 + 360) % 360 - 180;
    return l == -180 && lon > 0 ? 180 : l;
  }

  /**
   * The shortest run of columns, on a circle of {@code n} columns, holding every given column (each 0..n-1):
   * {@code {first, count}}; the run goes up from {@code first} modulo {@code n}.
   */
  public static long[] shortestRun(long[] columns, long n) {
    long[] sorted = columns.clone();
    Arrays.sort(sorted);
    int m = sorted.length;
    if (m == 0) {
      return new long[] {0, 0};
    }
    long widest = sorted[0] + n - sorted[m - 1];
    int after = m - 1;
    for (int i = 0; i + 1 < m; i++) {
      long gap = sorted[i + 1] - sorted[i];
      if (gap > widest) {
        widest = gap;
        after = i;
      }
    }
    long first = sorted[(after + 1) % m];
    return new long[] {first, n - widest + 1};
  }
}
