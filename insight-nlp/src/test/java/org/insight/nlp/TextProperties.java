package org.insight.nlp;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Laws of passages, sentences and tokens over arbitrary text (mixed scripts, blank lines, surrogate pairs). */
class TextProperties {
  private static final LanguageDetector DETECTOR = LanguageDetector.builder().passageChars(120).build();

  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> words = Arbitraries.oneOf(
        Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(9),
        Arbitraries.strings().withCharRange('А', 'я').ofMinLength(1).ofMaxLength(9),
        Arbitraries.strings().withCharRange('ء', 'ي').ofMinLength(1).ofMaxLength(9),
        Arbitraries.of(".", "!", "?", ",", "\n", "\n\n", "\n \n", "  ", "Mr.", "p.m.", "😀", "𝔘", "12:40", "FR76"));
    return words.list().ofMaxSize(120).map(ws -> String.join(" ", ws));
  }

  @Property(tries = 150)
  void passagesAreOrderedDisjointInBoundsAndNeverStartOrEndInWhiteSpace(@ForAll("texts") String text) {
    List<LanguagePassage> passages = DETECTOR.passages(text);
    int last = 0;
    for (LanguagePassage p : passages) {
      check(p.start() >= last && p.end() <= text.length() && p.start() < p.end(), "bounds " + p);
      check(!Character.isWhitespace(text.charAt(p.start())) && !Character.isWhitespace(text.charAt(p.end() - 1)),
          "trimmed " + p);
      check(p.guess().known() || p.guess().confidence() == 0, "unknown has confidence 0");
      last = p.end();
    }
    for (int i = 1; i < passages.size(); i++) {
      check(!passages.get(i).language().equals(passages.get(i - 1).language()), "neighbours merged");
    }
    check(passages.isEmpty() == text.isBlank(), "blank text has no passage, other text has some");
  }

  @Property(tries = 150)
  void sentencesAndTokensPointAtTheirTextInEveryMode(@ForAll("texts") String text) {
    for (String lang : List.of("en", "fr", "ar", "")) {
      List<Sentence> sentences = TextAnalysis.create().sentences(text, lang);
      int last = 0;
      for (Sentence s : sentences) {
        check(s.start() >= last && s.text().equals(text.substring(s.start(), s.end())), lang + " sentence " + s);
        check(!s.text().isBlank(), "no blank sentence");
        int lastToken = s.start();
        for (Token t : s.tokens()) {
          check(t.start() >= lastToken && t.end() <= s.end() && t.text().equals(text.substring(t.start(), t.end())),
              lang + " token " + t);
          check(!t.text().isBlank(), "no blank token");
          lastToken = t.end();
        }
        last = s.end();
      }
    }
  }

  private static void check(boolean ok, String what) {
    if (!ok) {
      throw new AssertionError(what);
    }
  }
}
