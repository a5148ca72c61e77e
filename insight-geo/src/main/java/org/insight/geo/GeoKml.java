package org.insight.geo;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.insight.geo.internal.Rings;

/**
 * KML 2.2 output (OGC 07-147r2), for Google Earth and most GIS tools: one {@code Document} of placemarks. A point is a
 * {@code Placemark} named by its {@code name} property (else its id), with its id and every property in
 * {@code ExtendedData} and its {@code time} property as a {@code TimeStamp}; a hotspot cell is a {@code Polygon}
 * (square or hexagon; two in a {@code MultiGeometry} when it crosses the antimeridian) placemark with count, z, p, q
 * and hot. Text is XML-escaped (characters XML 1.0 cannot hold are dropped, so the
 * file always parses); no styles, icons or links: the file references nothing outside itself.
 */
public final class GeoKml {

  private GeoKml() {
  }

  /** The features as a KML document text. */
  public static String write(String title, Collection<GeoFeature> points, Collection<HotspotCell> cells) {
    StringBuilder s = new StringBuilder(256 + 400 * (points.size() + cells.size()));
    s.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<kml xmlns=\"http://www.opengis.net/kml/2.2\">\n")
        .append("<Document>\n<name>").append(escape(title)).append("</name>\n");
    for (GeoFeature f : points) {
      Object name = f.properties().get("name");
      s.append("<Placemark>\n<name>").append(escape(name == null ? f.id() : String.valueOf(name))).append("</name>\n");
      Object time = f.properties().get("time");
      if (time != null) {
        s.append("<TimeStamp><when>").append(escape(String.valueOf(time))).append("</when></TimeStamp>\n");
      }
      s.append("<ExtendedData>\n");
      data(s, "id", f.id());
      for (Map.Entry<String, Object> e : f.properties().entrySet()) {
        data(s, e.getKey(), String.valueOf(e.getValue()));
      }
      s.append("</ExtendedData>\n<Point><coordinates>").append(position(f.point().latitude(), f.point().longitude()))
          .append("</coordinates></Point>\n</Placemark>\n");
    }
    for (HotspotCell c : cells) {
      s.append("<Placemark>\n<name>").append(c.hot() ? "hot cell " : "cell ").append(c.row()).append(':')
          .append(c.column()).append("</name>\n<ExtendedData>\n");
      data(s, "kind", "hotspot-cell");
      data(s, "count", Integer.toString(c.count()));
      data(s, "z", Double.toString(c.z()));
      data(s, "p", Double.toString(c.p()));
      data(s, "q", Double.toString(c.q()));
      data(s, "hot", Boolean.toString(c.hot()));
      // KML rings are closed (first position repeated); counter-clockwise, as KML asks for the outer boundary; a cell
      // across the antimeridian is cut in two there
      List<List<double[]>> parts = Rings.parts(c.outline());
      s.append("</ExtendedData>\n").append(parts.size() > 1 ? "<MultiGeometry>" : "");
      for (List<double[]> part : parts) {
        s.append("<Polygon><outerBoundaryIs><LinearRing><coordinates>");
        for (int i = 0; i < part.size(); i++) {
          s.append(i == 0 ? "" : " ").append(position(part.get(i)[1], part.get(i)[0]));
        }
        s.append("</coordinates></LinearRing></outerBoundaryIs></Polygon>");
      }
      s.append(parts.size() > 1 ? "</MultiGeometry>" : "").append("\n</Placemark>\n");
    }
    return s.append("</Document>\n</kml>\n").toString();
  }

  private static void data(StringBuilder s, String name, String value) {
    s.append("<Data name=\"").append(escape(name)).append("\"><value>").append(escape(value)).append("</value></Data>\n");
  }

  private static String position(double lat, double lon) {
    return GeoPoint.decimals(lon, 6) + "," + GeoPoint.decimals(lat, 6);
  }

  /** Text safe in XML content and attribute values. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    text.codePoints().forEach(c -> {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&apos;");
        default -> {
          boolean allowed = c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF
              || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000 && c <= 0x10FFFF;
          if (allowed) {
            out.appendCodePoint(c);
          }
        }
      }
    });
    return out.toString();
  }
}
