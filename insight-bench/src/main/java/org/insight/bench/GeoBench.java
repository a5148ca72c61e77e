package org.insight.bench;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.insight.geo.Gazetteer;
import org.insight.geo.GeoPoint;
import org.insight.geo.HotspotResult;
import org.insight.geo.Hotspots;
import org.insight.geo.internal.TopoJson;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Geo against plain baselines in the same JVM: reverse geocoding of random points (over land-heavy Europe and the
 * whole globe) by {@link Gazetteer#country} vs plain JTS — the same decoded outlines as {@link PreparedGeometry} in an
 * STRtree, {@code covers} per candidate — and hotspot analysis ({@link Hotspots}: binning, Gi*, Benjamini–Hochberg)
 * vs a plain HashMap grid count of the same points. Prints rates, ratios and peak heap.
 *
 * <pre>./run-bench geo [POINTS]</pre>
 */
public final class GeoBench {

  private GeoBench() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    try (PeakHeap heap = PeakHeap.start()) {
      long t0 = System.nanoTime();
      Gazetteer gazetteer = Gazetteer.shared();
      double load = (System.nanoTime() - t0) / 1e9;
      GeometryFactory factory = new GeometryFactory();
      STRtree plain = new STRtree();
      List<TopoJson.Feature> features;
      try (InputStream in = Gazetteer.class.getResourceAsStream("/org/insight/geo/data/world-atlas/countries-50m.json")) {
        features = TopoJson.read(in, "countries", factory);
      }
      for (TopoJson.Feature f : features) {
        plain.insert(f.geometry().getEnvelopeInternal(), Map.entry(f.name(), PreparedGeometryFactory.prepare(f.geometry())));
      }
      plain.build();
      System.out.printf(Locale.ROOT, "GeoBench: %,d points; gazetteer loaded in %.2f s (%d outlines, %d languages)%n", n,
          load, features.size(), gazetteer.languages().size());

      Random random = new Random(20260407);
      List<GeoPoint> europe = new ArrayList<>(n);
      List<GeoPoint> globe = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        europe.add(GeoPoint.of(36 + random.nextDouble() * 34, -10 + random.nextDouble() * 40));
        globe.add(GeoPoint.of(Math.toDegrees(Math.asin(2 * random.nextDouble() - 1)), -180 + random.nextDouble() * 360));
      }
      for (int round = 0; round < 2; round++) { // the first round warms up
        for (var entry : new java.util.TreeMap<>(Map.of("europe", europe, "globe", globe)).entrySet()) {
          // the warm-up round runs on a tenth of the points
          List<GeoPoint> pts = round == 0 ? entry.getValue().subList(0, n / 10) : entry.getValue();
          long a = System.nanoTime();
          int found = 0;
          for (GeoPoint p : pts) {
            if (gazetteer.country(p).isPresent()) {
              found++;
            }
          }
          double ours = (System.nanoTime() - a) / 1e9;
          long b = System.nanoTime();
          int baseline = 0;
          for (GeoPoint p : pts) {
            Point point = factory.createPoint(new Coordinate(p.longitude(), p.latitude()));
            for (Object o : plain.query(new Envelope(point.getCoordinate()))) {
              @SuppressWarnings("unchecked")
              Map.Entry<String, PreparedGeometry> e = (Map.Entry<String, PreparedGeometry>) o;
              if (e.getValue().covers(point)) {
                baseline++;
                break;
              }
            }
          }
          double jts = (System.nanoTime() - b) / 1e9;
          if (round == 1) {
            System.out.printf(Locale.ROOT, "reverse geocoding (%s): gazetteer %,.0f points/s (%d in a country), plain JTS"
                + " prepared+STRtree %,.0f points/s (%d); ratio %.2fx%n", entry.getKey(), pts.size() / ours, found,
                pts.size() / jts, baseline, jts / ours);
          }
        }
        long c = System.nanoTime();
        int cities = 0;
        int cityQueries = round == 0 ? Math.min(n, 20_000) : Math.min(n, 200_000);
        for (int i = 0; i < cityQueries; i++) {
          cities += gazetteer.nearestCity(europe.get(i)).isPresent() ? 1 : 0;
        }
        double nearest = (System.nanoTime() - c) / 1e9;
        // hotspots: 100 km x 100 km around Paris, cells of 200 m (250,000 cells)
        List<GeoPoint> city = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          city.add(GeoPoint.of(48.4 + random.nextDouble() * 0.9, 1.7 + random.nextDouble() * 1.35));
        }
        long d = System.nanoTime();
        HotspotResult r = Hotspots.analyse(city, 200);
        double hot = (System.nanoTime() - d) / 1e9;
        long e = System.nanoTime();
        Map<Long, Integer> counts = new HashMap<>();
        double dLat = 200 / (6_371_008.8 * Math.PI / 180);
        double dLon = dLat / Math.cos(Math.toRadians(48.85));
        for (GeoPoint p : city) {
          long key = (long) Math.floor(p.latitude() / dLat) * 1_000_000L + (long) Math.floor((p.longitude() + 180) / dLon);
          counts.merge(key, 1, Integer::sum);
        }
        double grid = (System.nanoTime() - e) / 1e9;
        if (round == 1) {
          System.out.printf(Locale.ROOT, "nearest city: %,.0f points/s (%d found)%n", cityQueries / nearest, cities);
          System.out.printf(Locale.ROOT, "hotspots (%,d cells of 200 m, Gi* + BH): %,.0f points/s in %.2f s, %d hot cells;"
              + " plain HashMap grid count %,.0f points/s (%d cells); ratio %.2fx%n", r.studyCells(), n / hot, hot,
              r.hot().size(), n / grid, counts.size(), grid / hot);
        }
      }
      System.out.printf(Locale.ROOT, "peak heap %,d MB (the gazetteer, %,d points twice and the hotspot grid)%n",
          heap.peakBytes() / (1 << 20), n);
    }
  }
}
