package org.insight.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * The extractor returns exactly the selectors the extractor before the phone pre-filter returned (kind, span, text,
 * value, confidence, details) on 250 seeded mixed texts, with and without a default region: the stored expectations
 * are digests computed with that older build ({@code selectors-golden.txt}).
 */
class SelectorGoldenTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T00:00:00Z"), ZoneOffset.UTC);

  @Test
  void sameSelectorsAsBeforeThePreFilters() throws IOException {
    List<String> texts = MixedText.texts(20261207, 250);
    List<String> mismatches = new ArrayList<>();
    int checked = 0;
    try (BufferedReader in = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
        SelectorGoldenTest.class.getResourceAsStream("selectors-golden.txt")), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.startsWith("#")) {
          continue;
        }
        String[] f = line.split(" ");
        SelectorExtractor.Builder b = SelectorExtractor.builder().clock(CLOCK);
        if (!f[0].equals("ZZ")) {
          b.defaultRegion(f[0]);
        }
        String text = texts.get(Integer.parseInt(f[1]));
        List<Selector> got = b.build().extract(text);
        if (!MixedText.digest(got).equals(f[2])) {
          mismatches.add(f[0] + " text " + f[1] + ":\n" + text + "\n-> " + MixedText.canonical(got));
        }
        checked++;
      }
    }
    assertEquals(500, checked, "every stored expectation was checked");
    assertTrue(mismatches.isEmpty(), () -> mismatches.size() + " texts differ; first: " + mismatches.get(0));
  }
}
