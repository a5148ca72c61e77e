package org.insight.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Co-locations bucketed by space–time cells equal a brute-force reference that compares every pair of sightings (the
 * definition written the plain way), on crowded places and hours, across the antimeridian, near a pole, with windows
 * from zero to hours, and under any input order.
 */
class CoLocationsProperties {
  private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

  @Property(tries = 150)
  void equalsBruteForceAndIgnoresOrder(@ForAll("sightings") List<Sighting> sightings,
      @ForAll("distances") double metres, @ForAll("windows") Duration window, @ForAll long seed) {
    List<CoLocation> got = CoLocations.find(sightings, metres, window);
    assertEquals(brute(sightings, metres, window), got);
    List<Sighting> shuffled = new ArrayList<>(sightings);
    Collections.shuffle(shuffled, new Random(seed));
    assertEquals(got, CoLocations.find(shuffled, metres, window), "independent of input order");
  }

  /** Every pair of sightings, in time order, compared directly. */
  static List<CoLocation> brute(List<Sighting> input, double metres, Duration window) {
    List<Sighting> sorted = new ArrayList<>(input);
    sorted.sort(Comparator.comparing(Sighting::time).thenComparing(Sighting::entity).thenComparing(Sighting::source)
        .thenComparingDouble(s -> s.point().latitude()).thenComparingDouble(s -> s.point().longitude()));
    Map<String, Map<String, List<Encounter>>> pairs = new TreeMap<>();
    for (int i = 0; i < sorted.size(); i++) {
      for (int j = i + 1; j < sorted.size(); j++) {
        Sighting a = sorted.get(i);
        Sighting b = sorted.get(j);
        Duration apart = Duration.between(a.time(), b.time());
        double d = a.point().distanceTo(b.point());
        if (!a.entity().equals(b.entity()) && apart.compareTo(window) <= 0 && d <= metres) {
          boolean aFirst = a.entity().compareTo(b.entity()) < 0;
          pairs.computeIfAbsent(aFirst ? a.entity() : b.entity(), k -> new TreeMap<>())
              .computeIfAbsent(aFirst ? b.entity() : a.entity(), k -> new ArrayList<>())
              .add(new Encounter(aFirst ? a : b, aFirst ? b : a, d, apart));
        }
      }
    }
    List<CoLocation> out = new ArrayList<>();
    pairs.forEach((first, seconds) -> seconds.forEach((second, encounters) -> {
      encounters.sort(Comparator.comparing((Encounter e) -> e.first().time().isBefore(e.second().time())
          ? e.first().time() : e.second().time()).thenComparing(e -> e.first().source())
          .thenComparing(e -> e.second().source()).thenComparingDouble(Encounter::metres));
      out.add(new CoLocation(first, second, encounters.size(),
          encounters.stream().mapToDouble(Encounter::metres).min().orElse(0), encounters));
    }));
    out.sort(Comparator.comparingInt(CoLocation::times).reversed().thenComparingDouble(CoLocation::closestMetres)
        .thenComparing(CoLocation::first).thenComparing(CoLocation::second));
    return out;
  }

  @Provide
  Arbitrary<List<Sighting>> sightings() {
    Arbitrary<double[]> centre = Arbitraries.of(new double[] {45.76, 4.85}, new double[] {-16.8, 179.9995},
        new double[] {89.9995, 0}, new double[] {66.0, -179.9995});
    return centre.flatMap(c -> {
      // a crowded square of about 500 m and two hours: many sightings share a place and an hour
      Arbitrary<GeoPoint> point = Combinators.combine(Arbitraries.integers().between(0, 10),
          Arbitraries.integers().between(0, 10)).as((x, y) -> {
            double lat = Math.min(90, c[0] + x * 0.0004);
            double lon = c[1] + y * 0.0006;
            return GeoPoint.of(lat, lon > 180 ? lon - 360 : lon < -180 ? lon + 360 : lon);
          });
      Arbitrary<Sighting> s = Combinators.combine(Arbitraries.of("p1", "p2", "p3", "p4", "p5"), point,
          Arbitraries.integers().between(0, 120), Arbitraries.integers().between(0, 59),
          Arbitraries.of("ev1", "ev2", "ev3", "ev4"))
          .as((who, p, minute, second, source) -> new Sighting(who, p, T0.plusSeconds(60L * minute + second), source));
      return s.list().ofMinSize(0).ofMaxSize(60);
    });
  }

  @Provide
  Arbitrary<Double> distances() {
    return Arbitraries.of(0.0, 30.0, 100.0, 250.0, 2000.0);
  }

  @Provide
  Arbitrary<Duration> windows() {
    return Arbitraries.of(Duration.ZERO, Duration.ofMillis(1500), Duration.ofMinutes(5), Duration.ofMinutes(30),
        Duration.ofHours(3));
  }
}
