package org.insight.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.insight.geo.internal.HexGrid;
import org.insight.geo.internal.Statistics;
import org.junit.jupiter.api.Test;

class HexHotspotsTest {

  /**
   * Gi* on a 3×3 patch of hexagons (odd-r offset rows 0..2, columns 0..2), all zero but 9 in the middle, worked by
   * hand: n = 9, X̄ = 1, S = √(81/9 − 1) = √8. Row 1 is odd, so the middle (1,1) touches (1,0), (1,2), (0,1), (0,2),
   * (2,1), (2,2): w = 7, Σwx = 9, Gi* = (9 − 7) / (√8 √((63 − 49)/8)) = 2/√14. Corner (0,0) touches (0,1) and (1,0)
   * only — not the middle: w = 3, Σwx = 0, Gi* = −3 / (√8 √((27 − 9)/8)) = −3/√18. (0,1) touches (0,0), (0,2), (1,0),
   * (1,1): w = 5, Gi* = (9 − 5)/(√8 √((45 − 25)/8)) = 4/√20. (0,2) touches (0,1), (1,1), (1,2): w = 4, Gi* = 5/√20.
   * (2,0) is in an even row, whose neighbours in row 1 are columns c−1 and c: it touches (2,1) and (1,0) only, w = 3,
   * Gi* = −3/√18; (2,2) touches (2,1), (1,1), (1,2): w = 4, Gi* = 5/√20.
   */
  @Test
  void giStarOverHexagonNeighboursMatchesAHandComputedExample() {
    int[] counts = {0, 0, 0, 0, 9, 0, 0, 0, 0};
    double[] z = Statistics.giStar(counts, 7, HexGrid.neighbourhood(0, 0, 3, 3));
    assertEquals(2 / Math.sqrt(14), z[4], 1e-12, "middle");
    assertEquals(-3 / Math.sqrt(18), z[0], 1e-12, "(0,0)");
    assertEquals(4 / Math.sqrt(20), z[1], 1e-12, "(0,1)");
    assertEquals(5 / Math.sqrt(20), z[2], 1e-12, "(0,2)");
    assertEquals(-3 / Math.sqrt(18), z[6], 1e-12, "(2,0)");
    assertEquals(5 / Math.sqrt(20), z[8], 1e-12, "(2,2) touches (1,1), (1,2), (2,1)");
  }

  @Test
  void everyHexagonHasSixNeighboursAtTheSameDistance() {
    List<GeoPoint> around = List.of(GeoPoint.of(48.85, 2.35), GeoPoint.of(48.86, 2.36));
    HexGrid grid = HexGrid.over(around, 500);
    for (long row = -3; row <= 3; row++) {
      for (long col = -3; col <= 3; col++) {
        GeoPoint c = grid.centre(row, col);
        long q = HexGrid.axialQ(row, col);
        for (long[] d : HexGrid.NEIGHBOURS) {
          GeoPoint n = grid.centre(row + d[1], HexGrid.column(q + d[0], row + d[1]));
          assertEquals(500, c.distanceTo(n), 2, "neighbour of " + row + "," + col);
        }
        long[] back = grid.cell(c);
        assertEquals(row, back[0]);
        assertEquals(col, back[1]);
      }
    }
  }

  @Test
  void aPointLiesWithinItsHexagon() {
    Random random = new Random(3);
    List<GeoPoint> points = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      points.add(GeoPoint.of(59.8 + random.nextDouble() * 0.3, 10.5 + random.nextDouble() * 0.6));
    }
    HexGrid grid = HexGrid.over(points, 400);
    double circumradius = 400 / Math.sqrt(3);
    for (GeoPoint p : points) {
      long[] cell = grid.cell(p);
      GeoPoint centre = grid.centre(cell[0], cell[1]);
      assertTrue(centre.distanceTo(p) <= circumradius * 1.001, p + " is " + centre.distanceTo(p) + " m from " + centre);
      // and no other centre is nearer (a hexagon is the set of points nearest its centre)
      long q = HexGrid.axialQ(cell[0], cell[1]);
      for (long[] d : HexGrid.NEIGHBOURS) {
        GeoPoint other = grid.centre(cell[0] + d[1], HexGrid.column(q + d[0], cell[0] + d[1]));
        assertTrue(other.distanceTo(p) >= centre.distanceTo(p) - 0.5, p + " is nearer " + other);
      }
    }
  }

  @Test
  void aPlantedHotspotIsFoundInItsHexagon() {
    Random random = new Random(42);
    List<GeoPoint> points = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      points.add(GeoPoint.of(48.75 + random.nextDouble() * 0.18, 2.2 + random.nextDouble() * 0.27));
    }
    GeoPoint planted = GeoPoint.of(48.8566, 2.3522);
    for (int i = 0; i < 60; i++) {
      points.add(GeoPoint.of(planted.latitude() + random.nextGaussian() * 0.0015,
          planted.longitude() + random.nextGaussian() * 0.002));
    }
    HotspotResult result = Hotspots.analyse(points, CellShape.HEXAGON, 1000, 0.05);
    assertEquals(CellShape.HEXAGON, result.shape());
    assertFalse(result.hot().isEmpty(), "the planted cluster is a hotspot");
    HotspotCell home = result.cells().stream().filter(c -> Area.polygon(c.outline()).contains(planted)).findFirst()
        .orElseThrow();
    assertEquals(6, home.outline().size());
    assertTrue(home.hot(), "the hexagon holding the plant is hot: " + home);
    assertEquals(home, result.cells().stream().max(java.util.Comparator.comparingInt(HotspotCell::count)).orElseThrow(),
        "and holds the most points");
    // Gi* sums a hexagon and its six neighbours: the top z is the plant's hexagon or one next to it
    HotspotCell top = result.hot().get(0);
    assertTrue(top.centre().distanceTo(home.centre()) < 1010, "the top hotspot is at the plant: " + top);
    assertTrue(result.hot().stream().allMatch(c -> c.centre().distanceTo(planted) < 3000),
        "no hotspot elsewhere: " + result.hot());
    assertEquals(points.size(), result.cells().stream().mapToInt(HotspotCell::count).sum());
  }

  @Test
  void uniformPointsHaveNoHexagonHotspot() {
    Random random = new Random(7);
    List<GeoPoint> points = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      points.add(GeoPoint.of(10 + random.nextDouble() * 0.5, 20 + random.nextDouble() * 0.5));
    }
    assertTrue(Hotspots.analyse(points, CellShape.HEXAGON, 5000, 0.05).hot().isEmpty());
  }

  @Test
  void hexagonsExportAsPolygonsOfSixCorners() {
    List<GeoPoint> points = List.of(GeoPoint.of(48.85, 2.35), GeoPoint.of(48.851, 2.351), GeoPoint.of(48.86, 2.37));
    List<HotspotCell> cells = Hotspots.analyse(points, CellShape.HEXAGON, 300, 0.05).cells();
    String json = GeoJson.write(List.of(), cells);
    assertTrue(json.contains("\"id\" : \"hex:"), json);
    assertTrue(json.contains("\"type\" : \"Polygon\""), json);
    String kml = GeoKml.write("t", List.of(), cells);
    // six corners and the first again
    String ring = kml.substring(kml.indexOf("<coordinates>") + 13, kml.indexOf("</coordinates>"));
    assertEquals(7, ring.split(" ").length, ring);
    String svg = GeoMap.svg(List.of(), cells);
    assertEquals(cells.size(), svg.split("point\\(s\\), Gi\\*").length - 1, "one path per cell");
  }
}
