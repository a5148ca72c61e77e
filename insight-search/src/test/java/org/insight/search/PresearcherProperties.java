package org.insight.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.insight.core.ContentHash;
import org.insight.core.Document;
import org.insight.core.EntityId;
import org.insight.core.Provenance;
import org.insight.core.Schema;
import org.insight.core.Statement;
import org.insight.policy.Label;
import org.insight.policy.SourceGrading;
import org.insight.test.Directories;

/**
 * The presearch never leaves out a query that matches: over random small indexes (statements and documents of a
 * small vocabulary and its near misses, in several languages) every query form that has a hit is a candidate; and it
 * does leave out what cannot match, so it is worth having.
 */
class PresearcherProperties {
  private static final Schema SCHEMA = Schema.defaults();
  private static final List<String> WORDS = List.of("nightjar", "petrov", "amina", "zetawarden", "blue", "van",
      "running", "вани");
  private static final List<String> QUERIES = List.of(
      "nightjar", "\"blue van\"", "nigh*", "ni?htjar", "zeta*", "nightjax~", "petrov~2", "amina~0", "name:petrov",
      "name:\"amina petrov\"", "name:petr*", "name:petrov~", "name:petrova", "name:Петров", "notes:nightjar",
      "notes:nigh*", "text:van", "title:blue", "title:nigh*", "birthDate:[1970 TO 1980]", "date:1975",
      "nationality:fr", "type:Person", "dataset:ds", "nightjar OR petrov", "nightjar -petrov", "run", "runs",
      "(nigh* OR amina~) NOT zetawarden", "blue AND (van OR zeta*)", "NOT nightjar", "zetawardenz*", "id:nightjar",
      "zetawarden~2 OR nightja?", "any:\"the blue van of nightjar\"", "blue van", "amina AND zetawarden",
      "name:amina AND notes:van", "-amina", "вани", "name:\"petrov amina\" OR \"van blue\"");

  record Cell(int entity, String property, String value) {}

  record Doc(String title, String text, String language) {}

  @Property(tries = 40)
  void everyQueryThatMatchesIsACandidate(@ForAll("cells") List<Cell> cells, @ForAll("docs") List<Doc> docs)
      throws IOException {
    Path dir = Files.createTempDirectory("presearch");
    try (Index index = Index.open(dir, SCHEMA)) {
      write(index, cells, docs);
      Map<String, Query> queries = new LinkedHashMap<>();
      for (String text : QUERIES) {
        queries.put(text, Query.parse(text).limit(Query.MAX_LIMIT));
        queries.put("entities " + text, Query.parse(text).target(Query.Target.ENTITIES));
        queries.put("documents " + text, Query.parse(text).target(Query.Target.DOCUMENTS));
      }
      queries.put("subject petrov", Query.name("Ivan Petrov"));
      queries.put("subject cyrillic", Query.name("Амина Петрова"));
      Set<String> candidates = Presearcher.of(SCHEMA).candidates(queries, index);
      Visibility all = Visibility.of(index.labels());
      for (Map.Entry<String, Query> e : queries.entrySet()) {
        boolean matches;
        try {
          matches = !index.search(e.getValue(), all).hits().isEmpty();
        } catch (QuerySyntaxException x) {
          matches = false;
        }
        if (matches) {
          assertTrue(candidates.contains(e.getKey()), e.getKey() + " matches but was left out");
        }
      }
    } finally {
      Directories.delete(dir);
    }
  }

  /** A birth-date range needs a birthDate statement: there is none, so it is left out too. */
  @Example
  void queriesWhoseTermsAreAbsentAreLeftOut() throws IOException {
    Path dir = Files.createTempDirectory("presearch");
    try (Index index = Index.open(dir, SCHEMA)) {
      write(index, List.of(new Cell(1, "name", "Ivan Petrov")), List.of(new Doc("report", "the blue van", "en")));
      Map<String, Query> queries = new LinkedHashMap<>();
      for (String text : List.of("blue", "nightjar", "\"blue van\"", "blue AND nightjar", "blue OR nightjar",
          "name:petrov", "name:amina", "zeta*", "blu*", "NOT nightjar", "title:nightjar", "birthDate:[1970 TO 1980]")) {
        queries.put(text, Query.parse(text));
      }
      assertEquals(List.of("blue", "\"blue van\"", "blue OR nightjar", "name:petrov", "blu*", "NOT nightjar"),
          List.copyOf(Presearcher.of(SCHEMA).candidates(queries, index)));
    } finally {
      Directories.delete(dir);
    }
  }

  private static void write(Index index, List<Cell> cells, List<Doc> docs) {
    List<Statement> statements = new ArrayList<>();
    for (Cell c : cells) {
      statements.add(Statement.of(EntityId.of("e" + c.entity()), "Person", c.property(), c.value(), null,
          Label.of(c.value().length() % 2 == 0 ? "OPEN" : "SECRET"),
          Provenance.of("ds", "r" + c.entity(), "record:api", SourceGrading.UNGRADED)));
    }
    List<Document> documents = new ArrayList<>();
    for (Doc d : docs) {
      documents.add(new Document(null, ContentHash.of((d.title() + "\n" + d.text()).getBytes(StandardCharsets.UTF_8)),
          d.title(), d.text(), d.language(), Map.of(), null, null, Label.of("OPEN"),
          Provenance.of("ds", d.title(), "file", SourceGrading.UNGRADED)));
    }
    index.write(statements, documents);
  }

  private static Arbitrary<String> word() {
    return Combinators.combine(Arbitraries.of(WORDS), Arbitraries.integers().between(0, 4),
        Arbitraries.chars().range('a', 'z')).as((w, how, c) -> switch (how) {
          case 0, 1 -> w;
          case 2 -> w.substring(0, w.length() - 1) + c;
          case 3 -> w + c;
          default -> w.substring(0, 2) + c;
        });
  }

  @Provide
  Arbitrary<List<Cell>> cells() {
    Arbitrary<String> value = Arbitraries.oneOf(word(), Combinators.combine(word(), word()).as((x, y) -> x + " " + y));
    Arbitrary<Cell> named = Combinators.combine(Arbitraries.integers().between(0, 5),
        Arbitraries.of("name", "notes"), value).as(Cell::new);
    Arbitrary<Cell> typed = Combinators.combine(Arbitraries.integers().between(0, 5),
        Arbitraries.of("birthDate=1975", "birthDate=1981", "nationality=fr", "nationality=ru"))
        .as((e, pv) -> new Cell(e, pv.split("=")[0], pv.split("=")[1]));
    return Arbitraries.oneOf(named, typed).list().ofMaxSize(8).uniqueElements(c -> c.entity() + c.property()
        + c.value());
  }

  @Provide
  Arbitrary<List<Doc>> docs() {
    return Combinators.combine(word(), word().list().ofMinSize(1).ofMaxSize(8), Arbitraries.of("en", "fr", "zz", "ru"))
        .as((t, words, language) -> new Doc(t, String.join(" ", words), language)).list().ofMaxSize(3)
        .uniqueElements(d -> d.title() + d.text());
  }
}
