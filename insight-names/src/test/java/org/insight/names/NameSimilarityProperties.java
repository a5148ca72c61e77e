package org.insight.names;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class NameSimilarityProperties {

  /** Names of one to four words, each word in one of several scripts, with some punctuation and honorifics. */
  @Provide
  Arbitrary<String> names() {
    Arbitrary<String> latin = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyzáéíñöüçšłø").ofMinLength(1).ofMaxLength(10)
        .map(s -> Character.toUpperCase(s.charAt(0)) + s.substring(1));
    Arbitrary<String> cyrillic = Arbitraries.strings().withCharRange('а', 'я').ofMinLength(1).ofMaxLength(9);
    Arbitrary<String> arabic = Arbitraries.strings().withCharRange('ء', 'ي').ofMinLength(1).ofMaxLength(7);
    Arbitrary<String> greek = Arbitraries.strings().withCharRange('α', 'ω').ofMinLength(1).ofMaxLength(9);
    Arbitrary<String> hebrew = Arbitraries.strings().withCharRange('א', 'ת').ofMinLength(1).ofMaxLength(6);
    Arbitrary<String> fixed = Arbitraries.of("Dr.", "al-", "van", "bin", "M.", "O'", "Sheikh", "de la", "Jr", "-");
    Arbitrary<String> word = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, latin), net.jqwik.api.Tuple.of(2, cyrillic), net.jqwik.api.Tuple.of(2, arabic),
        net.jqwik.api.Tuple.of(1, greek), net.jqwik.api.Tuple.of(1, hebrew), net.jqwik.api.Tuple.of(1, fixed));
    return word.list().ofMinSize(1).ofMaxSize(4).map(ws -> String.join(" ", ws));
  }

  @Property(tries = 300)
  void symmetric(@ForAll("names") String a, @ForAll("names") String b) {
    assertEquals(Double.doubleToLongBits(NameSimilarity.score(a, b)),
        Double.doubleToLongBits(NameSimilarity.score(b, a)), a + " / " + b);
  }

  /** One preparer shared by every try: its shared tokens must not change any score. */
  static final NameSimilarity.Preparer PREPARER = new NameSimilarity.Preparer();

  @Property(tries = 300)
  void preparedNamesScoreAsTheirText(@ForAll("names") String a, @ForAll("names") String b) {
    assertEquals(Double.doubleToLongBits(NameSimilarity.score(a, b)),
        Double.doubleToLongBits(NameSimilarity.score(PREPARER.prepare(a), PREPARER.prepare(b))), a + " / " + b);
  }

  @Property(tries = 300)
  void inRange(@ForAll("names") String a, @ForAll("names") String b) {
    double s = NameSimilarity.score(a, b);
    assertTrue(s >= 0.0 && s <= 1.0, a + " / " + b + " = " + s);
  }

  @Property(tries = 200)
  void identicalNamesScoreOne(@ForAll("names") String a) {
    if (!Names.tokens(a).isEmpty()) {
      assertEquals(1.0, NameSimilarity.score(a, a), a);
    }
  }

  @Property(tries = 200)
  void tokenOrderDoesNotMatter(@ForAll("names") String a, @ForAll("names") String b, @ForAll long seed) {
    List<String> words = new ArrayList<>(List.of(a.split(" ")));
    Collections.shuffle(words, new Random(seed));
    String shuffled = String.join(" ", words);
    // permuting words permutes tokens only when no honorific moves to or from the front
    if (Names.tokens(shuffled).stream().sorted().toList().equals(Names.tokens(a).stream().sorted().toList())) {
      assertEquals(NameSimilarity.score(a, b), NameSimilarity.score(shuffled, b), a + " / " + shuffled + " / " + b);
    }
  }

  @Property(tries = 300)
  void normaliseIsIdempotent(@ForAll("names") String a) {
    String once = Names.normalise(a);
    assertEquals(once, Names.normalise(once));
  }

  @Property(tries = 200)
  void normaliseIsIdempotentOnAnyString(@ForAll String a) {
    String once = Names.normalise(a);
    assertEquals(once, Names.normalise(once));
  }
}
