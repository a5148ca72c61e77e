package org.insight.geo.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import org.insight.geo.GeoPoint;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Points on the sphere in a JTS STRtree keyed by (longitude, latitude). Distance queries are exact (haversine):
 * the tree is asked for every item in the lat/lon boxes that contain the whole circle — widened towards the poles,
 * split at the antimeridian — and each candidate's great-circle distance decides. Nearest-neighbour searches grow
 * the radius until enough items fall inside, so they are exact too, where a planar nearest-neighbour in degrees
 * would be wrong near the poles and across 180°.
 *
 * @param <T> the item type
 */
public final class SphereIndex<T> {

  /** An item with its point and its distance from a query, in metres. */
  public record Hit<T>(T item, GeoPoint point, double metres) {
  }

  private record Entry<T>(T item, GeoPoint point) {
  }

  private final STRtree tree = new STRtree();
  private int size;

  /** Adds an item at a point; call {@link #build} (or query) after the last one. */
  public void add(T item, GeoPoint p) {
    tree.insert(new Envelope(p.longitude(), p.longitude(), p.latitude(), p.latitude()), new Entry<>(item, p));
    size++;
  }

  /** Builds the tree (it is built on first query otherwise; no insert after). */
  public void build() {
    tree.build();
  }

  public int size() {
    return size;
  }

  /** Every item within {@code metres} of {@code centre}, nearest first (ties in insertion-independent point order). */
  public List<Hit<T>> within(GeoPoint centre, double metres) {
    List<Hit<T>> out = new ArrayList<>();
    visit(centre, metres, out::add);
    out.sort(ORDER);
    return out;
  }

  /** The {@code k} items nearest {@code centre} (fewer when the index holds fewer), nearest first. */
  public List<Hit<T>> nearest(GeoPoint centre, int k) {
    if (k <= 0 || size == 0) {
      return List.of();
    }
    double radius = 10_000;
    while (true) {
      List<Hit<T>> found = within(centre, radius);
      if (found.size() >= k || radius >= Math.PI * GeoPoint.EARTH_RADIUS_M) {
        return found.size() > k ? List.copyOf(found.subList(0, k)) : found;
      }
      // doubling keeps the last box at most twice the needed radius (a far-out box over a dense region costs most)
      radius *= 2;
    }
  }

  /** Every item whose point lies in a lon/lat box (planar, for polygon queries that check containment after). */
  @SuppressWarnings("unchecked")
  public void inBox(Envelope box, java.util.function.BiConsumer<T, GeoPoint> sink) {
    tree.query(box, o -> {
      Entry<T> e = (Entry<T>) o;
      sink.accept(e.item(), e.point());
    });
  }

  /** Every item whose point lies in any of the boxes, each once. */
  @SuppressWarnings("unchecked")
  public void inBoxes(List<Envelope> boxes, java.util.function.BiConsumer<T, GeoPoint> sink) {
    if (boxes.size() == 1) {
      inBox(boxes.get(0), sink);
      return;
    }
    java.util.Set<Object> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (Envelope box : boxes) {
      tree.query(box, o -> {
        if (seen.add(o)) {
          Entry<T> e = (Entry<T>) o;
          sink.accept(e.item(), e.point());
        }
      });
    }
  }

  @SuppressWarnings("unchecked")
  private void visit(GeoPoint centre, double metres, Consumer<Hit<T>> sink) {
    for (Envelope box : boxes(centre, metres)) {
      tree.query(box, o -> {
        Entry<T> e = (Entry<T>) o;
        double d = centre.distanceTo(e.point());
        if (d <= metres) {
          sink.accept(new Hit<>(e.item(), e.point(), d));
        }
      });
    }
  }

  private static final Comparator<Hit<?>> ORDER = Comparator.<Hit<?>>comparingDouble(Hit::metres)
      .thenComparingDouble(h -> h.point().latitude()).thenComparingDouble(h -> h.point().longitude());

  /** Lon/lat boxes that together contain every point within {@code metres} of {@code c} (one or two). */
  public static List<Envelope> boxes(GeoPoint c, double metres) {
    double angle = metres / GeoPoint.EARTH_RADIUS_M;
    double dLat = Math.toDegrees(angle) * 1.000001;
    double minLat = c.latitude() - dLat;
    double maxLat = c.latitude() + dLat;
    if (minLat <= -90 || maxLat >= 90 || angle >= Math.PI / 2) {
      return List.of(new Envelope(-180, 180, Math.max(-90, minLat), Math.min(90, maxLat)));
    }
    double s = Math.sin(angle) / Math.cos(Math.toRadians(c.latitude()));
    if (s >= 1) {
      return List.of(new Envelope(-180, 180, minLat, maxLat));
    }
    double dLon = Math.toDegrees(Math.asin(s)) * 1.000001;
    double west = c.longitude() - dLon;
    double east = c.longitude() + dLon;
    if (west < -180) {
      return List.of(new Envelope(-180, east, minLat, maxLat), new Envelope(west + 360, 180, minLat, maxLat));
    }
    if (east > 180) {
      return List.of(new Envelope(west, 180, minLat, maxLat), new Envelope(-180, east - 360, minLat, maxLat));
    }
    return List.of(new Envelope(west, east, minLat, maxLat));
  }
}
