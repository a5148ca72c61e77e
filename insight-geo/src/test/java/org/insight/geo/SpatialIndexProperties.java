package org.insight.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The index answers as a brute-force scan over great-circle distances does, anywhere on the globe — points are drawn
 * near the antimeridian and the poles on purpose.
 */
class SpatialIndexProperties {

  @Property(tries = 200)
  void withinAndNearestAgreeWithBruteForce(@ForAll("clouds") List<GeoPoint> points, @ForAll("anywhere") GeoPoint q,
      @ForAll("radii") double metres) {
    List<Integer> ids = new ArrayList<>();
    for (int i = 0; i < points.size(); i++) {
      ids.add(i);
    }
    SpatialIndex<Integer> index = SpatialIndex.of(ids, points::get);
    List<Integer> brute = ids.stream().filter(i -> points.get(i).distanceTo(q) <= metres).sorted().toList();
    assertEquals(brute, index.within(q, metres).stream().map(SpatialIndex.Neighbour::item).sorted().toList());
    int k = Math.min(5, points.size());
    List<Double> bruteNearest = ids.stream().map(i -> points.get(i).distanceTo(q)).sorted(Comparator.naturalOrder())
        .limit(k).toList();
    assertEquals(bruteNearest, index.nearest(q, k).stream().map(SpatialIndex.Neighbour::metres).toList());
  }

  @Provide
  Arbitrary<List<GeoPoint>> clouds() {
    return anywhere().list().ofMinSize(1).ofMaxSize(60);
  }

  @Provide
  Arbitrary<GeoPoint> anywhere() {
    Arbitrary<GeoPoint> near180 = Combinators.combine(Arbitraries.doubles().between(-70, 70),
        Arbitraries.doubles().between(-180, -178).injectDuplicates(0.1)).as((a, b) -> GeoPoint.of(a, b));
    Arbitrary<GeoPoint> nearMinus180 = Combinators.combine(Arbitraries.doubles().between(-70, 70),
        Arbitraries.doubles().between(178, 180)).as(GeoPoint::of);
    Arbitrary<GeoPoint> polar = Combinators.combine(Arbitraries.doubles().between(85, 90),
        Arbitraries.doubles().between(-180, 180), Arbitraries.of(1, -1)).as((a, b, s) -> GeoPoint.of(a * s, b));
    Arbitrary<GeoPoint> any = Combinators.combine(Arbitraries.doubles().between(-90, 90),
        Arbitraries.doubles().between(-180, 180)).as(GeoPoint::of);
    return Arbitraries.oneOf(near180, nearMinus180, polar, any);
  }

  @Provide
  Arbitrary<Double> radii() {
    return Arbitraries.of(0.0, 1_000.0, 50_000.0, 300_000.0, 2_000_000.0, 25_000_000.0);
  }
}
