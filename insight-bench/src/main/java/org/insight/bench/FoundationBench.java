package org.insight.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.insight.core.Dataset;
import org.insight.core.Entity;
import org.insight.core.EntityId;
import org.insight.core.Statement;
import org.insight.core.json.ModelJson;
import org.insight.policy.Label;
import org.insight.policy.Principal;
import org.insight.policy.Purpose;
import org.insight.policy.SourceGrading;
import org.insight.search.Index;
import org.insight.search.Visibility;
import org.insight.workspace.Session;
import org.insight.workspace.Workspace;

/**
 * The foundation's macro-benchmark: writing and reading entities through a workspace (labels, provenance,
 * validation, label filtering, audit) against raw Lucene doing the same index work on the same statements, side
 * by side in one JVM. Prints ratios and peak heap.
 *
 * <pre>./run-bench [ENTITIES] [LOOKUPS]</pre>
 */
public final class FoundationBench {
  private static final String[] LABELS = {"INTERPOL", "FR&POLICE", "DE", "INTERPOL&CT", "FR&(POLICE|CT)", "ES",
      "EU&(FR|DE|ES)", "NL"};
  private static final String[] GIVEN = {"Ivan", "Amina", "Marco", "Lucía", "Jean", "Karim", "Dieter", "Olga"};
  private static final String[] FAMILY = {"Petrov", "El-Khoury", "Rossi", "Fernández", "Moreau", "Benali", "Klein"};

  private FoundationBench() {}

  public static void main(String[] args) throws Exception {
    int entities = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
    int lookups = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
    int batch = 1_000;
    Random random = new Random(42);
    List<Entity> data = generate(entities, random);
    long statements = data.stream().mapToLong(e -> e.statements().size()).sum();
    System.out.printf(Locale.ROOT, "FoundationBench: %,d entities, %,d statements, %d distinct labels, batches of %d, %,d lookups%n",
        entities, statements, LABELS.length, batch, lookups);
    Path root = Files.createTempDirectory("insight-bench");
    try {
      // warm up both paths on a small slice so the JIT does not favour whichever runs second
      writeInsight(root.resolve("warm-insight"), data.subList(0, 2_000), batch);
      writeRaw(root.resolve("warm-raw"), data.subList(0, 2_000), batch);

      // alternate the two and keep each one's best, so neither gains from running second
      double rawWrite = Double.MAX_VALUE;
      double insightWrite = Double.MAX_VALUE;
      for (int round = 0; round < 2; round++) {
        delete(root.resolve("raw"));
        delete(root.resolve("insight"));
        rawWrite = Math.min(rawWrite, writeRaw(root.resolve("raw"), data, batch));
        insightWrite = Math.min(insightWrite, writeInsight(root.resolve("insight"), data, batch));
      }
      report("write, durable batches (statements/s)", statements / insightWrite, statements / rawWrite);

      List<EntityId> ids = new ArrayList<>();
      for (int i = 0; i < lookups; i++) {
        ids.add(data.get(random.nextInt(data.size())).id());
      }
      double rawRead = Math.min(readRaw(root.resolve("raw"), ids), readRaw(root.resolve("raw"), ids));
      double filtered = Math.min(readFiltered(root.resolve("insight"), ids), readFiltered(root.resolve("insight"), ids));
      report("entity lookup, label filter in the query (lookups/s)", lookups / filtered, lookups / rawRead);
      double[] insightRead = readInsight(root.resolve("insight"), ids);
      report("entity lookup via Session, + audit fsync (lookups/s)", lookups / insightRead[0], lookups / rawRead);
      System.out.printf(Locale.ROOT, "  (the session saw %,.0f of %,d looked-up entities; the raw baseline sees all)%n",
          insightRead[1], lookups);
      // the two ways the durable audit entry is shared: many ids in one call, and one sync for concurrent callers
      double[] batched = readInsightBatched(root.resolve("insight"), ids, 100);
      report("entity lookup via Session, 100 ids per call (lookups/s)", lookups / batched[0], lookups / rawRead);
      int threads = 4;
      double rawThreads = Math.min(readRawThreads(root.resolve("raw"), ids, threads),
          readRawThreads(root.resolve("raw"), ids, threads));
      double insightThreads = readInsightThreads(root.resolve("insight"), ids, threads);
      report("entity lookup via Session, " + threads + " threads (lookups/s)", lookups / insightThreads,
          lookups / rawThreads);
      if (batched[1] != insightRead[1]) {
        throw new IllegalStateException("batched lookups saw " + batched[1] + " entities, single ones " + insightRead[1]);
      }
      double auditP50 = auditAlone(root.resolve("audit-alone.log"), lookups, threads);
      // a single-id lookup through a Session can be no faster than the store's lookup followed by one synced entry:
      // when this ceiling is under 0.7x, one id per call cannot meet the aim on this disk, and the batched call is the
      // way (the line above it)
      report("  ceiling, 1 id per call: store lookup + audit p50", 1 / (filtered / lookups + auditP50),
          lookups / rawRead);
      System.out.printf(Locale.ROOT, "peak heap: %,d MB (max %,d MB)%n", peakHeapBytes() >> 20, Runtime.getRuntime().maxMemory() >> 20);
    } finally {
      delete(root);
    }
  }

  static List<Entity> generate(int n, Random random) {
    List<Dataset> datasets = new ArrayList<>();
    for (String l : LABELS) {
      datasets.add(Dataset.of("ds-" + datasets.size(), Label.of(l), SourceGrading.parse("B2")));
    }
    List<Entity> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Dataset ds = datasets.get(random.nextInt(datasets.size()));
      out.add(ds.entity("Person", "r" + i)
          .add("name", GIVEN[random.nextInt(GIVEN.length)] + " " + FAMILY[random.nextInt(FAMILY.length)] + " " + i)
          .add("birthDate", (1940 + random.nextInt(60)) + "-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(9))
          .add("nationality", List.of("fr", "de", "es", "it", "ru", "lb").get(random.nextInt(6)))
          .add("passportNumber", "P" + (1_000_000 + random.nextInt(8_999_999)))
          .build());
    }
    return out;
  }

  /** Seconds to write through a session, one durable add per batch. */
  static double writeInsight(Path dir, List<Entity> data, int batch) {
    long t0 = System.nanoTime();
    try (Workspace ws = Workspace.open(dir)) {
      // a writer attaches only labels it holds (rule 7): the bench loader holds every token of LABELS
      Session s = ws.session(Principal.of("bench", "INTERPOL", "FR", "POLICE", "DE", "CT", "ES", "EU", "NL"),
          Purpose.CRIMINAL_INVESTIGATION);
      for (int i = 0; i < data.size(); i += batch) {
        s.add(data.subList(i, Math.min(data.size(), i + batch)));
      }
    }
    return (System.nanoTime() - t0) / 1e9;
  }

  /**
   * Seconds for raw Lucene to index the same statements with the same analyzers and the main fields (keywords,
   * text, names), one commit per batch; the store adds typed fields, facet doc values, labels and provenance.
   */
  static double writeRaw(Path dir, List<Entity> data, int batch) throws IOException {
    long t0 = System.nanoTime();
    try (FSDirectory d = FSDirectory.open(dir); IndexWriter w = new IndexWriter(d, new IndexWriterConfig(org.insight.search.internal.Analysis.perFieldText()))) {
      int inBatch = 0;
      for (Entity e : data) {
        for (Statement s : e.statements()) {
          org.apache.lucene.document.Document doc = new org.apache.lucene.document.Document();
          doc.add(new StringField("_kind", "statement", Field.Store.NO));
          doc.add(new StringField("_id", s.id(), Field.Store.NO));
          doc.add(new SortedDocValuesField("_id", new BytesRef(s.id())));
          doc.add(new StringField("_entity", s.entityId().value(), Field.Store.NO));
          doc.add(new SortedSetDocValuesField("_entity", new BytesRef(s.entityId().value())));
          doc.add(new StringField("_schema", s.schema(), Field.Store.NO));
          doc.add(new StringField("_prop", s.property(), Field.Store.NO));
          doc.add(new StringField("_value", s.value(), Field.Store.NO));
          doc.add(new TextField("text", s.value(), Field.Store.NO));
          if (s.property().equals("name")) { // the same name analysis the store does
            doc.add(new TextField("name", s.value(), Field.Store.NO));
            doc.add(new TextField("name_phonetic", s.value(), Field.Store.NO));
          }
          doc.add(new StringField("_label", s.label().toString(), Field.Store.NO));
          doc.add(new StoredField("_json", ModelJson.write(ModelJson.statement(s))));
          w.updateDocument(new Term("_id", s.id()), doc);
        }
        if (++inBatch == batch) {
          w.commit();
          inBatch = 0;
        }
      }
      w.commit();
    }
    return (System.nanoTime() - t0) / 1e9;
  }

  /** Seconds for raw Lucene to fetch and decode every statement of each entity, with no filter and no audit. */
  static double readRaw(Path dir, List<EntityId> ids) throws IOException {
    try (FSDirectory d = FSDirectory.open(dir); DirectoryReader reader = DirectoryReader.open(d)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      long found = 0;
      long t0 = System.nanoTime();
      for (EntityId id : ids) {
        for (ScoreDoc sd : searcher.search(new TermQuery(new Term("_entity", id.value())), 100).scoreDocs) {
          found += ModelJson.statement(ModelJson.read(searcher.storedFields().document(sd.doc).get("_json"))).value().length();
        }
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      if (found == 0) {
        throw new IllegalStateException("the raw baseline found nothing");
      }
      return seconds;
    }
  }

  /**
   * Seconds for the store behind a session to fetch the same entities with the label filter inside the query,
   * without the audit: isolates what label filtering costs.
   */
  static double readFiltered(Path dir, List<EntityId> ids) {
    Set<String> visible = Set.of(Label.of("INTERPOL").toString(), Label.of("FR&POLICE").toString(),
        Label.of("DE").toString(), Label.of("FR&(POLICE|CT)").toString(), Label.of("EU&(FR|DE|ES)").toString());
    try (Index store = Index.openReadOnly(dir.resolve("index"), org.insight.core.Schema.defaults())) {
      Visibility filter = Visibility.of(visible);
      long found = 0;
      long t0 = System.nanoTime();
      for (EntityId id : ids) {
        found += store.statements(id, filter).size();
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      if (found == 0) {
        throw new IllegalStateException("the filtered read found nothing");
      }
      return seconds;
    }
  }

  /** {seconds, entities seen} for a session with half the authorizations to look up the same ids. */
  static double[] readInsight(Path dir, List<EntityId> ids) {
    try (Workspace ws = Workspace.open(dir)) {
      Session s = ws.session(Principal.of("analyst", "INTERPOL", "FR", "POLICE", "EU", "DE"), Purpose.CRIMINAL_INVESTIGATION);
      s.entity(ids.get(0)); // first read decides the labels once
      Set<EntityId> seen = new HashSet<>();
      long t0 = System.nanoTime();
      for (EntityId id : ids) {
        s.entity(id).ifPresent(e -> seen.add(e.id()));
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      long visible = ids.stream().filter(seen::contains).count();
      return new double[] {seconds, visible};
    }
  }

  /** {seconds, entities seen} for the same session looking the same ids up {@code per} at a time. */
  static double[] readInsightBatched(Path dir, List<EntityId> ids, int per) {
    try (Workspace ws = Workspace.open(dir)) {
      Session s = ws.session(Principal.of("analyst", "INTERPOL", "FR", "POLICE", "EU", "DE"), Purpose.CRIMINAL_INVESTIGATION);
      s.entities(ids.subList(0, 1));
      Set<EntityId> seen = new HashSet<>();
      long t0 = System.nanoTime();
      for (int i = 0; i < ids.size(); i += per) {
        s.entities(ids.subList(i, Math.min(ids.size(), i + per))).forEach(e -> seen.add(e.id()));
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      long visible = ids.stream().filter(seen::contains).count();
      return new double[] {seconds, visible};
    }
  }

  /** Seconds for {@code threads} sessions, one per thread, to look up a share of the ids each, one per call. */
  static double readInsightThreads(Path dir, List<EntityId> ids, int threads) throws InterruptedException {
    try (Workspace ws = Workspace.open(dir)) {
      Session s = ws.session(Principal.of("analyst", "INTERPOL", "FR", "POLICE", "EU", "DE"), Purpose.CRIMINAL_INVESTIGATION);
      s.entity(ids.get(0));
      return inThreads(ids, threads, id -> s.entity(id).isPresent() ? 1 : 0);
    }
  }

  /** Seconds for raw Lucene to do {@link #readRaw}'s work from {@code threads} threads sharing one searcher. */
  static double readRawThreads(Path dir, List<EntityId> ids, int threads) throws IOException, InterruptedException {
    try (FSDirectory d = FSDirectory.open(dir); DirectoryReader reader = DirectoryReader.open(d)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      return inThreads(ids, threads, id -> {
        long found = 0;
        try {
          for (ScoreDoc sd : searcher.search(new TermQuery(new Term("_entity", id.value())), 100).scoreDocs) {
            found += ModelJson.statement(ModelJson.read(searcher.storedFields().document(sd.doc).get("_json"))).value().length();
          }
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
        return found;
      });
    }
  }

  private static double inThreads(List<EntityId> ids, int threads, java.util.function.ToLongFunction<EntityId> lookup)
      throws InterruptedException {
    List<Thread> workers = new ArrayList<>();
    java.util.concurrent.atomic.AtomicLong found = new java.util.concurrent.atomic.AtomicLong();
    long t0 = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      int first = t;
      Thread w = new Thread(() -> {
        long mine = 0;
        for (int i = first; i < ids.size(); i += threads) {
          mine += lookup.applyAsLong(ids.get(i));
        }
        found.addAndGet(mine);
      });
      workers.add(w);
      w.start();
    }
    for (Thread w : workers) {
      w.join();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    if (found.get() == 0) {
      throw new IllegalStateException("the threaded lookups found nothing");
    }
    return seconds;
  }

  /**
   * What one durable audit entry costs on this machine, with nothing else around it: {@code n} appends from one
   * thread (latency p50/p99), then from {@code threads} threads sharing syncs (group commit).
   *
   * @return the one-thread p50, in seconds
   */
  static double auditAlone(Path file, int n, int threads) throws InterruptedException {
    try (org.insight.policy.AuditLog log = org.insight.policy.AuditLog.open(file)) {
      long[] t = new long[n];
      for (int i = 0; i < n; i++) {
        long a = System.nanoTime();
        log.append(new org.insight.policy.AuditEvent(null, "bench", "bench", "entity.get", "e" + i, List.of("e" + i), "ok"));
        t[i] = System.nanoTime() - a;
      }
      java.util.Arrays.sort(t);
      double total = java.util.Arrays.stream(t).sum() / 1e9;
      List<Thread> workers = new ArrayList<>();
      long t0 = System.nanoTime();
      for (int w = 0; w < threads; w++) {
        Thread worker = new Thread(() -> {
          for (int i = 0; i < n / threads; i++) {
            log.append(new org.insight.policy.AuditEvent(null, "bench", "bench", "entity.get", "e" + i, List.of("e" + i), "ok"));
          }
        });
        workers.add(worker);
        worker.start();
      }
      for (Thread worker : workers) {
        worker.join();
      }
      double parallel = (System.nanoTime() - t0) / 1e9;
      System.out.printf(Locale.ROOT, "audit append alone: 1 thread %,.0f/s (p50 %.3f ms, p99 %.3f ms); %d threads %,.0f/s%n",
          n / total, t[n / 2] / 1e6, t[(int) (n * 0.99)] / 1e6, threads, (n / threads * threads) / parallel);
      return t[n / 2] / 1e9;
    }
  }

  static void report(String what, double ours, double baseline) {
    System.out.printf(Locale.ROOT, "%-52s insight %,12.0f   raw Lucene %,12.0f   ratio %.2fx%n", what, ours, baseline, ours / baseline);
  }

  static long peakHeapBytes() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
