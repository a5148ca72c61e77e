package org.insight.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
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
 * Rule 2 for every query form (issue 14, finding 3): a search's answer — hits, their order and scores, totals,
 * facets, highlights — or its error, and the name suggestions, are the same in an index holding the visible data
 * and invisible padding as in one holding the visible data alone. The padding is designed to move them: the same
 * entity ids, the same words, words one or two edits from the query's, words sharing its prefixes, and in some
 * tries more words under a wildcard's prefix than the expansion cap allows, interleaved with the visible writes.
 */
class SearchNoLeakProperties {
  private static final Schema SCHEMA = Schema.defaults();
  private static final List<String> WORDS = List.of("nightjar", "petrov", "amina", "zetawarden", "blue", "van");
  private static final Set<String> VISIBLE_LABELS = Set.of("OPEN", "OPEN&EU");
  private static final List<String> QUERIES = List.of(
      "nightjar", "\"blue van\"", "nigh*", "ni?htjar", "zeta*", "nightjax~", "petrov~2", "amina~0", "name:petrov",
      "name:\"amina petrov\"", "name:petr*", "name:petrov~", "notes:nightjar", "notes:nigh*", "text:van",
      "title:blue", "title:nigh*", "birthDate:[1970 TO 1980]", "date:1975", "birthDate:[1975-03 TO *]",
      "nationality:fr", "type:Person", "dataset:ds", "nightjar OR petrov", "nightjar -petrov",
      "(nigh* OR amina~) NOT zetawarden", "blue AND (van OR zeta*)", "NOT nightjar", "zetawardenz*",
      "id:nightjar", "zetawarden~2 OR nightja?", "any:\"the blue van of nightjar\" dataset:ds");
  /** Any-word queries ({@link Query#anyOf}), ranked by BM25: their scores read every statistic BM25 has. */
  private static final List<String> ANY_WORDS = List.of(
      "nightjar", "the blue van of amina petrov", "zetawarden nightjar blue", "petrova vans nightjars");

  record Cell(int entity, String property, String value, boolean visible) {}

  record Doc(String title, String text, boolean visible, String language) {
    Doc(String title, String text, boolean visible) {
      this(title, text, visible, "en");
    }
  }

  @Property(tries = 15)
  void everyQueryFormAnswersAsIfOnlyTheVisibleDataExisted(
      @ForAll("cells") List<Cell> visibleCells, @ForAll("docs") List<Doc> visibleDocs,
      @ForAll("padding") List<Cell> paddingCells, @ForAll("paddingDocs") List<Doc> paddingDocs,
      @ForAll("longPadding") List<Doc> longPadding, @ForAll boolean flood,
      @ForAll @IntRange(min = 0, max = 1000) int seed) throws IOException {
    List<Object> all = interleaved(seed, flood, visibleCells, visibleDocs, paddingCells, paddingDocs, longPadding);
    Path a = Files.createTempDirectory("search-noleak-all");
    Path b = Files.createTempDirectory("search-noleak-visible");
    try (Index full = Index.open(a, SCHEMA); Index visibleOnly = Index.open(b, SCHEMA)) {
      int batches = 1 + seed % 3; // several commits: several segments
      for (int k = 0; k < batches; k++) {
        List<Object> batch = all.subList(all.size() * k / batches, all.size() * (k + 1) / batches);
        write(full, batch, false);
        write(visibleOnly, batch, true);
      }
      Visibility v = Visibility.of(VISIBLE_LABELS);
      for (String text : QUERIES) {
        for (Query q : shapes(text, seed)) {
          assertEquals(view(visibleOnly, q, v), view(full, q, v), "search " + text + " " + q);
        }
      }
      for (String words : ANY_WORDS) {
        for (Query q : List.of(Query.anyOf(words).limit(50).facets(Query.Facet.values()),
            Query.anyOf(words).offset(seed % 3).limit(1 + seed % 4).target(Query.Target.values()[seed % 3]))) {
          assertEquals(view(visibleOnly, q, v), view(full, q, v), "anyOf " + words + " " + q);
        }
      }
      for (String prefix : List.of("ni", "pe", "zeta", "am", "amina pe", "petrov z")) {
        assertEquals(visibleOnly.suggest(prefix, 10, v), full.suggest(prefix, 10, v), "suggest " + prefix);
      }
    } finally {
      Directories.delete(a);
      Directories.delete(b);
    }
  }

  /**
   * The store keeps the document query of a clause tree that depends on the clause alone (no wildcard, no fuzzy word);
   * what it keeps changes no answer, whoever's search kept it. One store is searched with every query form first by a
   * reader who sees every label, then by one who sees the visible labels only (and the other way round): each answers
   * as a store opened afresh on the same index, nothing kept, searched by that reader alone. With the flood of
   * invisible words, a pattern's query kept from the first reader would expand to other words (or refuse to expand)
   * for the second.
   */
  @Property(tries = 8)
  void keptDocumentQueriesChangeNoAnswerWhoeverSearchedFirst(
      @ForAll("cells") List<Cell> visibleCells, @ForAll("docs") List<Doc> visibleDocs,
      @ForAll("padding") List<Cell> paddingCells, @ForAll("paddingDocs") List<Doc> paddingDocs,
      @ForAll @IntRange(min = 0, max = 1000) int seed) throws IOException {
    List<Object> all = interleaved(seed, true, visibleCells, visibleDocs, paddingCells, paddingDocs);
    Path a = Files.createTempDirectory("search-kept-queries");
    try {
      try (Index writer = Index.open(a, SCHEMA)) {
        write(writer, all.subList(0, all.size() / 2), false);
        write(writer, all.subList(all.size() / 2, all.size()), false);
      }
      Visibility some = Visibility.of(VISIBLE_LABELS);
      Visibility every = Visibility.of(Set.of("OPEN", "OPEN&EU", "SECRET", "OPEN&SECRET"));
      for (Visibility[] order : List.of(new Visibility[] {every, some}, new Visibility[] {some, every})) {
        try (Index shared = Index.openReadOnly(a, SCHEMA); Index fresh = Index.openReadOnly(a, SCHEMA)) {
          List<Query> queries = new ArrayList<>();
          for (String text : QUERIES) {
            queries.addAll(shapes(text, seed));
          }
          for (Query q : queries) {
            view(shared, q, order[0]);
          }
          for (Query q : queries) {
            assertEquals(view(fresh, q, order[1]), view(shared, q, order[1]), "search " + q + " after another reader");
          }
        }
      }
    } finally {
      Directories.delete(a);
    }
  }

  /**
   * The items shuffled together, so invisible ones sit between visible ones; with {@code flood}, more invisible words
   * under 'zeta*' and 'nigh*' than a wildcard may expand to.
   */
  @SafeVarargs
  private static List<Object> interleaved(int seed, boolean flood, List<?>... parts) {
    List<Object> all = new ArrayList<>();
    for (List<?> part : parts) {
      all.addAll(part);
    }
    if (flood) {
      for (int i = 0; i < 1_050; i++) {
        all.add(new Cell(i % 10, "notes", "zetawardenz" + letters(i) + " nightjarz" + letters(i), false));
      }
    }
    Collections.shuffle(all, new Random(seed));
    return all;
  }

  private static List<Query> shapes(String text, int seed) {
    Query q = Query.parse(text);
    Query.Sort sort = Query.Sort.values()[seed % Query.Sort.values().length];
    return List.of(
        q.limit(50).facets(Query.Facet.values()),
        q.sort(sort).offset(seed % 3).limit(1 + seed % 4).target(Query.Target.values()[seed % 3]));
  }

  private static void write(Index index, List<Object> items, boolean visibleOnly) {
    List<Statement> statements = new ArrayList<>();
    List<Document> documents = new ArrayList<>();
    for (Object o : items) {
      if (o instanceof Cell c && (c.visible() || !visibleOnly)) {
        // padding comes from another dataset, so it never replaces a visible statement (ids hold the dataset)
        String dataset = c.visible() ? "ds" : "pad";
        statements.add(Statement.of(EntityId.of("e" + c.entity()), "Person", c.property(), c.value(), null,
            label(c.visible(), c.value()), Provenance.of(dataset, "r" + c.entity(), "record:api",
                SourceGrading.UNGRADED)));
      } else if (o instanceof Doc d && (d.visible() || !visibleOnly)) {
        String dataset = d.visible() ? "ds" : "pad";
        documents.add(new Document(null, ContentHash.of((d.title() + "\n" + d.text()).getBytes(StandardCharsets.UTF_8)),
            d.title(), d.text(), d.language(), Map.of(), null, null, label(d.visible(), d.text()),
            Provenance.of(dataset, d.title(), "file", SourceGrading.UNGRADED)));
      }
    }
    index.write(statements, documents);
  }

  private static Label label(boolean visible, String value) {
    return Label.of(visible ? (value.length() % 2 == 0 ? "OPEN" : "OPEN&EU") : (value.length() % 2 == 0 ? "SECRET"
        : "OPEN&SECRET"));
  }

  private static String view(Index index, Query q, Visibility v) {
    try {
      SearchResult r = index.search(q, v);
      StringBuilder sb = new StringBuilder("total=" + r.total() + " entities=" + r.entities() + " documents="
          + r.documents() + " facets=" + new TreeMap<>(r.facets()));
      for (Hit h : r.hits()) {
        sb.append("\n").append(h.kind()).append(' ').append(h.id())
            .append(String.format(Locale.ROOT, " %.5f ", h.score())).append(h.highlights())
            .append(h.entity().map(e -> e.statements().stream().map(s -> s.property() + "=" + s.value()).sorted()
                .toList().toString()).orElse(""))
            .append(h.document().map(d -> d.title() + "|" + d.text()).orElse(""));
      }
      return sb.toString();
    } catch (QuerySyntaxException e) {
      return "error: " + e.getMessage();
    }
  }

  @Provide
  Arbitrary<List<Cell>> cells() {
    Arbitrary<String> value = Arbitraries.oneOf(Arbitraries.of(WORDS),
        Combinators.combine(Arbitraries.of(WORDS), Arbitraries.of(WORDS)).as((x, y) -> x + " " + y));
    Arbitrary<Cell> named = Combinators.combine(Arbitraries.integers().between(0, 9),
        Arbitraries.of("name", "notes"), value).as((e, p, v) -> new Cell(e, p, v, true));
    Arbitrary<Cell> typed = Combinators.combine(Arbitraries.integers().between(0, 9),
        Arbitraries.of("birthDate=1975", "birthDate=1975-03-15", "birthDate=1981", "nationality=fr",
            "nationality=ru")).as((e, pv) -> new Cell(e, pv.split("=")[0], pv.split("=")[1], true));
    return Arbitraries.oneOf(named, typed).list().ofMinSize(1).ofMaxSize(12)
        .uniqueElements(c -> c.entity() + c.property() + c.value());
  }

  @Provide
  Arbitrary<List<Doc>> docs() {
    return Combinators.combine(Arbitraries.of(WORDS), Arbitraries.of(WORDS).list().ofMinSize(1).ofMaxSize(12),
            Arbitraries.of("en", "en", "fr", "zz"))
        .as((t, words, language) -> new Doc(t, String.join(" ", words), true, language)).list().ofMaxSize(4)
        .uniqueElements(d -> d.title() + d.text());
  }

  /** Near misses of the query words: the same words, one or two edits away, or sharing a prefix. */
  private static Arbitrary<String> nearMiss() {
    return Combinators.combine(Arbitraries.of(WORDS), Arbitraries.integers().between(0, 5),
        Arbitraries.chars().range('a', 'z')).as((w, how, c) -> switch (how) {
          case 0 -> w;
          case 1 -> w.substring(0, w.length() - 1) + c; // one substitution at the end
          case 2 -> w.charAt(0) + String.valueOf(c) + w.substring(2); // one substitution near the start
          case 3 -> w + c; // one insertion: shares the whole word as a prefix
          case 4 -> w.substring(0, 3) + c + c + w.substring(3); // two insertions
          default -> w.substring(0, 2) + c; // a short word under the same prefix
        });
  }

  @Provide
  Arbitrary<List<Cell>> padding() {
    Arbitrary<String> value = Arbitraries.oneOf(nearMiss(),
        Combinators.combine(nearMiss(), nearMiss()).as((x, y) -> x + " " + y));
    Arbitrary<Cell> named = Combinators.combine(Arbitraries.integers().between(0, 14),
        Arbitraries.of("name", "notes"), value).as((e, p, v) -> new Cell(e, p, v, false));
    Arbitrary<Cell> typed = Combinators.combine(Arbitraries.integers().between(0, 14),
        Arbitraries.of("birthDate=1975", "birthDate=1974-12-31", "birthDate=1979", "nationality=fr",
            "nationality=de")).as((e, pv) -> new Cell(e, pv.split("=")[0], pv.split("=")[1], false));
    return Arbitraries.oneOf(named, typed).list().ofMaxSize(60);
  }

  @Provide
  Arbitrary<List<Doc>> paddingDocs() {
    return Combinators.combine(nearMiss(), nearMiss().list().ofMinSize(1).ofMaxSize(8))
        .as((t, words) -> new Doc(t, String.join(" ", words), false)).list().ofMaxSize(8);
  }

  /**
   * Long invisible documents of the query's words and their near misses, in several languages: each would raise
   * the average length of its fields (and the document frequency of every word) if it counted.
   */
  @Provide
  Arbitrary<List<Doc>> longPadding() {
    return Combinators.combine(Arbitraries.of(WORDS), Arbitraries.oneOf(nearMiss(), Arbitraries.of(WORDS))
            .list().ofMinSize(30).ofMaxSize(200), Arbitraries.of("en", "fr", "de", "zz"))
        .as((t, words, language) -> new Doc(t, String.join(" ", words), false, language)).list().ofMaxSize(4);
  }

  private static String letters(int i) {
    StringBuilder sb = new StringBuilder();
    for (int k = 0; k < 3; k++) {
      sb.append((char) ('a' + i % 26));
      i /= 26;
    }
    return sb.toString();
  }
}
