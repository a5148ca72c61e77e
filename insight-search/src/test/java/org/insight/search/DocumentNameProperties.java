package org.insight.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.insight.core.ContentHash;
import org.insight.core.Document;
import org.insight.core.Provenance;
import org.insight.core.Schema;
import org.insight.names.Names;
import org.insight.policy.Label;
import org.insight.policy.SourceGrading;

/**
 * What a name query finds in documents (issue 15): a document's text is indexed as names through its name-bearing
 * words only — words with a capital, words of a script without case, name particles — and its title whole. So a name
 * written as names are written (capitalised, or in Arabic, Chinese…, with its particles in lower case) is found
 * wherever it sits in the text, in any case and spelling the name query allows; a lower-case word of running text is
 * not a name (unless it sounds like one of the text's names), and the title's words all are.
 */
class DocumentNameProperties {
  private static final Visibility ALL = Visibility.of(Set.of("A"));
  private static final List<String> NAMES = List.of("Ivan Petrov", "IVAN PETROV", "Charles de Gaulle",
      "Ludwig van Beethoven", "Amina El-Khoury", "Valéry Giscard d'Estaing", "Иван Петров", "محمد الأحمد", "王伟",
      "Omar bin Laden", "McDonald");
  /** Lower-case words of running text, none of them a name particle. */
  private static final List<String> FILLER = List.of("the", "blue", "car", "left", "harbour", "at", "night", "officer",
      "report", "suspect", "camionnette", "bleue", "témoin", "свидетель", "ночью", "1975", "04:30", "e-mail", "x2");

  @Property(tries = 60)
  void aNameWrittenAsANameIsFoundAnywhereInTheText(@ForAll("filler") List<String> before,
      @ForAll("names") String name, @ForAll("filler") List<String> after, @ForAll boolean queryLowerCase) {
    String text = String.join(" ", before) + " " + name + ", " + String.join(" ", after) + ".";
    try (Index index = Index.inMemory(Schema.defaults())) {
      index.write(List.of(), List.of(document("", text)));
      String asked = queryLowerCase ? name.toLowerCase(java.util.Locale.ROOT) : name;
      assertEquals(1, index.search(Query.name(asked), ALL).documents(), text);
    }
  }

  @Property(tries = 40)
  void aLowerCaseWordOfTheTextIsNotAName(@ForAll("filler") List<String> words, @ForAll("names") String name) {
    String text = String.join(" ", words) + " " + name + ".";
    try (Index index = Index.inMemory(Schema.defaults())) {
      index.write(List.of(), List.of(document("", text)));
      for (String word : words) {
        if (!soundsLike(word, name)) {
          assertEquals(0, index.search(Query.name(word), ALL).documents(), word + " in " + text);
        }
      }
      assertEquals(1, index.search(Query.text(words.get(0)), ALL).documents(), words.get(0)); // still a word
    }
  }

  /** Whether a name query for {@code word} would match {@code name} by its tokens or their phonetic keys. */
  private static boolean soundsLike(String word, String name) {
    Set<String> keys = new java.util.HashSet<>();
    for (String t : Names.tokens(name)) {
      keys.add(t);
      keys.add(Names.phoneticKey(t));
      keys.add(Names.alternatePhoneticKey(t));
    }
    for (String t : Names.tokens(word)) {
      if (keys.contains(t) || keys.contains(Names.phoneticKey(t)) || keys.contains(Names.alternatePhoneticKey(t))) {
        return true;
      }
    }
    return false;
  }

  @Example
  void everyWordOfTheTitleIsAName() {
    try (Index index = Index.inMemory(Schema.defaults())) {
      index.write(List.of(), List.of(document("statement of ivan petrov", "the suspect left at night.")));
      assertEquals(1, index.search(Query.name("ivan petrov"), ALL).documents());
      assertEquals(1, index.search(Query.name("Statement"), ALL).documents());
      assertEquals(0, index.search(Query.name("suspect"), ALL).documents());
      assertEquals(1, index.search(Query.text("suspect"), ALL).documents());
    }
  }

  @Example
  void phoneticKeysComeFromTheNamesToo() {
    try (Index index = Index.inMemory(Schema.defaults())) {
      index.write(List.of(), List.of(document("", "a witness saw Ivan Petroff and a smith at the pier.")));
      assertEquals(1, index.search(Query.name("Ivan Petrov"), ALL).documents()); // by phonetic keys
      assertEquals(0, index.search(Query.name("Smith"), ALL).documents()); // written in lower case: a word
    }
  }

  @Provide
  Arbitrary<List<String>> filler() {
    return Arbitraries.of(FILLER).list().ofMinSize(1).ofMaxSize(8);
  }

  @Provide
  Arbitrary<String> names() {
    return Arbitraries.of(NAMES);
  }

  private static Document document(String title, String text) {
    return new Document(null, ContentHash.of(text.getBytes(StandardCharsets.UTF_8)), title, text, "", Map.of(), null,
        null, Label.of("A"), Provenance.of("ds", "r", "file", SourceGrading.UNGRADED));
  }
}
