package org.insight.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GeofencesAndPlausibilityTest {
  private static final Instant T0 = Instant.parse("2026-04-04T08:00:00Z");
  // Lyon Part-Dieu, a box of about 1 km
  private static final Area PART_DIEU = Area.polygon(List.of(GeoPoint.of(45.755, 4.850), GeoPoint.of(45.765, 4.850),
      GeoPoint.of(45.765, 4.865), GeoPoint.of(45.755, 4.865)));
  private static final GeoPoint INSIDE = GeoPoint.of(45.7606, 4.8590);
  private static final GeoPoint OUTSIDE = GeoPoint.of(45.7500, 4.8300);
  private static final GeoPoint PARIS = GeoPoint.of(48.8530, 2.3690);

  private static Sighting s(String who, GeoPoint p, int minutes, String source) {
    return new Sighting(who, p, T0.plus(Duration.ofMinutes(minutes)), source);
  }

  @Test
  void firstEntryIsTheFirstSightingInsideWithTheLastOutsideBeforeIt() {
    List<Sighting> all = new ArrayList<>(List.of(
        s("petrov", OUTSIDE, 0, "e1"), s("petrov", OUTSIDE, 10, "e2"), s("petrov", INSIDE, 30, "e3"),
        s("petrov", OUTSIDE, 40, "e4"), s("petrov", INSIDE, 50, "e5"),
        s("moreau", INSIDE, 5, "e6"), s("moreau", OUTSIDE, 1, "e7"), // out of order on purpose
        s("benali", INSIDE, -20, "e8"),
        s("nobody", OUTSIDE, 0, "e9")));
    List<GeofenceEntry> expected = List.of(
        new GeofenceEntry("benali", s("benali", INSIDE, -20, "e8"), Optional.empty()),
        new GeofenceEntry("moreau", s("moreau", INSIDE, 5, "e6"), Optional.of(s("moreau", OUTSIDE, 1, "e7"))),
        new GeofenceEntry("petrov", s("petrov", INSIDE, 30, "e3"), Optional.of(s("petrov", OUTSIDE, 10, "e2"))));
    assertEquals(expected, Geofences.firstEntries(PART_DIEU, all));
    Collections.shuffle(all, new Random(3));
    assertEquals(expected, Geofences.firstEntries(PART_DIEU, all), "independent of order");
  }

  @Test
  void anOutsideSightingAtTheSameMomentIsNotBefore() {
    List<GeofenceEntry> got = Geofences.firstEntries(PART_DIEU, List.of(s("x", OUTSIDE, 0, "a"), s("x", INSIDE, 0, "b")));
    assertEquals(Optional.empty(), got.get(0).before());
  }

  @Test
  void lyonToParisInAnHourIsImpossibleByTrainPossibleByPlaneNotAtAll() {
    double km = INSIDE.distanceTo(PARIS) / 1000; // about 392 km
    List<Sighting> all = List.of(s("petrov", INSIDE, 0, "e1"), s("petrov", PARIS, 60, "e2"),
        s("petrov", PARIS, 60 * 5, "e3"), s("petrov", INSIDE, 60 * 9, "e4"), // 4 h by train: fine
        s("moreau", INSIDE, 0, "e5"), s("moreau", PARIS, 0, "e6"), // two places at once
        s("benali", INSIDE, 0, "e7"), s("benali", GeoPoint.of(45.7610, 4.8590), 0, "e8")); // 44 m: within tolerance
    List<ImpossibleTravel> got = Plausibility.implausible(all, 300, 100);
    assertEquals(2, got.size(), got.toString());
    ImpossibleTravel moreau = got.get(0);
    assertEquals("moreau", moreau.entity());
    assertEquals(Duration.ZERO, moreau.apart());
    assertTrue(Double.isInfinite(moreau.kmh()));
    ImpossibleTravel petrov = got.get(1);
    assertEquals("e1", petrov.from().source());
    assertEquals("e2", petrov.to().source());
    assertEquals(km, petrov.kmh(), 1e-6, "an hour apart: the speed is the distance");
    assertEquals(List.of(moreau), Plausibility.implausible(all, Plausibility.DEFAULT_MAX_KMH, 100),
        "a plane could do it in an hour");
    List<Sighting> shuffled = new ArrayList<>(all);
    Collections.shuffle(shuffled, new Random(1));
    assertEquals(got, Plausibility.implausible(shuffled, 300, 100));
    assertEquals(3, Plausibility.implausible(all, 300, 0).size(), "without tolerance 44 m at once is too far");
  }

  @Test
  void refusesBadArguments() {
    assertThrows(IllegalArgumentException.class, () -> Plausibility.implausible(List.of(), 0, 0));
    assertThrows(IllegalArgumentException.class, () -> Plausibility.implausible(List.of(), 900, -1));
  }
}
