package org.insight.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CoordinatesTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "48.8566, 2.3522 | 48.8566 | 2.3522",
      "48.8566 2.3522 | 48.8566 | 2.3522",
      "-33.8688;151.2093 | -33.8688 | 151.2093",
      "48.8566 N, 2.3522 E | 48.8566 | 2.3522",
      "33.8688S 151.2093E | -33.8688 | 151.2093",
      "S 33.8688 W 70.5 | -33.8688 | -70.5",
      "E 2.3522, N 48.8566 | 48.8566 | 2.3522",
      "48°51'24\"N 2°21'8\"E | 48.856667 | 2.352222",
      "48° 51' 24\" N, 2° 21' 8\" E | 48.856667 | 2.352222",
      "48º51′24″N 2º21′8″W | 48.856667 | -2.352222",
      "-33°52'7.7\" 151°12'33.5\" | -33.868806 | 151.209306",
      "48°51.4'N 2°21.1'E | 48.856667 | 2.351667",
      "\u221233.5, \u221270.25 | -33.5 | -70.25",
      "+45, +90 | 45 | 90",
      "90, 180 | 90 | 180",
  })
  void readsEveryForm(String text, double lat, double lon) {
    GeoPoint p = Coordinates.parse(text);
    assertEquals(lat, p.latitude(), 1e-6, text);
    assertEquals(lon, p.longitude(), 1e-6, text);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "123, 45 | latitude 123",
      "45, 200 | longitude 200",
      "91N 10E | latitude 91",
      "-48 S, 2 E | both a minus sign and a hemisphere letter",
      "48N 2N | both values",
      "48°61'N 2°E | 60 or more",
      "hello | not a coordinate pair",
      "48.5 | not a coordinate pair",
      "48.5°51'N 2E | only the last part",
  })
  void refusesWithAMessageThatSaysWhy(String text, String why) {
    CoordinateException e = assertThrows(CoordinateException.class, () -> Coordinates.parse(text));
    assertTrue(e.getMessage().contains(why), e.getMessage());
    assertEquals(text, e.input());
  }

  @Test
  void structuredFieldsAreCheckedForSwappedColumns() {
    assertEquals(GeoPoint.of(-33.5, 151.25), Coordinates.of("33.5 S", "151.25 E"));
    CoordinateException e = assertThrows(CoordinateException.class, () -> Coordinates.of("2.35E", "48.85N"));
    assertTrue(e.getMessage().contains("swapped"), e.getMessage());
    assertThrows(CoordinateException.class, () -> Coordinates.of("123", "45"));
    assertThrows(CoordinateException.class, () -> Coordinates.of("", "45"));
  }

  @Test
  void findsPairsInTextAndSkipsNumbersThatAreNotPoints() {
    String text = "The car was seen at 48.8566, 2.3522 and later at 51°30'26\"N 0°7'39\"W; invoice 123.456, 789.123.";
    List<Coordinates.Found> found = Coordinates.find(text);
    assertEquals(2, found.size(), found.toString());
    assertEquals(GeoPoint.of(48.8566, 2.3522), found.get(0).point());
    assertEquals("48.8566, 2.3522", text.substring(found.get(0).start(), found.get(0).end()));
    assertEquals(51.507222, found.get(1).point().latitude(), 1e-6);
    assertEquals(-0.1275, found.get(1).point().longitude(), 1e-6);
    assertTrue(Coordinates.find("Meeting at 10 in room 4, year 2021.").isEmpty());
  }

  @Test
  void writesTheSchemaForm() {
    assertEquals("48.8566,2.3522", GeoPoint.of(48.8566, 2.3522).toString());
    assertEquals("48°51'23.76\"N 2°21'7.92\"E", Coordinates.format(GeoPoint.of(48.8566, 2.3522),
        Coordinates.Style.DMS_HEMISPHERE));
  }
}
