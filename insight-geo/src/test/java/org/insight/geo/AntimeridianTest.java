package org.insight.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Study areas across 180° (Fiji's Taveuni, Chukotka): the two sides are neighbours in every analysis. */
class AntimeridianTest {

  /** A cluster straddling 180° near Taveuni (-16.8°): half its points at 179.99..180, half at -180..-179.99. */
  private static List<GeoPoint> straddling(int n, Random random) {
    List<GeoPoint> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double lon = (i % 2 == 0 ? 179.99 : -179.99) + (i % 2 == 0 ? 1 : -1) * random.nextDouble() * 0.0099;
      out.add(GeoPoint.of(-16.8 + random.nextGaussian() * 0.002, lon));
    }
    return out;
  }

  @Test
  void hotspotsTreatBothSidesAsOneStudyArea() {
    Random random = new Random(11);
    List<GeoPoint> points = new ArrayList<>(straddling(60, random));
    for (int i = 0; i < 200; i++) { // background over about 40 km either side
      double lon = 179.8 + random.nextDouble() * 0.4;
      points.add(GeoPoint.of(-17.0 + random.nextDouble() * 0.4, lon > 180 ? lon - 360 : lon));
    }
    for (CellShape shape : CellShape.values()) {
      HotspotResult r = Hotspots.analyse(points, shape, 2000, 0.05);
      // 45 km x 45 km in 2 km cells: a few hundred cells, not a band round the globe
      assertTrue(r.studyCells() < 2000, shape + ": " + r.studyCells() + " cells");
      assertFalse(r.hot().isEmpty(), shape + ": the straddling cluster is a hotspot");
      GeoPoint top = r.hot().get(0).centre();
      assertTrue(top.distanceTo(GeoPoint.of(-16.8, 180)) < 2500, shape + ": top hotspot at " + top);
      assertEquals(points.size(), r.cells().stream().mapToInt(HotspotCell::count).sum());
    }
  }

  @Test
  void cellsEitherSideOfTheAntimeridianAreNeighbours() {
    // one point each side, 2 km apart across 180°: two adjacent square cells; each cell's neighbourhood holds both
    List<GeoPoint> points = List.of(GeoPoint.of(65.0, 179.99), GeoPoint.of(65.0, -179.99));
    HotspotResult square = Hotspots.analyse(points, 1000, 0.05);
    assertEquals(2, square.studyCells(), square.toString());
    HotspotResult hex = Hotspots.analyse(points, CellShape.HEXAGON, 1000, 0.05);
    assertTrue(hex.studyCells() <= 4, hex.toString());
  }

  @Test
  void densityAddsUpAcrossTheAntimeridian() {
    List<GeoPoint> points = List.of(GeoPoint.of(-16.8, 179.998), GeoPoint.of(-16.8, -179.998));
    List<DensityCell> surface = KernelDensity.surface(points, 100, 1000);
    double cellKm2 = 0.1 * 0.1;
    double total = surface.stream().mapToDouble(DensityCell::density).sum() * cellKm2;
    assertEquals(2, total, 0.2, "both kernels whole, each across 180°");
    DensityCell densest = surface.get(0);
    assertTrue(Math.abs(densest.centre().longitude()) > 179.99, "densest at the line: " + densest);
    // symmetric: the densest cell east of 180 is as dense as the densest west of it
    double east = surface.stream().filter(c -> c.centre().longitude() < 0).mapToDouble(DensityCell::density).max()
        .orElseThrow();
    double west = surface.stream().filter(c -> c.centre().longitude() > 0).mapToDouble(DensityCell::density).max()
        .orElseThrow();
    assertEquals(west, east, west * 0.05);
  }

  @Test
  void anAreaAcrossTheAntimeridianHoldsPointsOnBothSides() {
    GeoPoint west = GeoPoint.of(-16.8, 179.99);
    GeoPoint east = GeoPoint.of(-16.8, -179.99);
    GeoPoint far = GeoPoint.of(-16.8, 0);
    GeoPoint beyond = GeoPoint.of(-16.8, 179.5);
    Area jumping = Area.polygon(List.of(GeoPoint.of(-17, 179.9), GeoPoint.of(-17, -179.9), GeoPoint.of(-16.6, -179.9),
        GeoPoint.of(-16.6, 179.9)));
    Area unwrapped = Area.parseGeoJson("{\"type\":\"Polygon\",\"coordinates\":[[[179.9,-17],[180.1,-17],[180.1,-16.6],"
        + "[179.9,-16.6],[179.9,-17]]]}");
    Area cut = Area.parseGeoJson("{\"type\":\"MultiPolygon\",\"coordinates\":[[[[179.9,-17],[180,-17],[180,-16.6],"
        + "[179.9,-16.6],[179.9,-17]]],[[[-180,-17],[-179.9,-17],[-179.9,-16.6],[-180,-16.6],[-180,-17]]]]}");
    SpatialIndex<GeoPoint> index = SpatialIndex.of(List.of(west, east, far, beyond), p -> p);
    for (Area a : List.of(jumping, unwrapped, cut)) {
      assertTrue(a.contains(west));
      assertTrue(a.contains(east));
      assertFalse(a.contains(far));
      assertFalse(a.contains(beyond));
      List<GeoPoint> inside = new ArrayList<>(index.within(a));
      inside.sort(Comparator.comparingDouble(GeoPoint::longitude));
      assertEquals(List.of(east, west), inside);
    }
    assertEquals(List.of(GeoPoint.of(-16.8, -179.99), GeoPoint.of(-16.8, 179.99)),
        SpatialIndex.of(List.of(west, east, far), p -> p).within(GeoPoint.of(-16.8, 180), 2000).stream()
            .map(SpatialIndex.Neighbour::item).sorted(Comparator.comparingDouble(GeoPoint::longitude)).toList());
  }

  @Test
  void dbscanJoinsPointsEitherSideOfTheAntimeridian() {
    List<GeoPoint> points = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      points.add(GeoPoint.of(66.0 + i * 0.0001, 179.99 + i * 0.0001));
      points.add(GeoPoint.of(66.0 + i * 0.0001, -179.99 - i * 0.0001));
    }
    // 179.99 and -179.99 at 66°N are 904 m apart
    List<Dbscan.Member<GeoPoint>> members = Dbscan.cluster(points, p -> p,
        Comparator.comparingDouble(GeoPoint::latitude).thenComparingDouble(GeoPoint::longitude), 1000, 5);
    assertTrue(members.stream().allMatch(m -> m.cluster() == 0), members.toString());
  }

  @Test
  void aHexagonAcrossTheAntimeridianIsCutInTwoInGeoJsonAndKml() throws Exception {
    List<GeoPoint> points = List.of(GeoPoint.of(-16.8, 179.9995), GeoPoint.of(-16.8, -179.9995));
    HotspotResult r = Hotspots.analyse(points, CellShape.HEXAGON, 5000, 0.05);
    HotspotCell across = r.cells().stream().filter(c -> c.west() > c.east()).findFirst().orElseThrow(
        () -> new AssertionError("a 5 km hexagon round the points crosses 180°: " + r.cells()));
    String json = GeoJson.write(List.of(), List.of(across));
    assertTrue(json.contains("MultiPolygon"), json);
    com.fasterxml.jackson.databind.JsonNode polygons = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json)
        .path("features").path(0).path("geometry").path("coordinates");
    assertEquals(2, polygons.size());
    for (com.fasterxml.jackson.databind.JsonNode polygon : polygons) {
      double sign = Math.signum(polygon.path(0).path(1).path(0).asDouble());
      for (com.fasterxml.jackson.databind.JsonNode position : polygon.path(0)) {
        double lon = position.path(0).asDouble();
        assertTrue(Math.abs(lon) >= 179.9 && (Math.signum(lon) == sign || Math.abs(lon) == 180), "one side: " + json);
      }
    }
    String kml = GeoKml.write("t", List.of(), List.of(across));
    assertTrue(kml.contains("<MultiGeometry>"), kml);
  }
}
