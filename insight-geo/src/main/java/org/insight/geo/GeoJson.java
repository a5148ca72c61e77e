package org.insight.geo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.insight.geo.internal.Rings;

/**
 * GeoJSON (RFC 7946) output: a FeatureCollection of points (id and properties kept) and hotspot cells (square or
 * hexagonal polygons with count, z, p, q, hot; a cell across the antimeridian is a MultiPolygon cut at 180°). Positions are {@code [longitude, latitude]} with six decimals; no {@code crs} member (RFC 7946
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
      feature.put("id", (c.outline().size() == 6 ? "hex:" : "cell:") + c.row() + ":" + c.column());
      ObjectNode geometry = feature.putObject("geometry");
      // exterior rings counter-clockwise, as RFC 7946 asks; a cell across the antimeridian is cut in two there
      List<List<double[]>> parts = Rings.parts(c.outline());
      geometry.put("type", parts.size() == 1 ? "Polygon" : "MultiPolygon");
      ArrayNode coordinates = geometry.putArray("coordinates");
      for (List<double[]> part : parts) {
        ArrayNode ring = (parts.size() == 1 ? coordinates : coordinates.addArray()).addArray();
        part.forEach(lonLat -> position(ring.addArray(), lonLat[1], lonLat[0]));
      }
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
