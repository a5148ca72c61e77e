package org.insight.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PropertyTypeTest {

  private static InvalidDataException rejects(PropertyType type, String raw, String... messageParts) {
    InvalidDataException e = assertThrows(InvalidDataException.class, () -> type.clean(raw), raw);
    assertEquals(1, e.problems().size());
    for (String part : messageParts) {
      assertTrue(e.getMessage().contains(part), () -> "message lacks '" + part + "': " + e.getMessage());
    }
    return e;
  }

  // ---------------------------------------------------------------- name

  @Test
  void nameCollapsesWhitespaceKeepsCaseAndComposes() {
    assertEquals("John SMITH", PropertyType.NAME.clean("  John\n\t  SMITH "));
    assertEquals("Jos\u00e9 Garc\u00eda", PropertyType.NAME.clean("Jose\u0301 Garci\u0301a"));
    assertEquals("Ab c", PropertyType.NAME.clean("A\u0000b\u00a0\u00a0c\u0007"));
  }

  @Test
  void nameRejectsEmptyAndTooLong() {
    rejects(PropertyType.NAME, " \n\u0001 ", "[name]", "is empty");
    InvalidDataException e = rejects(PropertyType.NAME, "x".repeat(501), "longer than 500", "(501 characters)");
    assertEquals("name", e.problems().get(0).where());
    assertEquals("x".repeat(500), PropertyType.NAME.clean("x".repeat(500)));
  }

  // ---------------------------------------------------------------- date

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "1975|1975", "1975-03|1975-03", "1975-3|1975-03", "1975-03-09|1975-03-09", "1975/03/09|1975-03-09",
    "09.03.1975|1975-03-09", "09/03/1975|1975-03-09", "9.3.1975|1975-03-09", " 1975-03-09T23:30:00+05:00 |1975-03-09",
    "1975-03-09T10:15Z|1975-03-09", "1975-03-09 10:15:30.123|1975-03-09", "2000-02-29|2000-02-29",
  })
  void dateAccepts(String raw, String expected) {
    assertEquals(expected, PropertyType.DATE.clean(raw));
  }

  @Test
  void dateRejectsImpossibleAndOutOfRange() {
    rejects(PropertyType.DATE, "1975-02-30", "not a real calendar date", "1975-02 has 28 days");
    rejects(PropertyType.DATE, "1900-02-29", "not a real calendar date");
    rejects(PropertyType.DATE, "0999", "outside 1000–2999");
    rejects(PropertyType.DATE, "1975-13", "not 1–12");
    rejects(PropertyType.DATE, "spring 1975", "not a date", "'spring 1975'", "1975-03-09");
    rejects(PropertyType.DATE, "1975-03-09T25:00", "not a valid time");
  }

  // ---------------------------------------------------------------- country

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "FR|fr", "fra|fr", "France|fr", "  frANCE |fr", "UK|gb", "United Kingdom|gb", "USA|us", "United States|us",
    "Russia|ru", "C\u00f4te d\u2019Ivoire|ci", "cote d'ivoire|ci", "Deutschland?|__", "DEU|de", "kosovo|xk",
    "Bosnia & Herzegovina|ba", "Bosnia and Herzegovina|ba", "Myanmar|mm", "gb|gb",
  })
  void country(String raw, String expected) {
    if (expected.equals("__")) {
      rejects(PropertyType.COUNTRY, raw, "not a known country", "'Deutschland?'", "ISO 3166-1");
    } else {
      assertEquals(expected, PropertyType.COUNTRY.clean(raw));
    }
  }

  // ---------------------------------------------------------------- identifier

  @Test
  void identifierGeneric() {
    assertEquals("AB12345C", PropertyType.IDENTIFIER.clean(" ab-123.45/c "));
    assertEquals("AB12345C", PropertyType.IDENTIFIER.clean("ab 123 45 c", ""));
    assertEquals("AB12345C", PropertyType.IDENTIFIER.clean("ab 123 45 c", null));
    rejects(PropertyType.IDENTIFIER, "AB_12", "contains '_'", "ASCII letters and digits");
    rejects(PropertyType.IDENTIFIER, "\u0131d", "contains 'ı'"); // dotless i must not become I
    rejects(PropertyType.IDENTIFIER, "- . /", "no letters or digits");
    rejects(PropertyType.IDENTIFIER, "1".repeat(65), "1 to 64");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "iban|DE89 3704 0044 0532 0130 00|DE89370400440532013000",
    "iban|gb82-west-1234-5698-7654-32|GB82WEST12345698765432",
    "iban|IBAN DE89 3704 0044 0532 0130 00|DE89370400440532013000",
    "imei|49-015420-323751-8|490154203237518",
    "imo|IMO 9074729|IMO9074729",
    "imo|9074729|IMO9074729",
    "bic|deutdeff|DEUTDEFF",
    "bic|DEUT DE FF 500|DEUTDEFF500",
    "lei|5493001KJTIIGC8Y1R12|5493001KJTIIGC8Y1R12",
    "vin|1hgcm82633a004352|1HGCM82633A004352",
    "vin|WVWZZZ1JZXW000001|WVWZZZ1JZXW000001",
    "passport|12AB 34567|12AB34567",
    "national-id|1 85 05 78 006 084 36|185057800608436",
    "generic|x-1|X1",
    "IBAN|DE89370400440532013000|DE89370400440532013000",
    "sha256|E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855|"
        + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    "crypto|1BoatSLRHtKNngkdXEeobR76b53LETtpyT|1BoatSLRHtKNngkdXEeobR76b53LETtpyT",
  })
  void identifierSchemesAccept(String scheme, String raw, String expected) {
    assertEquals(expected, PropertyType.IDENTIFIER.clean(raw, scheme));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "iban|DE88 3704 0044 0532 0130 00|fails its mod-97 check",
    "iban|DE89|not shaped like an IBAN",
    "imei|490154203237519|Luhn",
    "imei|49015420323751|15 digits",
    "imo|IMO 9074728|check digit",
    "bic|DEUT1EFF|not a BIC",
    "lei|5493001KJTIIGC8Y1R13|not a valid LEI",
    "vin|1HGCM82633A00435|17 letters or digits",
    "vin|1HGCM82633A00435O|without I, O or Q",
    "passport|123|4 to 20",
  })
  void identifierSchemesReject(String scheme, String raw, String messagePart) {
    InvalidDataException e =
        assertThrows(InvalidDataException.class, () -> PropertyType.IDENTIFIER.clean(raw, scheme));
    assertTrue(e.getMessage().contains(messagePart), e.getMessage());
    assertEquals("identifier(" + scheme + ")", e.problems().get(0).where());
  }

  @Test
  void unknownSchemeListsKnownOnes() {
    SchemaException e = assertThrows(SchemaException.class, () -> PropertyType.IDENTIFIER.clean("x", "ibna"));
    assertTrue(e.getMessage().contains("did you mean 'iban'?"), e.getMessage());
    for (String s : PropertyType.identifierSchemes()) {
      assertTrue(e.getMessage().contains(s), e.getMessage());
    }
    assertThrows(SchemaException.class, () -> PropertyType.DATE.clean("1975", "iban"));
    assertEquals("1975", PropertyType.DATE.clean("1975", ""));
  }

  // ---------------------------------------------------------------- phone

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "+33 1 23 45 67 89|+33123456789", "0033 (1) 23.45.67.89|+33123456789", "+33 (0)1 23 45 67 89|+33123456789", "0044 (0)7911 123456|+447911123456",
    "+1-202-555-0143|+12025550143", "+44 20 7946 0958|+442079460958",
  })
  void phoneAccepts(String raw, String expected) {
    assertEquals(expected, PropertyType.PHONE.clean(raw));
  }

  @Test
  void phoneRejectsWithGuidance() {
    rejects(PropertyType.PHONE, "01 23 45 67 89", "no international prefix", "country code", "+33");
    rejects(PropertyType.PHONE, "+01 23 45 67 89", "starting with 0");
    rejects(PropertyType.PHONE, "0001 23 45 67 89", "starting with 0");
    rejects(PropertyType.PHONE, "+33 12", "8 to 15 digits");
    rejects(PropertyType.PHONE, "+33123456789 ext 12", "other than digits");
    rejects(PropertyType.PHONE, "call me", "not a phone number");
    rejects(PropertyType.PHONE, "+1234567890123456", "16 digits");
  }

  // ---------------------------------------------------------------- email

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    " John.Smith@Example.ORG |John.Smith@example.org", "mailto:a@b.co|a@b.co",
    "user+tag@b\u00fccher.example|user+tag@xn--bcher-kva.example", "x@example.org.|x@example.org",
  })
  void emailAccepts(String raw, String expected) {
    assertEquals(expected, PropertyType.EMAIL.clean(raw));
  }

  @Test
  void emailRejects() {
    rejects(PropertyType.EMAIL, "no-at-sign", "exactly one '@'");
    rejects(PropertyType.EMAIL, "a@b@c.org", "exactly one '@'");
    rejects(PropertyType.EMAIL, "a..b@c.org", "before '@'");
    rejects(PropertyType.EMAIL, "ab@localhost", "with a dot");
    rejects(PropertyType.EMAIL, "ab@exa mple.org", "domain");
  }

  // ---------------------------------------------------------------- address

  @Test
  void addressIsOneLine() {
    assertEquals("10 Downing Street, London, SW1A 2AA",
        PropertyType.ADDRESS.clean(" 10  Downing Street,\r\nLondon\n\n  SW1A 2AA \n"));
    assertEquals("a, b", PropertyType.ADDRESS.clean("a,\n, \nb"));
    rejects(PropertyType.ADDRESS, " ,\n, ", "is empty");
    rejects(PropertyType.ADDRESS, "x".repeat(1001), "longer than 1000");
  }

  // ---------------------------------------------------------------- geo

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "'48.856600, 2.352200'|48.8566,2.3522", "48.8566 2.3522|48.8566,2.3522", "48.8566;2.3522|48.8566,2.3522",
    "-33.86785 151.2099903|-33.86785,151.20999", "0.0000001,-0.0000001|0,0", "90,180|90,180", "+1.5,-2|1.5,-2",
  })
  void geoAccepts(String raw, String expected) {
    assertEquals(expected, PropertyType.GEO_POINT.clean(raw));
  }

  @Test
  void geoRejects() {
    rejects(PropertyType.GEO_POINT, "91,0", "latitude 91", "-90..90");
    rejects(PropertyType.GEO_POINT, "0,180.5", "longitude 180.5");
    rejects(PropertyType.GEO_POINT, "48°51'N 2°21'E", "decimal degrees");
  }

  // ---------------------------------------------------------------- text

  @Test
  void textKeepsLinesAndTabs() {
    assertEquals("a\n\tb\nc", PropertyType.TEXT.clean("  a\r\n\tb\u0000\rc \n"));
    rejects(PropertyType.TEXT, " \u0000 ", "is empty");
    rejects(PropertyType.TEXT, "x".repeat(1_000_001), "longer than 1000000");
  }

  // ---------------------------------------------------------------- url

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "HTTPS://Example.ORG/Path?Q=A#F|https://example.org/Path?Q=A#F", "http://abc.onion|http://abc.onion",
    "ftp://user@Files.Example.org:2121/x|ftp://user@files.example.org:2121/x",
    "http://[::1]:8080/|http://[::1]:8080/",
  })
  void urlAccepts(String raw, String expected) {
    assertEquals(expected, PropertyType.URL.clean(raw));
  }

  @Test
  void urlRejects() {
    rejects(PropertyType.URL, "/relative/path", "not an absolute URL");
    rejects(PropertyType.URL, "mailto:a@b.org", "not an absolute URL");
    rejects(PropertyType.URL, "javascript://x", "scheme 'javascript'");
    rejects(PropertyType.URL, "http://exa mple.org", "not a well-formed URL");
    rejects(PropertyType.URL, "http://a_b.org/", "no valid host");
  }

  // ---------------------------------------------------------------- number

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "'1,500.50'|1500.5", "1500.50|1500.5", "-0.000|0", "1e3|1000", "+12|12", "'1 234 567'|1234567",
    ".5|0.5", "100|100", "1.23E-2|0.0123",
  })
  void numberAccepts(String raw, String expected) {
    assertEquals(expected, PropertyType.NUMBER.clean(raw));
  }

  @Test
  void numberRejects() {
    rejects(PropertyType.NUMBER, "NaN", "not a finite number");
    rejects(PropertyType.NUMBER, "-Infinity", "not a finite number");
    rejects(PropertyType.NUMBER, "1,5", "decimal separator");
    rejects(PropertyType.NUMBER, "12abc", "not a number");
    rejects(PropertyType.NUMBER, "1e99999", "magnitude");
  }

  // ---------------------------------------------------------------- entity

  @Test
  void entityReference() {
    assertEquals("ent-42", PropertyType.ENTITY.clean(" ENT-42 "));
    assertEquals("nk:q.1_x", PropertyType.ENTITY.clean("NK:Q.1_x"));
    rejects(PropertyType.ENTITY, "-x", "not an entity id");
    rejects(PropertyType.ENTITY, "a b", "not an entity id");
    rejects(PropertyType.ENTITY, "a".repeat(129), "1–128");
  }

  // ---------------------------------------------------------------- misc

  @Test
  void idsAndLabels() {
    assertEquals(PropertyType.GEO_POINT, PropertyType.forId("geo"));
    assertEquals(PropertyType.DATE, PropertyType.forId(" DATE "));
    assertEquals("Phone number", PropertyType.PHONE.label());
    assertTrue(PropertyType.IDENTIFIER.matchable());
    SchemaException e = assertThrows(SchemaException.class, () -> PropertyType.forId("dte"));
    assertTrue(e.getMessage().contains("did you mean 'date'?") && e.getMessage().contains("geo"), e.getMessage());
  }

  @Test
  void longValuesAreTruncatedInMessages() {
    InvalidDataException e = rejects(PropertyType.DATE, "9".repeat(300));
    assertTrue(e.getMessage().length() < 400, e.getMessage());
    assertTrue(e.getMessage().contains("…' (300 characters)"), e.getMessage());
  }

  @Test
  void invalidDataSummarisesFirstProblems() {
    var problems = java.util.List.of(new InvalidDataException.Problem("a", "m1"),
        new InvalidDataException.Problem("b", "m2"), new InvalidDataException.Problem("c", "m3"),
        new InvalidDataException.Problem("d", "m4"));
    InvalidDataException e = new InvalidDataException(problems);
    assertEquals("4 invalid values: [a] m1; [b] m2; [c] m3; and 1 more (see problems())", e.getMessage());
    assertEquals(problems, e.problems());
  }

  @Test
  void nullIsNotAValue() {
    assertThrows(NullPointerException.class, () -> PropertyType.NAME.clean(null));
  }
}
