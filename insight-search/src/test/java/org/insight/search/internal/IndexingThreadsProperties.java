package org.insight.search.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.insight.core.ContentHash;
import org.insight.core.Document;
import org.insight.core.Provenance;
import org.insight.policy.Label;
import org.insight.policy.SourceGrading;

/**
 * A write's documents indexed by several threads at once ({@link IndexingThreads}) make exactly the index that one
 * thread makes — every field's terms, frequencies, positions, offsets and norms, and the stored fields, document by
 * document (only the order of documents inside a segment may differ, and ranking breaks ties by id) — so searches and
 * scores cannot tell them apart; every item runs once, a failure stops the rest and is thrown only once no item is
 * still running; and the recorded name tokens replay what the analyzer gives.
 */
class IndexingThreadsProperties {

  /** The replay of any analysed field gives the analyzer's tokens and end state. */
  @Property(tries = 200)
  void replayEqualsTheAnalyzer(@ForAll("texts") String text) {
    List<String> fields = new ArrayList<>(Analysis.textFields());
    fields.addAll(List.of(Analysis.NAME, Analysis.NAME_PHONETIC, LuceneStore.TITLE));
    for (String field : fields) {
      RecordedTokens recorded = RecordedTokens.of(Analysis.perFieldText(), field, text);
      assertEquals(StreamTokens.of(Analysis.perFieldText().tokenStream(field, text)),
          StreamTokens.of(recorded.replay()), field + ": " + text);
    }
  }

  /** A batch indexed by several threads equals the same batch indexed by one, document by document. */
  @Property(tries = 40)
  void parallelIndexEqualsOneThreads(@ForAll("batches") List<Document> batch,
      @ForAll @IntRange(min = 1, max = 3) int threads) throws IOException {
    try (IndexingThreads indexing = new IndexingThreads(threads)) {
      assertEquals(dump(batch, null), dump(batch, indexing));
    }
  }

  @Property(tries = 60)
  void everyItemRunsOnceAndAFailureIsThrownWhenNothingRuns(@ForAll @IntRange(max = 3) int threads,
      @ForAll @IntRange(max = 40) int n, @ForAll @IntRange(min = -1, max = 40) int failing) {
    List<Integer> items = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      items.add(i);
    }
    Map<Integer, AtomicInteger> runs = new ConcurrentHashMap<>();
    Map<String, Boolean> ranOn = new ConcurrentHashMap<>();
    AtomicInteger running = new AtomicInteger();
    int runningAtReturn;
    try (IndexingThreads indexing = new IndexingThreads(threads)) {
      Runnable call = () -> indexing.forEach(items, i -> {
        running.incrementAndGet();
        try {
          ranOn.put(Thread.currentThread().getName(), true);
          runs.computeIfAbsent(i, k -> new AtomicInteger()).incrementAndGet();
          Thread.yield(); // let another thread be mid-item when one fails
          if (i == failing) {
            throw new IllegalArgumentException("item " + i);
          }
        } finally {
          running.decrementAndGet();
        }
      });
      if (failing >= 0 && failing < n) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
        runningAtReturn = running.get();
        assertEquals("item " + failing, e.getMessage());
      } else {
        call.run();
        runningAtReturn = running.get();
        assertEquals(n, runs.size(), "every item ran");
      }
    }
    assertEquals(0, runningAtReturn, "no item still running when forEach returned");
    runs.forEach((i, count) -> assertEquals(1, count.get(), "item " + i + " ran once"));
    if (threads == 0) {
      assertEquals(n == 0 ? Map.of() : Map.of(Thread.currentThread().getName(), true), ranOn,
          "without threads the caller indexes every item");
    }
  }

  @Example
  void aClosedPoolLeavesEveryItemToTheCaller() {
    Map<String, Boolean> ranOn = new ConcurrentHashMap<>();
    IndexingThreads indexing = new IndexingThreads(2);
    indexing.close();
    indexing.forEach(List.of(1, 2, 3), i -> ranOn.put(Thread.currentThread().getName(), true));
    assertEquals(Map.of(Thread.currentThread().getName(), true), ranOn);
  }

  @Example
  void theSharedInstanceOutlivesACloseAndIndexesBesideTheCaller() {
    IndexingThreads shared = IndexingThreads.shared();
    assertTrue(shared == IndexingThreads.shared(), "one instance per JVM");
    shared.close(); // a store's close must not end the threads other stores use
    AtomicInteger sum = new AtomicInteger();
    List<Integer> items = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      items.add(i);
    }
    shared.forEach(items, sum::addAndGet);
    assertEquals(199 * 200 / 2, sum.get());
    if (Runtime.getRuntime().availableProcessors() > 1) {
      // each of the two items waits for the other to start: only two threads at once can run them
      java.util.concurrent.CyclicBarrier both = new java.util.concurrent.CyclicBarrier(2);
      Map<Integer, String> threads = new ConcurrentHashMap<>();
      shared.forEach(List.of(0, 1), i -> {
        threads.put(i, Thread.currentThread().getName());
        try {
          both.await(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
          throw new AssertionError("no indexing thread ran beside the caller", e);
        }
      });
      assertTrue(threads.containsValue("insight-indexing"), threads.toString());
      assertTrue(threads.containsValue(Thread.currentThread().getName()), threads.toString());
    }
  }

  // ---- fixtures ----

  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> word = Arbitraries.oneOf(
        Arbitraries.of("Petrov", "the", "and", "running", "Straße", "Пётр", "ИВАНОВ", "الكتاب", "عبدالله", "O'Brien",
            "Dr.", "x-ray", "北京市", "東京", "Ñúñez", "été", "l'avion", "John's", "١٢٣", "e-mail@x.org", "+33 6 12"),
        Arbitraries.strings().withCharRange('a', 'z').withChars("'’éßЖжالك٣ 北ÉA").ofMaxLength(9));
    Arbitrary<String> separator = Arbitraries.of(" ", "\n", ", ", ".", "-", "", "  ");
    return Arbitraries.oneOf(word, separator).list().ofMaxSize(40).map(parts -> String.join("", parts));
  }

  @Provide
  Arbitrary<List<Document>> batches() {
    Arbitrary<String> language = Arbitraries.of("", "en", "fr", "de", "ru", "ar", "es", "zh", "fr-CA");
    Arbitrary<Document> doc = net.jqwik.api.Combinators.combine(texts(), texts(), language, Arbitraries.of("A", "B"))
        .as((title, text, lang, label) -> new Document(null,
            ContentHash.of((title + "|" + text + "|" + lang + "|" + label).getBytes(StandardCharsets.UTF_8)), title,
            text, lang, Map.of(), null, null, Label.of(label),
            Provenance.of("ds", "r", "file", SourceGrading.UNGRADED)));
    return doc.list().ofMinSize(1).ofMaxSize(12).uniqueElements(Document::id);
  }

  /**
   * Every field's postings, norms and the stored fields of an index of {@code batch}, as text, each document named by
   * its id rather than its number (threads may add documents in any order); indexed by {@code threads}, or by this
   * thread alone when null.
   */
  private static String dump(List<Document> batch, IndexingThreads threads) throws IOException {
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
      // the store's config but merging everything into one segment (its merge policy keeps labels apart): threads
      // write a segment each, and the comparison reads one
      try (IndexWriter w = new IndexWriter(dir, LabelSort.config().setMergePolicy(new TieredMergePolicy()))) {
        if (threads == null) {
          for (Document d : batch) {
            w.addDocument(LuceneStore.toLucene(d));
          }
        } else {
          threads.forEach(batch, d -> {
            try {
              w.addDocument(LuceneStore.toLucene(d));
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          });
        }
        w.forceMerge(1);
      }
      StringBuilder out = new StringBuilder();
      try (DirectoryReader r = DirectoryReader.open(dir)) {
        assertEquals(1, r.leaves().size());
        LeafReader leaf = r.leaves().get(0).reader();
        String[] ids = new String[leaf.maxDoc()];
        TermsEnum idTerms = leaf.terms(LuceneStore.ID).iterator();
        for (BytesRef t = idTerms.next(); t != null; t = idTerms.next()) {
          PostingsEnum p = idTerms.postings(null, PostingsEnum.NONE);
          for (int doc = p.nextDoc(); doc != PostingsEnum.NO_MORE_DOCS; doc = p.nextDoc()) {
            ids[doc] = t.utf8ToString();
          }
        }
        Map<String, FieldInfo> fields = new TreeMap<>();
        for (FieldInfo fi : leaf.getFieldInfos()) {
          fields.put(fi.name, fi);
        }
        for (FieldInfo fi : fields.values()) {
          out.append("field ").append(fi.name).append(' ').append(fi.getIndexOptions()).append('\n');
          Terms terms = leaf.terms(fi.name);
          if (terms != null) {
            TermsEnum te = terms.iterator();
            for (BytesRef t = te.next(); t != null; t = te.next()) {
              out.append(' ').append(t.utf8ToString()).append(':');
              PostingsEnum p = te.postings(null, PostingsEnum.ALL);
              TreeMap<String, String> byId = new TreeMap<>();
              for (int doc = p.nextDoc(); doc != PostingsEnum.NO_MORE_DOCS; doc = p.nextDoc()) {
                StringBuilder posting = new StringBuilder().append('x').append(p.freq());
                if (fi.getIndexOptions().compareTo(org.apache.lucene.index.IndexOptions.DOCS_AND_FREQS_AND_POSITIONS) >= 0) {
                  for (int i = 0; i < p.freq(); i++) {
                    posting.append(" @").append(p.nextPosition()).append('[').append(p.startOffset()).append(',')
                        .append(p.endOffset()).append(']');
                  }
                }
                byId.put(ids[doc], posting.toString());
              }
              byId.forEach((id, posting) -> out.append(" d").append(id).append(posting));
              out.append('\n');
            }
          }
          if (fi.hasNorms()) {
            NumericDocValues norms = leaf.getNormValues(fi.name);
            assertNotNull(norms);
            TreeMap<String, Long> byId = new TreeMap<>();
            for (int doc = norms.nextDoc(); doc != NumericDocValues.NO_MORE_DOCS; doc = norms.nextDoc()) {
              byId.put(ids[doc], norms.longValue());
            }
            out.append(" norms ").append(byId).append('\n');
          }
        }
        var stored = leaf.storedFields();
        TreeMap<String, String> byId = new TreeMap<>();
        for (int doc = 0; doc < leaf.maxDoc(); doc++) {
          byId.put(ids[doc], stored.document(doc).getFields().stream().map(f -> f.name() + "=" + f.stringValue())
              .toList().toString());
        }
        byId.forEach((id, fieldsOf) -> out.append("stored ").append(id).append(' ').append(fieldsOf).append('\n'));
      }
      return out.toString();
    }
  }

}
