package org.insight.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApertiumTranslatorTest {

  @Test
  void directPairIsOneRequest() throws Exception {
    try (FakeApy apy = FakeApy.debianLike()) {
      Translator t = ApertiumTranslator.builder(apy.url()).engineVersion("3.8.3").build();
      Translation tr = t.translate("la casa es grande", "es", "en");
      assertEquals("the house is big", tr.text());
      assertEquals(List.of("spa", "eng"), tr.path());
      assertFalse(tr.pivoted());
      assertEquals("translate:apertium@3.8.3:spa>eng", tr.method());
      assertEquals(1, apy.requests.size());
      assertEquals("spa|eng", apy.requests.get(0).langpair());
    }
  }

  @Test
  void frenchToEnglishPivotsThroughSpanish() throws Exception {
    try (FakeApy apy = FakeApy.debianLike()) {
      ApertiumTranslator t = ApertiumTranslator.builder(apy.url()).build();
      assertTrue(t.supports("fr", "en"));
      assertFalse(t.directPairs().contains(LanguagePair.of("fr", "en")));
      Translation tr = t.translate("La maison est grande.", "fr", "en");
      assertEquals("the house is big.", tr.text());
      assertEquals(List.of("fra", "spa", "eng"), tr.path());
      assertTrue(tr.pivoted());
      assertEquals("translate:apertium@unversioned:fra>spa>eng", tr.method());
      assertEquals(List.of("fra|spa", "spa|eng"), apy.requests.stream().map(FakeApy.Request::langpair).toList());
      assertEquals("la casa es grande.", apy.requests.get(1).q(), "the second leg gets the first leg's output");
    }
  }

  @Test
  void unknownWordsAreReportedAndTheirMarksRemovedEvenAcrossThePivot() throws Exception {
    try (FakeApy apy = FakeApy.debianLike()) {
      Translation tr = ApertiumTranslator.builder(apy.url()).build()
          .translate("le suspect Zorglub a pris le train", "fra", "eng");
      assertEquals("the suspect Zorglub has taken the train", tr.text());
      assertEquals(List.of("Zorglub"), tr.unknownWords());
      assertEquals("el sospechoso Zorglub ha tomado el tren", apy.requests.get(1).q(), "marks removed between legs");

      Translation kept = ApertiumTranslator.builder(apy.url()).keepUnknownMarks().build()
          .translate("le suspect Zorglub", "fr", "en");
      assertEquals("the suspect *Zorglub", kept.text());
    }
  }

  @Test
  void marksAlreadyInTheSourceTextAreNotTheEngines() throws Exception {
    try (FakeApy apy = new FakeApy(Map.of("spa|eng", Map.of("casa", "house")))) {
      // the fake marks "*casa" unknown as "**casa"; the input's own "*casa" must survive as "*casa"
      Translation tr = ApertiumTranslator.builder(apy.url()).build().translate("casa *casa", "es", "en");
      assertEquals("house *casa", tr.text());
    }
  }

  @Test
  void longTextsAreChunkedWithinTheLimitAndKeepTheirLayout() throws Exception {
    try (FakeApy apy = FakeApy.debianLike()) {
      StringBuilder text = new StringBuilder();
      StringBuilder expected = new StringBuilder();
      for (int p = 0; p < 12; p++) {
        for (int s = 0; s < 5; s++) {
          text.append("la casa es grande. ");
          expected.append("the house is big. ");
        }
        text.append("\n\n");
        expected.append("\n\n");
      }
      ApertiumTranslator t = ApertiumTranslator.builder(apy.url()).maxChunkChars(120).build();
      Translation tr = t.translate(text.toString(), "es", "en");
      assertEquals(expected.toString(), tr.text());
      assertTrue(apy.requests.size() > 1, "several requests");
      apy.requests.forEach(r -> assertTrue(r.q().length() <= 120, () -> "request of " + r.q().length() + " chars"));
    }
  }

  @Test
  void aPairWithNoRouteIsRefusedNamingTheAvailableOnes() throws Exception {
    try (FakeApy apy = FakeApy.debianLike()) {
      ApertiumTranslator t = ApertiumTranslator.builder(apy.url()).build();
      assertFalse(t.supports("de", "en"));
      UnsupportedLanguagePairException e =
          assertThrows(UnsupportedLanguagePairException.class, () -> t.translate("Haus", "de", "en"));
      assertTrue(e.getMessage().contains("deu") && e.getMessage().contains("fra>eng"), e.getMessage());
      assertTrue(apy.requests.isEmpty(), "nothing sent for a pair that cannot be served");
      assertThrows(IllegalArgumentException.class, () -> t.translate("x", "french", "en"));
    }
  }

  @Test
  void anEngineErrorIsATranslationExceptionWithItsExplanation() throws Exception {
    // lists eng>spa but cannot translate it: the service answers 400 as APY does for an uninstalled pair
    try (FakeApy apy = new FakeApy(Map.of("spa|eng", Map.of()))) {
      ApertiumTranslator t = ApertiumTranslator.builder(apy.url()).build();
      t.directPairs();
      apy.close();
    }
    try (FakeApy apy = new FakeApy(Map.of("spa|eng", Map.of("casa", "house")))) {
      ApertiumTranslator t = ApertiumTranslator.builder(apy.url()).build();
      TranslationException e = assertThrows(TranslationException.class, () -> t.translate("casa", "eng", "spa"));
      assertTrue(e instanceof UnsupportedLanguagePairException, e.toString());
    }
  }

  @Test
  void aTimeoutSaysWhatToDo() throws Exception {
    try (FakeApy apy = FakeApy.debianLike()) {
      ApertiumTranslator t = ApertiumTranslator.builder(apy.url()).requestTimeout(Duration.ofMillis(300)).build();
      t.directPairs();
      apy.delayMillis = 3_000;
      TranslatorUnavailableException e =
          assertThrows(TranslatorUnavailableException.class, () -> t.translate("casa", "es", "en"));
      assertTrue(e.getMessage().contains("did not answer") && e.getMessage().contains("300 ms"), e.getMessage());
    }
  }

  @Test
  void anUnreachableServiceIsUnavailableNotASilentEmptyResult() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    ApertiumTranslator t = ApertiumTranslator.builder(URI.create("http://127.0.0.1:" + port)).build();
    TranslatorUnavailableException e = assertThrows(TranslatorUnavailableException.class, () -> t.supports("fr", "en"));
    assertTrue(e.getMessage().contains("cannot be reached") && e.getMessage().contains("scripts/apy"), e.getMessage());
  }

  @Test
  void onlyLoopbackUnlessRemoteIsAllowed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ApertiumTranslator.builder(URI.create("http://192.0.2.7:2737")).build());
    assertTrue(e.getMessage().contains("loopback"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> ApertiumTranslator.builder(URI.create("http://apy.example:2737")).build());
    ApertiumTranslator.builder(URI.create("http://apy.example:2737")).allowRemote().build();
    ApertiumTranslator.builder(URI.create("http://[::1]:2737")).build();
    ApertiumTranslator.builder(URI.create("http://localhost:2737")).build();
    assertThrows(IllegalArgumentException.class, () -> ApertiumTranslator.builder(URI.create("ftp://127.0.0.1/")));
    IllegalStateException twice = assertThrows(IllegalStateException.class,
        () -> ApertiumTranslator.builder(URI.create("http://127.0.0.1:1")).maxChunkChars(500).maxChunkChars(600));
    assertTrue(twice.getMessage().contains("500"), twice.getMessage());
  }
}
