package org.insight.names;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.insight.names.Names.Script;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NamesTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "Пётр Иванов, Petr Ivanov",
      "Иван Сергеевич Петров, Ivan Sergeyevich Petrov",
      "Юлия Щербакова, Yuliya Shcherbakova",
      "Γιώργος Παπαδόπουλος, Giorgos Papadopoulos",
      "محمد, mhmd",
      "משה כהן, msh khn",
      "王小明, wang xiao ming",
      "やまだ, yamada",
      "Fernández Müller, Fernandez Muller",
      "Łukasz Ødegaard, Lukasz Odegaard",
  })
  void transliteratesEachScript(String in, String out) {
    assertEquals(out, Names.transliterate(in));
  }

  @Test
  void transliterationSplitsTheJoinedArabicArticleButNotAllah() {
    assertEquals(List.of("al", "khwry"), Names.tokens("الخوري"));
    // Abd Allah is one name, as Abdullah is written; a word-initial ayn is written a (Abd, Omar, Ali)
    assertEquals(List.of("abdallh"), Names.tokens("عبد الله"));
    assertEquals(List.of("amr", "aly"), Names.tokens("عمر علي"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "Dr. Jean-Pierre FERNÁNDEZ | jean pierre fernandez",
      "  Ivan   PETROV  | ivan petrov",
      "al-Khoury, Omar | al khoury omar",
      "O'Brien | obrien",
      "Mr Mrs Sheikh Ahmed bin Zayed | ahmed bin zayed",
      "M. Dupont | dupont",
      "M Dupont | m dupont",
      "Herr Gen. Müller | muller",
      "Sir | sir",
      "Ivan Petrov Sr | ivan petrov sr",
      "Prof. Dr. Anna van der Berg | anna van der berg",
      "J.P. Morgan | j p morgan",
      "Пётр ИВАНОВ | petr ivanov",
  })
  void normalises(String in, String out) {
    assertEquals(out, Names.normalise(in));
  }

  @Test
  void blankNormalisesToNothing() {
    assertEquals("", Names.normalise("   "));
    assertEquals(List.of(), Names.tokens(" - , . "));
    assertThrows(NullPointerException.class, () -> Names.normalise(null));
  }

  @Test
  void normaliseIsIdempotentOnExamples() {
    for (String s : List.of("Dr. M. M. Dupont", "M. M. Dupont", "Mme Ærøskøbing-Ñúñez", "عبد الله الخوري", "İstanbul Şahin",
        "Straße", "Sheikh", "ʿAlī ibn Abī Ṭālib")) {
      String once = Names.normalise(s);
      assertEquals(once, Names.normalise(once), s);
    }
  }

  @Test
  void aNameOfTitlesOnlyKeepsWhatStaysOnceNormalisedAgain() {
    // found by normaliseIsIdempotent: "Dr. M." became "dr m", which normalised again to "m"
    assertEquals("m", Names.normalise("Dr. M."));
    assertEquals("m", Names.normalise("Sheikh M."));
    assertEquals("m", Names.normalise(Names.normalise("Dr. M.")));
    assertEquals("dr prof", Names.normalise("Dr. Prof."), "titles only: all of them, they are all there is");
    assertEquals("dr prof", Names.normalise("dr prof"));
  }

  @Test
  void honorificsAreNormalForms() {
    assertTrue(Names.honorifics().contains("sheikh"));
    assertTrue(Names.honorifics().contains("dr"));
    assertFalse(Names.honorifics().contains("m"), "M. only counts with its dot");
    assertTrue(Names.isParticle("van"));
    assertFalse(Names.isParticle("ivan"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "Ivan Petrov, LATIN",
      "Иван Петров, CYRILLIC",
      "محمد علي, ARABIC",
      "Γιώργος, GREEK",
      "משה כהן, HEBREW",
      "王小明, CJK",
      "やまだ, CJK",
      "김민준, CJK",
      "สมชาย, OTHER",
      "123 -, OTHER",
      "Ivan Иван, MIXED",
      "Ivan Иван Петр, MIXED",
      "Ivan Petrovich Sidorov И, LATIN",
  })
  void detectsTheDominantScript(String text, Script script) {
    assertEquals(script, Names.script(text));
  }

  @Test
  void phoneticKeysPerToken() {
    assertEquals(List.of("MHMT", "PTRF"), Names.phoneticKeys("Mohammed Petroff"));
    assertEquals(Names.phoneticKeys("Muhammad Petrov"), Names.phoneticKeys("Mohamed Петров"));
    assertEquals(List.of("PTRF"), Names.phoneticKeys("Petrov 1975"));
  }

  @Test
  void phoneticKeyOfOneNormalisedTokenAgreesWithPhoneticKeys() {
    assertEquals("MHMT", Names.phoneticKey("mohammed"));
    assertEquals("XMT", Names.phoneticKey("schmidt"));
    assertEquals("SMT", Names.alternatePhoneticKey("schmidt")); // sch read as s: the alternate differs
    assertEquals("", Names.phoneticKey("1975"));
    for (String t : Names.tokens("Jean-Pierre Fernández al-Khoury")) {
      assertEquals(Names.phoneticKeys(t), List.of(Names.phoneticKey(t)), t);
    }
    assertThrows(NullPointerException.class, () -> Names.phoneticKey(null));
  }

  @Test
  void theAsciiFastPathFoldsExactlyAsTheFullTransform() {
    StringBuilder every = new StringBuilder();
    for (char c = 0x20; c <= 0x7e; c++) {
      every.append(c);
      String one = String.valueOf(c);
      assertEquals(Names.foldAnyScript(one), Names.fold(one), "char " + (int) c);
    }
    assertEquals(Names.foldAnyScript(every.toString()), Names.fold(every.toString()));
    java.util.Random random = new java.util.Random(11);
    for (int i = 0; i < 2_000; i++) {
      char[] c = new char[1 + random.nextInt(30)];
      for (int k = 0; k < c.length; k++) {
        c[k] = (char) (0x20 + random.nextInt(0x7f - 0x20));
      }
      String s = new String(c);
      assertEquals(Names.foldAnyScript(s), Names.fold(s), s);
    }
  }
}
