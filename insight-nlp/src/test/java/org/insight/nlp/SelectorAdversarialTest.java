package org.insight.nlp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * No catastrophic backtracking: long runs of the characters selectors are made of finish. Super-linear scanning of
 * 200k characters takes hours, linear takes well under a second, so the generous bound below is a hang guard that a
 * loaded machine cannot trip — not a speed measurement (that is {@code ./run-bench nlp}).
 */
class SelectorAdversarialTest {

  private static final int LENGTH = 200_000;
  private static final long HANG_GUARD_MS = 120_000;
  private static final SelectorExtractor EXTRACTOR = SelectorExtractor.builder().defaultRegion("FR").build();
  private static final SelectorExtractor NO_REGION = SelectorExtractor.create();

  private static String repeat(String unit) {
    StringBuilder sb = new StringBuilder(LENGTH + unit.length());
    while (sb.length() < LENGTH) {
      sb.append(unit);
    }
    return sb.substring(0, LENGTH);
  }

  @Test
  void longRunsOfSelectorCharactersExtractQuickly() {
    List<String> units = List.of("1", "1.", "1 ", "1-", "1:", "::1", "@", "a.b@", "x", " ", "0xa", "A1", "<\n",
        "1°1'", "1.1111, ", "www.", "https://a", "http://a)", ")", "FR76 ", "4111 ");
    for (String unit : units) {
      String text = repeat(unit);
      long t0 = System.nanoTime();
      EXTRACTOR.extract(text);
      long ms = (System.nanoTime() - t0) / 1_000_000;
      assertTrue(ms < HANG_GUARD_MS, () -> "'" + unit + "' x " + LENGTH + " took " + ms + " ms");
    }
  }

  /**
   * The phone pre-filter hands libphonenumber whole stretches of number characters: digit runs of 100k and more,
   * long separator runs and number-shaped repetitions must still finish, with and without a default region.
   */
  @Test
  void longPhoneShapedRunsExtractQuickly() {
    List<String> units = List.of("+1", "1 ", "- ", "1 ext ", "21:40 ", "\u0661");
    for (String unit : units) {
      String text = repeat(unit);
      long t0 = System.nanoTime();
      EXTRACTOR.extract(text);
      long ms = (System.nanoTime() - t0) / 1_000_000;
      assertTrue(ms < HANG_GUARD_MS, () -> "'" + unit + "' x " + LENGTH + " took " + ms + " ms");
    }
    for (SelectorExtractor extractor : List.of(EXTRACTOR, NO_REGION)) {
      // the last: one libphonenumber candidate (its extension separators are unbounded), whose trimming is quadratic
      // inside libphonenumber unless the pre-filter cuts the run (PhoneStretches.LONG_RUN)
      for (String text : List.of("+" + "7".repeat(100_000) + " " + "1".repeat(100_000),
          "+1" + " ".repeat(100_000) + "2" + "-".repeat(100_000) + "3",
          "+33 1 23 45 67 89 ext" + ",".repeat(100_000) + "3", "2 ext" + ",".repeat(100_000) + "3")) {
        long t0 = System.nanoTime();
        extractor.extract(text);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms < HANG_GUARD_MS, () -> "100k-char digit or separator runs took " + ms + " ms");
      }
    }
  }

  @Test
  void mrzShapedLinesExtractQuickly() {
    String line = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n";
    String text = line.repeat(LENGTH / line.length());
    long t0 = System.nanoTime();
    EXTRACTOR.extract(text);
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertTrue(ms < HANG_GUARD_MS, () -> "MRZ-shaped lines took " + ms + " ms");
  }
}
