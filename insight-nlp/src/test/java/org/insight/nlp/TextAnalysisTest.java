package org.insight.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextAnalysisTest {
  private static final TextAnalysis ANALYSIS = TextAnalysis.create();

  @Test
  void englishUsesTheUdModelsAndKeepsAbbreviationsInsideASentence() {
    String text = "Mr. Petrov arrived at 10 p.m. in Lyon. He left the next day, didn't he?";
    List<Sentence> sentences = ANALYSIS.sentences(text, "en");
    assertEquals(2, sentences.size(), sentences::toString);
    assertEquals("Mr. Petrov arrived at 10 p.m. in Lyon.", sentences.get(0).text());
    List<String> tokens = sentences.get(1).tokens().stream().map(Token::text).toList();
    assertTrue(tokens.containsAll(List.of("He", "left", ",", "?")), tokens::toString);
    assertEquals("sentences=opennlp-ud tokens=opennlp-ud", ANALYSIS.method("en"));
    offsetsAgree(text, sentences);
  }

  @Test
  void arabicAndRussianFallBackToIcuRules() {
    String ar = "شوهد المشتبه به وهو يغادر المبنى ليلا. وكان يقود سيارة زرقاء مسجلة في ليون؟ نعم.";
    List<Sentence> s = ANALYSIS.sentences(ar, "ar");
    assertEquals(3, s.size(), s::toString);
    assertEquals("sentences=icu tokens=icu", ANALYSIS.method("ar"));
    assertTrue(s.get(0).tokens().stream().map(Token::text).toList().contains("المشتبه"));
    offsetsAgree(ar, s);
    String ru = "Иван Петров прибыл в Лион. Он уехал на следующий день!";
    List<Sentence> r = ANALYSIS.sentences(ru, "ru");
    assertEquals(2, r.size());
    assertEquals(List.of("Иван", "Петров", "прибыл", "в", "Лион", "."),
        r.get(0).tokens().stream().map(Token::text).toList());
    offsetsAgree(ru, r);
  }

  @Test
  void paragraphBreaksEndSentencesEvenWithoutPunctuation() {
    String text = "Report 2026/118\n\nThe suspect left Lyon. Nobody followed him";
    for (String lang : List.of("en", "fr", "es", "")) {
      List<Sentence> s = ANALYSIS.sentences(text, lang);
      assertEquals("Report 2026/118", s.get(0).text(), lang);
      assertEquals(3, s.size(), lang + " " + s);
      offsetsAgree(text, s);
    }
  }

  @Test
  void blankTextHasNoSentencesAndWhitespaceIsNeverAToken() {
    assertEquals(List.of(), ANALYSIS.sentences("  \n\n \t", "en"));
    assertTrue(ANALYSIS.tokens("a  b\n\nc", "").stream().noneMatch(t -> t.text().isBlank()));
  }

  private static void offsetsAgree(String text, List<Sentence> sentences) {
    for (Sentence s : sentences) {
      assertEquals(s.text(), text.substring(s.start(), s.end()));
      for (Token t : s.tokens()) {
        assertEquals(t.text(), text.substring(t.start(), t.end()));
        assertTrue(t.start() >= s.start() && t.end() <= s.end());
      }
    }
  }
}
