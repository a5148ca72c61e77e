package org.insight.geo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.insight.geo.internal.SphereIndex;

/**
 * Items placed on the globe, indexed (a JTS STRtree) for the three questions an analyst asks of a map: what is within
 * {@code d} metres of here, what is inside this area, and what are the {@code k} nearest. Distances are great-circle
 * and exact, correct across the antimeridian and near the poles. Immutable once built; safe to share.
 *
 * @param <T> the item type
 */
public final class SpatialIndex<T> {

  /**
   * An item and its distance from the query point.
   *
   * @param item the item
   * @param point where it is
   * @param metres the great-circle distance
   */
  public record Neighbour<T>(T item, GeoPoint point, double metres) {
  }

  private final SphereIndex<T> index = new SphereIndex<>();

  private SpatialIndex(Collection<T> items, Function<T, GeoPoint> where) {
    for (T item : items) {
      index.add(item, Objects.requireNonNull(where.apply(item), "an item without a point"));
    }
    index.build();
  }

  /** An index of the items at the points {@code where} gives them. */
  public static <T> SpatialIndex<T> of(Collection<T> items, Function<T, GeoPoint> where) {
    return new SpatialIndex<>(items, where);
  }

  /** How many items it holds. */
  public int size() {
    return index.size();
  }

  /** Every item within {@code metres} of {@code centre}, nearest first. */
  public List<Neighbour<T>> within(GeoPoint centre, double metres) {
    if (!(metres >= 0)) {
      throw new IllegalArgumentException("a distance must be 0 or more metres, got " + metres);
    }
    return index.within(centre, metres).stream().map(h -> new Neighbour<>(h.item(), h.point(), h.metres())).toList();
  }

  /** The {@code k} items nearest {@code centre}, nearest first. */
  public List<Neighbour<T>> nearest(GeoPoint centre, int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be at least 1, got " + k);
    }
    return index.nearest(centre, k).stream().map(h -> new Neighbour<>(h.item(), h.point(), h.metres())).toList();
  }

  /** Every item inside the area (or on its edge), by latitude then longitude. */
  public List<T> within(Area area) {
    List<Neighbour<T>> found = new ArrayList<>();
    index.inBoxes(area.envelopes(), (item, p) -> {
      if (area.contains(p)) {
        found.add(new Neighbour<>(item, p, 0));
      }
    });
    found.sort(Comparator.<Neighbour<T>>comparingDouble(n -> n.point().latitude())
        .thenComparingDouble(n -> n.point().longitude()));
    return found.stream().map(Neighbour::item).toList();
  }
}
