package org.insight.geo.internal;

import java.util.Arrays;
import java.util.List;
import org.insight.geo.GeoPoint;

/**
 * Points bucketed into a grid of cubes over their unit vectors (x, y, z on the unit sphere), the cube's side the
 * chord of {@code metres}: every point within {@code metres} of a point lies in the 27 cubes around its own. No
 * special case at the poles or the antimeridian (there are none in three dimensions), and the distance test on
 * candidates is three multiplications: the chord is a monotonic function of the great-circle distance, and only a
 * pair whose chord is within a hair (10⁻⁶ relative) of the threshold is decided by the haversine distance of
 * {@link GeoPoint#distanceTo}, so {@link #within} answers exactly {@code a.distanceTo(b) <= metres}.
 *
 * <p>Points are stored in cell order; {@link #index} maps a position back to the caller's index. Within a cell,
 * positions follow the caller's order.
 */
public final class SphereGrid {

  private static final long OFFSET = 1L << 20;
  private static final double MIN_SIDE = 1e-6; // about 6.4 m: keeps cell numbers within 21 bits each

  private final double metres;
  private final GeoPoint[] points;
  private final double[] xs;
  private final double[] ys;
  private final double[] zs;
  private final int[] index;
  private final long[] keys; // sorted, distinct
  private final int[] starts; // starts[c]..starts[c+1]-1: the positions of cell c
  private final double lo;
  private final double hi;
  private final double side;

  /** The grid of these points for distance {@code metres}. */
  public SphereGrid(List<GeoPoint> points, double metres) {
    this.metres = metres;
    int n = points.size();
    double angle = Math.min(Math.PI, metres / GeoPoint.EARTH_RADIUS_M);
    double t = 4 * Math.pow(Math.sin(angle / 2), 2);
    this.lo = t * (1 - 1e-6) - 1e-24;
    this.hi = t * (1 + 1e-6) + 1e-24;
    this.side = Math.max(MIN_SIDE, Math.sqrt(hi) * (1 + 1e-9));
    double[] x = new double[n];
    double[] y = new double[n];
    double[] z = new double[n];
    long[] key = new long[n];
    for (int i = 0; i < n; i++) {
      GeoPoint p = points.get(i);
      double lat = Math.toRadians(p.latitude());
      double lon = Math.toRadians(p.longitude());
      x[i] = Math.cos(lat) * Math.cos(lon);
      y[i] = Math.cos(lat) * Math.sin(lon);
      z[i] = Math.sin(lat);
      key[i] = key(cell(x[i]), cell(y[i]), cell(z[i]));
    }
    this.keys = Arrays.stream(key).sorted().distinct().toArray();
    int[] cellOf = new int[n];
    this.starts = new int[keys.length + 1];
    for (int i = 0; i < n; i++) {
      cellOf[i] = Arrays.binarySearch(keys, key[i]);
      starts[cellOf[i] + 1]++;
    }
    for (int c = 0; c < keys.length; c++) {
      starts[c + 1] += starts[c];
    }
    int[] next = Arrays.copyOf(starts, keys.length);
    this.index = new int[n];
    this.points = new GeoPoint[n];
    this.xs = new double[n];
    this.ys = new double[n];
    this.zs = new double[n];
    for (int i = 0; i < n; i++) { // stable: the caller's order within a cell
      int pos = next[cellOf[i]]++;
      index[pos] = i;
      this.points[pos] = points.get(i);
      xs[pos] = x[i];
      ys[pos] = y[i];
      zs[pos] = z[i];
    }
  }

  /** What to do with each occupied cell. */
  @FunctionalInterface
  public interface CellVisitor {
    /**
     * The cell's points are positions {@code from} to {@code to − 1}; every point within reach of them is at a
     * position in one of the {@code ranges} runs {@code [rangeFrom[k], rangeTo[k])} (the cell itself included).
     */
    void visit(int from, int to, int[] rangeFrom, int[] rangeTo, int ranges);
  }

  /** Visits every occupied cell, in cell order. */
  public void forEachCell(CellVisitor visitor) {
    int[] rangeFrom = new int[27];
    int[] rangeTo = new int[27];
    for (int c = 0; c < keys.length; c++) {
      long k = keys[c];
      long cx = (k >>> 42) - OFFSET;
      long cy = (k >>> 21 & 0x1FFFFF) - OFFSET;
      long cz = (k & 0x1FFFFF) - OFFSET;
      int ranges = 0;
      for (long dx = -1; dx <= 1; dx++) {
        for (long dy = -1; dy <= 1; dy++) {
          for (long dz = -1; dz <= 1; dz++) {
            int other = Arrays.binarySearch(keys, key(cx + dx, cy + dy, cz + dz));
            if (other >= 0) {
              rangeFrom[ranges] = starts[other];
              rangeTo[ranges++] = starts[other + 1];
            }
          }
        }
      }
      visitor.visit(starts[c], starts[c + 1], rangeFrom, rangeTo, ranges);
    }
  }

  /** Whether the points at two positions are within the grid's metres, exactly as {@link GeoPoint#distanceTo}. */
  public boolean within(int a, int b) {
    double dx = xs[a] - xs[b];
    double dy = ys[a] - ys[b];
    double dz = zs[a] - zs[b];
    double chord2 = dx * dx + dy * dy + dz * dz;
    if (chord2 < lo) {
      return true;
    }
    return chord2 <= hi && points[a].distanceTo(points[b]) <= metres;
  }

  /** The great-circle distance between the points at two positions. */
  public double metres(int a, int b) {
    return points[a].distanceTo(points[b]);
  }

  /** The caller's index of the point at a position. */
  public int index(int position) {
    return index[position];
  }

  /** How many points. */
  public int size() {
    return index.length;
  }

  /** The cell number of a coordinate of a unit vector. */
  long cell(double coordinate) {
    return (long) Math.floor(coordinate / side);
  }

  /** Three cell numbers in one long (21 bits each). */
  static long key(long cx, long cy, long cz) {
    return (cx + OFFSET) << 42 | (cy + OFFSET) << 21 | (cz + OFFSET);
  }

  /** The key of the cell holding a point, for callers that bucket on more than space. */
  public long spaceKey(GeoPoint p) {
    double lat = Math.toRadians(p.latitude());
    double lon = Math.toRadians(p.longitude());
    return key(cell(Math.cos(lat) * Math.cos(lon)), cell(Math.cos(lat) * Math.sin(lon)), cell(Math.sin(lat)));
  }

  /** The keys of the 27 cells around (and including) a cell key. */
  public static long[] around(long key) {
    long cx = (key >>> 42) - OFFSET;
    long cy = (key >>> 21 & 0x1FFFFF) - OFFSET;
    long cz = (key & 0x1FFFFF) - OFFSET;
    long[] out = new long[27];
    int k = 0;
    for (long dx = -1; dx <= 1; dx++) {
      for (long dy = -1; dy <= 1; dy++) {
        for (long dz = -1; dz <= 1; dz++) {
          out[k++] = key(cx + dx, cy + dy, cz + dz);
        }
      }
    }
    return out;
  }
}
