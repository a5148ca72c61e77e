package org.insight.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Hotspots (square and hexagonal cells) are a function of the set of points, not of their order. */
class HotspotsProperties {

  @Property(tries = 60)
  void resultsAreInvariantUnderPointOrder(@ForAll("clouds") List<GeoPoint> points, @ForAll CellShape shape,
      @ForAll("cellSizes") double cellMetres, @ForAll long seed) {
    HotspotResult r = Hotspots.analyse(points, shape, cellMetres, 0.05);
    List<GeoPoint> shuffled = new ArrayList<>(points);
    Collections.shuffle(shuffled, new Random(seed));
    assertEquals(r, Hotspots.analyse(shuffled, shape, cellMetres, 0.05));
    assertEquals(points.size(), r.cells().stream().mapToInt(HotspotCell::count).sum(), "every point counted once");
  }

  @Provide
  Arbitrary<List<GeoPoint>> clouds() {
    // a city-sized area (some clouds straddle 180°), with repeated points: a few hundred cells
    Arbitrary<double[]> centre = Arbitraries.of(new double[] {48.85, 2.35}, new double[] {-16.8, 179.98},
        new double[] {78.2, 15.6}, new double[] {-77.85, 166.67});
    return centre.flatMap(c -> {
      Arbitrary<GeoPoint> p = Combinators.combine(Arbitraries.integers().between(0, 40),
          Arbitraries.integers().between(0, 40)).as((x, y) -> GeoPoint.of(c[0] + x * 0.001,
          Math.IEEEremainder(c[1] + y * 0.002, 360)));
      return p.list().ofMinSize(1).ofMaxSize(80);
    });
  }

  @Provide
  Arbitrary<Double> cellSizes() {
    return Arbitraries.of(150.0, 400.0, 1000.0);
  }
}
