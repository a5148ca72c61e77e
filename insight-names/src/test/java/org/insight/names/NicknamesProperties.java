package org.insight.names;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Matching compares and blocks on canonical names, so canonicalising twice must change nothing: a canonical form
 * is never itself a variant in another group, and it is one normalised token.
 */
class NicknamesProperties {

  /** Known forms as records write them (case, diacritics, other scripts), with unknown words mixed in. */
  @Provide
  Arbitrary<String> names() {
    Arbitrary<String> known = Arbitraries.of(
        "Bill", "WILL", "Liam", "Bobby", "Rick", "Jim", "Jack", "Jon", "Vanya", "Mike", "Misha", "Tom", "Ted", "Ned",
        "Danny", "Matt", "Tony", "Drew", "Andrey", "Joey", "Beppe", "Pepe", "Youssef", "Chuck", "Alex", "Sasha",
        "Shura", "Alyosha", "Muhammad", "Mohd", "Ahmad", "Hasan", "Husayn", "Umar", "Mostafa", "Fatma", "Aicha",
        "Leila", "Dima", "Serguei", "Pasha", "Pete", "Petya", "Piotrek", "Nick", "Kolya", "Vova", "Iouri", "Natasha",
        "Jelena", "Katya", "Kate", "Kasia", "Nastya", "Olya", "Masha", "Anya", "Liz", "Peggy", "Frank", "Paco",
        "Steve", "Chris", "Sam", "Benji", "Georgie", "Jake", "Yasha", "Dave", "Dawud", "Abdallah", "Brahim",
        "Sulaiman", "Khaled", "Саша", "Дима", "Наташа", "محمد", "حسن", "Mohammed", "William", "Alexander",
        "Aleksandr", "Dmitri", "Peter", "Pyotr", "Ivan", "John", "Ekaterina", "Yelena", "José", "Señor");
    Arbitrary<String> other = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyzéøšαβгд").ofMinLength(1)
        .ofMaxLength(8);
    Arbitrary<String> word = Arbitraries.frequencyOf(Tuple.of(3, known), Tuple.of(1, other));
    return word.list().ofMinSize(1).ofMaxSize(4).map(ws -> String.join(" ", ws));
  }

  @Property(tries = 500)
  void canonicalIsIdempotent(@ForAll("names") String name) {
    for (String t : Names.tokens(name)) {
      String c = Nicknames.canonical(t);
      assertEquals(c, Nicknames.canonical(c), t);
    }
  }

  @Property(tries = 500)
  void canonicalFormsAreSingleNormalisedTokens(@ForAll("names") String name) {
    for (String t : Names.tokens(name)) {
      String c = Nicknames.canonical(t);
      assertEquals(java.util.List.of(c), Names.tokens(c), t);
    }
  }

  @Property(tries = 500)
  void canonicalNameIsIdempotentAndKeepsTheTokenCount(@ForAll("names") String name) {
    String once = Nicknames.canonicalName(name);
    assertEquals(once, Nicknames.canonicalName(once), name);
    assertEquals(Names.tokens(name).size(), Names.tokens(once).size(), name);
  }
}
