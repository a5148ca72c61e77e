package org.insight.search.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.insight.core.EntityId;
import org.insight.core.Provenance;
import org.insight.core.Schema;
import org.insight.core.Statement;
import org.insight.core.json.ModelJson;
import org.insight.policy.Label;
import org.insight.policy.SourceGrading;
import org.insight.search.Index;
import org.insight.search.Query;
import org.insight.search.Visibility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every segment holds one label (issue 14, finding 10): writes flush per label, merges stay within a label, erasure
 * leaves no deleted document, an older index with mixed segments is rebuilt on its first open for writing, and a
 * reader's view leaves out the segments of labels it cannot see.
 */
class LabelSegmentsTest {
  private static final List<String> LABELS = List.of("A", "B", "A&B", "C");

  @TempDir Path tmp;

  private static Statement statement(int entity, String property, String value, String label) {
    return Statement.of(EntityId.of("e" + entity), "Person", property, value, null, Label.of(label),
        Provenance.of("ds", "e" + entity, "record:api", SourceGrading.UNGRADED));
  }

  /** Each segment of the latest commit and the labels its documents (live or not) carry. */
  private static List<Set<String>> segmentLabels(Path dir) throws Exception {
    List<Set<String>> out = new ArrayList<>();
    try (FSDirectory d = FSDirectory.open(dir); DirectoryReader reader = DirectoryReader.open(d)) {
      for (LeafReaderContext leaf : reader.leaves()) {
        Set<String> labels = new HashSet<>();
        var terms = leaf.reader().terms(LuceneStore.LABEL);
        if (terms != null) {
          var te = terms.iterator();
          for (BytesRef t = te.next(); t != null; t = te.next()) {
            labels.add(t.utf8ToString());
          }
        }
        out.add(labels);
      }
    }
    return out;
  }

  private static void assertOneLabelPerSegment(Path dir) throws Exception {
    List<Set<String>> segments = segmentLabels(dir);
    assertFalse(segments.isEmpty());
    for (Set<String> labels : segments) {
      assertEquals(1, labels.size(), "a segment holds " + labels + "; all: " + segments);
    }
  }

  @Test
  void writesOfManyLabelsMergesAndErasureKeepOneLabelPerSegment() throws Exception {
    Path dir = tmp.resolve("index");
    List<String> erased = new ArrayList<>();
    try (Index index = Index.open(dir, Schema.defaults())) {
      // enough commits for the merge policy to merge (ten segments per tier and label)
      for (int batch = 0; batch < 40; batch++) {
        List<Statement> statements = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
          int entity = batch * 25 + i;
          Statement s = statement(entity, "name", "Person" + entity + " Nightjar", LABELS.get(entity % LABELS.size()));
          statements.add(s);
          if (entity % 7 == 0) {
            erased.add(s.id());
          }
        }
        index.write(statements, List.of());
      }
      index.delete(erased);
      Visibility all = Visibility.of(Set.copyOf(LABELS));
      assertEquals(1000 - erased.size(), index.countEntities(Set.of("Person"), all));
      assertEquals(1000 - erased.size(), index.search(Query.parse("nightjar"), all).entities());
    }
    assertOneLabelPerSegment(dir);
    try (FSDirectory d = FSDirectory.open(dir)) {
      SegmentInfos infos = SegmentInfos.readLatestCommit(d);
      assertTrue(infos.size() < 40 * LABELS.size(), "segments were merged: " + infos.size());
      for (SegmentCommitInfo info : infos) {
        assertEquals(0, info.getDelCount(), "erasure merged away every deleted document: " + info);
      }
    }
  }

  @Test
  void anOlderIndexWithSegmentsOfSeveralLabelsIsRebuiltOnItsFirstOpenForWriting() throws Exception {
    Path dir = tmp.resolve("index");
    List<Statement> statements = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      statements.add(statement(i, "name", "Person" + i + " Nightjar", LABELS.get(i % LABELS.size())));
    }
    // as the label-sorted code before this change wrote it: sorted by label, every label in one segment
    IndexWriterConfig config = LabelSort.config();
    config.setMergePolicy(new TieredMergePolicy());
    try (FSDirectory d = FSDirectory.open(dir); IndexWriter w = new IndexWriter(d, config)) {
      for (Statement s : statements) {
        org.apache.lucene.document.Document doc = new org.apache.lucene.document.Document();
        doc.add(new StringField(LuceneStore.KIND, LuceneStore.STATEMENT_KIND, Field.Store.NO));
        doc.add(new StringField(LuceneStore.ID, s.id(), Field.Store.NO));
        doc.add(new SortedSetDocValuesField(LuceneStore.ENTITY, new BytesRef(s.entityId().value())));
        doc.add(new StringField(LuceneStore.LABEL, s.label().toString(), Field.Store.NO));
        doc.add(new SortedDocValuesField(LuceneStore.LABEL, new BytesRef(s.label().toString())));
        doc.add(new StoredField(LuceneStore.JSON, ModelJson.write(ModelJson.statement(s))));
        w.addDocument(doc);
      }
      w.commit();
    }
    assertEquals(List.of(Set.copyOf(LABELS)), segmentLabels(dir));
    Index.open(dir, Schema.defaults()).close();
    assertOneLabelPerSegment(dir);
    try (Index index = Index.openReadOnly(dir, Schema.defaults())) {
      assertEquals(40, index.countEntities(Set.of("Person"), Visibility.of(Set.copyOf(LABELS))));
      assertEquals(10, index.search(Query.parse("nightjar"), Visibility.of(Set.of("A"))).entities());
      assertEquals(statements.get(1).id(),
          index.statements(EntityId.of("e1"), Visibility.of(Set.of("B"))).get(0).id());
    }
  }

  @Test
  void aReaderReadsOnlyTheSegmentsOfLabelsItMaySee() throws Exception {
    Path dir = tmp.resolve("index");
    try (Index index = Index.open(dir, Schema.defaults())) {
      List<Statement> statements = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        statements.add(statement(i, "name", "Person" + i + " Nightjar", LABELS.get(i % LABELS.size())));
      }
      index.write(statements, List.of());
    }
    try (FSDirectory d = FSDirectory.open(dir); DirectoryReader reader = DirectoryReader.open(d)) {
      assertEquals(LABELS.size(), reader.leaves().size());
      IndexReader seesA = VisibleSegments.of(reader, new VisibilityQuery(Set.of("A", "Z")));
      assertEquals(1, seesA.leaves().size());
      assertEquals(10, seesA.numDocs());
      assertEquals(Set.of("A"), Set.of(LabelMergePolicy.labelOf(seesA.leaves().get(0).reader())));
      assertTrue(seesA == VisibleSegments.of(reader, new VisibilityQuery(Set.of("A", "Z"))), "cached per snapshot");
      assertTrue(reader == VisibleSegments.of(reader, new VisibilityQuery(Set.copyOf(LABELS))),
          "a reader who sees every segment reads the snapshot itself");
      assertEquals(0, VisibleSegments.of(reader, new VisibilityQuery(Set.of("Z"))).leaves().size());
    }
  }
}
