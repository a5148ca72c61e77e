package org.insight.geo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Space–time co-location: every pair of sightings of two different entities within {@code metres} and
 * {@code window} of each other is an {@link Encounter}; the encounters of a pair make one {@link CoLocation}, ranked
 * by how often they met, then how close. A sweep over the sightings in time order compares only those inside the
 * window. Deterministic and independent of the sightings' order.
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
    for (int i = 0; i < sorted.size(); i++) {
      Sighting a = sorted.get(i);
      for (int j = i + 1; j < sorted.size(); j++) {
        Sighting b = sorted.get(j);
        Duration apart = Duration.between(a.time(), b.time());
        if (apart.compareTo(window) > 0) {
          break;
        }
        if (a.entity().equals(b.entity())) {
          continue;
        }
        double d = a.point().distanceTo(b.point());
        if (d <= metres) {
          boolean aFirst = a.entity().compareTo(b.entity()) < 0;
          Sighting first = aFirst ? a : b;
          Sighting second = aFirst ? b : a;
          pairs.computeIfAbsent(first.entity(), k -> new TreeMap<>())
              .computeIfAbsent(second.entity(), k -> new ArrayList<>()).add(new Encounter(first, second, d, apart));
        }
      }
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
}
