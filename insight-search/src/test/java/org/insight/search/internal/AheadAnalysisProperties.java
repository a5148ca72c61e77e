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
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.insight.core.ContentHash;
import org.insight.core.Document;
import org.insight.core.Provenance;
import org.insight.policy.Label;
import org.insight.policy.SourceGrading;

/**
 * Documents analysed ahead of the writer ({@link AheadAnalysis}, {@link RecordedTokens}) make exactly the index the
 * writer's own analysis makes — every field's terms, frequencies, positions, offsets and norms, and the stored
 * fields — so searches and scores cannot tell them apart; and the ahead conversion keeps order and each item's error.
 */
class AheadAnalysisProperties {

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

  /** A batch indexed with its documents analysed ahead equals the same batch analysed by the writer. */
  @Property(tries = 40)
  void aheadIndexEqualsTheWritersOwn(@ForAll("batches") List<Document> batch) throws IOException {
    assertEquals(dump(batch, false), dump(batch, true));
  }

  @Property(tries = 50)
  void resultsComeInOrderWithEachItemsError(@ForAll @IntRange(max = 3) int threads,
      @ForAll @IntRange(max = 40) int n, @ForAll @IntRange(min = -1, max = 40) int failing) {
    List<Integer> items = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      items.add(i);
    }
    Map<String, Boolean> ranOn = new ConcurrentHashMap<>();
    try (AheadAnalysis ahead = new AheadAnalysis(threads);
         AheadAnalysis.Results<String> out = ahead.map(items, i -> {
           ranOn.put(Thread.currentThread().getName(), true);
           if (i == failing) {
             throw new IllegalArgumentException("item " + i);
           }
           return "v" + i;
         })) {
      for (int i = 0; i < n; i++) {
        assertTrue(out.hasNext());
        if (i == failing) {
          int expected = i;
          IllegalArgumentException e = assertThrows(IllegalArgumentException.class, out::next);
          assertEquals("item " + expected, e.getMessage());
        } else {
          assertEquals("v" + i, out.next());
        }
      }
      assertTrue(!out.hasNext());
    }
    if (threads == 0) {
      assertEquals(n == 0 ? Map.of() : Map.of(Thread.currentThread().getName(), true), ranOn,
          "without threads the consumer converts every item");
    }
  }

  @Example
  void aClosedPoolConvertsOnTheConsumersThreadAndCloseCancelsWhatIsAhead() {
    AtomicInteger converted = new AtomicInteger();
    AheadAnalysis ahead = new AheadAnalysis(1);
    ahead.close();
    try (AheadAnalysis.Results<Integer> out = ahead.map(List.of(1, 2, 3), i -> {
      converted.incrementAndGet();
      return i * 10;
    })) {
      assertEquals(10, out.next());
      assertEquals(20, out.next());
    }
    assertEquals(2, converted.get(), "the third was queued ahead, then cancelled by close");
  }

  @Example
  void theSharedInstanceOutlivesAClose() {
    AheadAnalysis shared = AheadAnalysis.shared();
    assertTrue(shared == AheadAnalysis.shared(), "one instance per JVM");
    shared.close(); // a store's close must not end the threads other stores use
    Map<String, Boolean> ranOn = new ConcurrentHashMap<>();
    List<Integer> items = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      items.add(i);
    }
    try (AheadAnalysis.Results<Integer> out = shared.map(items, i -> {
      ranOn.put(Thread.currentThread().getName(), true);
      return i;
    })) {
      for (int i = 0; i < 200; i++) {
        assertEquals(i, out.next());
      }
    }
    if (Runtime.getRuntime().availableProcessors() > 1) {
      // item 0 (run by the consumer, which takes what no thread has started) waits for item 1: only a live pool
      // thread can run item 1 then
      java.util.concurrent.CountDownLatch second = new java.util.concurrent.CountDownLatch(1);
      Map<Integer, String> threads = new ConcurrentHashMap<>();
      try (AheadAnalysis.Results<Integer> out = shared.map(List.of(0, 1), i -> {
        threads.put(i, Thread.currentThread().getName());
        if (i == 1) {
          second.countDown();
        } else {
          try {
            assertTrue(second.await(30, java.util.concurrent.TimeUnit.SECONDS), "no analysis thread ran item 1");
          } catch (InterruptedException e) {
            throw new AssertionError(e);
          }
        }
        return i;
      })) {
        assertEquals(0, out.next());
        assertEquals(1, out.next());
      }
      assertEquals("insight-index-analysis", threads.get(1));
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

  /** Every field's postings, norms and the stored fields of an index of {@code batch}, as text. */
  private static String dump(List<Document> batch, boolean ahead) throws IOException {
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
      try (IndexWriter w = new IndexWriter(dir, LabelSort.config())) {
        for (Document d : batch) {
          w.addDocument(LuceneStore.toLucene(d, ahead));
        }
        w.forceMerge(1);
      }
      StringBuilder out = new StringBuilder();
      try (DirectoryReader r = DirectoryReader.open(dir)) {
        LeafReader leaf = r.leaves().get(0).reader();
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
              for (int doc = p.nextDoc(); doc != PostingsEnum.NO_MORE_DOCS; doc = p.nextDoc()) {
                out.append(" d").append(doc).append('x').append(p.freq());
                if (fi.getIndexOptions().compareTo(org.apache.lucene.index.IndexOptions.DOCS_AND_FREQS_AND_POSITIONS) >= 0) {
                  for (int i = 0; i < p.freq(); i++) {
                    out.append(" @").append(p.nextPosition()).append('[').append(p.startOffset()).append(',')
                        .append(p.endOffset()).append(']');
                  }
                }
              }
              out.append('\n');
            }
          }
          if (fi.hasNorms()) {
            NumericDocValues norms = leaf.getNormValues(fi.name);
            assertNotNull(norms);
            out.append(" norms");
            for (int doc = norms.nextDoc(); doc != NumericDocValues.NO_MORE_DOCS; doc = norms.nextDoc()) {
              out.append(' ').append(doc).append('=').append(norms.longValue());
            }
            out.append('\n');
          }
        }
        var stored = leaf.storedFields();
        for (int doc = 0; doc < leaf.maxDoc(); doc++) {
          out.append("stored ").append(doc).append(' ').append(stored.document(doc).getFields().stream()
              .map(f -> f.name() + "=" + f.stringValue()).toList()).append('\n');
        }
      }
      return out.toString();
    }
  }

}
