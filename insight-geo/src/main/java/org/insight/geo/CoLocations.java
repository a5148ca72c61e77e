package org.insight.geo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.insight.geo.internal.SphereGrid;

/**
 * Space–time co-location: every pair of sightings of two different entities within {@code metres} and
 * {@code window} of each other is an {@link Encounter}; the encounters of a pair make one {@link CoLocation}, ranked
 * by how often they met, then how close. Sightings are bucketed into space–time cells (a cube of the sphere as wide as
 * the distance, a time slot as long as the window), and only sightings in neighbouring cells are compared: a crowded
 * hour no longer compares every pair inside it. Deterministic and independent of the sightings' order.
 */
public final class CoLocations {

  private static final Comparator<Sighting> BY_TIME = Comparator.comparing(Sighting::time)
      .thenComparing(Sighting::entity).thenComparing(Sighting::source)
      .thenComparingDouble(s -> s.point().latitude()).thenComparingDouble(s -> s.point().longitude());

  private CoLocations() {
  }

  /**
   * The co-locations of the sightings.
   *
   * @throws IllegalArgumentException when the distance or the window is negative
   */
  public static List<CoLocation> find(Collection<Sighting> sightings, double metres, Duration window) {
    if (!(metres >= 0) || Double.isInfinite(metres)) {
      throw new IllegalArgumentException("the distance must be 0 or more metres, got " + metres);
    }
    if (window.isNegative()) {
      throw new IllegalArgumentException("the time window must not be negative, got " + window);
    }
    List<Sighting> sorted = new ArrayList<>(sightings);
    sorted.sort(BY_TIME);
    Map<String, Map<String, List<Encounter>>> pairs = new TreeMap<>();
    // the close pairs, (earlier index, later index) in time order: the same pairs in the same order as a sweep
    // comparing each sighting with every later one inside the window, so the evidence lists come out identical
    for (long pair : closePairs(sorted, metres, window)) {
      Sighting a = sorted.get((int) (pair >>> 32));
      Sighting b = sorted.get((int) pair);
      boolean aFirst = a.entity().compareTo(b.entity()) < 0;
      Sighting first = aFirst ? a : b;
      Sighting second = aFirst ? b : a;
      pairs.computeIfAbsent(first.entity(), k -> new TreeMap<>()).computeIfAbsent(second.entity(),
          k -> new ArrayList<>()).add(new Encounter(first, second, a.point().distanceTo(b.point()),
          Duration.between(a.time(), b.time())));
    }
    List<CoLocation> out = new ArrayList<>();
    pairs.forEach((first, seconds) -> seconds.forEach((second, encounters) -> {
      encounters.sort(Comparator.comparing((Encounter e) -> e.first().time().isBefore(e.second().time())
          ? e.first().time() : e.second().time()).thenComparing(e -> e.first().source())
          .thenComparing(e -> e.second().source()).thenComparingDouble(Encounter::metres));
      double closest = encounters.stream().mapToDouble(Encounter::metres).min().orElse(0);
      out.add(new CoLocation(first, second, encounters.size(), closest, encounters));
    }));
    out.sort(Comparator.comparingInt(CoLocation::times).reversed().thenComparingDouble(CoLocation::closestMetres)
        .thenComparing(CoLocation::first).thenComparing(CoLocation::second));
    return out;
  }

  /** A space–time cell: a time bucket as long as the window (at least a second) and a cube of the sphere grid. */
  private record Cell(long time, long space) {
  }

  /** Whether two sightings (a not after b) are of different entities within the distance and the window. */
  private static boolean close(Sighting a, Sighting b, double metres, Duration window) {
    return !a.entity().equals(b.entity()) && Duration.between(a.time(), b.time()).compareTo(window) <= 0
        && a.point().distanceTo(b.point()) <= metres;
  }

  /**
   * Every pair (i, j), i before j in time order, of different entities within the distance and the window, sorted.
   * Only sightings in the 3 × 27 space–time cells around a sighting's cell are compared, where a sweep compared every
   * pair inside the window (quadratic in a crowded window).
   */
  private static long[] closePairs(List<Sighting> sorted, double metres, Duration window) {
    int n = sorted.size();
    SphereGrid space = new SphereGrid(List.of(), metres);
    long bucketSeconds = Math.max(1, Math.min(Long.MAX_VALUE / 4, window.getSeconds())
        + (window.getNano() > 0 ? 1 : 0));
    Map<Cell, List<Integer>> cells = new java.util.HashMap<>();
    Cell[] cellOf = new Cell[n];
    for (int i = 0; i < n; i++) {
      Sighting s = sorted.get(i);
      cellOf[i] = new Cell(Math.floorDiv(s.time().getEpochSecond(), bucketSeconds), space.spaceKey(s.point()));
      cells.computeIfAbsent(cellOf[i], k -> new ArrayList<>()).add(i);
    }
    long[] out = new long[16];
    int size = 0;
    for (Map.Entry<Cell, List<Integer>> e : cells.entrySet()) {
      // the candidates of every sighting of this cell: the sightings of the cells around it (itself included)
      List<Integer> near = new ArrayList<>();
      for (long t = e.getKey().time() - 1; t <= e.getKey().time() + 1; t++) {
        for (long k : SphereGrid.around(e.getKey().space())) {
          List<Integer> there = cells.get(new Cell(t, k));
          if (there != null) {
            near.addAll(there);
          }
        }
      }
      for (int i : e.getValue()) {
        for (int j : near) {
          if (j > i && close(sorted.get(i), sorted.get(j), metres, window)) {
            if (size == out.length) {
              out = java.util.Arrays.copyOf(out, size * 2);
            }
            out[size++] = (long) i << 32 | j;
          }
        }
      }
    }
    long[] pairs = java.util.Arrays.copyOf(out, size);
    java.util.Arrays.sort(pairs);
    return pairs;
  }
}
