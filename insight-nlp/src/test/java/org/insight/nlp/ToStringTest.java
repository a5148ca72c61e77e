package org.insight.nlp;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.insight.policy.Label;
import org.junit.jupiter.api.Test;

/** What NLP finds in a document carries its label: a log line of it shows spans and kinds, never the text. */
class ToStringTest {
  static final String SECRET = "Zebulon";

  @Test
  void noResultPrintsTheTextItCameFrom() {
    Token token = new Token(0, SECRET.length(), SECRET);
    List<Object> results = List.of(
        new Selector(SelectorKind.EMAIL, 0, SECRET.length(), SECRET, SECRET, 0.9, Map.of("local", SECRET)),
        new Translation(SECRET, "fr", "en", "apertium@3", List.of("fr", "en"), List.of(SECRET)),
        new Spot(0, SECRET.length(), SECRET, "ent-1", SECRET, Spot.Kind.NAME, 0.8),
        new EntitySpan(0, SECRET.length(), SECRET, "Person", 0.7),
        token,
        new Sentence(0, SECRET.length(), SECRET, List.of(token)),
        new KnownEntity("ent-1", KnownEntity.Kind.PERSON, List.of(SECRET), List.of(SECRET), Optional.of(Label.of("FR"))));
    for (Object r : results) {
      assertFalse(r.toString().contains(SECRET), r.getClass().getSimpleName() + ": " + r);
    }
  }
}
