package org.insight.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CoLocationsTest {

  private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

  /** Two planted tracks that meet twice (a café at 09:00, a car park at 14:00) and a third walker who never meets them. */
  @Test
  void twoPlantedTracksMeetTwice() {
    List<Sighting> s = new ArrayList<>();
    GeoPoint cafe = GeoPoint.of(48.8600, 2.3400);
    GeoPoint carPark = GeoPoint.of(48.8800, 2.3700);
    s.add(new Sighting("anna", cafe, T0.plusSeconds(3600), "ev-1"));
    s.add(new Sighting("boris", GeoPoint.of(48.8601, 2.3402), T0.plusSeconds(3600 + 300), "ev-2"));
    s.add(new Sighting("anna", carPark, T0.plusSeconds(6 * 3600), "ev-3"));
    s.add(new Sighting("boris", GeoPoint.of(48.8802, 2.3699), T0.plusSeconds(6 * 3600 - 600), "ev-4"));
    // same place, too late; near in time, too far
    s.add(new Sighting("boris", cafe, T0.plusSeconds(10 * 3600), "ev-5"));
    s.add(new Sighting("carl", GeoPoint.of(48.95, 2.50), T0.plusSeconds(3600), "ev-6"));
    List<CoLocation> links = CoLocations.find(s, 100, Duration.ofMinutes(15));
    assertEquals(1, links.size(), links.toString());
    CoLocation link = links.get(0);
    assertEquals("anna", link.first());
    assertEquals("boris", link.second());
    assertEquals(2, link.times());
    assertEquals(List.of("ev-1", "ev-4"), link.encounters().stream().map(e -> e.first().source().equals("ev-1")
        ? "ev-1" : e.second().source()).toList());
    assertTrue(link.encounters().stream().allMatch(e -> e.metres() <= 100 && e.apart().toMinutes() <= 15));
    assertTrue(CoLocations.find(s, 100, Duration.ofMinutes(4)).isEmpty(), "5 and 10 minutes apart: not within 4");
  }

  @Test
  void resultDoesNotDependOnOrderAndMatchesBruteForce() {
    Random random = new Random(3);
    List<Sighting> s = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      s.add(new Sighting("e" + random.nextInt(20), GeoPoint.of(45 + random.nextDouble() * 0.02,
          5 + random.nextDouble() * 0.02), T0.plusSeconds(random.nextInt(24 * 3600)), "src" + i));
    }
    List<CoLocation> expected = CoLocations.find(s, 300, Duration.ofMinutes(30));
    Collections.shuffle(s, random);
    assertEquals(expected, CoLocations.find(s, 300, Duration.ofMinutes(30)));
    int brute = 0;
    for (int i = 0; i < s.size(); i++) {
      for (int j = i + 1; j < s.size(); j++) {
        Sighting a = s.get(i);
        Sighting b = s.get(j);
        if (!a.entity().equals(b.entity()) && a.point().distanceTo(b.point()) <= 300
            && Duration.between(a.time(), b.time()).abs().compareTo(Duration.ofMinutes(30)) <= 0) {
          brute++;
        }
      }
    }
    assertEquals(brute, expected.stream().mapToInt(CoLocation::times).sum());
    assertTrue(brute > 0);
  }
}
