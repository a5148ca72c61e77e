package org.insight.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * DBSCAN against a brute-force reference (every pair's haversine distance, the same definition written the plain
 * way), on planted clusters with noise, across the antimeridian, and under any input order.
 */
class DbscanProperties {

  /** A point with an id, the order that numbers clusters. */
  record P(String id, GeoPoint point) {}

  private static final Comparator<P> BY_ID = Comparator.comparing(P::id);

  @Property(tries = 150)
  void equalsBruteForceAndIgnoresOrder(@ForAll("clouds") List<P> points, @ForAll("eps") double eps,
      @ForAll("minPoints") int minPoints, @ForAll long seed) {
    List<Dbscan.Member<P>> got = Dbscan.cluster(points, P::point, BY_ID, eps, minPoints);
    assertEquals(brute(points, eps, minPoints), got);
    List<P> shuffled = new ArrayList<>(points);
    Collections.shuffle(shuffled, new Random(seed));
    assertEquals(got, Dbscan.cluster(shuffled, P::point, BY_ID, eps, minPoints), "independent of input order");
  }

  @Example
  void findsPlantedClustersAndNoise() {
    Random r = new Random(7);
    List<P> points = new ArrayList<>();
    GeoPoint[] centres = {GeoPoint.of(45.76, 4.85), GeoPoint.of(-16.8, 179.999), GeoPoint.of(78.22, 15.65)};
    for (int c = 0; c < centres.length; c++) {
      for (int i = 0; i < 25; i++) {
        points.add(new P("c" + c + "-" + (100 + i), offset(centres[c], r.nextDouble() * 150, r.nextDouble() * 360)));
      }
    }
    for (int i = 0; i < 20; i++) { // noise: far from everything and from each other
      points.add(new P("n" + (100 + i), GeoPoint.of(-60 + i * 6, -120 + i * 5)));
    }
    Collections.shuffle(points, r);
    List<Dbscan.Member<P>> got = Dbscan.cluster(points, P::point, BY_ID, 400, 5);
    assertEquals(brute(points, 400, 5), got);
    for (Dbscan.Member<P> m : got) {
      String id = m.item().id();
      int expected = id.startsWith("n") ? Dbscan.NOISE : id.charAt(1) - '0';
      assertEquals(expected, m.cluster(), id + " (the cluster across 180° is one cluster)");
    }
  }

  @Example
  void aBorderPointGoesToItsNearestCoreWhateverTheOrder() {
    // two chains 200 m apart on a meridian; a border point 83 m from the south one's end, 117 m from the north one's
    List<P> points = new ArrayList<>();
    for (int i = 0; i < 5; i++) { // 55 m apart along the meridian, going away from the border point
      points.add(new P("a" + i, GeoPoint.of(45.0 - i * 0.0005, 5.0)));
      points.add(new P("b" + i, GeoPoint.of(45.0018 + i * 0.0005, 5.0)));
    }
    P border = new P("0border", GeoPoint.of(45.00075, 5.0));
    points.add(border);
    List<Dbscan.Member<P>> got = Dbscan.cluster(points, P::point, BY_ID, 130, 4);
    Dbscan.Member<P> b = got.get(0);
    assertEquals(border, b.item());
    assertTrue(!b.core());
    int south = got.stream().filter(m -> m.item().id().equals("a0")).findFirst().orElseThrow().cluster();
    assertEquals(south, b.cluster());
    assertEquals(0, south, "cluster ids follow the first point in order: the border point comes first");
  }

  @Example
  void refusesBadArguments() {
    assertThrows(IllegalArgumentException.class, () -> Dbscan.cluster(List.<P>of(), P::point, BY_ID, -1, 3));
    assertThrows(IllegalArgumentException.class, () -> Dbscan.cluster(List.<P>of(), P::point, BY_ID, 10, 0));
    assertEquals(List.of(), Dbscan.cluster(List.<P>of(), P::point, BY_ID, 10, 3));
  }

  /** The definition, plainly: components of core points by BFS, border points to the nearest (then first) core. */
  static List<Dbscan.Member<P>> brute(List<P> input, double eps, int minPoints) {
    List<P> ps = new ArrayList<>(input);
    ps.sort(BY_ID.thenComparingDouble((P p) -> p.point().latitude()).thenComparingDouble(p -> p.point().longitude()));
    int n = ps.size();
    boolean[] core = new boolean[n];
    for (int i = 0; i < n; i++) {
      int c = 0;
      for (int j = 0; j < n; j++) {
        if (ps.get(i).point().distanceTo(ps.get(j).point()) <= eps) {
          c++;
        }
      }
      core[i] = c >= minPoints;
    }
    int[] component = new int[n];
    java.util.Arrays.fill(component, -1);
    for (int i = 0; i < n; i++) {
      if (core[i] && component[i] < 0) {
        java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>(List.of(i));
        component[i] = i;
        while (!queue.isEmpty()) {
          int k = queue.poll();
          for (int j = 0; j < n; j++) {
            if (core[j] && component[j] < 0 && ps.get(k).point().distanceTo(ps.get(j).point()) <= eps) {
              component[j] = i;
              queue.add(j);
            }
          }
        }
      }
    }
    int[] owner = new int[n];
    for (int i = 0; i < n; i++) {
      owner[i] = core[i] ? component[i] : -1;
      double best = Double.POSITIVE_INFINITY;
      for (int j = 0; !core[i] && j < n; j++) {
        double d = ps.get(i).point().distanceTo(ps.get(j).point());
        if (core[j] && d <= eps && d < best) {
          best = d;
          owner[i] = component[j];
        }
      }
    }
    List<Integer> order = new ArrayList<>();
    List<Dbscan.Member<P>> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int cluster = Dbscan.NOISE;
      if (owner[i] >= 0) {
        if (!order.contains(owner[i])) {
          order.add(owner[i]);
        }
        cluster = order.indexOf(owner[i]);
      }
      out.add(new Dbscan.Member<>(ps.get(i), ps.get(i).point(), cluster, core[i]));
    }
    return out;
  }

  static GeoPoint offset(GeoPoint from, double metres, double bearingDegrees) {
    double d = metres / GeoPoint.EARTH_RADIUS_M;
    double b = Math.toRadians(bearingDegrees);
    double lat1 = Math.toRadians(from.latitude());
    double lon1 = Math.toRadians(from.longitude());
    double lat2 = Math.asin(Math.sin(lat1) * Math.cos(d) + Math.cos(lat1) * Math.sin(d) * Math.cos(b));
    double lon2 = lon1 + Math.atan2(Math.sin(b) * Math.sin(d) * Math.cos(lat1), Math.cos(d) - Math.sin(lat1) * Math.sin(lat2));
    double lon = Math.toDegrees(lon2);
    lon = lon > 180 ? lon - 360 : lon < -180 ? lon + 360 : lon;
    return GeoPoint.of(Math.toDegrees(lat2), lon);
  }

  @Provide
  Arbitrary<List<P>> clouds() {
    // a few centres (one at the antimeridian, one near the pole) with points scattered around them: clusters, bridges
    // and noise all happen; duplicate points and shared ids too
    Arbitrary<GeoPoint> centre = Arbitraries.of(GeoPoint.of(45.76, 4.85), GeoPoint.of(-16.8, 180), GeoPoint.of(89.99, 0),
        GeoPoint.of(45.765, 4.851));
    Arbitrary<P> p = Combinators.combine(Arbitraries.integers().between(0, 30), centre,
        Arbitraries.doubles().between(0, 1500).injectDuplicates(0.2), Arbitraries.integers().between(0, 359))
        .as((id, c, m, b) -> new P("p" + id, offset(c, m, b)));
    return p.list().ofMinSize(0).ofMaxSize(45);
  }

  @Provide
  Arbitrary<Double> eps() {
    return Arbitraries.of(0.0, 50.0, 200.0, 400.0, 900.0);
  }

  @Provide
  Arbitrary<Integer> minPoints() {
    return Arbitraries.integers().between(1, 6);
  }
}
