package org.insight.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;

/** Laws of {@link Coordinates}: every style it writes reads back to the same point; out-of-range values never do. */
class CoordinatesProperties {

  @Property(tries = 2000)
  void everyStyleReadsBackToTheSamePoint(@ForAll("points") GeoPoint p, @ForAll Coordinates.Style style) {
    String text = Coordinates.format(p, style);
    GeoPoint back = Coordinates.parse(text);
    assertEquals(p.latitude(), back.latitude(), 1e-6, text);
    assertEquals(p.longitude(), back.longitude(), 1e-6, text);
  }

  @Property(tries = 500)
  void structuredFieldsReadTheSameAsThePair(@ForAll("points") GeoPoint p) {
    GeoPoint back = Coordinates.of(GeoPoint.decimals(p.latitude(), 7), GeoPoint.decimals(p.longitude(), 7));
    assertEquals(p.latitude(), back.latitude(), 1e-6);
    assertEquals(p.longitude(), back.longitude(), 1e-6);
  }

  @Property(tries = 500)
  void aLatitudeOutOfRangeIsAnErrorNeverAPoint(@ForAll @DoubleRange(min = 90.01, max = 999) double lat,
      @ForAll @DoubleRange(min = -180, max = 180) double lon, @ForAll boolean south) {
    double signed = south ? -lat : lat;
    String text = GeoPoint.decimals(signed, 4) + ", " + GeoPoint.decimals(lon, 4);
    CoordinateException e = assertThrows(CoordinateException.class, () -> Coordinates.parse(text));
    assertTrue(e.getMessage().contains("latitude"), e.getMessage());
    assertThrows(CoordinateException.class, () -> GeoPoint.of(signed, lon));
  }

  @Property(tries = 500)
  void aLongitudeOutOfRangeIsAnErrorNeverAPoint(@ForAll @DoubleRange(min = -90, max = 90) double lat,
      @ForAll @DoubleRange(min = 180.01, max = 999) double lon) {
    String text = GeoPoint.decimals(lat, 4) + " " + GeoPoint.decimals(-lon, 4);
    CoordinateException e = assertThrows(CoordinateException.class, () -> Coordinates.parse(text));
    assertTrue(e.getMessage().contains("longitude"), e.getMessage());
  }

  @Property(tries = 300)
  void aPairWrittenInTextIsFound(@ForAll("points") GeoPoint p,
      @ForAll("textStyles") Coordinates.Style style) {
    String text = "Seen at " + Coordinates.format(p, style) + " on Monday.";
    var found = Coordinates.find(text);
    assertEquals(1, found.size(), text + " -> " + found);
    assertEquals(p.latitude(), found.get(0).point().latitude(), 1e-6, text);
    assertEquals(p.longitude(), found.get(0).point().longitude(), 1e-6, text);
  }

  @Provide
  Arbitrary<GeoPoint> points() {
    return net.jqwik.api.Combinators.combine(
        Arbitraries.doubles().between(-90, 90).withSpecialValue(90.0).withSpecialValue(-90.0).withSpecialValue(0.0),
        Arbitraries.doubles().between(-180, 180).withSpecialValue(180.0).withSpecialValue(-180.0))
        .as(GeoPoint::new);
  }

  @Provide
  Arbitrary<Coordinates.Style> textStyles() {
    return Arbitraries.of(Coordinates.Style.DECIMAL_HEMISPHERE, Coordinates.Style.DMS_HEMISPHERE,
        Coordinates.Style.DEGREES_MINUTES);
  }
}
