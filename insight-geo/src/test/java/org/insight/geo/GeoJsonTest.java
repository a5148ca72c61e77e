package org.insight.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GeoJsonTest {

  @Test
  void writesRfc7946PointsAndCellsWithIdsAndProperties() throws Exception {
    GeoFeature f = new GeoFeature("ev-1", GeoPoint.of(48.8566, 2.3522), Map.of("schema", "Event", "n", 3));
    HotspotCell c = new HotspotCell(1, 2, 48.8, 2.3, 48.9, 2.4, 5, 3.2, 0.001, 0.01, true);
    JsonNode root = new ObjectMapper().readTree(GeoJson.write(List.of(f), List.of(c)));
    assertEquals("FeatureCollection", root.get("type").asText());
    assertFalse(root.has("crs"), "RFC 7946 has no crs member");
    JsonNode point = root.get("features").get(0);
    assertEquals("ev-1", point.get("id").asText());
    assertEquals(2.3522, point.get("geometry").get("coordinates").get(0).asDouble(), 1e-9, "longitude first");
    assertEquals(48.8566, point.get("geometry").get("coordinates").get(1).asDouble(), 1e-9);
    assertEquals("Event", point.get("properties").get("schema").asText());
    assertEquals(3, point.get("properties").get("n").asInt());
    JsonNode cell = root.get("features").get(1);
    assertEquals("Polygon", cell.get("geometry").get("type").asText());
    assertEquals(5, cell.get("geometry").get("coordinates").get(0).size());
    assertTrue(cell.get("properties").get("hot").asBoolean());
  }

  @Test
  void readsAnAreaFromGeoJsonAndIndexesPointsInside() {
    Area area = Area.parseGeoJson("{\"type\":\"Feature\",\"id\":\"zone\",\"properties\":{},\"geometry\":{\"type\":"
        + "\"Polygon\",\"coordinates\":[[[2.3,48.8],[2.4,48.8],[2.4,48.9],[2.3,48.9],[2.3,48.8]]]}}");
    assertTrue(area.contains(GeoPoint.of(48.85, 2.35)));
    assertFalse(area.contains(GeoPoint.of(48.95, 2.35)));
    List<String> ids = List.of("in", "out");
    List<GeoPoint> pts = List.of(GeoPoint.of(48.85, 2.35), GeoPoint.of(40, 2.35));
    assertEquals(List.of("in"), SpatialIndex.of(ids, id -> pts.get(ids.indexOf(id))).within(area));
  }
}
