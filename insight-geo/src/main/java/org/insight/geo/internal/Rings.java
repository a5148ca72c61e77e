package org.insight.geo.internal;

import java.util.ArrayList;
import java.util.List;
import org.insight.geo.GeoPoint;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.AffineTransformation;

/**
 * A small ring (a hotspot cell's outline) as longitude/latitude polygons for a file or a map: one polygon, or two when
 * it crosses the antimeridian — cut at 180°, as RFC 7946 asks, where a ring jumping from 179.9° to -179.9° would read
 * as a band round the whole globe.
 */
public final class Rings {

  private static final GeometryFactory FACTORY = new GeometryFactory();

  private Rings() {
  }

  /**
   * The ring's parts: each a closed, counter-clockwise list of {@code {longitude, latitude}}. A ring is taken to
   * cross the antimeridian when two consecutive corners are more than 180° of longitude apart.
   */
  public static List<List<double[]>> parts(List<GeoPoint> ring) {
    int n = ring.size();
    boolean crosses = false;
    for (int i = 0; i < n; i++) {
      if (Math.abs(ring.get(i).longitude() - ring.get((i + 1) % n).longitude()) > 180) {
        crosses = true;
      }
    }
    Coordinate[] cs = new Coordinate[n + 1];
    for (int i = 0; i < n; i++) {
      double lon = ring.get(i).longitude();
      cs[i] = new Coordinate(crosses && lon < 0 ? lon + 360 : lon, ring.get(i).latitude());
    }
    cs[n] = new Coordinate(cs[0]);
    List<List<double[]>> out = new ArrayList<>();
    if (!crosses) {
      out.add(ccw(cs));
      return out;
    }
    Polygon unwrapped = FACTORY.createPolygon(cs);
    Geometry west = unwrapped.intersection(FACTORY.toGeometry(new Envelope(-180, 180, -90, 90)));
    Geometry east = AffineTransformation.translationInstance(-360, 0)
        .transform(unwrapped.intersection(FACTORY.toGeometry(new Envelope(180, 540, -90, 90))));
    for (Geometry part : List.of(west, east)) {
      for (int i = 0; i < part.getNumGeometries(); i++) {
        if (part.getGeometryN(i) instanceof Polygon p && !p.isEmpty()) {
          out.add(ccw(p.getExteriorRing().getCoordinates()));
        }
      }
    }
    return out;
  }

  private static List<double[]> ccw(Coordinate[] closed) {
    List<double[]> out = new ArrayList<>(closed.length);
    boolean reverse = !Orientation.isCCW(closed);
    for (int i = 0; i < closed.length; i++) {
      Coordinate c = closed[reverse ? closed.length - 1 - i : i];
      out.add(new double[] {c.x, c.y});
    }
    return out;
  }
}
