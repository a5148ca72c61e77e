package org.insight.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Laws of cleaning: idempotent, and bad input only ever fails with InvalidDataException. */
class PropertyTypeProperties {

  /** Clean, and if accepted, check that cleaning the result changes nothing. */
  private static void idempotent(PropertyType type, String scheme, String raw) {
    String once;
    try {
      once = type.clean(raw, scheme);
    } catch (InvalidDataException e) {
      return; // rejection is fine; any other exception fails the property
    }
    assertEquals(once, type.clean(once, scheme), () -> type + " not idempotent for " + escape(raw));
  }

  private static String escape(String s) {
    StringBuilder sb = new StringBuilder();
    s.codePoints().forEach(cp -> sb.append(cp < 0x20 || cp > 0x7e ? String.format("\\u%04X", cp)
        : String.valueOf((char) cp)));
    return sb.toString();
  }

  @Property(tries = 3000)
  void arbitraryStringsOnlyEverFailWithInvalidData(@ForAll PropertyType type, @ForAll String raw) {
    idempotent(type, null, raw);
  }

  @Property(tries = 5000)
  void messyStringsAreCleanedIdempotently(@ForAll PropertyType type, @ForAll("messy") String raw) {
    idempotent(type, null, raw);
  }

  @Property(tries = 1000)
  void identifierSchemesAreIdempotent(@ForAll("schemes") String scheme, @ForAll("identifiers") String raw) {
    idempotent(PropertyType.IDENTIFIER, scheme, raw);
  }

  @Provide
  Arbitrary<String> messy() {
    // the characters the cleaners treat specially, plus letters that change under case mapping and
    // normalisation (İ, ı, ß, combining acute), controls and exotic whitespace
    return Arbitraries.strings()
        .withChars("0123456789+-./,:;@_ ()aAbBeEzZxXT\u00e9\u0130\u0131\u00df\u0301\n\r\t\u0000\u00a0\u2028\u200b"
            + "\ufeff\u00c5\u212b")
        .ofMinLength(0).ofMaxLength(40);
  }

  @Provide
  Arbitrary<String> schemes() {
    return Arbitraries.of(PropertyType.identifierSchemes());
  }

  @Provide
  Arbitrary<String> identifiers() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withChars("0123456789ABCDEFabcdef -./IOQ").ofMinLength(0).ofMaxLength(70),
        Arbitraries.strings().numeric().ofMinLength(6).ofMaxLength(20),
        validIbans());
  }

  // ---------------------------------------------------------------- valid input generators

  @Property(tries = 500)
  void validDatesInEveryAcceptedFormatGiveIso(@ForAll("dates") LocalDate d, @ForAll @IntRange(max = 5) int format) {
    String raw = switch (format) {
      case 0 -> d.toString();
      case 1 -> String.format(Locale.ROOT, "%04d/%02d/%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth());
      case 2 -> String.format(Locale.ROOT, "%02d.%02d.%04d", d.getDayOfMonth(), d.getMonthValue(), d.getYear());
      case 3 -> String.format(Locale.ROOT, "%d/%d/%04d", d.getDayOfMonth(), d.getMonthValue(), d.getYear());
      case 4 -> d + "T12:34:56.789+02:00";
      default -> " " + d + " ";
    };
    assertEquals(d.toString(), PropertyType.DATE.clean(raw));
  }

  @Provide
  Arbitrary<LocalDate> dates() {
    return Arbitraries.longs().between(LocalDate.of(1000, 1, 1).toEpochDay(), LocalDate.of(2999, 12, 31).toEpochDay())
        .map(LocalDate::ofEpochDay);
  }

  @Property(tries = 500)
  void geoPointsInRangeAreAccepted(@ForAll("lat") BigDecimal lat, @ForAll("lon") BigDecimal lon) {
    String once = PropertyType.GEO_POINT.clean(lat.toPlainString() + ", " + lon.toPlainString());
    assertEquals(once, PropertyType.GEO_POINT.clean(once));
    String[] parts = once.split(",");
    assertEquals(0, new BigDecimal(parts[0]).compareTo(lat.setScale(6, java.math.RoundingMode.HALF_EVEN)));
  }

  @Provide
  Arbitrary<BigDecimal> lat() {
    return Arbitraries.bigDecimals().between(BigDecimal.valueOf(-90), BigDecimal.valueOf(90)).ofScale(8);
  }

  @Provide
  Arbitrary<BigDecimal> lon() {
    return Arbitraries.bigDecimals().between(BigDecimal.valueOf(-180), BigDecimal.valueOf(180)).ofScale(3);
  }

  @Property(tries = 500)
  void numbersKeepTheirValue(@ForAll("decimals") BigDecimal n) {
    String once = PropertyType.NUMBER.clean(n.toString());
    assertEquals(0, new BigDecimal(once).compareTo(n));
    assertEquals(once, PropertyType.NUMBER.clean(once));
  }

  @Provide
  Arbitrary<BigDecimal> decimals() {
    return Arbitraries.bigDecimals().between(new BigDecimal("-1e12"), new BigDecimal("1e12")).ofScale(5);
  }

  @Property(tries = 500)
  void e164NumbersSurviveFormatting(@ForAll("e164") String digits, @ForAll @IntRange(max = 2) int style) {
    String raw = switch (style) {
      case 0 -> "+" + digits;
      case 1 -> "00" + digits;
      default -> "+" + digits.replaceAll("(\\d{3})", "$1 ").strip();
    };
    assertEquals("+" + digits, PropertyType.PHONE.clean(raw));
  }

  @Provide
  Arbitrary<String> e164() {
    return Combinators.combine(Arbitraries.integers().between(1, 9),
            Arbitraries.strings().numeric().ofMinLength(7).ofMaxLength(14))
        .as((first, rest) -> first + rest);
  }

  // ---------------------------------------------------------------- IBAN

  @Provide
  Arbitrary<String> validIbans() {
    Arbitrary<String> country = Arbitraries.strings().withCharRange('A', 'Z').ofLength(2);
    Arbitrary<String> bban = Arbitraries.strings().withCharRange('A', 'Z').withCharRange('0', '9')
        .ofMinLength(11).ofMaxLength(30);
    return Combinators.combine(country, bban).as((c, b) -> {
      int check = 98 - mod97(b + c + "00");
      return c + String.format(Locale.ROOT, "%02d", check) + b;
    });
  }

  private static int mod97(String s) {
    return new java.math.BigInteger(s.chars().mapToObj(ch -> String.valueOf(Character.digit(ch, 36)))
        .collect(java.util.stream.Collectors.joining())).mod(java.math.BigInteger.valueOf(97)).intValue();
  }

  @Property(tries = 500)
  void validIbansAreAccepted(@ForAll("validIbans") String iban) {
    String spaced = iban.toLowerCase(Locale.ROOT).replaceAll("(.{4})", "$1 ");
    assertEquals(iban, PropertyType.IDENTIFIER.clean(spaced, "iban"));
  }

  @Property(tries = 500)
  void aSingleDigitChangeIsRejected(@ForAll("validIbans") String iban, @ForAll @IntRange(max = 1000) int at,
      @ForAll @IntRange(min = 1, max = 9) int delta) {
    int[] digitPositions = java.util.stream.IntStream.range(0, iban.length())
        .filter(i -> Character.isDigit(iban.charAt(i))).toArray();
    int pos = digitPositions[at % digitPositions.length];
    char changed = (char) ('0' + (iban.charAt(pos) - '0' + delta) % 10);
    String broken = iban.substring(0, pos) + changed + iban.substring(pos + 1);
    assertThrows(InvalidDataException.class, () -> PropertyType.IDENTIFIER.clean(broken, "iban"));
  }
}
