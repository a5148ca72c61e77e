package org.insight.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.QueryBuilder;
import org.insight.core.ContentHash;
import org.insight.core.Document;
import org.insight.core.Provenance;
import org.insight.core.Schema;
import org.insight.policy.Label;
import org.insight.policy.SourceGrading;
import org.insight.test.Directories;

/**
 * The any-word mode ({@link Query#anyOf}) ranks as plain BM25 does (issue 15): over English documents its hits and
 * scores are those of a raw Lucene index holding only the visible documents' text under {@link EnglishAnalyzer},
 * queried with one SHOULD clause per analysed word — whatever invisible documents (the same words, other languages,
 * long ones that would move the average length) sit beside them.
 */
class AnyOfProperties {
  private static final Schema SCHEMA = Schema.defaults();
  /** English words with inflections (stemming), stop words and words that share stems. */
  private static final List<String> WORDS = List.of("the", "of", "and", "smuggled", "smuggling", "smugglers",
      "border", "borders", "crossing", "cars", "car", "stolen", "report", "reports", "reported", "lorry", "harbour",
      "cigarettes", "cash", "running", "runs", "police", "was", "were", "informant");

  record Doc(String text, boolean visible, String language) {}

  @Property(tries = 25)
  void anyOfScoresAsRawBm25OverTheVisibleDocumentsOnly(@ForAll("visible") List<Doc> visible,
      @ForAll("padding") List<Doc> padding, @ForAll("query") String query) throws IOException {
    Path dir = Files.createTempDirectory("anyof");
    try (Index index = Index.open(dir, SCHEMA); ByteBuffersDirectory rawDir = new ByteBuffersDirectory()) {
      List<Document> docs = new ArrayList<>();
      try (IndexWriter raw = new IndexWriter(rawDir, new IndexWriterConfig(new EnglishAnalyzer()))) {
        List<Doc> all = new ArrayList<>(visible);
        all.addAll(padding);
        for (int i = 0; i < all.size(); i++) {
          Doc d = all.get(i);
          String id = "d" + i;
          ContentHash hash = ContentHash.of(d.text().getBytes(StandardCharsets.UTF_8));
          docs.add(new Document(id, hash, "", d.text(), d.language(), Map.of(), null, null,
              Label.of(d.visible() ? "OPEN" : "SECRET"), Provenance.of("ds", id, "file", SourceGrading.UNGRADED)));
          if (d.visible()) {
            org.apache.lucene.document.Document l = new org.apache.lucene.document.Document();
            l.add(new StringField("id", id, Field.Store.YES));
            l.add(new TextField("text", d.text(), Field.Store.NO));
            raw.addDocument(l);
          }
        }
      }
      index.write(List.of(), docs.subList(0, docs.size() / 2));
      index.write(List.of(), docs.subList(docs.size() / 2, docs.size())); // two segments
      SearchResult ours = index.search(Query.anyOf(query).target(Query.Target.DOCUMENTS).limit(Query.MAX_LIMIT)
          .highlight(false), Visibility.of(java.util.Set.of("OPEN")));
      assertEquals(expected(rawDir, query), scores(ours), "anyOf(" + query + ")");
    } finally {
      Directories.delete(dir);
    }
  }

  @Example
  void aSentenceFindsWhatTheAllWordsFormMissesAndMoreMatchingWordsRankHigher() throws IOException {
    Path dir = Files.createTempDirectory("anyof");
    try (Index index = Index.open(dir, SCHEMA)) {
      index.write(List.of(), List.of(doc("a", "The lorry crossed the border with smuggled cigarettes.", "en"),
          doc("b", "Cigarettes were sold at the market.", "en"),
          doc("c", "Les cigarettes de contrebande ont passé la frontière.", "fr"),
          doc("d", "Nothing about it here at all.", "en")));
      Visibility open = Visibility.of(java.util.Set.of("OPEN"));
      String sentence = "were smuggled cigarettes found on a lorry at the border";
      assertEquals(0, index.search(Query.parse(sentence), open).documents(), "every word must match");
      SearchResult r = index.search(Query.anyOf(sentence).target(Query.Target.DOCUMENTS), open);
      List<String> ids = r.hits().stream().map(Hit::id).toList();
      assertEquals(List.of("a", "b", "c"), ids, "most matching words first; the French document by its own field");
      assertTrue(r.hits().get(0).score() > r.hits().get(1).score(), r.hits().toString());
    } finally {
      Directories.delete(dir);
    }
  }

  private static Document doc(String id, String text, String language) {
    ContentHash hash = ContentHash.of(text.getBytes(StandardCharsets.UTF_8));
    return new Document(id, hash, "", text, language, Map.of(), null, null, Label.of("OPEN"),
        Provenance.of("ds", id, "file", SourceGrading.UNGRADED));
  }

  /** Raw BM25 over the visible documents: id → score scaled to the best, as our hits carry them. */
  private static Map<String, String> expected(ByteBuffersDirectory dir, String query) throws IOException {
    try (DirectoryReader reader = DirectoryReader.open(dir)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      org.apache.lucene.search.Query q =
          new QueryBuilder(new EnglishAnalyzer()).createBooleanQuery("text", query, BooleanClause.Occur.SHOULD);
      Map<String, String> out = new TreeMap<>();
      if (q == null) {
        return out;
      }
      TopDocs top = searcher.search(q, Math.max(1, reader.maxDoc()));
      for (ScoreDoc sd : top.scoreDocs) {
        out.put(searcher.storedFields().document(sd.doc).get("id"),
            String.format(Locale.ROOT, "%.5f", sd.score / top.scoreDocs[0].score));
      }
      return out;
    }
  }

  private static Map<String, String> scores(SearchResult r) {
    Map<String, String> out = new TreeMap<>();
    for (Hit h : r.hits()) {
      out.put(h.id(), String.format(Locale.ROOT, "%.5f", h.score()));
    }
    return out;
  }

  @Provide
  Arbitrary<List<Doc>> visible() {
    return Arbitraries.of(WORDS).list().ofMinSize(1).ofMaxSize(40)
        .map(words -> new Doc(String.join(" ", words), true, "en")).list().ofMinSize(1).ofMaxSize(12);
  }

  /** Invisible documents: the same words, short or long, in English, French or no supported language. */
  @Provide
  Arbitrary<List<Doc>> padding() {
    return Combinators.combine(Arbitraries.of(WORDS).list().ofMinSize(1).ofMaxSize(300),
            Arbitraries.of("en", "fr", "zz"))
        .as((words, language) -> new Doc(String.join(" ", words), false, language)).list().ofMaxSize(6);
  }

  @Provide
  Arbitrary<String> query() {
    return Arbitraries.of(WORDS).list().ofMinSize(1).ofMaxSize(6).map(w -> String.join(" ", w));
  }
}
