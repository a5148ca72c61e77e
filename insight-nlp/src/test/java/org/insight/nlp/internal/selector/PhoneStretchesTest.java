package org.insight.nlp.internal.selector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The pre-filter's two facts about libphonenumber hold for the version on the class path — its candidate pattern is
 * the one the breaker table was derived from, and no region has a valid national number shorter than
 * {@link PhoneStretches#MIN_NSN_DIGITS} — and it lets through numbers while skipping times, dates and plain digits.
 */
class PhoneStretchesTest {

  /** {@code PhoneNumberMatcher.PATTERN} of libphonenumber 8.13.52, from which {@link PhoneStretches} was derived. */
  private static final String DERIVED_FROM = "(?:[(\\[\uFF08\uFF3B+\uFF0B][-x\u2010-\u2015\u2212\u30FC\uFF0D-\uFF0F"
      + " \u00A0\u00AD\u200B\u2060\u3000()\uFF08\uFF09\uFF3B\uFF3D.\\[\\]/~\u2053\u223C\uFF5E]{0,4}){0,2}\\p{Nd}{1,20}"
      + "(?:[-x\u2010-\u2015\u2212\u30FC\uFF0D-\uFF0F \u00A0\u00AD\u200B\u2060\u3000()\uFF08\uFF09\uFF3B\uFF3D."
      + "\\[\\]/~\u2053\u223C\uFF5E]{0,4}\\p{Nd}{1,20}){0,20}(?:;ext=(\\p{Nd}{1,20})|[ \u00A0\\t,]*(?:e?xt(?:ensi"
      + "(?:o\u0301?|\u00F3))?n?|\uFF45?\uFF58\uFF54\uFF4E?|\u0434\u043E\u0431|anexo)[:\\.\uFF0E]?[ \u00A0\\t,-]*"
      + "(\\p{Nd}{1,20})#?|[ \u00A0\\t,]*(?:[x\uFF58#\uFF03~\uFF5E]|int|\uFF49\uFF4E\uFF54)[:\\.\uFF0E]?"
      + "[ \u00A0\\t,-]*(\\p{Nd}{1,9})#?|[- ]+(\\p{Nd}{1,6})#)?";

  private static Pattern matcherPattern() throws ReflectiveOperationException {
    Field f = Class.forName("com.google.i18n.phonenumbers.PhoneNumberMatcher").getDeclaredField("PATTERN");
    f.setAccessible(true);
    return (Pattern) f.get(null);
  }

  @Test
  void libphonenumbersCandidatePatternIsTheOneTheBreakersWereDerivedFrom() throws Exception {
    assertEquals(DERIVED_FROM, matcherPattern().pattern(),
        "libphonenumber's candidate pattern changed: re-derive PhoneStretches' character sets from it, then update this");
  }

  @Test
  void noRegionHasAValidNationalNumberShorterThanTheBound() throws Exception {
    PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    Method region = PhoneNumberUtil.class.getDeclaredMethod("getMetadataForRegion", String.class);
    Method global = PhoneNumberUtil.class.getDeclaredMethod("getMetadataForNonGeographicalRegion", int.class);
    region.setAccessible(true);
    global.setAccessible(true);
    List<PhoneMetadata> all = new ArrayList<>();
    for (String r : util.getSupportedRegions()) {
      all.add((PhoneMetadata) region.invoke(util, r));
    }
    for (int cc : util.getSupportedGlobalNetworkCallingCodes()) {
      all.add((PhoneMetadata) global.invoke(util, cc));
    }
    assertTrue(all.size() > 240, "metadata of every region was read");
    for (PhoneMetadata m : all) {
      List<Integer> lengths = m.getGeneralDesc().getPossibleLengthList();
      assertTrue(!lengths.isEmpty(), () -> m.getId() + " has no possible lengths: the bound cannot be checked");
      for (int length : lengths) {
        assertTrue(length >= PhoneStretches.MIN_NSN_DIGITS,
            () -> m.getId() + " has valid national numbers of " + length + " digits: lower MIN_NSN_DIGITS");
      }
    }
  }

  /**
   * No breaker is ever part of a match: put each breaker of the scripts and symbol blocks text mixes with numbers at
   * every position of numbers with every kind of extension, and check that no match of libphonenumber's pattern
   * covers it.
   */
  @Test
  void breakersAreNeverInsideACandidate() throws Exception {
    Pattern pattern = matcherPattern();
    List<String> templates = List.of("+(1-2 3", "1;ext=1", "1 ext. 1", "1 extension: 1", "1 extensión 1",
        "1 extensio\u0301n 1", "1 \uFF45\uFF58\uFF54\uFF4E 1", "1 \u0434\u043E\u0431 1", "1 anexo 1", "1 x 1",
        "1 # 1", "1 ~ 1", "1 int 1", "1 \uFF49\uFF4E\uFF54 1", "1 - 1#", "1\uFF0E\uFF3B2\uFF3D");
    int[][] blocks = {{0, 0x052F}, {0x1E00, 0x206F}, {0x20A0, 0x22FF}, {0x3000, 0x303F}, {0xFF00, 0xFFEF}};
    int checked = 0;
    for (int[] block : blocks) {
      for (int c = block[0]; c <= block[1]; c++) {
        char ch = (char) c;
        if (PhoneStretches.inNumber(ch)) {
          continue;
        }
        for (String t : templates) {
          for (int p = 1; p < t.length(); p++) {
            String probe = t.substring(0, p) + ch + t.substring(p + 1);
            Matcher m = pattern.matcher(probe);
            while (m.find()) {
              int at = p;
              assertTrue(at < m.start() || at >= m.end(),
                  () -> String.format("U+%04X matched inside '%s'", (int) ch, probe));
            }
            checked++;
          }
        }
      }
    }
    assertTrue(checked > 100_000, "enough probes ran");
  }

  private static List<String> stretches(String text, boolean plusRequired) {
    List<String> out = new ArrayList<>();
    PhoneStretches.find(text, plusRequired, (s, e) -> out.add(text.substring(s, e)));
    return out;
  }

  @Test
  void withoutARegionOnlyStretchesWithAPlusAndEnoughDigitsPass() {
    String text = "At 21:40 on 14/03/2026 he called +33 6 12 34 56 78 from flat 12345, then +1 2 3.";
    assertEquals(List.of(" +33 6 12 34 56 78 "), stretches(text, true));
  }

  @Test
  void withARegionStretchesWithEnoughDigitsPass() {
    String text = "At 21:40 on 14/03/2026 he called 06 12 34 56 78 from flat 123.";
    assertEquals(List.of("At 21:40 on 14/03/2026 ", " 06 12 34 56 78 "), stretches(text, false));
  }

  @Test
  void lettersCountAsDigitsOnlyFromThree() {
    assertEquals(List.of(), stretches("+1 ex", true));
    assertEquals(List.of("+1 extent"), stretches("+1 extent", true));
  }

  @Test
  void aLongRunWithoutADigitIsCutKeepingTheNumbersOnBothSides() {
    String gap = " ".repeat(PhoneStretches.LONG_RUN + 1);
    String margin = " ".repeat(PhoneStretches.MARGIN);
    // the next piece starts MARGIN characters before its first digit: here the plus and 15 spaces
    assertEquals(List.of("+33 6 12 34 56 78" + margin, margin.substring(1) + "+44 20 7946 0958"),
        stretches("+33 6 12 34 56 78" + gap + "+44 20 7946 0958", true));
    String kept = " ".repeat(PhoneStretches.LONG_RUN - 1); // with the plus: LONG_RUN characters without a digit
    assertEquals(List.of("+33 6 12 34 56 78" + kept + "+44 20 7946 0958"),
        stretches("+33 6 12 34 56 78" + kept + "+44 20 7946 0958", true), "a run of LONG_RUN characters is kept whole");
    // the hostile candidate: the extension's separators are cut, the number before them kept
    assertEquals(List.of("+33 6 12 34 56 78 ext" + ",".repeat(PhoneStretches.MARGIN - 4)),
        stretches("+33 6 12 34 56 78 ext" + ",".repeat(100_000) + "3", true));
  }
}
