package org.insight.search.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.insight.names.Names;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnalysisTest {

  static List<String> tokens(Analyzer analyzer, String field, String text) {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  static List<String> text(String language, String text) {
    return tokens(Analysis.text(language), "f", text);
  }

  @Test
  void english() {
    assertEquals(List.of("run", "dog", "cafe"), text("en", "The RUNNING dogs' Café"));
    assertEquals(text("en", "running"), text("en", "runs"));
  }

  @Test
  void french() {
    List<String> accented = text("fr", "Les Événements de l'été");
    assertEquals(accented, text("fr", "les evenements de l'ete"));
    assertEquals(List.of("even", "ete"), accented, "elided, stop words out, light-stemmed, folded");
    assertEquals(text("fr", "événement"), text("fr", "Événements"));
  }

  @Test
  void spanish() {
    assertEquals(text("es", "canción"), text("es", "CANCIONES"));
    assertEquals(List.of(), text("es", "de la y el"));
  }

  @Test
  void german() {
    List<String> t = text("de", "Die Ärzte");
    assertEquals(1, t.size(), t.toString());
    assertEquals(t, text("de", "arzte"));
    assertEquals(t, text("de", "Arzt"));
    assertEquals(text("de", "Straße"), text("de", "strasse"));
  }

  @Test
  void arabic() {
    // the definite article and the short vowels go
    List<String> plain = text("ar", "الكتاب");
    assertEquals(plain, text("ar", "الْكِتَابُ"));
    assertEquals(plain, text("ar", "كتاب"));
    assertEquals(1, plain.size());
    assertEquals(List.of("123"), text("ar", "١٢٣"));
  }

  @Test
  void russian() {
    List<String> stem = text("ru", "книгами");
    assertEquals(stem, text("ru", "Книги"));
    assertEquals(stem, text("ru", "книга"));
    assertEquals(List.of(), text("ru", "и в на"));
    assertEquals(text("ru", "Ёлки"), text("ru", "елки"));
  }

  @Test
  void genericFoldsWithoutStemming() {
    assertEquals(List.of("evenements", "strasse", "running"), text("", "Événements STRASSE running"));
    assertEquals(List.of("evenements"), text("xx", "Événements"));
    assertEquals(List.of("evenements"), text(null, "Événements"));
    assertTrue(text("zh", "北京大学").size() >= 1);
  }

  @Test
  void analyzersAreCachedAndRegionsIgnored() {
    assertSame(Analysis.text("fr"), Analysis.text("FR-ca"));
    assertSame(Analysis.text(""), Analysis.text("pt"));
    assertNotEquals(Analysis.text("fr"), Analysis.text("en"));
    assertSame(Analysis.perFieldText(), Analysis.perFieldText());
  }

  @ParameterizedTest
  @CsvSource({"en, text_en", "fr, text_fr", "es, text_es", "ar, text_ar", "ru, text_ru", "de, text_de", "pt, text",
      "'', text", "DE-at, text_de"})
  void textFields(String language, String field) {
    assertEquals(field, Analysis.textField(language));
  }

  @Test
  void perFieldDelegates() {
    Analyzer a = Analysis.perFieldText();
    assertEquals(text("fr", "Événements"), tokens(a, "text_fr", "Événements"));
    assertEquals(text("ru", "книгами"), tokens(a, "text_ru", "книгами"));
    assertEquals(List.of("running"), tokens(a, "text", "Running"));
    assertEquals(List.of("running"), tokens(a, "text_xx", "Running"));
    assertEquals(List.of("petr", "ivanov"), tokens(a, "name", "Пётр ИВАНОВ"));
    assertEquals(List.of("PTR", "AFNF"), tokens(a, "name_phonetic", "Пётр ИВАНОВ"));
  }

  @Test
  void keywordFieldsUntouched() {
    Analyzer a = Analysis.perFieldText();
    assertEquals(List.of("INTERPOL&(FR|DE) Événements"), tokens(a, "_label", "INTERPOL&(FR|DE) Événements"));
    assertEquals(List.of("ent-42"), tokens(a, "_id", "ent-42"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "Пётр ИВАНОВ | petr ivanov",
      "Dr. Пётр Иванов | petr ivanov",
      "Γιώργος Παπαδόπουλος | giorgos papadopoulos",
      "محمد الخوري | mhmd al khwry",
      "משה כהן | msh khn",
      "王小明 | wang xiao ming",
      "Sheikh Omar al-Khoury | omar al khoury",
      "Sean O'Brien | sean obrien",
      "José FERNÁNDEZ | jose fernandez",
      "Sir | sir",
  })
  void namesAcrossScripts(String name, String expected) {
    List<String> t = tokens(Analysis.name(), "name", name);
    assertEquals(List.of(expected.split(" ")), t);
    assertEquals(Names.tokens(name), t, "same tokens as Names.tokens");
  }

  @Test
  void droppedHonorificsLeaveAPositionGapLikeStopWords() throws IOException {
    try (TokenStream ts = Analysis.name().tokenStream("name", "Dr Mr Ivan Petrov")) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      assertTrue(ts.incrementToken());
      assertEquals("ivan", term.toString());
      assertEquals(3, inc.getPositionIncrement());
      assertTrue(ts.incrementToken());
      assertEquals(1, inc.getPositionIncrement());
      ts.end();
    }
  }

  @Test
  void honorificsOnlyDroppedAtTheFront() {
    assertEquals(List.of("ivan", "dr", "petrov"), tokens(Analysis.name(), "name", "Ivan Dr Petrov"));
  }

  @Test
  void phoneticVariantsShareATerm() {
    assertShare("Mohammed", "Muhammad");
    assertShare("Mohamed", "Muhammad");
    assertShare("Petrov", "Petroff");
    assertShare("Petrov", "Петров");
    assertShare("Youssef", "Yusuf");
    assertShare("Fernandez", "Fernández");
    List<String> ivan = tokens(Analysis.namePhonetic(), "name_phonetic", "Ivan Petrov");
    List<String> marco = tokens(Analysis.namePhonetic(), "name_phonetic", "Marco Rossi");
    assertTrue(Collections.disjoint(ivan, marco), ivan + " " + marco);
  }

  private static void assertShare(String a, String b) {
    List<String> x = tokens(Analysis.namePhonetic(), "name_phonetic", a);
    List<String> y = tokens(Analysis.namePhonetic(), "name_phonetic", b);
    assertTrue(!Collections.disjoint(x, y), a + " " + x + " / " + b + " " + y);
  }
}
