package org.insight.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.insight.core.ContentHash;
import org.insight.core.Dataset;
import org.insight.core.Document;
import org.insight.core.Entity;
import org.insight.core.EntityId;
import org.insight.core.Provenance;
import org.insight.policy.Label;
import org.insight.policy.Principal;
import org.insight.policy.Purpose;
import org.insight.policy.SourceGrading;
import org.insight.search.Hit;
import org.insight.search.Query;
import org.insight.search.QuerySyntaxException;
import org.insight.search.SearchResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Search over a small multilingual, multi-script workspace, as an analyst would use it. */
class SearchTest {
  static final Purpose CI = Purpose.CRIMINAL_INVESTIGATION;
  @TempDir static Path dir;
  static Workspace ws;
  static Session all;
  static EntityId petrov;
  static EntityId amina;
  static EntityId place;

  @BeforeAll
  static void load() {
    ws = Workspace.builder(dir).clock(Fixtures.FIXED).open();
    Dataset notices = Dataset.of("notices", Label.of("INTERPOL"), SourceGrading.parse("B2"));
    Dataset fr = Dataset.of("fr-records", Label.of("FR"), SourceGrading.parse("A2"));
    Dataset secret = Dataset.of("secret", Label.of("SECRET"), SourceGrading.parse("A1"));
    List<Entity> entities = new ArrayList<>();
    Entity p1 = notices.entity("Person", "n1").add("name", "Иван Петров").add("birthDate", "1975-03")
        .add("nationality", "ru").add("passportNumber", "72 4410981").add("phone", "+33 6 12 34 56 78").build();
    Entity p2 = notices.entity("Person", "n2").add("name", "Amina El-Khoury").add("birthDate", "1988-11-02")
        .add("nationality", "lb").build();
    Entity p3 = fr.entity("Person", "f1").add("name", "Jean-Luc Moreau").add("birthDate", "1981-06-30")
        .add("nationality", "fr").add("email", "jl.moreau@example.org").build();
    Entity p4 = secret.entity("Person", "s1").add("name", "Ivan Petroff").add("nationality", "ru").build();
    Entity loc = fr.entity("Location", "l1").add("name", "Safe house").add("point", "48.8566,2.3522").build();
    entities.addAll(List.of(p1, p2, p3, p4, loc));
    for (int i = 0; i < 30; i++) {
      entities.add(fr.entity("Person", "bulk" + i).add("name", "Person Number " + i).add("nationality", "fr").build());
    }
    Session writer = ws.session(Fixtures.loader("loader"), CI);
    writer.add(entities);
    addDocument(writer, "Report 12", "en", "Officers observed a blue van parked outside the warehouse on the quay.", "FR");
    addDocument(writer, "Rapport 7", "fr", "Les événements de Marseille : une camionnette bleue et deux hommes.", "FR");
    addDocument(writer, "Bericht 3", "de", "Die Ärzte sahen einen blauen Lieferwagen.", "FR");
    addDocument(writer, "Hidden", "en", "A blue van seen by a source that must stay secret.", "SECRET");
    petrov = p1.id();
    amina = p2.id();
    place = loc.id();
    all = ws.session(Principal.of("analyst", "INTERPOL", "FR"), CI);
  }

  static void addDocument(Session s, String title, String lang, String text, String label) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    ContentHash hash = s.storeEvidence(new ByteArrayInputStream(bytes));
    s.add(new Document(null, hash, title, text, lang, Map.of(), null, null, Label.of(label),
        Provenance.of("reports", title, "text:plain", SourceGrading.parse("B3")).withContentHash(hash)));
  }

  @AfterAll
  static void close() {
    ws.close();
  }

  static List<String> ids(SearchResult r) {
    return r.hits().stream().map(Hit::id).toList();
  }

  @Test
  void fullTextIsStemmedAndFoldedPerLanguage() {
    SearchResult en = all.search(Query.text("observing vans").target(Query.Target.DOCUMENTS));
    assertEquals(1, en.total(), "stemming: observing~observed, vans~van");
    SearchResult fr = all.search(Query.text("evenements marseille").target(Query.Target.DOCUMENTS));
    assertEquals(1, fr.total(), "diacritics fold: evenements finds événements");
    SearchResult de = all.search(Query.text("arzte").target(Query.Target.DOCUMENTS));
    assertEquals(1, de.total(), "Ärzte folds to arzte");
    assertTrue(en.hits().get(0).highlights().get(0).contains("<b>van</b>"), "highlighted snippet: " + en.hits().get(0).highlights());
  }

  @Test
  void namesMatchAcrossScriptsOrderAndSpelling() {
    for (String q : List.of("Ivan Petrov", "PETROV Ivan", "Ivan Petrof", "Иван Петров")) {
      SearchResult r = all.search(Query.name(q).target(Query.Target.ENTITIES));
      assertEquals(petrov.value(), r.hits().get(0).id(), "best hit for " + q);
    }
    assertTrue(all.search(Query.name("Marco Rossi").target(Query.Target.ENTITIES)).hits().isEmpty());
    assertFalse(ids(all.search(Query.name("Ivan Petrov"))).contains(
        EntityId.fromSource("secret", "s1").value()), "a SECRET name is not matched for a reader without SECRET");
  }

  @Test
  void suggestionsCompleteNamesOverVisibleEntitiesOnly() {
    List<String> ivan = all.suggest("iva", 5).stream().map(org.insight.search.Suggestion::text).toList();
    assertEquals(List.of("Иван Петров"), ivan, "the SECRET 'Ivan Petroff' is not suggested");
    assertEquals(ivan, all.suggest("Иван пет", 5).stream().map(org.insight.search.Suggestion::text).toList());
    assertEquals(30, all.suggest("person num", 100).size());
    assertTrue(all.suggest("i", 5).isEmpty(), "one letter suggests nothing");
  }

  @Test
  void identifiersMatchHoweverTheyWereTyped() {
    assertEquals(List.of(petrov.value()), ids(all.search(Query.identifier("724-410-981"))));
    assertEquals(List.of(petrov.value()), ids(all.search(Query.identifier("0033 612 345 678"))));
    assertEquals(1, all.search(Query.identifier("JL.Moreau@EXAMPLE.org")).total());
    assertEquals(0, all.search(Query.identifier("724410982")).total());
  }

  @Test
  void filtersByPropertyDateAndPlace() {
    assertEquals(List.of(petrov.value()),
        ids(all.search(Query.property("nationality", "Russia"))), "the value is cleaned like the data");
    assertEquals(List.of(petrov.value()), ids(all.search(Query.all().type("Person")
        .dateRange("birthDate", "1975-03-10", "1975-03-20"))), "a partial date overlaps the range");
    assertEquals(3, all.search(Query.all().dateRange("birthDate", "1975", "1988")).total(), "1975-03, 1981, 1988");
    assertEquals(1, all.search(Query.all().dateRange("birthDate", "1975", "1981-06-29")).total(), "the day before 1981-06-30");
    assertEquals(List.of(place.value()), ids(all.search(Query.all().near(48.85, 2.35, 5))));
    assertEquals(0, all.search(Query.all().near(45.76, 4.83, 5)).total(), "Lyon is far from Paris");
    assertEquals(List.of(place.value()), ids(all.search(Query.all().within(
        List.of(new double[] {48.8, 2.3}, new double[] {48.9, 2.3}, new double[] {48.9, 2.4}, new double[] {48.8, 2.4})))));
  }

  @Test
  void facetsCountOnlyVisibleMatches() {
    SearchResult r = all.search(Query.all().type("Person").facets(Query.Facet.DATASET, Query.Facet.COUNTRY, Query.Facet.YEAR));
    assertEquals(33, r.total());
    assertEquals(List.of(new SearchResult.FacetCount("fr-records", 31), new SearchResult.FacetCount("notices", 2)),
        r.facets().get(Query.Facet.DATASET));
    assertEquals(new SearchResult.FacetCount("fr", 31), r.facets().get(Query.Facet.COUNTRY).get(0));
    assertEquals(1, r.facets().get(Query.Facet.COUNTRY).stream().filter(c -> c.value().equals("ru")).findFirst()
        .orElseThrow().count(), "the SECRET Russian is not counted");
    SearchResult docs = all.search(Query.text("blue").target(Query.Target.DOCUMENTS).facets(Query.Facet.LANGUAGE));
    assertEquals(1, docs.total(), "only the English report says 'blue'; the hidden one is not counted");
  }

  @Test
  void pagesAreStableAndSortable() {
    Set<String> seen = new HashSet<>();
    List<String> order = new ArrayList<>();
    for (int offset = 0; offset < 40; offset += 7) {
      SearchResult page = all.search(Query.all().type("Person").sort(Query.Sort.NAME).offset(offset).limit(7));
      for (String id : ids(page)) {
        assertTrue(seen.add(id), "no hit on two pages");
        order.add(id);
      }
    }
    assertEquals(33, seen.size());
    assertEquals(ids(all.search(Query.all().type("Person").sort(Query.Sort.NAME).limit(33))), order);
    List<String> byDate = ids(all.search(Query.all().type("Person").sort(Query.Sort.DATE).limit(3)));
    assertEquals(List.of(petrov.value(), EntityId.fromSource("fr-records", "f1").value(), amina.value()), byDate,
        "oldest birth date first");
  }

  @Test
  void analystSyntaxWorksEndToEnd() {
    SearchResult r = all.search(Query.parse("(blue OR bleue) AND (van OR camionnette) -hidden").target(Query.Target.DOCUMENTS));
    assertEquals(2, r.total());
  }

  @Test
  void badQueriesSayWhatIsWrong() {
    QuerySyntaxException unknown = assertThrows(QuerySyntaxException.class,
        () -> all.search(Query.property("shoeSize", "44")));
    assertTrue(unknown.getMessage().contains("known properties"), unknown.getMessage());
    assertThrows(QuerySyntaxException.class, () -> all.search(Query.all().type("Persn")));
    assertThrows(QuerySyntaxException.class, () -> all.search(Query.property("birthDate", "not a date")));
  }

  @Test
  void searchesRunWhileAWriterAdds() throws Exception {
    Dataset live = Dataset.of("live", Label.of("LIVE"), SourceGrading.UNGRADED); // invisible to the other tests
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      Future<?> writer = pool.submit(() -> {
        Session w = ws.session(Fixtures.loader("writer"), CI);
        for (int i = 0; i < 40; i++) {
          w.add(live.entity("Person", "live" + i).add("name", "Live Person " + i).build());
        }
      });
      List<Future<Long>> readers = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        readers.add(pool.submit(() -> {
          Session r = ws.session(Principal.of("reader", "LIVE"), CI);
          long last = 0;
          for (int i = 0; i < 40; i++) {
            long n = r.search(Query.all().dataset("live").limit(1)).total();
            assertTrue(n >= last, "a later search never sees fewer committed records");
            last = n;
          }
          return last;
        }));
      }
      writer.get(60, TimeUnit.SECONDS);
      for (Future<Long> f : readers) {
        f.get(60, TimeUnit.SECONDS);
      }
      assertEquals(40, ws.session(Principal.of("reader", "LIVE"), CI).search(Query.all().dataset("live")).total());
    } finally {
      pool.shutdownNow();
    }
  }
}
