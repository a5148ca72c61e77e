package org.insight.geo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;

/**
 * GeoJSON (RFC 7946) output: a FeatureCollection of points (id and properties kept) and hotspot cells (polygons with
 * count, z, p, q, hot). Positions are {@code [longitude, latitude]} with six decimals; no {@code crs} member (RFC 7946
 * removed it: WGS 84 is implied).
 */
public final class GeoJson {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private GeoJson() {
  }

  /** The features as a FeatureCollection text. */
  public static String write(Collection<GeoFeature> points, Collection<HotspotCell> cells) {
    ObjectNode root = JSON.createObjectNode();
    root.put("type", "FeatureCollection");
    ArrayNode features = root.putArray("features");
    for (GeoFeature f : points) {
      ObjectNode feature = features.addObject();
      feature.put("type", "Feature");
      feature.put("id", f.id());
      ObjectNode geometry = feature.putObject("geometry");
      geometry.put("type", "Point");
      position(geometry.putArray("coordinates"), f.point().latitude(), f.point().longitude());
      ObjectNode props = feature.putObject("properties");
      for (Map.Entry<String, Object> e : f.properties().entrySet()) {
        props.set(e.getKey(), JSON.valueToTree(e.getValue()));
      }
    }
    for (HotspotCell c : cells) {
      ObjectNode feature = features.addObject();
      feature.put("type", "Feature");
      feature.put("id", "cell:" + c.row() + ":" + c.column());
      ObjectNode geometry = feature.putObject("geometry");
      geometry.put("type", "Polygon");
      ArrayNode ring = geometry.putArray("coordinates").addArray();
      // exterior ring counter-clockwise, as RFC 7946 asks
      position(ring.addArray(), c.south(), c.west());
      position(ring.addArray(), c.south(), c.east());
      position(ring.addArray(), c.north(), c.east());
      position(ring.addArray(), c.north(), c.west());
      position(ring.addArray(), c.south(), c.west());
      ObjectNode props = feature.putObject("properties");
      props.put("kind", "hotspot-cell");
      props.put("count", c.count());
      props.put("z", c.z());
      props.put("p", c.p());
      props.put("q", c.q());
      props.put("hot", c.hot());
    }
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree failed to serialise", e);
    }
  }

  private static void position(ArrayNode a, double lat, double lon) {
    a.add(round(lon));
    a.add(round(lat));
  }

  private static BigDecimal round(double d) {
    return new BigDecimal(GeoPoint.decimals(d, 6));
  }
}
