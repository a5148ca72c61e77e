package org.insight.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Against a real Apertium APY with the Debian pairs (eng↔spa, fra→spa): runs when {@code INSIGHT_APY_URL} is set
 * ({@code .ci/run} starts APY and sets it), and is skipped with a message otherwise.
 */
class ApertiumLiveTest {
  private ApertiumTranslator translator;

  @BeforeEach
  void connect() {
    String url = System.getenv("INSIGHT_APY_URL");
    assumeTrue(url != null && !url.isBlank(),
        "INSIGHT_APY_URL is not set: start APY with scripts/apy start and export the URL it prints to run this test");
    translator = ApertiumTranslator.builder(URI.create(url)).build();
  }

  @Test
  void frenchToEnglishThroughSpanish() {
    Translation t = translator.translate("La maison est grande.", "fr", "en");
    assertEquals(List.of("fra", "spa", "eng"), t.path());
    assertTrue(t.text().toLowerCase(Locale.ROOT).contains("house"), t.text());
    assertTrue(t.text().toLowerCase(Locale.ROOT).contains("big"), t.text());
  }

  @Test
  void unknownNamesSurviveUnmarkedAndAreReported() {
    Translation t = translator.translate("Le suspect Zorglubov a pris le train.", "fr", "en");
    assertTrue(t.text().contains("Zorglubov") && !t.text().contains("*"), t.text());
    assertEquals(List.of("Zorglubov"), t.unknownWords());
  }

  @Test
  void englishToSpanishDirect() {
    Translation t = translator.translate("The house", "en", "es");
    assertEquals(List.of("eng", "spa"), t.path());
    assertTrue(t.text().toLowerCase(Locale.ROOT).contains("casa"), t.text());
  }
}
