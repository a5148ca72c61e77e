package org.insight.geo.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * Decodes a TopoJSON topology's polygons into JTS geometries. Each arc is delta-encoded from its own start (the
 * running sum restarts per arc), quantised positions are mapped back through the transform, a negative arc index
 * {@code ~i} is arc {@code i} reversed, and consecutive arcs of a ring share their joining position (kept once).
 * An invalid result (self-touching rings after quantisation) is repaired by {@link GeometryFixer}, never dropped.
 * world-atlas's rings are spherical (d3): they cross the antimeridian and Antarctica's coast winds round the pole;
 * see {@link #polygon} for how they become planar geometries.
 */
public final class TopoJson {

  /** One decoded feature: the topology's id (ISO numeric for world-atlas), its name property and geometry. */
  public record Feature(String id, String name, Geometry geometry) {
  }

  private final GeometryFactory factory;
  private final List<Coordinate[]> arcs = new ArrayList<>();

  private TopoJson(JsonNode topology, GeometryFactory factory) {
    this.factory = factory;
    JsonNode transform = topology.path("transform");
    boolean quantised = !transform.isMissingNode();
    double sx = quantised ? transform.path("scale").get(0).asDouble() : 1;
    double sy = quantised ? transform.path("scale").get(1).asDouble() : 1;
    double tx = quantised ? transform.path("translate").get(0).asDouble() : 0;
    double ty = quantised ? transform.path("translate").get(1).asDouble() : 0;
    for (JsonNode arc : topology.path("arcs")) {
      Coordinate[] out = new Coordinate[arc.size()];
      long x = 0;
      long y = 0;
      for (int i = 0; i < arc.size(); i++) {
        JsonNode p = arc.get(i);
        if (quantised) {
          x += p.get(0).asLong();
          y += p.get(1).asLong();
          out[i] = new Coordinate(x * sx + tx, y * sy + ty);
        } else {
          out[i] = new Coordinate(p.get(0).asDouble(), p.get(1).asDouble());
        }
      }
      arcs.add(out);
    }
  }

  /** The features of {@code object} (e.g. "countries") in the topology read from {@code in}. */
  public static List<Feature> read(InputStream in, String object, GeometryFactory factory) throws IOException {
    JsonNode topology = new ObjectMapper().readTree(in);
    TopoJson decoder = new TopoJson(topology, factory);
    JsonNode geometries = topology.path("objects").path(object).path("geometries");
    if (!geometries.isArray()) {
      throw new IOException("the topology has no object '" + object + "' with geometries");
    }
    List<Feature> out = new ArrayList<>();
    for (JsonNode g : geometries) {
      Geometry geometry = decoder.geometry(g);
      if (geometry == null) {
        continue; // a feature without an area (world-atlas has none; a null geometry carries nothing to map)
      }
      out.add(new Feature(g.hasNonNull("id") ? g.get("id").asText() : null, g.path("properties").path("name").asText(""),
          geometry));
    }
    return out;
  }

  private Geometry geometry(JsonNode g) {
    String type = g.path("type").asText();
    List<Geometry> parts = new ArrayList<>();
    if ("Polygon".equals(type)) {
      parts.add(polygon(g.path("arcs")));
    } else if ("MultiPolygon".equals(type)) {
      for (JsonNode p : g.path("arcs")) {
        parts.add(polygon(p));
      }
    } else {
      return null;
    }
    List<Geometry> polygons = new ArrayList<>();
    for (Geometry part : parts) {
      for (int i = 0; i < part.getNumGeometries(); i++) {
        if (part.getGeometryN(i).getArea() > 0) {
          polygons.add(part.getGeometryN(i));
        }
      }
    }
    // parts of one country do not overlap in the source; only a result quantisation made invalid goes through the
    // fixer (which unions every part: slow for Canada's thousands of islands, so not by default)
    Geometry all = factory.buildGeometry(polygons);
    return all.isValid() ? all : GeometryFixer.fix(all);
  }

  /**
   * A polygon from its rings, each made continuous across the antimeridian first (world-atlas's rings are spherical:
   * Chukotka's and Fiji's cross 180°, so read as planar they would span the globe). The result may reach beyond
   * ±180° (Chukotka up to about 190°): callers test a point at its longitude and at ±360°, which is cheaper and more
   * robust than cutting the outline. A ring that winds around a pole (Antarctica's coast) is closed through that
   * pole and counts as land, even where the topology lists it as a hole of a degenerate polar-edge ring.
   */
  private Geometry polygon(JsonNode rings) {
    Geometry shell = area(rings.get(0));
    List<Geometry> caps = new ArrayList<>();
    for (int i = 1; i < rings.size(); i++) {
      Unwrapped hole = unwrap(coordinates(rings.get(i)));
      Geometry a = area(hole);
      if (hole.polar) {
        caps.add(a);
      } else {
        shell = OverlayNGRobust.overlay(shell, a, OverlayNG.DIFFERENCE);
      }
    }
    for (Geometry cap : caps) {
      // Antarctica's shell is the zero-width polar edge: the cap alone is the land
      shell = shell.getArea() < 1e-3 ? cap : OverlayNGRobust.overlay(shell, cap, OverlayNG.UNION);
    }
    return shell;
  }

  private Geometry area(JsonNode ring) {
    return area(unwrap(coordinates(ring)));
  }

  private Geometry area(Unwrapped ring) {
    List<Coordinate> pts = new ArrayList<>(ring.points);
    if (ring.polar) {
      double pole = pts.stream().mapToDouble(c -> c.y).average().orElse(0) < 0 ? -90 : 90;
      pts.add(new Coordinate(pts.get(pts.size() - 1).x, pole));
      pts.add(new Coordinate(pts.get(0).x, pole));
    }
    if (!pts.get(0).equals2D(pts.get(pts.size() - 1))) {
      pts.add(new Coordinate(pts.get(0)));
    }
    while (pts.size() < 4) {
      pts.add(new Coordinate(pts.get(0))); // degenerate after quantisation; the fixer drops it
    }
    LinearRing r = factory.createLinearRing(pts.toArray(Coordinate[]::new));
    Geometry polygon = factory.createPolygon(r);
    return polygon.isValid() ? polygon : GeometryFixer.fix(polygon);
  }

  private record Unwrapped(List<Coordinate> points, boolean polar) {
  }

  /** Shifts longitudes by multiples of 360 so no step exceeds 180°; a ring whose shifts do not cancel winds a pole. */
  private static Unwrapped unwrap(List<Coordinate> raw) {
    List<Coordinate> out = new ArrayList<>(raw.size());
    double offset = 0;
    Coordinate prev = null;
    for (Coordinate c : raw) {
      if (prev != null) {
        double d = c.x - prev.x;
        if (d > 180) {
          offset -= 360;
        } else if (d < -180) {
          offset += 360;
        }
      }
      out.add(new Coordinate(c.x + offset, c.y));
      prev = c;
    }
    // a closed ring returns to its first position: the last point's offset is the net winding
    return new Unwrapped(out, Math.abs(offset) > 1);
  }

  private List<Coordinate> coordinates(JsonNode indexes) {
    List<Coordinate> points = new ArrayList<>();
    for (JsonNode n : indexes) {
      int index = n.asInt();
      Coordinate[] arc = arcs.get(index >= 0 ? index : ~index);
      int size = arc.length;
      for (int i = 0; i < size; i++) {
        Coordinate c = arc[index >= 0 ? i : size - 1 - i];
        if (i == 0 && !points.isEmpty()) {
          continue; // the joining position, already the previous arc's last
        }
        points.add(new Coordinate(c));
      }
    }
    return points;
  }
}
