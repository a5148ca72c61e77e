package org.insight.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.insight.nlp.internal.Checksums;

/** Laws of selector extraction: valid selectors are always found, single-digit mutations never, nothing throws. */
class SelectorProperties {

  private static final SelectorExtractor EXTRACTOR = SelectorExtractor.builder().defaultRegion("FR").build();

  /** A selector as it appears in the text, its expected value and kind. */
  record Planted(SelectorKind kind, String text, String value) {}

  /** Letters and punctuation only, so that nothing around a planted selector can combine with it. */
  @Provide
  Arbitrary<String> noise() {
    return Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéß.,;:!?()- ")
        .ofMaxLength(40).map(s -> s.isEmpty() ? s : s + " ");
  }

  private static final String[][] IBAN_COUNTRIES = {
    {"FR", "27"}, {"DE", "22"}, {"ES", "24"}, {"IT", "27"}, {"GB", "22"}, {"NL", "18"}, {"BE", "16"}, {"CH", "21"},
    {"LU", "20"}, {"PT", "25"}, {"AT", "20"}, {"PL", "28"}
  };

  @Provide
  Arbitrary<Planted> ibans() {
    Arbitrary<String[]> country = Arbitraries.of(IBAN_COUNTRIES);
    Arbitrary<String> chars = Arbitraries.strings().withChars("0123456789012345678901234567890123456789ABCDEFGHJKLMNPRSTUVWXYZ")
        .ofLength(30);
    return Combinators.combine(country, chars, Arbitraries.of(true, false)).as((c, body, grouped) -> {
      String bban = body.substring(0, Integer.parseInt(c[1]) - 4);
      int r = new BigInteger(numeric(bban + c[0] + "00")).mod(BigInteger.valueOf(97)).intValue();
      String iban = c[0] + String.format("%02d", 98 - r) + bban;
      return new Planted(SelectorKind.IBAN, grouped ? group(iban, 4) : iban, iban);
    });
  }

  private static String numeric(String s) {
    StringBuilder sb = new StringBuilder();
    for (char ch : s.toCharArray()) {
      sb.append(Character.isDigit(ch) ? String.valueOf(ch) : String.valueOf(ch - 'A' + 10));
    }
    return sb.toString();
  }

  private static String group(String s, int size) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i += size) {
      if (i > 0) {
        sb.append(' ');
      }
      sb.append(s, i, Math.min(s.length(), i + size));
    }
    return sb.toString();
  }

  @Provide
  Arbitrary<Planted> cards() {
    Arbitrary<String> prefix = Arbitraries.of("4", "51", "52", "55", "2221", "2720", "34", "37", "6011", "65");
    Arbitrary<String> digits = Arbitraries.strings().numeric().ofLength(18);
    return Combinators.combine(prefix, digits, Arbitraries.of(' ', '-', '\0')).as((p, d, sep) -> {
      int len = p.startsWith("3") ? 15 : 16;
      String payload = (p + d).substring(0, len - 1);
      String card = payload + Checksums.luhnCheckDigit(payload);
      String shown = card;
      if (sep != '\0') {
        shown = len == 15 ? card.substring(0, 4) + sep + card.substring(4, 10) + sep + card.substring(10)
            : group(card, 4).replace(' ', sep);
      }
      return new Planted(SelectorKind.PAYMENT_CARD, shown, card);
    });
  }

  @Provide
  Arbitrary<Planted> imeis() {
    return Arbitraries.strings().numeric().ofLength(14).map(p -> {
      String imei = p + Checksums.luhnCheckDigit(p);
      return new Planted(SelectorKind.IMEI, imei, imei);
    });
  }

  @Provide
  Arbitrary<Planted> planted() {
    return Arbitraries.oneOf(ibans(), cards(), imeis());
  }

  private static String cue(Planted p) {
    return p.kind() == SelectorKind.IMEI ? "IMEI " : "";
  }

  @Property(tries = 400)
  void validSelectorsAreAlwaysFound(@ForAll("noise") String before, @ForAll("planted") Planted p,
      @ForAll("noise") String after) {
    String prefix = before + cue(p);
    String text = prefix + p.text() + " " + after;
    List<Selector> hits = EXTRACTOR.extract(text).stream().filter(s -> s.kind() == p.kind())
        .collect(Collectors.toList());
    assertEquals(1, hits.size(), () -> text + " -> " + EXTRACTOR.extract(text));
    Selector s = hits.get(0);
    assertEquals(p.value(), s.value());
    assertEquals(p.text(), s.text());
    assertEquals(prefix.length(), s.start());
  }

  @Property(tries = 400)
  void singleDigitMutationsAreNeverReported(@ForAll("noise") String before, @ForAll("planted") Planted p,
      @ForAll("noise") String after, @ForAll int which, @ForAll int delta) {
    char[] cs = p.text().toCharArray();
    List<Integer> digitPositions = new java.util.ArrayList<>();
    for (int i = 0; i < cs.length; i++) {
      if (Character.isDigit(cs[i])) {
        digitPositions.add(i);
      }
    }
    int at = digitPositions.get(Math.floorMod(which, digitPositions.size()));
    cs[at] = (char) ('0' + (cs[at] - '0' + 1 + Math.floorMod(delta, 9)) % 10);
    String mutated = new String(cs);
    String text = before + cue(p) + mutated + " " + after;
    List<Selector> hits = EXTRACTOR.extract(text).stream().filter(s -> s.kind() == p.kind())
        .collect(Collectors.toList());
    assertEquals(List.of(), hits, () -> "mutated " + p.text() + " to " + mutated);
  }

  @Provide
  Arbitrary<String> arbitraryText() {
    Arbitrary<String> fragments = Arbitraries.of("FR76 3000 6000 0112 3456 7890 189", "4111 1111 1111 1111",
        "IMEI 490154203237518", "a.b@example.com", "+33 1 42 68 53 00", "192.168.1.1", "2001:db8::1",
        "https://x.example.org/a?b", "evil.ru", "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa",
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", SelectorExtractorTest.TD3_1 + "\n" + SelectorExtractorTest.TD3_2,
        "1M8GDM9AXKP042788", "12 avril 2026", "2026-04-12", "48°51'24\"N 2°21'08\"E", "48.8566, 2.3522",
        "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", "<<<<", "::", "@", ".", "0x", "°", "\n", " ");
    Arbitrary<String> noise = Arbitraries.strings().withChars("0123456789 .:@/-x<+,AZaz°'\"\nNSEWbc1").ofMaxLength(30);
    Arbitrary<String> any = Arbitraries.strings().all().ofMaxLength(30);
    return Arbitraries.frequencyOf(Tuple.of(3, fragments), Tuple.of(3, noise), Tuple.of(1, any))
        .list().ofMaxSize(12).map(l -> String.join("", l));
  }

  @Property(tries = 500)
  void arbitraryTextNeverThrowsAndSpansMatch(@ForAll("arbitraryText") String text) {
    List<Selector> hits = EXTRACTOR.extract(text);
    int lastEnd = 0;
    for (Selector s : hits) {
      assertEquals(text.substring(s.start(), s.end()), s.text(), s::toString);
      assertTrue(s.start() >= lastEnd, () -> "sorted and not overlapping: " + hits);
      assertTrue(s.confidence() > 0 && s.confidence() <= 1);
      lastEnd = s.end();
    }
  }
}
