package org.insight.bench;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.insight.geo.Area;
import org.insight.geo.Dbscan;
import org.insight.geo.Gazetteer;
import org.insight.geo.GeoPoint;
import org.insight.geo.HotspotResult;
import org.insight.geo.Hotspots;
import org.insight.geo.SpatialIndex;
import org.insight.geo.internal.TopoJson;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Location;
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
 * vs a plain HashMap grid count of the same points; reverse geocoding also against raw JTS
 * {@link IndexedPointInAreaLocator}s in an STRtree (what the gazetteer wraps), and the {@link SpatialIndex}: build time,
 * radius and polygon queries against a naive scan of the same points. Reverse geocoding and the index part are timed
 * in thread CPU time (the shared machine is loaded: wall time measures the queue, not the code). Prints rates, ratios
 * and peak heap.
 *
 * <pre>./run-bench geo [POINTS]
 * ./run-bench geo load     (the gazetteer's load time alone: thread CPU and wall)</pre>
 */
public final class GeoBench {

  private GeoBench() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && "load".equals(args[0])) {
      // ./run-bench geo load: the gazetteer's load alone, in this fresh JVM
      long cpu = cpu();
      long wall = System.nanoTime();
      Gazetteer.shared();
      System.out.printf(Locale.ROOT, "Gazetteer.shared(): %.2f s thread CPU, %.2f s wall%n", (cpu() - cpu) / 1e9,
          (System.nanoTime() - wall) / 1e9);
      return;
    }
    if (args.length > 0 && "dbscan".equals(args[0])) {
      // ./run-bench geo dbscan [N] [NAIVE_N]
      dbscan(args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000, args.length > 2 ? Integer.parseInt(args[2])
          : 20_000);
      return;
    }
    if (args.length > 0 && "colocate".equals(args[0])) {
      // ./run-bench geo colocate [N]
      colocate(args.length > 1 ? Integer.parseInt(args[1]) : 200_000);
      return;
    }
    // ./run-bench geo reverse [N]: the reverse geocoding part alone
    boolean reverseOnly = args.length > 0 && "reverse".equals(args[0]);
    int n = args.length > (reverseOnly ? 1 : 0) ? Integer.parseInt(args[reverseOnly ? 1 : 0]) : 1_000_000;
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
      STRtree raw = new STRtree();
      for (TopoJson.Feature f : features) {
        raw.insert(f.geometry().getEnvelopeInternal(), new IndexedPointInAreaLocator(f.geometry()));
      }
      raw.build();
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
          long a = cpu();
          int found = 0;
          for (GeoPoint p : pts) {
            if (gazetteer.country(p).isPresent()) {
              found++;
            }
          }
          double ours = (cpu() - a) / 1e9;
          long b = cpu();
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
          double jts = (cpu() - b) / 1e9;
          long r0 = cpu();
          int located = 0;
          for (GeoPoint p : pts) {
            Coordinate xy = new Coordinate(p.longitude(), p.latitude());
            for (Object o : raw.query(new Envelope(xy))) {
              if (((IndexedPointInAreaLocator) o).locate(xy) != Location.EXTERIOR) {
                located++;
                break;
              }
            }
          }
          double locator = (cpu() - r0) / 1e9;
          if (round == 1) {
            System.out.printf(Locale.ROOT, "reverse geocoding (%s, thread CPU): gazetteer %,.0f points/s (%d in a country),"
                + " plain JTS prepared+STRtree %,.0f points/s (%d; ratio %.2fx), raw JTS IndexedPointInAreaLocator+STRtree"
                + " %,.0f points/s (%d; ratio %.2fx)%n", entry.getKey(), pts.size() / ours, found, pts.size() / jts,
                baseline, jts / ours, pts.size() / locator, located, locator / ours);
          }
        }
        if (reverseOnly) {
          continue;
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
        long h = cpu();
        HotspotResult hex = Hotspots.analyse(city, org.insight.geo.CellShape.HEXAGON, 200, 0.05);
        double hexS = (cpu() - h) / 1e9;
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
          System.out.printf(Locale.ROOT, "hotspots in hexagons (%,d hexagons 200 m apart, thread CPU): %,.0f points/s in"
              + " %.2f s, %d hot cells%n", hex.studyCells(), n / hexS, hexS, hex.hot().size());
        }
      }
      if (reverseOnly) {
        return;
      }
      indexAndQueries(n, new Random(20261207));
      System.out.printf(Locale.ROOT, "peak heap %,d MB (the gazetteer, %,d points twice and the hotspot grid)%n",
          heap.peakBytes() / (1 << 20), n);
    }
  }

  /**
   * DBSCAN (eps 100 m, 10 points) against a naive DBSCAN — the same rules, every neighbourhood by a scan of every
   * point — on the same {@code naiveN} points, checking both give the same clusters; then ours alone on {@code n}
   * points, with the naive time scaled by n² (an estimate, said so: a scan of 1M points per point is days).
   * Points: 200 planted clusters (100 m spread) over 100 km x 100 km around Paris, half of the points uniform noise.
   */
  private static void dbscan(int n, int naiveN) {
    try (PeakHeap heap = PeakHeap.start()) {
      List<GeoPoint> small = plantedClusters(naiveN, new Random(19));
      for (int round = 0; round < 2; round++) { // the first round warms up, on a fifth of the points
        List<GeoPoint> pts = round == 0 ? small.subList(0, naiveN / 5) : small;
        long a = cpu();
        int[] ours = clusters(pts);
        double oursS = (cpu() - a) / 1e9;
        long b = cpu();
        int[] naive = naiveClusters(pts, 100, 10);
        double naiveS = (cpu() - b) / 1e9;
        if (!java.util.Arrays.equals(ours, naive)) {
          throw new IllegalStateException("DBSCAN and the naive DBSCAN disagree on " + pts.size() + " points");
        }
        if (round == 1) {
          System.out.printf(Locale.ROOT, "DBSCAN on %,d points (thread CPU): ours %.2f s, naive %.2f s, same %d"
              + " clusters; ratio %.0fx%n", pts.size(), oursS, naiveS, java.util.Arrays.stream(ours).max().orElse(-1)
              + 1, naiveS / oursS);
          if (n > naiveN) {
            List<GeoPoint> big = plantedClusters(n, new Random(20));
            heap.reset();
            long c = cpu();
            int[] large = clusters(big);
            double largeS = (cpu() - c) / 1e9;
            double naiveEstimate = naiveS * ((double) n / naiveN) * ((double) n / naiveN);
            System.out.printf(Locale.ROOT, "DBSCAN on %,d points (thread CPU): ours %.2f s (%,d clusters, peak heap %,d"
                + " MB); naive estimated at %.0f s from %,d points scaled by n²: ratio about %.0fx%n", n, largeS,
                java.util.Arrays.stream(large).max().orElse(-1) + 1, heap.peakBytes() >> 20, naiveEstimate, naiveN,
                naiveEstimate / largeS);
          }
        }
      }
    }
  }

  /**
   * Co-location (100 m, 30 minutes) of {@code n} sightings of n/20 entities over one day around Paris — half of them at
   * 50 busy places (100 m spread) in a crowded evening (18:00–22:00), half uniform over 100 km x 100 km and the day —
   * against the sweep it replaced (time order, every later sighting inside the window compared), on the same
   * sightings, checking both give the same co-locations. Thread CPU time.
   */
  private static void colocate(int n) {
    Random random = new Random(23);
    List<GeoPoint> places = new ArrayList<>();
    for (int c = 0; c < 50; c++) {
      places.add(GeoPoint.of(48.45 + random.nextDouble() * 0.8, 1.75 + random.nextDouble() * 1.25));
    }
    java.time.Instant day = java.time.Instant.parse("2026-06-01T00:00:00Z");
    List<org.insight.geo.Sighting> sightings = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String who = "p" + random.nextInt(Math.max(1, n / 20));
      if (i % 2 == 0) {
        GeoPoint c = places.get(random.nextInt(places.size()));
        double d = 0.0009;
        sightings.add(new org.insight.geo.Sighting(who, GeoPoint.of(c.latitude() + random.nextGaussian() * d,
            c.longitude() + random.nextGaussian() * d * 1.5), day.plusSeconds(18 * 3600 + random.nextInt(4 * 3600)),
            "ev" + i));
      } else {
        sightings.add(new org.insight.geo.Sighting(who, GeoPoint.of(48.4 + random.nextDouble() * 0.9,
            1.7 + random.nextDouble() * 1.35), day.plusSeconds(random.nextInt(86_400)), "ev" + i));
      }
    }
    java.time.Duration window = java.time.Duration.ofMinutes(30);
    try (PeakHeap heap = PeakHeap.start()) {
      for (int round = 0; round < 2; round++) { // the first round warms up, on a tenth of the sightings
        List<org.insight.geo.Sighting> in = round == 0 ? sightings.subList(0, n / 10) : sightings;
        heap.reset();
        long a = cpu();
        List<org.insight.geo.CoLocation> ours = org.insight.geo.CoLocations.find(in, 100, window);
        double oursS = (cpu() - a) / 1e9;
        long b = cpu();
        List<org.insight.geo.CoLocation> sweep = sweepCoLocations(in, 100, window);
        double sweepS = (cpu() - b) / 1e9;
        if (!ours.equals(sweep)) {
          throw new IllegalStateException("co-locations and the sweep disagree on " + in.size() + " sightings");
        }
        if (round == 1) {
          System.out.printf(Locale.ROOT, "co-location of %,d sightings (100 m, 30 min; thread CPU): space-time cells"
              + " %.2f s, sweep %.2f s, same %,d pairs (%,d encounters); ratio %.1fx; peak heap %,d MB%n", in.size(),
              oursS, sweepS, ours.size(), ours.stream().mapToInt(org.insight.geo.CoLocation::times).sum(),
              sweepS / oursS, heap.peakBytes() >> 20);
        }
      }
    }
  }

  /** The co-location sweep before space-time cells: time order, every later sighting inside the window. */
  private static List<org.insight.geo.CoLocation> sweepCoLocations(List<org.insight.geo.Sighting> sightings,
      double metres, java.time.Duration window) {
    List<org.insight.geo.Sighting> sorted = new ArrayList<>(sightings);
    sorted.sort(java.util.Comparator.comparing(org.insight.geo.Sighting::time)
        .thenComparing(org.insight.geo.Sighting::entity).thenComparing(org.insight.geo.Sighting::source)
        .thenComparingDouble(x -> x.point().latitude()).thenComparingDouble(x -> x.point().longitude()));
    java.util.Map<String, java.util.Map<String, List<org.insight.geo.Encounter>>> pairs = new java.util.TreeMap<>();
    for (int i = 0; i < sorted.size(); i++) {
      org.insight.geo.Sighting a = sorted.get(i);
      for (int j = i + 1; j < sorted.size(); j++) {
        org.insight.geo.Sighting b = sorted.get(j);
        java.time.Duration apart = java.time.Duration.between(a.time(), b.time());
        if (apart.compareTo(window) > 0) {
          break;
        }
        if (a.entity().equals(b.entity())) {
          continue;
        }
        double d = a.point().distanceTo(b.point());
        if (d <= metres) {
          boolean aFirst = a.entity().compareTo(b.entity()) < 0;
          pairs.computeIfAbsent(aFirst ? a.entity() : b.entity(), k -> new java.util.TreeMap<>())
              .computeIfAbsent(aFirst ? b.entity() : a.entity(), k -> new ArrayList<>())
              .add(new org.insight.geo.Encounter(aFirst ? a : b, aFirst ? b : a, d, apart));
        }
      }
    }
    List<org.insight.geo.CoLocation> out = new ArrayList<>();
    pairs.forEach((first, seconds) -> seconds.forEach((second, encounters) -> {
      encounters.sort(java.util.Comparator.comparing((org.insight.geo.Encounter e) -> e.first().time()
          .isBefore(e.second().time()) ? e.first().time() : e.second().time()).thenComparing(e -> e.first().source())
          .thenComparing(e -> e.second().source()).thenComparingDouble(org.insight.geo.Encounter::metres));
      out.add(new org.insight.geo.CoLocation(first, second, encounters.size(), encounters.stream()
          .mapToDouble(org.insight.geo.Encounter::metres).min().orElse(0), encounters));
    }));
    out.sort(java.util.Comparator.comparingInt(org.insight.geo.CoLocation::times).reversed()
        .thenComparingDouble(org.insight.geo.CoLocation::closestMetres)
        .thenComparing(org.insight.geo.CoLocation::first).thenComparing(org.insight.geo.CoLocation::second));
    return out;
  }

  private static List<GeoPoint> plantedClusters(int n, Random random) {
    List<GeoPoint> centres = new ArrayList<>();
    for (int c = 0; c < 200; c++) {
      centres.add(GeoPoint.of(48.45 + random.nextDouble() * 0.8, 1.75 + random.nextDouble() * 1.25));
    }
    List<GeoPoint> pts = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      if (i % 2 == 0) {
        GeoPoint c = centres.get(random.nextInt(centres.size()));
        double d = 0.0009; // about 100 m of latitude
        pts.add(GeoPoint.of(c.latitude() + random.nextGaussian() * d, c.longitude() + random.nextGaussian() * d * 1.5));
      } else {
        pts.add(GeoPoint.of(48.4 + random.nextDouble() * 0.9, 1.7 + random.nextDouble() * 1.35));
      }
    }
    return pts;
  }

  private static int[] clusters(List<GeoPoint> pts) {
    List<Integer> ids = new ArrayList<>(pts.size());
    for (int i = 0; i < pts.size(); i++) {
      ids.add(i);
    }
    List<Dbscan.Member<Integer>> members = Dbscan.cluster(ids, pts::get, Integer::compare, 100, 10);
    int[] out = new int[pts.size()];
    for (Dbscan.Member<Integer> m : members) {
      out[m.item()] = m.cluster();
    }
    return out;
  }

  /** The same rules as {@link Dbscan}, each neighbourhood by a scan of every point. */
  private static int[] naiveClusters(List<GeoPoint> pts, double eps, int minPoints) {
    int n = pts.size();
    boolean[] core = new boolean[n];
    for (int i = 0; i < n; i++) {
      int count = 0;
      for (int j = 0; j < n; j++) {
        if (pts.get(i).distanceTo(pts.get(j)) <= eps) {
          count++;
        }
      }
      core[i] = count >= minPoints;
    }
    int[] parent = new int[n];
    int[] nearest = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    for (int i = 0; i < n; i++) {
      nearest[i] = -1;
      double best = Double.POSITIVE_INFINITY;
      for (int j = 0; j < n; j++) {
        double d = pts.get(i).distanceTo(pts.get(j));
        if (!core[j] || d > eps) {
          continue;
        }
        if (core[i]) {
          int ri = root(parent, i);
          int rj = root(parent, j);
          parent[Math.max(ri, rj)] = Math.min(ri, rj);
        } else if (d < best) { // j ascends, so the first of equal distances is the smaller index
          best = d;
          nearest[i] = j;
        }
      }
    }
    int[] number = new int[n];
    java.util.Arrays.fill(number, -1);
    int next = 0;
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      int r = core[i] ? root(parent, i) : nearest[i] >= 0 ? root(parent, nearest[i]) : -1;
      if (r >= 0 && number[r] < 0) {
        number[r] = next++;
      }
      out[i] = r >= 0 ? number[r] : -1;
    }
    return out;
  }

  private static int root(int[] parent, int i) {
    while (parent[i] != i) {
      i = parent[i];
    }
    return i;
  }

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private static long cpu() {
    return THREADS.getCurrentThreadCpuTime();
  }

  /**
   * {@link SpatialIndex} on {@code n} points over 100 km x 100 km around Paris: build time, then radius (1 km) and
   * polygon (a 2 km quadrilateral) queries against a naive scan of every point, on the same query sequence; the naive
   * scan runs on the first queries only (a scan of 1M points per query), and its answers are checked against the
   * index's.
   */
  private static void indexAndQueries(int n, Random random) {
    List<GeoPoint> pts = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      pts.add(GeoPoint.of(48.4 + random.nextDouble() * 0.9, 1.7 + random.nextDouble() * 1.35));
    }
    List<Integer> ids = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      ids.add(i);
    }
    long t = cpu();
    SpatialIndex<Integer> index = SpatialIndex.of(ids, pts::get);
    double build = (cpu() - t) / 1e9;
    int queries = 2_000;
    int naiveQueries = Math.max(5, Math.min(queries, 20_000_000 / Math.max(1, n)));
    List<GeoPoint> centres = new ArrayList<>();
    List<Area> areas = new ArrayList<>();
    for (int q = 0; q < queries; q++) {
      GeoPoint c = GeoPoint.of(48.45 + random.nextDouble() * 0.8, 1.75 + random.nextDouble() * 1.25);
      centres.add(c);
      double d = 0.009; // about 1 km of latitude
      areas.add(Area.polygon(List.of(GeoPoint.of(c.latitude() - d, c.longitude() - 2 * d),
          GeoPoint.of(c.latitude() - d, c.longitude() + d), GeoPoint.of(c.latitude() + d, c.longitude() + 2 * d),
          GeoPoint.of(c.latitude() + d * 0.5, c.longitude() - d))));
    }
    for (int round = 0; round < 2; round++) { // the first round warms up
      long a = cpu();
      long radiusHits = 0;
      for (GeoPoint c : centres) {
        radiusHits += index.within(c, 1_000).size();
      }
      double radius = (cpu() - a) / 1e9;
      long b = cpu();
      long naiveRadiusHits = 0;
      long indexRadiusHits = 0;
      for (int q = 0; q < naiveQueries; q++) {
        GeoPoint c = centres.get(q);
        for (GeoPoint p : pts) {
          if (p.distanceTo(c) <= 1_000) {
            naiveRadiusHits++;
          }
        }
      }
      double naiveRadius = (cpu() - b) / 1e9;
      for (int q = 0; q < naiveQueries; q++) {
        indexRadiusHits += index.within(centres.get(q), 1_000).size();
      }
      long c = cpu();
      long polygonHits = 0;
      for (Area area : areas) {
        polygonHits += index.within(area).size();
      }
      double polygon = (cpu() - c) / 1e9;
      long d = cpu();
      long naivePolygonHits = 0;
      long indexPolygonHits = 0;
      for (int q = 0; q < naiveQueries; q++) {
        Area area = areas.get(q);
        for (GeoPoint p : pts) {
          if (area.contains(p)) {
            naivePolygonHits++;
          }
        }
      }
      double naivePolygon = (cpu() - d) / 1e9;
      for (int q = 0; q < naiveQueries; q++) {
        indexPolygonHits += index.within(areas.get(q)).size();
      }
      if (naiveRadiusHits != indexRadiusHits || naivePolygonHits != indexPolygonHits) {
        throw new IllegalStateException("the index and the naive scan disagree: radius " + indexRadiusHits + " vs "
            + naiveRadiusHits + ", polygon " + indexPolygonHits + " vs " + naivePolygonHits);
      }
      if (round == 1) {
        System.out.printf(Locale.ROOT, "spatial index (thread CPU): %,d points indexed in %.2f s (%,.0f points/s)%n", n,
            build, n / build);
        System.out.printf(Locale.ROOT, "radius 1 km: %,.0f queries/s (%.1f hits each); naive scan %,.1f queries/s"
            + " (%d queries, same hits); ratio %.0fx%n", queries / radius, radiusHits / (double) queries,
            naiveQueries / naiveRadius, naiveQueries, (naiveRadius / naiveQueries) / (radius / queries));
        System.out.printf(Locale.ROOT, "polygon ~2 km: %,.0f queries/s (%.1f hits each); naive scan %,.1f queries/s"
            + " (%d queries, same hits); ratio %.0fx%n", queries / polygon, polygonHits / (double) queries,
            naiveQueries / naivePolygon, naiveQueries,
            (naivePolygon / naiveQueries) / (polygon / queries));
      }
    }
  }
}
