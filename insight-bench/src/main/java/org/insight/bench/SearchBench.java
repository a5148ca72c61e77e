package org.insight.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.insight.core.ContentHash;
import org.insight.core.Document;
import org.insight.core.Provenance;
import org.insight.core.Schema;
import org.insight.policy.Label;
import org.insight.policy.Principal;
import org.insight.policy.Purpose;
import org.insight.policy.SourceGrading;
import org.insight.search.Query;
import org.insight.search.Index;
import org.insight.search.SearchResult;
import org.insight.search.Visibility;
import org.insight.search.internal.Analysis;
import org.insight.search.internal.SearchEngine;
import org.insight.workspace.Session;
import org.insight.workspace.Workspace;

/**
 * Search macro-benchmark: indexing documents through the store (labels, provenance, facets, sort keys) against a
 * raw Lucene IndexWriter with the same analyzers on the same text; then query latency through a Session (label
 * filter inside the query, visible-only scoring statistics, audit) against the same Lucene query on a raw
 * IndexSearcher, interleaved query by query, with a check that the top 10 are identical, ids and BM25 scores, for a
 * principal who sees everything (our statistics are Lucene's then). Prints ratios and peak heap.
 *
 * <pre>./run-bench search [DOCUMENTS] [QUERIES]</pre>
 */
public final class SearchBench {
  private static final String[] LABELS = {"INTERPOL", "FR&POLICE", "DE", "INTERPOL&CT", "ES", "EU&(FR|DE)", "NL", "IT"};
  private static final String[] LANGUAGES = {"en", "fr", "es", "de", "ru", "ar"};

  private SearchBench() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    int queries = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
    Random random = new Random(7);
    String[] vocabulary = vocabulary(5_000, random);
    Path root = Files.createTempDirectory("insight-search-bench");
    System.out.printf(Locale.ROOT, "SearchBench: %,d documents (~60 words, 6 languages, %d labels), %,d queries%n", n, LABELS.length, queries);
    try {
      Path wsDir = root.resolve("ws");
      Workspace.open(wsDir).close(); // create the workspace, then fill its index in bulk below
      warmUp(root, vocabulary);
      long bytes = 0;
      double ours = 0;
      double raw = 0;
      int batch = 10_000;
      try (Index store = Index.open(wsDir.resolve("index"), Schema.defaults());
           FSDirectory rawDir = FSDirectory.open(root.resolve("raw"));
           IndexWriter rawWriter = new IndexWriter(rawDir, new IndexWriterConfig(Analysis.perFieldText()))) {
        for (int start = 0; start < n; start += batch) {
          List<Document> docs = new ArrayList<>();
          for (int i = start; i < Math.min(n, start + batch); i++) {
            docs.add(document(i, vocabulary, random));
            bytes += docs.get(docs.size() - 1).text().getBytes(StandardCharsets.UTF_8).length;
          }
          // alternate which goes first, so neither gains from the other warming the page cache
          if ((start / batch) % 2 == 0) {
            raw += timeRaw(rawWriter, docs);
            ours += timeOurs(store, docs);
          } else {
            ours += timeOurs(store, docs);
            raw += timeRaw(rawWriter, docs);
          }
          if (start % 100_000 == 0 && start > 0) {
            System.out.printf(Locale.ROOT, "  indexed %,d%n", start);
          }
        }
      }
      report("indexing (documents/s)", n / ours, n / raw);
      report("indexing (MB/s of text)", bytes / 1e6 / ours, bytes / 1e6 / raw);

      try (Workspace ws = Workspace.open(wsDir);
           Index beside = Index.openReadOnly(wsDir.resolve("index"), Schema.defaults());
           FSDirectory rawDir = FSDirectory.open(root.resolve("raw"));
           DirectoryReader rawReader = DirectoryReader.open(rawDir)) {
        Visibility allVisible = Visibility.of(beside.labels());
        IndexSearcher rawSearcher = new IndexSearcher(rawReader);
        Session everything = ws.session(Principal.of("chief", "INTERPOL", "FR", "POLICE", "DE", "CT", "ES", "EU", "NL", "IT"),
            Purpose.CRIMINAL_INVESTIGATION);
        Session partial = ws.session(Principal.of("analyst", "INTERPOL", "FR", "POLICE"), Purpose.CRIMINAL_INVESTIGATION);
        List<Query> qs = new ArrayList<>();
        for (int i = 0; i < queries + 200; i++) {
          String words = vocabulary[zipf(random, vocabulary.length)] + (random.nextBoolean() ? " " + vocabulary[zipf(random, vocabulary.length)] : "");
          qs.add(Query.parse(words).target(Query.Target.DOCUMENTS).limit(10).highlight(false));
        }
        long[] tOurs = new long[queries];
        long[] tPartial = new long[queries];
        long[] tRaw = new long[queries];
        long[] tStore = new long[queries];
        long[] tRawExact = new long[queries];
        int identical = 0;
        int compared = 0;
        for (int i = 0; i < qs.size(); i++) {
          Query q = qs.get(i);
          org.apache.lucene.search.Query lq = SearchEngine.documentQueryWithoutLabels(q.match(), Schema.defaults());
          long a = System.nanoTime();
          SearchResult r = everything.search(q);
          long b = System.nanoTime();
          TopDocs top = rawSearcher.search(lq, 10);
          load(rawSearcher, top); // our hits carry their documents, so the baseline loads them too
          long c = System.nanoTime();
          partial.search(q);
          long d = System.nanoTime();
          beside.search(q, allVisible);
          long e = System.nanoTime();
          load(rawSearcher, rawSearcher.search(lq, new org.apache.lucene.search.TopScoreDocCollectorManager(10, null, Integer.MAX_VALUE, false)));
          long f = System.nanoTime();
          if (i >= 200) {
            tRawExact[i - 200] = f - e;
            tStore[i - 200] = e - d;
            tOurs[i - 200] = b - a;
            tRaw[i - 200] = c - b;
            tPartial[i - 200] = d - c;
            compared++;
            if (sameTop(r, top)) {
              identical++;
            } else if (compared - identical <= 3) {
              System.out.printf(Locale.ROOT, "  differs: %s%n    ours %s%n    raw  %s%n", q.match(),
                  r.hits().stream().map(h -> h.id() + String.format(Locale.ROOT, "=%.4f", h.score())).toList(), describe(top, rawSearcher));
            }
          }
        }
        long[] extra = new long[queries]; // what the Session adds to the store's search, query by query: the audit
        for (int i = 0; i < queries; i++) {
          extra[i] = tOurs[i] - tStore[i];
        }
        Arrays.sort(extra);
        Arrays.sort(tOurs);
        Arrays.sort(tRaw);
        Arrays.sort(tPartial);
        Arrays.sort(tStore);
        Arrays.sort(tRawExact);
        System.out.printf(Locale.ROOT, "%-46s %-28s %-28s %s%n", "query latency (ms)", "Session, sees all", "raw IndexSearcher", "ratio");
        System.out.printf(Locale.ROOT, "%-46s %-28.3f %-28.3f %.2fx%n", "  p50", ms(tOurs, 0.5), ms(tRaw, 0.5), ms(tOurs, 0.5) / ms(tRaw, 0.5));
        System.out.printf(Locale.ROOT, "%-46s %-28.3f %-28.3f %.2fx%n", "  p99", ms(tOurs, 0.99), ms(tRaw, 0.99), ms(tOurs, 0.99) / ms(tRaw, 0.99));
        System.out.printf(Locale.ROOT, "%-46s %-28.3f %-28.3f %.2fx%n", "  p50 label-filtered store, no audit", ms(tStore, 0.5), ms(tRaw, 0.5), ms(tStore, 0.5) / ms(tRaw, 0.5));
        System.out.printf(Locale.ROOT, "%-46s %-28.3f %-28.3f %.2fx%n", "  p99 label-filtered store, no audit", ms(tStore, 0.99), ms(tRaw, 0.99), ms(tStore, 0.99) / ms(tRaw, 0.99));
        System.out.printf(Locale.ROOT, "%-46s %-28.3f %-28.3f %.2fx%n", "  p50 store vs raw with exact total", ms(tStore, 0.5), ms(tRawExact, 0.5), ms(tStore, 0.5) / ms(tRawExact, 0.5));
        System.out.printf(Locale.ROOT, "%-46s %-28.3f %-28.3f %.2fx%n", "  p99 store vs raw with exact total", ms(tStore, 0.99), ms(tRawExact, 0.99), ms(tStore, 0.99) / ms(tRawExact, 0.99));
        System.out.printf(Locale.ROOT, "%-46s p50 %.3f  p99 %.3f%n", "  Session, sees 3 of 8 labels", ms(tPartial, 0.5), ms(tPartial, 0.99));
        System.out.printf(Locale.ROOT, "%-46s p50 %.3f  p99 %.3f   (%.2fx / %.2fx of raw's p50 / p99)%n",
            "  Session minus store, query by query (ms)", ms(extra, 0.5), ms(extra, 0.99), ms(extra, 0.5) / ms(tRaw, 0.5),
            ms(extra, 0.99) / ms(tRaw, 0.99));
        System.out.printf(Locale.ROOT, "identical top-10, scores position by position, ids up to ties (principal sees everything): %d of %d queries%n", identical, compared);
      }
      // the part of the Session's extra that is the durable audit entry: its append and fdatasync, with nothing around
      FoundationBench.auditAlone(root.resolve("audit-alone.log"), Math.max(100, queries), 4);
      System.out.printf(Locale.ROOT, "peak heap: %,d MB (max %,d MB)%n", FoundationBench.peakHeapBytes() >> 20,
          Runtime.getRuntime().maxMemory() >> 20);
    } finally {
      FoundationBench.delete(root);
    }
  }

  private static List<String> describe(TopDocs top, IndexSearcher searcher) throws IOException {
    List<String> out = new ArrayList<>();
    float max = top.scoreDocs.length == 0 ? 1 : top.scoreDocs[0].score;
    for (ScoreDoc sd : top.scoreDocs) {
      out.add(searcher.storedFields().document(sd.doc).get("id") + String.format(Locale.ROOT, "=%.4f", sd.score / max));
    }
    return out;
  }

  private static boolean sameTop(SearchResult ours, TopDocs raw) {
    if (ours.hits().size() != raw.scoreDocs.length) {
      return false;
    }
    for (int i = 0; i < raw.scoreDocs.length; i++) {
      // our scores are scaled to the best hit: the same BM25 statistics give the same scaled scores, position by
      // position; a different id at a position with the same score is a tie (Lucene orders ties by index order,
      // we by id), also when the tie is with a document just past the page
      if (Math.abs(ours.hits().get(i).score() - raw.scoreDocs[i].score / raw.scoreDocs[0].score) > 1e-5) {
        return false;
      }
    }
    return true;
  }

  /** Runs both indexing paths on a throwaway slice first, so neither pays the JIT's warm-up in the figures. */
  private static void warmUp(Path root, String[] vocabulary) throws IOException {
    Random random = new Random(1);
    List<Document> docs = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      docs.add(document(i, vocabulary, random));
    }
    try (Index store = Index.open(root.resolve("warm-ours"), Schema.defaults());
         FSDirectory dir = FSDirectory.open(root.resolve("warm-raw"));
         IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(Analysis.perFieldText()))) {
      for (int round = 0; round < 2; round++) {
        timeOurs(store, docs);
        timeRaw(w, docs);
      }
    }
  }

  private static void load(IndexSearcher searcher, TopDocs top) throws IOException {
    var stored = searcher.storedFields();
    for (ScoreDoc sd : top.scoreDocs) {
      if (stored.document(sd.doc).get("text") == null) {
        throw new IllegalStateException("stored text missing");
      }
    }
  }

  private static double timeOurs(Index store, List<Document> docs) {
    long t0 = System.nanoTime();
    store.write(List.of(), docs);
    return (System.nanoTime() - t0) / 1e9;
  }

  private static final FieldType STORED_TEXT = storedText();

  private static FieldType storedText() {
    FieldType t = new FieldType(TextField.TYPE_STORED);
    t.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    t.freeze();
    return t;
  }

  private static double timeRaw(IndexWriter w, List<Document> docs) throws IOException {
    long t0 = System.nanoTime();
    for (Document d : docs) {
      org.apache.lucene.document.Document l = new org.apache.lucene.document.Document();
      l.add(new StringField("id", d.id(), Field.Store.YES));
      l.add(new Field("text", d.text(), STORED_TEXT));
      l.add(new TextField(Analysis.textField(d.language()), d.text(), Field.Store.NO));
      l.add(new TextField("title", d.title(), Field.Store.NO));
      l.add(new TextField("name", d.title() + "\n" + d.text(), Field.Store.NO));
      l.add(new TextField("name_phonetic", d.title() + "\n" + d.text(), Field.Store.NO));
      w.addDocument(l);
    }
    w.commit();
    return (System.nanoTime() - t0) / 1e9;
  }

  static Document document(int i, String[] vocabulary, Random random) {
    StringBuilder text = new StringBuilder();
    for (int w = 0; w < 60; w++) {
      text.append(vocabulary[zipf(random, vocabulary.length)]).append(w % 12 == 11 ? ". " : " ");
    }
    String lang = LANGUAGES[random.nextInt(LANGUAGES.length)];
    ContentHash hash = ContentHash.of(("doc" + i).getBytes(StandardCharsets.UTF_8));
    return new Document("doc-" + i, hash, "Report " + i, text.toString(), lang, Map.of(), null, null,
        Label.of(LABELS[random.nextInt(LABELS.length)]),
        Provenance.of("bench", "r" + i, "text:plain", SourceGrading.parse("B2")).withContentHash(hash));
  }

  /** Pronounceable synthetic words, so analyzers have something word-like to stem and fold. */
  static String[] vocabulary(int size, Random random) {
    String consonants = "bcdfghklmnprstvz";
    String vowels = "aeiouy";
    String[] out = new String[size];
    for (int i = 0; i < size; i++) {
      StringBuilder w = new StringBuilder();
      int syllables = 2 + random.nextInt(3);
      for (int s = 0; s < syllables; s++) {
        w.append(consonants.charAt(random.nextInt(consonants.length()))).append(vowels.charAt(random.nextInt(vowels.length())));
      }
      out[i] = w.toString();
    }
    return out;
  }

  /** A rank drawn from an approximate Zipf distribution, so word frequencies look like language. */
  static int zipf(Random random, int n) {
    double x = Math.pow(n + 1.0, random.nextDouble()) - 1;
    return Math.min(n - 1, (int) x);
  }

  private static double ms(long[] sorted, double q) {
    return sorted[Math.min(sorted.length - 1, (int) (q * sorted.length))] / 1e6;
  }

  private static void report(String what, double ours, double raw) {
    System.out.printf(Locale.ROOT, "%-46s insight %,12.1f   raw Lucene %,12.1f   ratio %.2fx%n", what, ours, raw, ours / raw);
  }
}
