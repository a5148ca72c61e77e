package org.insight.nlp.internal.selector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.insight.nlp.Selector;
import org.insight.nlp.SelectorKind;
import org.insight.nlp.internal.selector.Candidates.Candidate;

/**
 * The pre-filtered phone recogniser finds exactly what libphonenumber finds over the whole text (kind, span, text,
 * E.164 value, confidence, details), and the extractor built on it returns exactly the old extractor's selectors —
 * on text dense with the things that used to cost: numbers in every format, times, dates, timestamps, publication
 * pages, extensions, brackets, non-ASCII digits, letters and currency signs glued to digits.
 */
class PhoneRecognizerProperties {

  private static final String[] REGIONS = {"ZZ", "FR", "US", "DE", "GB", "AT", "RU", "IN", "BR", "JP", "NU", "SH", "IT"};

  /** Valid numbers of many regions and types, in every format libphonenumber writes. */
  private static final List<String> NUMBERS = numbers();

  private static List<String> numbers() {
    PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    List<String> out = new ArrayList<>();
    for (String region : REGIONS) {
      if (region.equals("ZZ")) {
        continue; // no example numbers without a region
      }
      for (PhoneNumberType type : EnumSet.of(PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE,
          PhoneNumberType.TOLL_FREE, PhoneNumberType.VOIP)) {
        PhoneNumber n = util.getExampleNumberForType(region, type);
        if (n == null) {
          continue;
        }
        for (PhoneNumberFormat f : PhoneNumberFormat.values()) {
          out.add(util.format(n, f));
        }
        out.add("00" + util.format(n, PhoneNumberFormat.E164).substring(1));
        out.add(util.format(n, PhoneNumberFormat.INTERNATIONAL).replace(' ', '-'));
        out.add(util.format(n, PhoneNumberFormat.INTERNATIONAL).replace(' ', '.'));
      }
    }
    return List.copyOf(out);
  }

  @Provide
  Arbitrary<String> regions() {
    return Arbitraries.of(REGIONS);
  }

  @Provide
  Arbitrary<String> phoneText() {
    Arbitrary<String> numbers = Arbitraries.of(NUMBERS);
    Arbitrary<String> tricky = Arbitraries.of("21:40", "2026-04-12 21", ":40", "2012-01-02 08:00", "14/03/2026",
        "3/10/2011", "211-227 (2003)", " ext. 12", " x 34", "#", "；ext=5", ";ext=5", " anexo 3", " доб. 7",
        " extensión 9", " int 4", "(0)", "(", ")", "[", "（", "＋", "+", "％", "%", "€", "$", "ı", "İ", "ſ", "K",
        "ｅｘｔ", "٠١٢٣٤٥٦٧٨٩", "０６１２３４５６７８", "\u00A0", "\u200B", "\t", ",", ":", "/", "\\", " / x", "abc",
        "def", "tel:", "\n", "FR76 3000 6000 0112 3456 7890 189", "00", "0", "1-800-FLOWERS", "\uD835\uDFCE",
        "+33 6 12 34 56 78", "06 12 34 56 78", "+44 20 7946 0958", "+7 495 123-45-67");
    Arbitrary<String> digits = Arbitraries.strings().withChars("0123456789").ofMinLength(1).ofMaxLength(14);
    Arbitrary<String> chars = Arbitraries.strings()
        .withChars("0123456789 +-.()/[]x#~:;,=extnsioaдобｅｘｔｎ\u00A0\u2010\u3000\uFF0B%€abcdéß\n\t").ofMaxLength(12);
    Arbitrary<String> any = Arbitraries.strings().all().ofMaxLength(6);
    Arbitrary<String> separators = Arbitraries.of("", " ", "  ", "-", ".", "/", ", ", "\n", "a", "é", "Tel: ", " et ");
    Arbitrary<String> token = Arbitraries.frequencyOf(Tuple.of(4, numbers), Tuple.of(4, tricky), Tuple.of(2, digits),
        Tuple.of(2, chars), Tuple.of(1, any));
    return net.jqwik.api.Combinators.combine(token, separators).as((t, s) -> t + s).list().ofMaxSize(16)
        .map(l -> String.join("", l));
  }

  private static List<Selector> phones(Recognizer r, String text) {
    Candidates out = new Candidates();
    r.find(text, out);
    return out.list().stream().map(Candidate::selector).toList();
  }

  @Property(tries = 1500)
  void sameNumbersAsLibphonenumberOverTheWholeText(@ForAll("phoneText") String text, @ForAll("regions") String region) {
    List<Selector> expected = phones(new ReferencePhoneRecognizer(region), text);
    assertEquals(expected, phones(new PhoneRecognizer(region), text), () -> region + ": " + text);
  }

  @Property(tries = 300)
  void sameSelectorsAsTheOldExtractor(@ForAll("phoneText") String text, @ForAll("regions") String region) {
    List<Recognizer> current = SelectorScanner.recognizers(EnumSet.allOf(SelectorKind.class), region, 2026);
    List<Recognizer> old = current.stream()
        .map(r -> r instanceof PhoneRecognizer ? (Recognizer) new ReferencePhoneRecognizer(region) : r).toList();
    assertTrue(current.stream().anyMatch(r -> r instanceof PhoneRecognizer), "the phone recogniser is swapped");
    assertEquals(new SelectorScanner(old).scan(text), new SelectorScanner(current).scan(text), () -> region + ": " + text);
  }

  @Property(tries = 500)
  void stretchesAreDisjointMaximalRunsWithoutBreakers(@ForAll("phoneText") String text, @ForAll boolean plusRequired) {
    List<int[]> stretches = new ArrayList<>();
    PhoneStretches.find(text, plusRequired, (s, e) -> stretches.add(new int[] {s, e}));
    int lastEnd = -1;
    for (int[] st : stretches) {
      assertTrue(st[0] > lastEnd && st[0] < st[1] && st[1] <= text.length(), () -> "disjoint and ordered: " + text);
      for (int i = st[0]; i < st[1]; i++) {
        assertTrue(PhoneStretches.inNumber(text.charAt(i)), () -> "a breaker inside a stretch: " + text);
      }
      assertTrue(st[0] == 0 || !PhoneStretches.inNumber(text.charAt(st[0] - 1)), "maximal on the left");
      assertTrue(st[1] == text.length() || !PhoneStretches.inNumber(text.charAt(st[1])), "maximal on the right");
      lastEnd = st[1];
    }
  }
}
