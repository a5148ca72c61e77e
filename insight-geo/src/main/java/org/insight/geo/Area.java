package org.insight.geo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * A polygonal area in longitude/latitude (a geofence, a district), prepared for fast containment tests. Planar in
 * degrees, as GeoJSON (RFC 7946) defines polygons. An area across the antimeridian (Fiji, Chukotka) may be given cut
 * in two at 180° (as RFC 7946 asks), with longitudes beyond ±180° (179° to 181°), or as a ring whose consecutive
 * corners jump by more than 180° (179.9° then -179.9°: the short way round is meant, so a polygon must be less than
 * 180° wide); it is cut at 180° here and contains points on both sides.
 */
public final class Area {

  private static final GeometryFactory FACTORY = new GeometryFactory();

  private final Geometry geometry;
  private final PreparedGeometry prepared;

  private Area(Geometry given) {
    Geometry geometry = wrapped(given);
    this.geometry = geometry.isValid() ? geometry : GeometryFixer.fix(geometry);
    this.prepared = PreparedGeometryFactory.prepare(this.geometry);
  }

  /** The geometry with every polygon that crosses the antimeridian cut there (see the class comment). */
  private static Geometry wrapped(Geometry g) {
    List<Geometry> parts = new ArrayList<>();
    boolean cut = false;
    for (int i = 0; i < g.getNumGeometries(); i++) {
      if (!(g.getGeometryN(i) instanceof Polygon polygon)) {
        continue;
      }
      Polygon p = unwrapped(polygon);
      Envelope e = p.getEnvelopeInternal();
      if (e.getMinX() >= -180 && e.getMaxX() <= 180) {
        parts.add(p);
        continue;
      }
      cut = true;
      for (int shift = -720; shift <= 720; shift += 360) {
        Geometry side = p.intersection(FACTORY.toGeometry(new Envelope(-180 - shift, 180 - shift, -90, 90)));
        if (!side.isEmpty()) {
          parts.add(AffineTransformation.translationInstance(shift, 0).transform(side));
        }
      }
    }
    return cut ? FACTORY.buildGeometry(parts).union() : g;
  }

  /** The polygon with negative longitudes moved east by 360° when its outer ring jumps across the antimeridian. */
  private static Polygon unwrapped(Polygon p) {
    Coordinate[] outer = p.getExteriorRing().getCoordinates();
    boolean jumps = false;
    for (int i = 0; i + 1 < outer.length; i++) {
      jumps |= Math.abs(outer[i + 1].x - outer[i].x) > 180;
    }
    if (!jumps) {
      return p;
    }
    Polygon copy = (Polygon) p.copy();
    copy.apply(new org.locationtech.jts.geom.CoordinateSequenceFilter() {
      @Override
      public void filter(org.locationtech.jts.geom.CoordinateSequence seq, int i) {
        if (seq.getX(i) < 0) {
          seq.setOrdinate(i, 0, seq.getX(i) + 360);
        }
      }

      @Override
      public boolean isDone() {
        return false;
      }

      @Override
      public boolean isGeometryChanged() {
        return true;
      }
    });
    copy.geometryChanged();
    return copy;
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

  /**
   * Boxes that together hold the area: one, or for an area of several parts one for its parts east of 0° and one for
   * the rest (so a small area cut at 180° is not searched as a band round the globe). They may overlap.
   */
  List<Envelope> envelopes() {
    Envelope east = new Envelope();
    Envelope west = new Envelope();
    for (int i = 0; i < geometry.getNumGeometries(); i++) {
      Envelope e = geometry.getGeometryN(i).getEnvelopeInternal();
      (e.centre().x >= 0 ? east : west).expandToInclude(e);
    }
    if (east.isNull() || west.isNull()) {
      return List.of(geometry.getEnvelopeInternal());
    }
    return List.of(east, west);
  }

  Geometry geometry() {
    return geometry;
  }
}
