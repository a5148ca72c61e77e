package org.insight.report.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.insight.geo.Dbscan;
import org.insight.geo.GeoFeature;
import org.insight.geo.HotspotCell;
import org.insight.geo.HotspotResult;
import org.insight.geo.Hotspots;
import org.insight.report.ProductKind;
import org.insight.report.Row;
import org.insight.report.Section;
import org.insight.workspace.Located;
import org.insight.workspace.Session;

/** The map product: visible points, their DBSCAN clusters and Getis–Ord hotspots, on country outlines. */
public final class Maps {
  static final int MIN_CLUSTER = 3;

  private Maps() {}

  public static Collected read(Session reader, double cellMetres, double clusterMetres) {
    List<Dbscan.Member<Located>> members = reader.geo().clusters(clusterMetres, MIN_CLUSTER);
    HotspotResult hotspots = Hotspots.analyse(members.stream().map(Dbscan.Member::point).toList(), cellMetres);
    Collected c = new Collected("Map", ProductKind.MAP);
    add(c, "Points, clusters and hotspots", members, hotspots.cells());
    return c;
  }

  /** The figure and its tables: points (with cluster), clusters (size and centre) and hot cells. */
  static void add(Collected c, String title, List<Dbscan.Member<Located>> members, List<HotspotCell> cells) {
    List<GeoFeature> features = new ArrayList<>();
    List<Row> points = new ArrayList<>();
    Map<Integer, double[]> clusters = new TreeMap<>();
    for (Dbscan.Member<Located> m : members) {
      Located l = m.item();
      c.item(l.entity().value());
      c.label(l.label());
      Map<String, Object> props = new LinkedHashMap<>();
      props.put("schema", l.schema());
      props.put("property", l.property());
      l.time().ifPresent(t -> props.put("time", t.toString()));
      if (m.cluster() != Dbscan.NOISE) {
        props.put("cluster", m.cluster());
        double[] sum = clusters.computeIfAbsent(m.cluster(), k -> new double[3]);
        sum[0] += m.point().latitude();
        sum[1] += m.point().longitude();
        sum[2]++;
      }
      features.add(new GeoFeature(l.entity().value(), l.point(), props));
      points.add(new Row(l.entity().value(), List.of(l.entity().value(), l.schema(), l.property(),
          coordinate(l.point().latitude()), coordinate(l.point().longitude()), l.time().map(Object::toString).orElse(""),
          m.cluster() == Dbscan.NOISE ? "" : Integer.toString(m.cluster()), l.label().toString()), List.of()));
    }
    c.add(new Section.MapFigure(title, features, cells));
    c.add(new Section.Table("Points", List.of("entity", "type", "property", "latitude", "longitude", "time", "cluster",
        "label"), points));
    List<Row> clusterRows = new ArrayList<>();
    clusters.forEach((id, s) -> clusterRows.add(new Row("cluster-" + id, List.of(Integer.toString(id),
        Long.toString((long) s[2]), coordinate(s[0] / s[2]), coordinate(s[1] / s[2])), List.of())));
    c.add(new Section.Table("Clusters", List.of("cluster", "points", "latitude", "longitude"), clusterRows));
    List<Row> hot = new ArrayList<>();
    for (HotspotCell cell : cells) {
      if (cell.hot()) {
        hot.add(new Row("cell-" + cell.row() + "-" + cell.column(), List.of(coordinate(cell.south()),
            coordinate(cell.west()), coordinate(cell.north()), coordinate(cell.east()), Integer.toString(cell.count()),
            String.format(Locale.ROOT, "%.2f", cell.z()), String.format(Locale.ROOT, "%.3g", cell.q())), List.of()));
      }
    }
    c.add(new Section.Table("Hotspots", List.of("south", "west", "north", "east", "points", "z", "q"), hot));
  }

  static String coordinate(double d) {
    return String.format(Locale.ROOT, "%.5f", d);
  }
}
