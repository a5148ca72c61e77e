package org.insight.geo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * A polygonal area in longitude/latitude (a geofence, a district), prepared for fast containment tests. Planar in
 * degrees, as GeoJSON (RFC 7946) defines polygons; an area must not cross the antimeridian (split it in two).
 */
public final class Area {

  private static final GeometryFactory FACTORY = new GeometryFactory();

  private final Geometry geometry;
  private final PreparedGeometry prepared;

  private Area(Geometry geometry) {
    this.geometry = geometry.isValid() ? geometry : GeometryFixer.fix(geometry);
    this.prepared = PreparedGeometryFactory.prepare(this.geometry);
  }

  /** The polygon through these points (closed for you when the last is not the first). */
  public static Area polygon(List<GeoPoint> ring) {
    if (ring.size() < 3) {
      throw new IllegalArgumentException("a polygon needs at least three points, got " + ring.size());
    }
    List<Coordinate> cs = new ArrayList<>();
    ring.forEach(p -> cs.add(new Coordinate(p.longitude(), p.latitude())));
    if (!cs.get(0).equals2D(cs.get(cs.size() - 1))) {
      cs.add(new Coordinate(cs.get(0)));
    }
    return new Area(FACTORY.createPolygon(cs.toArray(Coordinate[]::new)));
  }

  /**
   * The area of a GeoJSON text: a Polygon or MultiPolygon geometry, a Feature holding one, or a FeatureCollection
   * (the union of its polygonal features).
   *
   * @throws CoordinateException when the text is not GeoJSON or holds no polygon
   */
  public static Area parseGeoJson(String json) {
    try {
      JsonNode root = new ObjectMapper().readTree(json);
      List<Geometry> parts = new ArrayList<>();
      collect(root, parts);
      if (parts.isEmpty()) {
        throw new CoordinateException(abbreviate(json), "the GeoJSON holds no Polygon or MultiPolygon; give a"
            + " polygon geometry, a Feature with one, or a FeatureCollection of them");
      }
      return new Area(FACTORY.buildGeometry(parts).union());
    } catch (com.fasterxml.jackson.core.JsonProcessingException | ParseException e) {
      throw new CoordinateException(abbreviate(json), "cannot read the GeoJSON: " + e.getMessage());
    }
  }

  private static void collect(JsonNode node, List<Geometry> out) throws ParseException {
    String type = node.path("type").asText();
    switch (type) {
      case "FeatureCollection" -> {
        for (JsonNode f : node.path("features")) {
          collect(f, out);
        }
      }
      case "Feature" -> collect(node.path("geometry"), out);
      case "Polygon", "MultiPolygon" -> {
        Geometry g = new GeoJsonReader(FACTORY).read(node.toString());
        if (g instanceof Polygonal) {
          out.add(g);
        }
      }
      default -> { } // points and lines bound no area
    }
  }

  private static String abbreviate(String s) {
    return s.length() > 80 ? s.substring(0, 80) + "…" : s;
  }

  /** Whether the point is inside the area or on its edge. */
  public boolean contains(GeoPoint p) {
    return prepared.covers(FACTORY.createPoint(new Coordinate(p.longitude(), p.latitude())));
  }

  Envelope envelope() {
    return geometry.getEnvelopeInternal();
  }

  Geometry geometry() {
    return geometry;
  }
}
