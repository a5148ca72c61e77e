package org.insight.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeSet;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.insight.core.Dataset;
import org.insight.core.Entity;
import org.insight.core.EntityBuilder;
import org.insight.core.Schema;
import org.insight.core.Statement;
import org.insight.policy.Label;
import org.insight.policy.Principal;
import org.insight.policy.Purpose;
import org.insight.policy.SourceGrading;
import org.insight.search.Index;
import org.insight.search.Scan;
import org.insight.search.Visibility;
import org.insight.workspace.Page;
import org.insight.workspace.Session;
import org.insight.workspace.Workspace;

/**
 * The visible-data scan, counting and listing, through a {@link Session} (label filter, policy, audit) against raw
 * Lucene on the same index in the same JVM: a stored-fields scan of the same documents, a distinct-entity count
 * and a first page of entity ids in id order. Prints rates, ratios and peak heap.
 *
 * <p>Data: {@code ENTITIES} entities (70% Person, 30% Organization) of 5 statements each under 8 labels; every tenth
 * entity gets one of its statements a batch later, so entities span index segments as updated data does.
 *
 * <pre>./run-bench scan [ENTITIES] [KEEP_DIR]</pre>
 *
 * <p>With {@code KEEP_DIR} the generated workspace is kept there and reused by the next run with the same size
 * (writing a million entities takes minutes).
 */
public final class ScanBench {
  private static final String[] LABELS = {"INTERPOL", "FR&POLICE", "DE", "INTERPOL&CT", "FR&(POLICE|CT)", "ES",
      "EU&(FR|DE|ES)", "NL"};
  private static final String[] GIVEN = {"Ivan", "Amina", "Marco", "Lucía", "Jean", "Karim", "Dieter", "Olga"};
  private static final String[] FAMILY = {"Petrov", "El-Khoury", "Rossi", "Fernández", "Moreau", "Benali", "Klein"};
  private static final Principal EVERYTHING = Principal.of("chief", "INTERPOL", "FR", "POLICE", "DE", "CT", "ES", "EU",
      "NL");
  private static final Principal PARTIAL = Principal.of("analyst", "INTERPOL", "FR", "POLICE");
  private static final Purpose CI = Purpose.CRIMINAL_INVESTIGATION;
  private static final int BATCH = 10_000;

  private ScanBench() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    Path keep = args.length > 1 ? Path.of(args[1]).toAbsolutePath() : null;
    Path root = keep != null ? keep : Files.createTempDirectory("insight-scan-bench");
    Path wsDir = root.resolve("ws-" + n);
    try (PeakHeap heap = PeakHeap.start()) {
      if (Files.exists(wsDir.resolve("filled"))) {
        System.out.printf(Locale.ROOT, "ScanBench: %,d entities, reusing %s%n", n, wsDir);
      } else {
        long t0 = System.nanoTime();
        FoundationBench.delete(wsDir); // a run killed while filling leaves a partial workspace
        long statements = fill(wsDir, n);
        Files.writeString(wsDir.resolve("filled"), Long.toString(statements));
        System.out.printf(Locale.ROOT, "ScanBench: %,d entities, %,d statements, %d labels; written in %.0f s%n", n, statements,
            LABELS.length, (System.nanoTime() - t0) / 1e9);
      }

      try (Workspace ws = Workspace.builder(wsDir).readOnly().open();
           Index beside = Index.openReadOnly(wsDir.resolve("index"), Schema.defaults());
           FSDirectory dir = FSDirectory.open(wsDir.resolve("index"));
           DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher raw = new IndexSearcher(reader);
        raw.setQueryCache(null);
        Session all = ws.session(EVERYTHING, CI);
        Session partial = ws.session(PARTIAL, CI);

        // listing and counting, cold: the first read of a fresh snapshot builds the entity ordinals and the bit set
        long a = System.nanoTime();
        long count = all.count("Person");
        long b = System.nanoTime();
        Page<Entity> page = all.entities("Person", 0, 100);
        long c = System.nanoTime();
        long partialCount = partial.count("Person");
        long d = System.nanoTime();
        System.out.printf(Locale.ROOT, "cold (first reads of a fresh snapshot): count(Person) %,.1f ms (%,d), first page of 100 %,.1f ms;"
            + " another reader's count %,.1f ms (%,d)%n", ms(b - a), count, ms(c - b), ms(d - c), partialCount);

        heap.reset();
        for (int round = 0; round < 3; round++) {
          // warm: the same calls again, each one audited
          long[] ours = time(() -> all.count("Person"));
          Visibility everything = Visibility.of(beside.labels());
          long[] store = time(() -> beside.countEntities(java.util.Set.of("Person"), everything));
          long[] naive = time(() -> rawDistinctCount(raw));
          long[] statementCount = time(() -> (long) raw.count(personStatements()));
          report("count(\"Person\") (ms), vs raw distinct-entity count", ms(ours[0]), ms(naive[0]), ours[1], naive[1]);
          report("count(\"Person\") (ms), vs raw count of its statements", ms(ours[0]), ms(statementCount[0]), ours[1],
              statementCount[1]);
          report("count(\"Person\") in the store, no audit (ms), vs raw distinct", ms(store[0]), ms(naive[0]),
              store[1], naive[1]);
          long[] ourPage = time(() -> (long) all.entities("Person", 0, 100).items().stream()
              .mapToInt(e -> e.statements().size()).sum());
          long[] rawPage = time(() -> rawFirstPage(raw, 100));
          report("first page, 100 entities in id order (ms)", ms(ourPage[0]), ms(rawPage[0]), ourPage[1], rawPage[1]);
        }

        heap.reset();
        double bestOurs = Double.MAX_VALUE;
        double bestRaw = Double.MAX_VALUE;
        long scanned = 0;
        long rawScanned = 0;
        for (int round = 0; round < 3; round++) {
          long[] r = time(() -> rawScan(raw));
          long[] s = time(() -> sessionScan(all));
          bestRaw = Math.min(bestRaw, r[0] / 1e9);
          bestOurs = Math.min(bestOurs, s[0] / 1e9);
          rawScanned = r[1];
          scanned = s[1];
        }
        System.out.printf(Locale.ROOT, "scan of every Person: session %,d statements (%,d entities), raw %,d stored documents%n",
            scanned, page.total(), rawScanned);
        System.out.printf(Locale.ROOT, "%-56s session %,12.0f   raw Lucene %,12.0f   ratio %.2fx%n",
            "scan, statements/s (best of 3)", scanned / bestOurs, rawScanned / bestRaw,
            (scanned / bestOurs) / (rawScanned / bestRaw));
        long[] p = time(() -> sessionScan(partial));
        System.out.printf(Locale.ROOT, "%-56s session %,12.0f   (%,d statements seen, label filter in the query)%n",
            "scan as a reader who sees 3 of 8 labels, statements/s", p[1] / (p[0] / 1e9), p[1]);
        System.out.printf(Locale.ROOT, "peak heap during the scans: %,d MB (max %,d MB)%n", heap.peakBytes() >> 20,
            Runtime.getRuntime().maxMemory() >> 20);
        if (Runtime.getRuntime().maxMemory() < (2L << 30)) {
          System.out.println("spotting dictionary: skipped (a dictionary of a million entities needs a 2 GB heap)");
        } else {
          heap.reset();
          long[] spot = time(() -> (long) org.insight.workspace.EntitySpottingStep.spotter(all).stats().hashCode());
          System.out.printf(Locale.ROOT, "spotting dictionary from one scan of every entity: %,.1f s, peak heap %,d MB%n",
              spot[0] / 1e9, heap.peakBytes() >> 20);
        }
      }
    } finally {
      if (keep == null) {
        FoundationBench.delete(root);
      }
    }
  }

  /** Writes the data through the public store API in batches of {@value #BATCH} entities (one durable commit each). */
  private static long fill(Path wsDir, int n) {
    Workspace.open(wsDir).close(); // a workspace around the index, filled in bulk below
    List<Dataset> datasets = new ArrayList<>();
    for (String l : LABELS) {
      datasets.add(Dataset.of("ds-" + datasets.size(), Label.of(l), SourceGrading.parse("B2")));
    }
    Random random = new Random(42);
    long statements = 0;
    List<Statement> late = new ArrayList<>();
    try (Index index = Index.open(wsDir.resolve("index"), Schema.defaults())) {
      for (int start = 0; start < n; start += BATCH) {
        List<Statement> batch = new ArrayList<>(late);
        late.clear();
        for (int i = start; i < Math.min(n, start + BATCH); i++) {
          for (Statement s : entity(i, datasets.get(random.nextInt(datasets.size())), random).statements()) {
            (i % 10 == 0 && s.property().equals("notes") ? late : batch).add(s);
          }
        }
        index.write(batch, List.of());
        statements += batch.size();
        if (start > 0 && start % 200_000 == 0) {
          System.out.printf(Locale.ROOT, "  written %,d entities%n", start);
        }
      }
      index.write(late, List.of());
      statements += late.size();
    }
    return statements;
  }

  private static Entity entity(int i, Dataset ds, Random random) {
    if (i % 10 < 7) {
      return ds.entity("Person", "r" + i)
          .add("name", GIVEN[random.nextInt(GIVEN.length)] + " " + FAMILY[random.nextInt(FAMILY.length)] + " " + i)
          .add("birthDate", (1940 + random.nextInt(60)) + "-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(9))
          .add("nationality", List.of("fr", "de", "es", "it", "ru", "lb").get(random.nextInt(6)))
          .add("passportNumber", "P" + (1_000_000 + random.nextInt(8_999_999)))
          .add("notes", "seen near the port on " + random.nextInt(28) + " March")
          .build();
    }
    EntityBuilder b = ds.entity("Organization", "r" + i)
        .add("name", FAMILY[random.nextInt(FAMILY.length)] + " Trading " + i)
        .add("country", List.of("fr", "de", "es", "it", "ru", "lb").get(random.nextInt(6)))
        .add("registrationNumber", "RC" + (100_000 + random.nextInt(899_999)))
        .add("sector", List.of("shipping", "import-export", "finance").get(random.nextInt(3)))
        .add("notes", "registered " + (1990 + random.nextInt(30)));
    return b.build();
  }

  private static Query personStatements() {
    return new BooleanQuery.Builder()
        .add(new TermQuery(new Term("_kind", "statement")), BooleanClause.Occur.FILTER)
        .add(new TermQuery(new Term("_schema", "Person")), BooleanClause.Occur.FILTER)
        .build();
  }

  /** Statements handed out by a session scan of every Person (decoded, grouped into entities, audited). */
  private static long sessionScan(Session session) {
    long statements = 0;
    try (Scan<Entity> scan = session.scanEntities("Person")) {
      for (Entity e : scan) {
        statements += e.statements().size();
      }
    }
    return statements;
  }

  /** The baseline: every live Person statement document's stored fields read in doc order, no filter, no decoding. */
  private static long rawScan(IndexSearcher searcher) throws IOException {
    Weight w = searcher.createWeight(searcher.rewrite(personStatements()), ScoreMode.COMPLETE_NO_SCORES, 1f);
    long docs = 0;
    long chars = 0;
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      Scorer scorer = w.scorer(leaf);
      if (scorer == null) {
        continue;
      }
      Bits live = leaf.reader().getLiveDocs();
      StoredFields stored = leaf.reader().storedFields();
      DocIdSetIterator it = scorer.iterator();
      for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
        if (live == null || live.get(doc)) {
          chars += stored.document(doc).get("_json").length();
          docs++;
        }
      }
    }
    if (chars == 0) {
      throw new IllegalStateException("the raw scan read nothing");
    }
    return docs;
  }

  /** Distinct Person entities the plain way: their ids from doc values into a set (what the store did before). */
  private static long rawDistinctCount(IndexSearcher searcher) throws IOException {
    TreeSet<String> ids = new TreeSet<>();
    Weight w = searcher.createWeight(searcher.rewrite(personStatements()), ScoreMode.COMPLETE_NO_SCORES, 1f);
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      Scorer scorer = w.scorer(leaf);
      if (scorer == null) {
        continue;
      }
      Bits live = leaf.reader().getLiveDocs();
      SortedSetDocValues entities = leaf.reader().getSortedSetDocValues("_entity");
      DocIdSetIterator it = scorer.iterator();
      for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
        if ((live == null || live.get(doc)) && entities.advanceExact(doc)) {
          ids.add(entities.lookupOrd(entities.nextOrd()).utf8ToString());
        }
      }
    }
    return ids.size();
  }

  /**
   * The first {@code limit} Person entities in id order with their statements, the plain way: walk the entity-id
   * terms in order, keep those with a Person statement, read their stored statements.
   */
  private static long rawFirstPage(IndexSearcher searcher, int limit) throws IOException {
    Terms terms = MultiTerms.getTerms(searcher.getIndexReader(), "_entity");
    TermsEnum te = terms.iterator();
    int found = 0;
    long statements = 0;
    for (BytesRef t = te.next(); t != null && found < limit; t = te.next()) {
      Query q = new BooleanQuery.Builder()
          .add(new TermQuery(new Term("_entity", BytesRef.deepCopyOf(t))), BooleanClause.Occur.FILTER)
          .add(new TermQuery(new Term("_kind", "statement")), BooleanClause.Occur.FILTER)
          .build();
      ScoreDoc[] docs = searcher.search(q, 100).scoreDocs;
      boolean person = false;
      StoredFields stored = searcher.storedFields();
      for (ScoreDoc sd : docs) {
        person |= stored.document(sd.doc).get("_json").contains("\"schema\":\"Person\"");
      }
      if (person) {
        found++;
        statements += docs.length;
      }
    }
    return statements;
  }

  @FunctionalInterface
  private interface Timed {
    long run() throws IOException;
  }

  /** {nanoseconds, result}. */
  private static long[] time(Timed work) throws IOException {
    long t = System.nanoTime();
    long result = work.run();
    return new long[] {System.nanoTime() - t, result};
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }

  private static void report(String what, double ours, double raw, long ourResult, long rawResult) {
    System.out.printf(Locale.ROOT, "%-56s session %,10.1f   raw Lucene %,10.1f   speed %.2fx   (%,d vs %,d)%n", what, ours, raw,
        raw / ours, ourResult, rawResult);
  }
}
