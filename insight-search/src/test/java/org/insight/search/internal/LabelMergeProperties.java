package org.insight.search.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.SegmentReader;
import org.apache.lucene.index.SerialMergeScheduler;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.insight.core.EntityId;
import org.insight.core.Provenance;
import org.insight.core.Schema;
import org.insight.core.Statement;
import org.insight.policy.Label;
import org.insight.policy.SourceGrading;
import org.insight.search.Index;
import org.insight.search.Visibility;

/**
 * Laws of {@link LabelMergePolicy} over random writes (new ids and rewrites of old ids under another label), erasures
 * and reopenings: every segment holds one label whatever was merged; the label the policy records for a segment —
 * learnt from a reader, or taken from a merge's inputs — is the segment's real label; no document is lost or
 * duplicated by a merge; and once the writer has run every merge it wants, each label keeps at most
 * {@link LabelMergePolicy#MAX_SMALL} small segments, none of them mergeable by the eager rule (so merged segments were
 * labelled in time for the next merge to take them).
 */
class LabelMergeProperties {
  private static final List<String> LABELS = List.of("A", "B", "A&B", "C", "D|E");
  /** A floor small enough that the tiny segments of a test reach the tiered merges above it too. */
  private static final long FLOOR = 12 * 1024;

  sealed interface Op permits Write, Erase, Reopen {}

  /** Documents by id and label; an id written before is rewritten (its old version deleted), maybe relabelled. */
  record Write(List<int[]> docs) implements Op {
    @Override
    public String toString() {
      return "Write" + docs.stream().map(d -> d[0] + ":" + LABELS.get(d[1])).toList();
    }
  }

  record Erase(List<Integer> ids) implements Op {}

  record Reopen() implements Op {}

  @Property(tries = 60)
  void mergesKeepOneLabelPerSegmentLabelledTruthfullyAndFewSmallOnesPerLabel(@ForAll("ops") List<Op> ops)
      throws IOException {
    Map<Integer, String> model = new HashMap<>(); // id → label of its live version
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
      LabelMergePolicy policy = new LabelMergePolicy(FLOOR);
      IndexWriter writer = new IndexWriter(dir, config(policy));
      try {
        for (Op op : ops) {
          if (op instanceof Write w) {
            write(writer, policy, w, model);
          } else if (op instanceof Erase e) {
            erase(writer, e, model);
          } else {
            writer.close();
            policy = new LabelMergePolicy(FLOOR);
            writer = new IndexWriter(dir, config(policy));
            learn(writer, policy); // as the store's open does: learn the labels, then merge
            writer.maybeMerge();
          }
          writer.commit();
          check(writer, policy, model, op);
        }
      } finally {
        writer.close();
      }
    }
  }

  /** The store's writer configuration, with merges run at once on the calling thread so the checks see them done. */
  private static IndexWriterConfig config(LabelMergePolicy policy) {
    IndexWriterConfig config = LabelSort.config();
    config.setMergePolicy(policy);
    config.setMergeScheduler(new SerialMergeScheduler());
    return config;
  }

  /** As {@code LuceneStore.writePartitioned}: label by label with a flush between labels, one commit, learn, merge. */
  private static void write(IndexWriter writer, LabelMergePolicy policy, Write w, Map<Integer, String> model)
      throws IOException {
    Map<String, List<int[]>> byLabel = new TreeMap<>();
    for (int[] d : w.docs()) {
      byLabel.computeIfAbsent(LABELS.get(d[1]), l -> new ArrayList<>()).add(d);
    }
    boolean first = true;
    for (Map.Entry<String, List<int[]>> group : byLabel.entrySet()) {
      if (!first) {
        writer.flush();
      }
      first = false;
      for (int[] d : group.getValue()) {
        writer.updateDocument(new Term(LuceneStore.ID, "d" + d[0]), doc(d[0], group.getKey(), d[2]));
        model.put(d[0], group.getKey());
      }
    }
    writer.commit();
    learn(writer, policy);
    writer.maybeMerge();
  }

  /** As {@code LuceneStore.delete}: delete, commit, merge away every deleted document. */
  private static void erase(IndexWriter writer, Erase e, Map<Integer, String> model) throws IOException {
    Term[] terms = e.ids().stream().map(id -> new Term(LuceneStore.ID, "d" + id)).toArray(Term[]::new);
    writer.deleteDocuments(terms);
    writer.commit();
    writer.forceMergeDeletes(true);
    e.ids().forEach(model::remove);
  }

  private static void learn(IndexWriter writer, LabelMergePolicy policy) throws IOException {
    try (DirectoryReader reader = DirectoryReader.open(writer)) {
      policy.learn(reader);
    }
  }

  private static org.apache.lucene.document.Document doc(int id, String label, int words) {
    org.apache.lucene.document.Document d = new org.apache.lucene.document.Document();
    d.add(new StringField(LuceneStore.KIND, LuceneStore.STATEMENT_KIND, Field.Store.NO));
    d.add(new StringField(LuceneStore.ID, "d" + id, Field.Store.NO));
    d.add(new StringField(LuceneStore.LABEL, label, Field.Store.NO));
    d.add(new SortedDocValuesField(LuceneStore.LABEL, new BytesRef(label)));
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < words; i++) {
      text.append("word").append((id * 31 + i) % 97).append(' ');
    }
    d.add(new TextField(LuceneStore.TEXT, text.toString(), Field.Store.NO));
    d.add(new StoredField(LuceneStore.JSON, text.toString()));
    return d;
  }

  private static void check(IndexWriter writer, LabelMergePolicy policy, Map<Integer, String> model, Op after)
      throws IOException {
    Map<String, Integer> expected = new TreeMap<>();
    model.values().forEach(l -> expected.merge(l, 1, Integer::sum));
    Map<String, Integer> actual = new TreeMap<>();
    try (DirectoryReader reader = DirectoryReader.open(writer)) {
      for (LeafReaderContext leaf : reader.leaves()) {
        String label = LabelMergePolicy.labelOf(leaf.reader());
        assertTrue(LABELS.contains(label), "after " + after + " a segment holds " + label + " (several labels or none)");
        String name = ((SegmentReader) FilterLeafReader.unwrap(leaf.reader())).getSegmentName();
        String recorded = policy.labelOf(name);
        assertTrue(recorded == null || recorded.equals(label),
            "after " + after + " the policy takes segment " + name + " of " + label + " for one of " + recorded);
        actual.merge(label, leaf.reader().numDocs(), Integer::sum);
      }
      actual.values().removeIf(n -> n == 0);
      assertEquals(expected, actual, "live documents per label after " + after);
      IndexSearcher searcher = new IndexSearcher(reader);
      for (Map.Entry<Integer, String> e : model.entrySet()) {
        assertEquals(1, searcher.count(new TermQuery(new Term(LuceneStore.ID, "d" + e.getKey()))),
            "one live version of d" + e.getKey());
      }
    }
    // the writer has run every merge it wanted (serially): per label, few small segments, none eagerly mergeable
    Map<String, List<Long>> small = new TreeMap<>();
    Map<String, String> labelOfSegment = new HashMap<>();
    try (DirectoryReader reader = DirectoryReader.open(writer.getDirectory())) {
      for (LeafReaderContext leaf : reader.leaves()) {
        labelOfSegment.put(((SegmentReader) FilterLeafReader.unwrap(leaf.reader())).getSegmentName(),
            LabelMergePolicy.labelOf(leaf.reader()));
      }
    }
    for (SegmentCommitInfo info : SegmentInfos.readLatestCommit(writer.getDirectory())) {
      long size = (long) (info.sizeInBytes() * (1.0 - (double) info.getDelCount() / info.info.maxDoc()));
      if (size < FLOOR) {
        small.computeIfAbsent(labelOfSegment.get(info.info.name), l -> new ArrayList<>()).add(size);
      }
    }
    for (Map.Entry<String, List<Long>> label : small.entrySet()) {
      List<Long> sizes = label.getValue();
      assertTrue(sizes.size() <= LabelMergePolicy.MAX_SMALL,
          "after " + after + " label " + label.getKey() + " keeps small segments of " + sizes + " bytes");
      if (sizes.size() >= 2) {
        long largest = sizes.stream().max(Comparator.naturalOrder()).orElseThrow();
        long rest = sizes.stream().mapToLong(Long::longValue).sum() - largest;
        assertTrue(rest * 4 < largest, "after " + after + " label " + label.getKey()
            + " keeps small segments the eager merge takes: " + sizes + " bytes");
      }
    }
  }

  @Provide
  Arbitrary<List<Op>> ops() {
    Arbitrary<int[]> doc = Arbitraries.integers().between(0, 150).flatMap(id -> Arbitraries.integers()
        .between(0, LABELS.size() - 1).flatMap(label -> Arbitraries.integers().between(1, 60)
            .map(words -> new int[] {id, label, words})));
    Arbitrary<Op> write = doc.list().ofMinSize(1).ofMaxSize(40).map(Write::new);
    Arbitrary<Op> erase = Arbitraries.integers().between(0, 150).list().ofMinSize(1).ofMaxSize(20).map(Erase::new);
    Arbitrary<Op> reopen = Arbitraries.just(new Reopen());
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(8, write), net.jqwik.api.Tuple.of(2, erase),
        net.jqwik.api.Tuple.of(1, reopen)).list().ofMinSize(1).ofMaxSize(40);
  }

  /**
   * Through the store itself (background merges, its own locking): after random writes, relabelling rewrites,
   * erasures and reopenings, every committed segment holds one label and each reader counts exactly its live data.
   */
  @Property(tries = 8)
  void theStoreKeepsOneLabelPerSegmentAndLosesNothing(@ForAll("ops") List<Op> ops) throws IOException {
    Path dir = Files.createTempDirectory("label-merge");
    // entity → the labels of its statements: a statement's id includes its label, so a write of the same record under
    // another label adds a statement beside the first (rule 7) and an erasure removes them all
    Map<Integer, Set<String>> model = new HashMap<>();
    try {
      Index index = Index.open(dir, Schema.defaults());
      try {
        for (Op op : ops) {
          if (op instanceof Write w) {
            Map<String, Statement> batch = new TreeMap<>();
            for (int[] d : w.docs()) {
              Statement s = statement(d[0], LABELS.get(d[1]));
              batch.put(s.id(), s);
              model.computeIfAbsent(d[0], k -> new HashSet<>()).add(LABELS.get(d[1]));
            }
            index.write(batch.values(), List.of());
          } else if (op instanceof Erase e) {
            List<String> ids = new ArrayList<>();
            for (int id : e.ids()) {
              for (String label : model.getOrDefault(id, Set.of())) {
                ids.add(statement(id, label).id());
              }
              model.remove(id);
            }
            index.delete(ids);
          } else {
            index.close();
            index = Index.open(dir, Schema.defaults());
          }
        }
        for (String label : LABELS) {
          long expected = model.values().stream().filter(labels -> labels.contains(label)).count();
          assertEquals(expected, index.countEntities(Set.of("Person"),
              Visibility.of(Set.of(Label.of(label).toString()))), "entities under " + label);
        }
      } finally {
        index.close();
      }
      try (org.apache.lucene.store.FSDirectory d = org.apache.lucene.store.FSDirectory.open(dir);
           DirectoryReader reader = DirectoryReader.open(d)) {
        for (LeafReaderContext leaf : reader.leaves()) {
          String label = LabelMergePolicy.labelOf(leaf.reader());
          assertTrue(LABELS.stream().map(l -> Label.of(l).toString()).toList().contains(label),
              "a committed segment holds several labels or none: " + label);
        }
      }
    } finally {
      try (Stream<Path> walk = Files.walk(dir)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  private static Statement statement(int id, String label) {
    return Statement.of(EntityId.of("e" + id), "Person", "name", "Person" + id + " Nightjar", null, Label.of(label),
        Provenance.of("ds", "e" + id, "record:api", SourceGrading.UNGRADED));
  }
}
