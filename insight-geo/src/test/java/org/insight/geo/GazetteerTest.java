package org.insight.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GazetteerTest {

  private final Gazetteer gazetteer = Gazetteer.shared();

  @ParameterizedTest(name = "{0} is in {3}")
  @CsvSource({
      "Paris, 48.8566, 2.3522, FR",
      "Berlin, 52.52, 13.405, DE",
      "Oslo, 59.9139, 10.7522, NO",
      "Stockholm, 59.3293, 18.0686, SE",
      "Helsinki, 60.1699, 24.9384, FI",
      "Copenhagen, 55.6761, 12.5683, DK",
      "Moscow, 55.7558, 37.6173, RU",
      "Canberra, -35.2809, 149.13, AU",
      "Ottawa, 45.4215, -75.6972, CA",
      "Brasilia, -15.7939, -47.8828, BR",
      "Nairobi, -1.2921, 36.8219, KE",
      "Tokyo, 35.6762, 139.6503, JP",
      "Wellington, -41.2866, 174.7756, NZ",
      "Washington, 38.9072, -77.0369, US",
      "Buenos Aires, -34.6037, -58.3816, AR",
      "Pristina, 42.6629, 21.1655, XK",
      "Strasbourg, 48.5734, 7.7521, FR",
      "Kehl, 48.5728, 7.8156, DE",
      "Geneva, 46.2044, 6.1432, CH",
      "Tijuana, 32.5149, -117.0382, MX",
      "San Diego, 32.7157, -117.1611, US",
      "Anadyr (Chukotka west of 180), 64.7337, 177.5089, RU",
      "Uelen (Chukotka east of 180), 66.1597, -169.8097, RU",
      "Taveuni west of 180, -16.8, 179.95, FJ",
      "Taveuni east of 180, -16.9, -179.95, FJ",
      "Longyearbyen (Svalbard), 78.2232, 15.6267, NO",
      "McMurdo (Antarctica), -77.846, 166.676, AQ",
      "South Pole, -89.9, 0, AQ",
  })
  void reverseGeocodesKnownPlaces(String place, double lat, double lon, String country) {
    Reverse r = gazetteer.reverse(GeoPoint.of(lat, lon));
    assertEquals(Optional.of(country), r.country().map(Country::code), place + " -> " + r);
  }

  @Test
  void capitalsHaveTheirCityAsNearest() {
    assertEquals("Paris", gazetteer.nearestCity(GeoPoint.of(48.8566, 2.3522)).orElseThrow().name());
    assertEquals("Oslo", gazetteer.nearestCity(GeoPoint.of(59.9139, 10.7522)).orElseThrow().name());
  }

  @Test
  void aPointJustOffshoreGetsTheNearestCountryWithinTheTolerance() {
    GeoPoint offMarseille = GeoPoint.of(43.20, 5.30); // in the Mediterranean, some km off the coast
    Reverse r = gazetteer.reverse(offMarseille);
    assertEquals("FR", r.country().orElseThrow().code());
    assertTrue(r.countryMetres() > 0 && r.countryMetres() < Gazetteer.OFFSHORE_TOLERANCE_M, r.toString());
    assertTrue(gazetteer.reverse(offMarseille, 0).country().isEmpty());
    assertTrue(gazetteer.reverse(GeoPoint.of(0, -30)).country().isEmpty(), "the mid-Atlantic is no country");
  }

  @Test
  void locateReportsEveryCandidateOfAnAmbiguousName() {
    List<Place> saintDenis = gazetteer.locate("Saint-Denis");
    assertTrue(saintDenis.size() >= 2, saintDenis.toString());
    assertTrue(saintDenis.stream().anyMatch(p -> p.country().equals("FR")));
    assertTrue(saintDenis.stream().anyMatch(p -> p.country().equals("RE")));
    for (int i = 1; i < saintDenis.size(); i++) {
      assertTrue(saintDenis.get(i - 1).population() >= saintDenis.get(i).population(), "most populous first");
    }
    assertEquals(saintDenis, gazetteer.locate("saint denis"), "case, accents and hyphens do not matter");
    List<Place> reunion = gazetteer.locate("Saint-Denis, RE");
    assertTrue(!reunion.isEmpty() && reunion.size() < saintDenis.size(), reunion.toString());
    assertTrue(reunion.stream().allMatch(p -> p.country().equals("RE")));
    assertEquals(Optional.of("RE"), gazetteer.countryCode("re"), "a code without an outline of its own");
    assertEquals("FR", gazetteer.locate("Paris, France").get(0).country());
    assertTrue(gazetteer.locate("Xqzzyville").isEmpty());
  }

  @Test
  void countryNamesInManyLanguages() {
    assertEquals(Optional.of("DE"), gazetteer.countryCode("Allemagne"));
    assertEquals(Optional.of("DE"), gazetteer.countryCode("Deutschland"));
    assertEquals(Optional.of("Allemagne"), gazetteer.countryName("DE", "fr"));
    assertTrue(gazetteer.languages().size() >= 70);
    assertEquals("country", gazetteer.locate("Alemania").get(0).kind());
  }
}
