package org.insight.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.insight.InsightException;
import org.insight.core.ContentHash;
import org.insight.core.Document;
import org.insight.core.Mention;
import org.insight.core.PropertyType;
import org.insight.core.Provenance;
import org.insight.policy.Label;
import org.insight.policy.SourceGrading;
import org.junit.jupiter.api.Test;

class SelectorExtractorTest {

  private static final SelectorExtractor FR = SelectorExtractor.builder().defaultRegion("FR")
      .clock(Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC)).build();

  private static List<Selector> of(String text, SelectorKind kind) {
    return FR.extract(text).stream().filter(s -> s.kind() == kind).collect(Collectors.toList());
  }

  /** Exactly one selector of {@code kind}, with the given span text and value; returns it. */
  private static Selector one(String text, SelectorKind kind, String span, String value) {
    List<Selector> hits = of(text, kind);
    assertEquals(1, hits.size(), () -> "expected one " + kind + " in '" + text + "', got " + FR.extract(text));
    Selector s = hits.get(0);
    assertEquals(span, s.text());
    assertEquals(text.indexOf(span), s.start());
    assertEquals(text.indexOf(span) + span.length(), s.end());
    assertEquals(value, s.value());
    return s;
  }

  private static void none(String text, SelectorKind kind) {
    assertEquals(List.of(), of(text, kind), () -> "expected no " + kind + " in '" + text + "'");
  }

  // ------------------------------------------------------------ e-mail

  @Test
  void email() {
    Selector s = one("write to John.Doe+x@Mail.Example.COM.", SelectorKind.EMAIL, "John.Doe+x@Mail.Example.COM",
        "John.Doe+x@mail.example.com");
    assertEquals("mail.example.com", s.details().get("domain"));
    one("<a.b@c.fr>", SelectorKind.EMAIL, "a.b@c.fr", "a.b@c.fr");
    none("john@localhost", SelectorKind.EMAIL);
    none("a@b.c", SelectorKind.EMAIL);
    none("x@y@example.com", SelectorKind.EMAIL);
    none("john..doe@example.com", SelectorKind.EMAIL);
    none("john@example.com9x", SelectorKind.EMAIL);
  }

  // ------------------------------------------------------------ phone

  @Test
  void phone() {
    Selector intl = one("call +33 1 42 68 53 00 now", SelectorKind.PHONE, "+33 1 42 68 53 00", "+33142685300");
    Selector national = one("call 01 42 68 53 00 now", SelectorKind.PHONE, "01 42 68 53 00", "+33142685300");
    assertTrue(intl.confidence() > national.confidence());
    one("UK: +44 20 7946 0958", SelectorKind.PHONE, "+44 20 7946 0958", "+442079460958");
    none("call 01 42 now", SelectorKind.PHONE);
    // without a default region only international numbers are found
    assertEquals(List.of(), SelectorExtractor.create().extract("call 01 42 68 53 00").stream()
        .filter(x -> x.kind() == SelectorKind.PHONE).collect(Collectors.toList()));
  }

  // ------------------------------------------------------------ IBAN

  @Test
  void iban() {
    one("IBAN: FR76 3000 6000 0112 3456 7890 189.", SelectorKind.IBAN, "FR76 3000 6000 0112 3456 7890 189",
        "FR7630006000011234567890189");
    one("pay DE89370400440532013000 today", SelectorKind.IBAN, "DE89370400440532013000", "DE89370400440532013000");
    one("GB29 NWBK 6016 1331 9268 19", SelectorKind.IBAN, "GB29 NWBK 6016 1331 9268 19", "GB29NWBK60161331926819");
    one("BE68 5390 0754 7034 TEXT", SelectorKind.IBAN, "BE68 5390 0754 7034", "BE68539007547034");
    none("FR76 3000 6000 0112 3456 7890 188", SelectorKind.IBAN); // mod-97 fails
    none("DE89370400440532013001", SelectorKind.IBAN);
    none("DE8937040044053201300", SelectorKind.IBAN); // one char short for DE
    none("XDE89370400440532013000", SelectorKind.IBAN); // inside a longer token
  }

  // ------------------------------------------------------------ cards and IMEIs

  @Test
  void paymentCard() {
    Selector v = one("card 4111 1111 1111 1111 exp 12/27", SelectorKind.PAYMENT_CARD, "4111 1111 1111 1111",
        "4111111111111111");
    assertEquals("visa", v.details().get("brand"));
    assertEquals("************1111", v.details().get("masked"));
    assertEquals("mastercard", one("MC 5555-5555-5555-4444", SelectorKind.PAYMENT_CARD, "5555-5555-5555-4444",
        "5555555555554444").details().get("brand"));
    assertEquals("amex", one("amex 3782 822463 10005", SelectorKind.PAYMENT_CARD, "3782 822463 10005",
        "378282246310005").details().get("brand"));
    assertEquals("discover", one("6011111111111117", SelectorKind.PAYMENT_CARD, "6011111111111117",
        "6011111111111117").details().get("brand"));
    assertEquals("mastercard", one("2221000000000009", SelectorKind.PAYMENT_CARD, "2221000000000009",
        "2221000000000009").details().get("brand"));
    none("4111 1111 1111 1112", SelectorKind.PAYMENT_CARD); // Luhn fails
    none("1234 5678 9012 3456", SelectorKind.PAYMENT_CARD); // random 16 digits
    none("9999999999999995", SelectorKind.PAYMENT_CARD); // Luhn valid, no card IIN
    none("41111111111111110", SelectorKind.PAYMENT_CARD); // part of a longer run
    none("ref 4111111111111111x", SelectorKind.PAYMENT_CARD);
  }

  @Test
  void imei() {
    Selector cued = one("IMEI: 49-015420-323751-8", SelectorKind.IMEI, "49-015420-323751-8", "490154203237518");
    Selector bare = one("handset 490154203237518", SelectorKind.IMEI, "490154203237518", "490154203237518");
    assertTrue(cued.confidence() > bare.confidence());
    none("IMEI 490154203237519", SelectorKind.IMEI); // check digit
    none("handset 4901542032375180", SelectorKind.IMEI); // 16 digits
    // a 15-digit Luhn-valid number with a card IIN is a card without a cue, an IMEI with one
    none("number 378282246310005", SelectorKind.IMEI);
    one("number 378282246310005", SelectorKind.PAYMENT_CARD, "378282246310005", "378282246310005");
    one("IMEI 378282246310005", SelectorKind.IMEI, "378282246310005", "378282246310005");
    none("IMEI 378282246310005", SelectorKind.PAYMENT_CARD);
  }

  // ------------------------------------------------------------ IP addresses

  @Test
  void ipv4() {
    one("from 192.168.1.254.", SelectorKind.IPV4, "192.168.1.254", "192.168.1.254");
    one("0.0.0.0 ", SelectorKind.IPV4, "0.0.0.0", "0.0.0.0");
    none("256.1.1.1", SelectorKind.IPV4);
    none("192.168.01.1", SelectorKind.IPV4);
    none("1.2.3.4.5", SelectorKind.IPV4);
    none("v1.2.3.4", SelectorKind.IPV4);
  }

  @Test
  void ipv6() {
    one("src 2001:0DB8:0000:0000:0000:ff00:0042:8329, dst", SelectorKind.IPV6,
        "2001:0DB8:0000:0000:0000:ff00:0042:8329", "2001:db8::ff00:42:8329");
    one("at fe80::1.", SelectorKind.IPV6, "fe80::1", "fe80::1");
    one("2001:db8:0:0:1:0:0:1", SelectorKind.IPV6, "2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1");
    one("::ffff:192.0.2.128", SelectorKind.IPV6, "::ffff:192.0.2.128", "::ffff:192.0.2.128");
    none("at 12:30:45", SelectorKind.IPV6);
    none("1::2::3", SelectorKind.IPV6);
    none("2001:db8::12345", SelectorKind.IPV6);
    none("00:1a:2b:3c:4d:5e:6f:70", SelectorKind.IPV6); // EUI-64 / MAC-like
  }

  // ------------------------------------------------------------ URL and domain

  @Test
  void urlAndDomain() {
    String t = "see (https://www.Example.org/a?b=c#d). or ftp://files.example.net/x.zip, evil-site.ru and report.pdf";
    Selector u = of(t, SelectorKind.URL).get(0);
    assertEquals(t.indexOf("https"), u.start());
    assertEquals("www.example.org", u.details().get("host"));
    assertEquals(List.of("https://www.Example.org/a?b=c#d", "ftp://files.example.net/x.zip"),
        of(t, SelectorKind.URL).stream().map(Selector::value).collect(Collectors.toList()));
    one(t, SelectorKind.DOMAIN, "evil-site.ru", "evil-site.ru"); // URL hosts are not reported again
    one("http://en.wikipedia.org/wiki/Foo_(bar)", SelectorKind.URL, "http://en.wikipedia.org/wiki/Foo_(bar)",
        "http://en.wikipedia.org/wiki/Foo_(bar)");
    none("http://", SelectorKind.URL);
    none("http://nohost/", SelectorKind.URL);
    one("Visit WWW.Shop-Online.Co.UK today", SelectorKind.DOMAIN, "WWW.Shop-Online.Co.UK", "www.shop-online.co.uk");
    none("open report.pdf and notes.txt and run.sh", SelectorKind.DOMAIN);
    none("mail john@example.com", SelectorKind.DOMAIN);
  }

  // ------------------------------------------------------------ crypto

  @Test
  void bitcoin() {
    assertEquals("p2pkh", one("to 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa.", SelectorKind.BITCOIN,
        "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa").details().get("type"));
    assertEquals("p2sh", one("3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy", SelectorKind.BITCOIN,
        "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy", "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy").details().get("type"));
    assertEquals("bech32:v0", one("w bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", SelectorKind.BITCOIN,
        "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq")
        .details().get("type"));
    String taproot = "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0";
    assertEquals("bech32m:v1", one(taproot, SelectorKind.BITCOIN, taproot, taproot).details().get("type"));
    none("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb", SelectorKind.BITCOIN); // checksum
    none("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdp", SelectorKind.BITCOIN);
    none("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzWF5MDQ", SelectorKind.BITCOIN); // mixed case
  }

  @Test
  void ethereum() {
    Selector s = one("send to 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed now", SelectorKind.ETHEREUM,
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed");
    assertEquals("valid", s.details().get("checksum"));
    for (String ok : List.of("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359", "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
        "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb")) {
      assertEquals("valid", one(ok, SelectorKind.ETHEREUM, ok, ok.toLowerCase()).details().get("checksum"));
    }
    Selector lower = one("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed", SelectorKind.ETHEREUM,
        "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed", "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed");
    assertEquals("none", lower.details().get("checksum"));
    assertTrue(lower.confidence() < s.confidence());
    assertEquals("none", one("0x5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED", SelectorKind.ETHEREUM,
        "0x5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED", "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed")
        .details().get("checksum"));
    none("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD", SelectorKind.ETHEREUM); // broken EIP-55
    none("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed00", SelectorKind.ETHEREUM); // longer hex
  }

  // ------------------------------------------------------------ MRZ

  static final String TD3_1 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<";
  static final String TD3_2 = "L898902C36UTO7408122F1204159ZE184226B<<<<<10";

  @Test
  void mrzTd3SpecimenParses() {
    String text = "Scan:\n" + TD3_1 + "  \n  " + TD3_2 + " \nend";
    Selector s = one(text, SelectorKind.MRZ, TD3_1 + "  \n  " + TD3_2, "L898902C3");
    Map<String, String> d = s.details();
    assertEquals("P", d.get("documentType"));
    assertEquals("UTO", d.get("issuingCountry"));
    assertEquals("ERIKSSON", d.get("surname"));
    assertEquals("ANNA MARIA", d.get("givenNames"));
    assertEquals("UTO", d.get("nationality"));
    assertEquals("1974-08-12", d.get("birthDate"));
    assertEquals("F", d.get("sex"));
    assertEquals("2012-04-15", d.get("expiryDate"));
    assertEquals("TD3", d.get("format"));
    // nothing else is reported inside the MRZ
    assertEquals(List.of(s), FR.extract(text));
  }

  @Test
  void mrzWithOneDigitChangedIsNoHit() {
    none(TD3_1 + "\n" + TD3_2.replace("7408122", "7408132"), SelectorKind.MRZ); // birth date check digit
    none(TD3_1 + "\n" + TD3_2.replace("L898902C36", "L898902C37"), SelectorKind.MRZ); // document number
    none(TD3_1 + "\n" + TD3_2.substring(0, 43) + "1", SelectorKind.MRZ); // composite
    none(TD3_1 + "\n" + TD3_2.replace("ZE184226B<<<<<1", "ZE184226B<<<<<2"), SelectorKind.MRZ); // optional data
  }

  @Test
  void mrzTd1() {
    String l1 = "I<UTOD231458907<<<<<<<<<<<<<<<";
    String l2 = "7408122F1204159UTO<<<<<<<<<<<6";
    String l3 = "ERIKSSON<<ANNA<MARIA<<<<<<<<<<";
    Selector s = one(l1 + "\n" + l2 + "\n" + l3, SelectorKind.MRZ, l1 + "\n" + l2 + "\n" + l3, "D23145890");
    assertEquals("TD1", s.details().get("format"));
    assertEquals("I", s.details().get("documentType"));
    assertEquals("ERIKSSON", s.details().get("surname"));
    assertEquals("1974-08-12", s.details().get("birthDate"));
    none(l1 + "\n" + l2.replace("F12", "F13") + "\n" + l3, SelectorKind.MRZ);
  }

  @Test
  void mrzTd2() {
    String l1 = "I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<";
    String l2 = "D231458907UTO7408122F1204159<<<<<<<6";
    Selector s = one("ID:\r\n" + l1 + "\r\n" + l2 + "\r\n", SelectorKind.MRZ, l1 + "\r\n" + l2, "D23145890");
    assertEquals("TD2", s.details().get("format"));
    assertEquals("ANNA MARIA", s.details().get("givenNames"));
    assertEquals("2012-04-15", s.details().get("expiryDate"));
    none(l1 + "\n" + l2.replace("D231458907", "D231458917"), SelectorKind.MRZ);
  }

  // ------------------------------------------------------------ VIN

  @Test
  void vin() {
    Selector ok = one("car 1M8GDM9AXKP042788 seen", SelectorKind.VIN, "1M8GDM9AXKP042788", "1M8GDM9AXKP042788");
    assertEquals("valid", ok.details().get("check"));
    none("car 1M8GDM9A1KP042788 seen", SelectorKind.VIN); // check digit fails, no cue
    Selector cued = one("VIN: 1M8GDM9A1KP042788", SelectorKind.VIN, "1M8GDM9A1KP042788", "1M8GDM9A1KP042788");
    assertEquals("invalid", cued.details().get("check"));
    assertTrue(cued.confidence() < ok.confidence());
    none("VIN: 1M8GDM9AXKP04278O", SelectorKind.VIN); // O is not allowed
  }

  // ------------------------------------------------------------ dates

  @Test
  void dates() {
    one("on 2026-04-12T10:00", SelectorKind.DATE, "2026-04-12", "2026-04-12");
    one("le 12/04/2026,", SelectorKind.DATE, "12/04/2026", "2026-04-12");
    one("le 12.04.2026.", SelectorKind.DATE, "12.04.2026", "2026-04-12");
    one("on 12 April 2026", SelectorKind.DATE, "12 April 2026", "2026-04-12");
    one("le 1er août 2025", SelectorKind.DATE, "1er août 2025", "2025-08-01");
    one("le 12 avril 2026", SelectorKind.DATE, "12 avril 2026", "2026-04-12");
    one("el 12 de abril de 2026", SelectorKind.DATE, "12 de abril de 2026", "2026-04-12");
    one("on April 12, 2026", SelectorKind.DATE, "April 12, 2026", "2026-04-12");
    one("on Sept. 3rd, 2024", SelectorKind.DATE, "Sept. 3rd, 2024", "2024-09-03");
    one("in März? no: in avril 2026", SelectorKind.DATE, "avril 2026", "2026-04");
    one("ref 2019/12/31.", SelectorKind.DATE, "2019/12/31", "2019-12-31");
    none("a set 2026, two years ago 2026", SelectorKind.DATE);
    none("31.02.2026", SelectorKind.DATE);
    none("2026-13-01", SelectorKind.DATE);
    none("12.04.2026.5", SelectorKind.DATE);
  }

  // ------------------------------------------------------------ coordinates

  @Test
  void coordinates() {
    one("at 48.8566, 2.3522.", SelectorKind.COORDINATES, "48.8566, 2.3522", "48.8566,2.3522");
    one("at -33.8688197 151.2092955", SelectorKind.COORDINATES, "-33.8688197 151.2092955", "-33.86882,151.209296");
    none("values 12.5, 3.7", SelectorKind.COORDINATES);
    one("GPS: 12.5, 3.7", SelectorKind.COORDINATES, "12.5, 3.7", "12.5,3.7");
    none("at 98.8566, 2.3522", SelectorKind.COORDINATES);
    one("at 48°51'24\"N 2°21'08\"E", SelectorKind.COORDINATES, "48°51'24\"N 2°21'08\"E", "48.856667,2.352222");
    one("at 48° 51′ 24″ N, 2° 21′ 8″ W", SelectorKind.COORDINATES, "48° 51′ 24″ N, 2° 21′ 8″ W",
        "48.856667,-2.352222");
    one("33°52'S 151°12'E", SelectorKind.COORDINATES, "33°52'S 151°12'E", "-33.866667,151.2");
    none("48°61'24\"N 2°21'08\"E", SelectorKind.COORDINATES); // 61 minutes
    one("pos N 48.8566 E 2.3522", SelectorKind.COORDINATES, "N 48.8566 E 2.3522", "48.8566,2.3522");
    one("48.8566° N, 2.3522° W", SelectorKind.COORDINATES, "48.8566° N, 2.3522° W", "48.8566,-2.3522");
    one("N 48°51'24\" O 2°21'08\"", SelectorKind.COORDINATES, "N 48°51'24\" O 2°21'08\"", "48.856667,-2.352222");
    none("room N 12 E 5", SelectorKind.COORDINATES);
    none("N 95.1 E 2.3", SelectorKind.COORDINATES);
  }

  // ------------------------------------------------------------ overlaps, mixed text, bounds, mentions

  @Test
  void overlappingHitsPreferTheMoreSpecific() {
    // an IBAN whose digits also read as a phone number and a card-like run
    List<Selector> all = FR.extract("virement FR7630006000011234567890189 reçu");
    assertEquals(1, all.size(), all::toString);
    assertEquals(SelectorKind.IBAN, all.get(0).kind());
    // an e-mail's domain and a URL's host are not reported again as domains
    List<Selector> two = FR.extract("mail a.b@evil.com or http://evil.com/x");
    assertEquals(List.of(SelectorKind.EMAIL, SelectorKind.URL), two.stream().map(Selector::kind)
        .collect(Collectors.toList()));
  }

  @Test
  void policeReportParagraph() {
    String report = "Le 12 avril 2026, le suspect (tél. 06 12 34 56 78, +44 20 7946 0958) a viré 2 000 EUR "
        + "depuis FR76 3000 6000 0112 3456 7890 189 puis payé avec la carte 5555 5555 5555 4444. Son téléphone "
        + "(IMEI 490154203237518) s'est connecté depuis 203.0.113.42 au site https://shop.example.com/login; "
        + "contact: dealer_77@protonmail.com. Véhicule VIN 1M8GDM9AXKP042788 localisé à 48.8566, 2.3522. "
        + "Portefeuille 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa.";
    List<Selector> all = FR.extract(report);
    Map<SelectorKind, List<String>> byKind = all.stream().collect(Collectors.groupingBy(Selector::kind,
        Collectors.mapping(Selector::value, Collectors.toList())));
    assertEquals(List.of("2026-04-12"), byKind.get(SelectorKind.DATE));
    assertEquals(List.of("+33612345678", "+442079460958"), byKind.get(SelectorKind.PHONE));
    assertEquals(List.of("FR7630006000011234567890189"), byKind.get(SelectorKind.IBAN));
    assertEquals(List.of("5555555555554444"), byKind.get(SelectorKind.PAYMENT_CARD));
    assertEquals(List.of("490154203237518"), byKind.get(SelectorKind.IMEI));
    assertEquals(List.of("203.0.113.42"), byKind.get(SelectorKind.IPV4));
    assertEquals(List.of("https://shop.example.com/login"), byKind.get(SelectorKind.URL));
    assertEquals(List.of("dealer_77@protonmail.com"), byKind.get(SelectorKind.EMAIL));
    assertEquals(List.of("1M8GDM9AXKP042788"), byKind.get(SelectorKind.VIN));
    assertEquals(List.of("48.8566,2.3522"), byKind.get(SelectorKind.COORDINATES));
    assertEquals(List.of("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"), byKind.get(SelectorKind.BITCOIN));
    assertEquals(11, byKind.size(), byKind::toString);
    for (int i = 1; i < all.size(); i++) {
      assertTrue(all.get(i - 1).end() <= all.get(i).start(), "sorted, not overlapping");
    }
    for (Selector s : all) {
      assertEquals(s.text(), report.substring(s.start(), s.end()));
    }
  }

  @Test
  void kindsRestrictWhatIsReported() {
    SelectorExtractor ibanOnly = SelectorExtractor.builder().kinds(EnumSet.of(SelectorKind.IBAN)).build();
    assertEquals(List.of(SelectorKind.IBAN), ibanOnly.extract("a@b.com DE89370400440532013000 1.2.3.4").stream()
        .map(Selector::kind).collect(Collectors.toList()));
  }

  @Test
  void builderRefusesBadOrRepeatedSettings() {
    assertThrows(IllegalArgumentException.class, () -> SelectorExtractor.builder().defaultRegion("XX"));
    IllegalStateException twice = assertThrows(IllegalStateException.class,
        () -> SelectorExtractor.builder().defaultRegion("FR").defaultRegion("DE"));
    assertTrue(twice.getMessage().contains("FR"), twice.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> SelectorExtractor.builder().kinds(EnumSet.noneOf(SelectorKind.class)));
  }

  @Test
  void oversizedTextIsRefused() {
    SelectorExtractor small = SelectorExtractor.builder().maxChars(1000).build();
    TextTooLargeException e = assertThrows(TextTooLargeException.class, () -> small.extract("x".repeat(1001)));
    assertTrue(e instanceof InsightException);
    assertEquals(1001, e.length());
    assertEquals(List.of(), small.extract("x".repeat(1000)));
    assertEquals(50 * 1024 * 1024, SelectorExtractor.DEFAULT_MAX_CHARS);
  }

  @Test
  void mentionsCarryTheDocumentLabelAndDerivedProvenance() {
    byte[] bytes = "report".getBytes(StandardCharsets.UTF_8);
    Provenance source = Provenance.of("reports", "r1", "text:plain", SourceGrading.parse("B3"))
        .withContentHash(ContentHash.of(bytes));
    String text = "IBAN DE89370400440532013000, mail x@example.org, 12 avril 2026, at 48.8566, 2.3522";
    Document doc = new Document(null, ContentHash.of(bytes), "Report", text, "fr", Map.of(), null, null,
        Label.of("FR&SECRET"), source);
    List<Mention> ms = FR.mentions(doc);
    assertEquals(List.of(PropertyType.IDENTIFIER, PropertyType.EMAIL, PropertyType.DATE, PropertyType.GEO_POINT),
        ms.stream().map(Mention::type).collect(Collectors.toList()));
    Mention iban = ms.get(0);
    assertEquals(doc.id(), iban.documentId());
    assertEquals(doc.label(), iban.label());
    assertEquals("DE89370400440532013000", iban.value());
    assertEquals("pattern:iban@" + SelectorExtractor.VERSION, iban.provenance().method());
    assertEquals("reports", iban.provenance().dataset());
    assertEquals(List.of(source), iban.provenance().derivedFrom());
    assertEquals(source.grading(), iban.provenance().grading());
    assertEquals(List.of(ContentHash.of(bytes)), iban.provenance().evidence());
    assertEquals(text.indexOf("DE89"), iban.start());
    for (Mention m : ms) {
      assertEquals(doc.label(), m.label());
      assertEquals(text.substring(m.start(), m.end()), m.text());
    }
    assertEquals(PropertyType.URL, SelectorExtractor.propertyType(SelectorKind.DOMAIN));
    assertEquals(PropertyType.IDENTIFIER, SelectorExtractor.propertyType(SelectorKind.IPV6));
    assertEquals(PropertyType.PHONE, SelectorExtractor.propertyType(SelectorKind.PHONE));
  }
}
