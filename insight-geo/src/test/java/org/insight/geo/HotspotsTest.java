package org.insight.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.insight.geo.internal.Statistics;
import org.junit.jupiter.api.Test;

class HotspotsTest {

  /**
   * A 3×3 grid of counts [[0,0,0],[0,9,0],[0,0,0]], worked by hand: n = 9, Σx = 9, X̄ = 1, Σx² = 81, S = √(81/9 − 1)
   * = √8. Centre: 9 neighbours in the grid (w = 9), Σwx = 9, so Gi* = (9 − 9) / (√8 √((81 − 81)/8)) — the
   * denominator is 0 and Gi* is defined 0. Corner (0,0): w = 4, Σwx = 9, Gi* = (9 − 4) / (√8 √((36 − 16)/8)) =
   * 5 / (√8 √2.5) = 5 / √20 = 1.118034. Edge (0,1): w = 6, Σwx = 9, Gi* = (9 − 6)/(√8 √((54 − 36)/8)) = 3/√18 = 0.707107.
   */
  @Test
  void giStarMatchesAHandComputedExample() {
    double[][] z = Statistics.giStar(new int[][] {{0, 0, 0}, {0, 9, 0}, {0, 0, 0}});
    assertEquals(0, z[1][1], 1e-12);
    assertEquals(5 / Math.sqrt(20), z[0][0], 1e-12);
    assertEquals(3 / Math.sqrt(18), z[0][1], 1e-12);
    assertEquals(z[0][0], z[2][2], 1e-12);
  }

  /** A 1×5 strip [1,2,3,4,10]: X̄ = 4, S = √(130/5 − 16) = √10; cell 3 (w = 3: 3,4,10): (17 − 12)/(√10 √((15 − 9)/4)). */
  @Test
  void giStarOnAStrip() {
    double[][] z = Statistics.giStar(new int[][] {{1, 2, 3, 4, 10}});
    assertEquals(5 / (Math.sqrt(10) * Math.sqrt(1.5)), z[0][3], 1e-12);
    assertEquals((14 - 8) / (Math.sqrt(10) * Math.sqrt((10 - 4) / 4.0)), z[0][4], 1e-12);
  }

  @Test
  void normalTailAndBenjaminiHochberg() {
    assertEquals(0.05, Statistics.twoSidedP(1.959964), 1e-6);
    assertEquals(1.0, Statistics.twoSidedP(0), 1e-7);
    assertEquals(0.0026998, Statistics.twoSidedP(3), 1e-6);
    // p = [0.01, 0.04, 0.03, 0.20], m = 4: sorted 0.01,0.03,0.04,0.20 -> 0.04, 0.053, 0.053, 0.20
    double[] q = Statistics.benjaminiHochberg(new double[] {0.01, 0.04, 0.03, 0.20});
    assertEquals(0.04, q[0], 1e-12);
    assertEquals(0.04 * 4 / 3, q[1], 1e-12);
    assertEquals(0.04 * 4 / 3, q[2], 1e-12);
    assertEquals(0.20, q[3], 1e-12);
  }

  @Test
  void aPlantedHotspotIsFoundAndBackgroundNoiseIsNot() {
    Random random = new Random(42);
    List<GeoPoint> points = new ArrayList<>();
    for (int i = 0; i < 400; i++) { // uniform background over about 20 x 20 km
      points.add(GeoPoint.of(48.75 + random.nextDouble() * 0.18, 2.2 + random.nextDouble() * 0.27));
    }
    GeoPoint planted = GeoPoint.of(48.8566, 2.3522);
    for (int i = 0; i < 60; i++) {
      points.add(GeoPoint.of(planted.latitude() + random.nextGaussian() * 0.0015,
          planted.longitude() + random.nextGaussian() * 0.002));
    }
    HotspotResult result = Hotspots.analyse(points, 1000);
    assertFalse(result.hot().isEmpty(), "the planted cluster is a hotspot");
    HotspotCell top = result.hot().get(0);
    assertTrue(top.centre().distanceTo(planted) < 1500, "the top hotspot is at the plant: " + top);
    assertTrue(result.hot().stream().allMatch(c -> c.centre().distanceTo(planted) < 3000),
        "no hotspot elsewhere: " + result.hot());
    assertEquals(points.size(), result.cells().stream().mapToInt(HotspotCell::count).sum());
  }

  @Test
  void uniformPointsHaveNoHotspotAtFivePercentFdr() {
    Random random = new Random(7);
    List<GeoPoint> points = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      points.add(GeoPoint.of(10 + random.nextDouble() * 0.5, 20 + random.nextDouble() * 0.5));
    }
    assertTrue(Hotspots.analyse(points, 5000).hot().isEmpty());
  }

  @Test
  void refusesAGridTooLargeWithAHint() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Hotspots.analyse(List.of(GeoPoint.of(-60, -170), GeoPoint.of(70, 170)), 100));
    assertTrue(e.getMessage().contains("larger cells"), e.getMessage());
  }

  @Test
  void densityPeaksAtTheCluster() {
    List<GeoPoint> points = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      points.add(GeoPoint.of(51.5 + i * 1e-4, -0.12));
    }
    points.add(GeoPoint.of(51.6, -0.3));
    List<DensityCell> surface = KernelDensity.surface(points, 200, 1000);
    assertTrue(surface.get(0).centre().distanceTo(GeoPoint.of(51.5005, -0.12)) < 300, surface.get(0).toString());
    // the surface integrates to about the number of points (cells of 200 m: 0.04 km² each)
    double total = surface.stream().mapToDouble(DensityCell::density).sum() * 0.04;
    assertEquals(points.size(), total, points.size() * 0.1);
  }
}
