package org.insight.geo;

import java.util.Collection;
import java.util.Locale;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;

/**
 * A self-contained HTML page with an SVG map: the gazetteer's country outlines (clipped to the points' area),
 * hotspot cells (squares or hexagons) shaded by their z-score, and the points with their ids as tooltips. No tiles, no script, no network:
 * it opens offline and prints as it shows.
 */
public final class GeoMap {

  private static final int WIDTH = 1000;

  private GeoMap() {
  }

  /** The page for these points and cells (either may be empty; an empty map shows the world). */
  public static String html(String title, Collection<GeoFeature> points, Collection<HotspotCell> cells) {
    long hot = cells.stream().filter(HotspotCell::hot).count();
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title) + "</title>\n"
        + "<style>body{font-family:sans-serif;margin:16px;color:#222}p{font-size:13px;color:#555}</style></head>\n"
        + "<body><h1 style=\"font-size:18px\">" + escape(title) + "</h1>\n<p>" + points.size() + " point(s), " + hot
        + " hotspot cell(s) (Getis–Ord Gi*, Benjamini–Hochberg). Outlines: Natural Earth; places: GeoNames"
        + " (CC BY 4.0).</p>\n" + svg(points, cells) + "</body></html>\n";
  }

  /**
   * The map alone, as an inline SVG element (for a page of one's own): outlines, cells, then points, each with a
   * tooltip of its id, position and property values (escaped).
   */
  public static String svg(Collection<GeoFeature> points, Collection<HotspotCell> cells) {
    return svg(points, cells, 0);
  }

  /**
   * The map alone, showing at least {@code minSpanDegrees} of longitude and latitude around the points (an overview
   * that shows the country outlines around a city's points).
   */
  public static String svg(Collection<GeoFeature> points, Collection<HotspotCell> cells, double minSpanDegrees) {
    Envelope view = new Envelope();
    points.forEach(f -> view.expandToInclude(f.point().longitude(), f.point().latitude()));
    cells.forEach(c -> {
      view.expandToInclude(c.west(), c.south());
      view.expandToInclude(c.east(), c.north());
    });
    if (view.isNull()) {
      view.init(-180, 180, -60, 85);
    } else if (minSpanDegrees > 0) {
      view.expandBy(Math.max(0, (minSpanDegrees - view.getWidth()) / 2), Math.max(0, (minSpanDegrees
          - view.getHeight()) / 2));
    }
    double margin = Math.max(0.05, Math.max(view.getWidth(), view.getHeight()) * 0.15);
    view.init(Math.max(-180, view.getMinX() - margin), Math.min(180, view.getMaxX() + margin),
        Math.max(-90, view.getMinY() - margin), Math.min(90, view.getMaxY() + margin));
    double midLat = Math.toRadians((view.getMinY() + view.getMaxY()) / 2);
    double kx = WIDTH / view.getWidth();
    double ky = kx / Math.max(0.2, Math.cos(midLat));
    int height = (int) Math.ceil(view.getHeight() * ky);
    Projection proj = new Projection(view, kx, ky);

    StringBuilder svg = new StringBuilder();
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
        .append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height).append("\">\n");
    svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#dceefb\"/>\n<g fill=\"#f4f1e8\" stroke=\"#8a8a8a\""
        + " stroke-width=\"0.7\">\n");
    double tolerance = view.getWidth() / WIDTH / 2;
    for (Gazetteer.Outline o : Gazetteer.shared().outlines()) {
      if (!o.geometry().getEnvelopeInternal().intersects(view)) {
        continue;
      }
      // no overlay clip (fragile on continent-sized outlines): the SVG viewBox clips what lies outside
      Geometry g = DouglasPeuckerSimplifier.simplify(o.geometry(), tolerance);
      if (g.isEmpty()) {
        continue;
      }
      svg.append("<path d=\"");
      for (int i = 0; i < g.getNumGeometries(); i++) {
        if (g.getGeometryN(i) instanceof Polygon p) {
          ring(svg, p.getExteriorRing().getCoordinates(), proj);
          for (int h = 0; h < p.getNumInteriorRing(); h++) {
            ring(svg, p.getInteriorRingN(h).getCoordinates(), proj);
          }
        }
      }
      svg.append("\" fill-rule=\"evenodd\"><title>").append(escape(o.country().name())).append(" (")
          .append(o.country().code()).append(")</title></path>\n");
    }
    svg.append("</g>\n<g stroke=\"none\">\n");
    double maxZ = cells.stream().mapToDouble(HotspotCell::z).max().orElse(1);
    for (HotspotCell c : cells) {
      String fill = c.hot() ? "#d7301f" : c.count() > 0 ? "#fdae6b" : "#bdbdbd";
      double opacity = c.hot() ? 0.35 + 0.5 * Math.min(1, c.z() / Math.max(1e-9, maxZ)) : 0.3;
      svg.append("<path d=\"");
      for (java.util.List<double[]> part : org.insight.geo.internal.Rings.parts(c.outline())) {
        for (int i = 0; i < part.size(); i++) {
          svg.append(i == 0 ? 'M' : 'L').append(String.format(Locale.ROOT, "%.1f %.1f", proj.x(part.get(i)[0]),
              proj.y(part.get(i)[1])));
        }
        svg.append('Z');
      }
      svg.append(String.format(Locale.ROOT, "\" fill=\"%s\" fill-opacity=\"%.2f\"><title>%d point(s), Gi* z=%.2f,"
          + " q=%.3g%s</title></path>%n", fill, opacity, c.count(), c.z(), c.q(), c.hot() ? " (hotspot)" : ""));
    }
    svg.append("</g>\n<g fill=\"#08519c\" stroke=\"#ffffff\" stroke-width=\"1\">\n");
    for (GeoFeature f : points) {
      svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\"><title>%s</title></circle>%n",
          proj.x(f.point().longitude()), proj.y(f.point().latitude()), escape(f.id() + " " + f.point()
              + f.properties().values().stream().map(String::valueOf).reduce("", (a, b) -> a + " " + b))));
    }
    svg.append("</g>\n</svg>\n");
    return svg.toString();
  }

  private record Projection(Envelope view, double kx, double ky) {
    double x(double lon) {
      return (lon - view.getMinX()) * kx;
    }

    double y(double lat) {
      return (view.getMaxY() - lat) * ky;
    }
  }

  private static void ring(StringBuilder out, Coordinate[] cs, Projection p) {
    for (int i = 0; i < cs.length; i++) {
      out.append(i == 0 ? 'M' : 'L').append(String.format(Locale.ROOT, "%.1f %.1f", p.x(cs[i].x), p.y(cs[i].y)));
    }
    out.append('Z');
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
        .replace("'", "&#39;");
  }
}
