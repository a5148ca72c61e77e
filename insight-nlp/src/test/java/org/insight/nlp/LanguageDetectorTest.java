package org.insight.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageDetectorTest {
  private static final LanguageDetector DETECTOR = LanguageDetector.create();

  static final String EN = "The suspect was seen leaving the building at night. He drove a blue van registered in Lyon."
      + " He called his associate several times before leaving the city.";
  static final String FR = "Le suspect a été vu quittant le bâtiment la nuit. Il conduisait une camionnette bleue"
      + " immatriculée à Lyon. Il a appelé son complice plusieurs fois avant de quitter la ville.";
  static final String ES = "El sospechoso fue visto saliendo del edificio por la noche. Conducía una furgoneta azul"
      + " matriculada en Lyon. Llamó a su socio varias veces antes de salir de la ciudad.";
  static final String RU = "Подозреваемый был замечен ночью, когда выходил из здания. Он водил синий фургон,"
      + " зарегистрированный в Лионе. Он несколько раз звонил своему сообщнику, прежде чем покинуть город.";
  static final String AR = "شوهد المشتبه به وهو يغادر المبنى ليلا. وكان يقود سيارة زرقاء مسجلة في ليون."
      + " وقد اتصل بشريكه عدة مرات قبل مغادرة المدينة.";
  static final String DE = "Der Verdächtige wurde nachts beim Verlassen des Gebäudes gesehen. Er fuhr einen blauen"
      + " Lieferwagen, der in Lyon zugelassen war. Er rief seinen Komplizen mehrmals an, bevor er die Stadt verließ.";

  @ParameterizedTest
  @CsvSource({"en", "fr", "es", "ru", "ar", "de"})
  void identifiesAParagraphWithIso6391Codes(String lang) {
    String text = switch (lang) {
      case "en" -> EN;
      case "fr" -> FR;
      case "es" -> ES;
      case "ru" -> RU;
      case "ar" -> AR;
      default -> DE;
    };
    LanguageGuess g = DETECTOR.detect(text);
    assertEquals(lang, g.language(), g::toString);
    assertTrue(g.confidence() >= LanguageDetector.DEFAULT_MIN_CONFIDENCE, g::toString);
  }

  @Test
  void shortOrAmbiguousTextIsUnknownNotAGuess() {
    for (String s : List.of("", "Hello", "Ivan Petrov", "12345 67890 +33 6 12 34 56 78", "ok ok ok",
        "Report 2026/118 - Operation Heron")) {
      LanguageGuess g = DETECTOR.detect(s);
      assertFalse(g.known(), () -> s + " -> " + g);
      assertEquals(LanguageGuess.UNKNOWN, g.language());
      assertEquals(0.0, g.confidence());
    }
  }

  @Test
  void mixedDocumentGivesPassagesWithTheirLanguages() {
    String text = EN + "\n\n" + FR + "\n\n" + ES + "\n" + "\n" + RU;
    List<LanguagePassage> passages = DETECTOR.passages(text);
    assertEquals(List.of("en", "fr", "es", "ru"), passages.stream().map(LanguagePassage::language).toList());
    assertEquals(0, passages.get(0).start());
    assertEquals(text.indexOf(FR), passages.get(1).start());
    assertEquals(text.indexOf(FR) + FR.length(), passages.get(1).end());
    assertEquals(text.length(), passages.get(3).end());
    for (int i = 1; i < passages.size(); i++) {
      assertTrue(passages.get(i - 1).end() <= passages.get(i).start(), "passages do not overlap");
    }
  }

  @Test
  void adjacentParagraphsOfOneLanguageMergeAndLongParagraphsAreWindowed() {
    String longEnglish = (EN + " ").repeat(12).trim(); // ~2,000 chars, one paragraph
    String text = longEnglish + "\n\n" + EN + "\n\n" + AR;
    List<LanguagePassage> passages = DETECTOR.passages(text);
    assertEquals(List.of("en", "ar"), passages.stream().map(LanguagePassage::language).toList());
    assertEquals(0, passages.get(0).start());
    assertEquals(text.indexOf(AR), passages.get(1).start());
  }

  @Test
  void thresholdsAreConfigurableAndSetOnce() {
    LanguageDetector lenient = LanguageDetector.builder().minLetters(5).minConfidence(0).build();
    assertTrue(lenient.detect("Ivan Petrov").known());
    assertThrows(IllegalStateException.class, () -> LanguageDetector.builder().minLetters(3).minLetters(4));
    assertThrows(IllegalArgumentException.class, () -> LanguageDetector.builder().minConfidence(1.5));
  }

  @Test
  void supportedLanguagesAreTwoLetterWhereOneExists() {
    List<String> langs = DETECTOR.supportedLanguages();
    assertEquals(103, langs.size());
    assertTrue(langs.containsAll(List.of("en", "fr", "es", "ru", "ar", "de", "zh", "fa", "lv", "et")), langs::toString);
    assertFalse(langs.contains("eng"));
  }
}
