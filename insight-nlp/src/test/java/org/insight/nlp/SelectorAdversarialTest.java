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
