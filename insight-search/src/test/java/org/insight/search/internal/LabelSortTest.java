package org.insight.search.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.insight.core.ContentHash;
import org.insight.core.Document;
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

/** An index written before the label sort is rebuilt sorted on its first open for writing, and nothing is lost. */
class LabelSortTest {
  @TempDir Path tmp;

  private static final List<Statement> STATEMENTS = List.of(
      statement("e1", "name", "Ivan Petrov", "B"),
      statement("e1", "notes", "nightjar", "A"),
      statement("e2", "name", "Amina El-Khoury", "B"));
  private static final Document DOCUMENT = new Document(null, ContentHash.of("r".getBytes(StandardCharsets.UTF_8)),
      "Report", "a blue van near the nightjar", "en", Map.of(), null, null, Label.of("A"),
      Provenance.of("ds", "report", "file", SourceGrading.UNGRADED));

  private static Statement statement(String entity, String property, String value, String label) {
    return Statement.of(EntityId.of(entity), "Person", property, value, null, Label.of(label),
        Provenance.of("ds", entity, "record:api", SourceGrading.UNGRADED));
  }

  /** The index as the code before the label sort wrote it: no label doc values, no index sort. */
  private static void writeUnsorted(Path dir) throws Exception {
    try (FSDirectory d = FSDirectory.open(dir);
         IndexWriter w = new IndexWriter(d, new IndexWriterConfig(Analysis.perFieldText()))) {
      for (Statement s : STATEMENTS) {
        org.apache.lucene.document.Document doc = new org.apache.lucene.document.Document();
        doc.add(new StringField(LuceneStore.KIND, LuceneStore.STATEMENT_KIND, Field.Store.NO));
        doc.add(new StringField(LuceneStore.ID, s.id(), Field.Store.NO));
        doc.add(new StringField(LuceneStore.ENTITY, s.entityId().value(), Field.Store.NO));
        doc.add(new SortedSetDocValuesField(LuceneStore.ENTITY, new BytesRef(s.entityId().value())));
        doc.add(new StringField(LuceneStore.SCHEMA, s.schema(), Field.Store.NO));
        doc.add(new SortedSetDocValuesField(LuceneStore.SCHEMA, new BytesRef(s.schema())));
        doc.add(new StringField(LuceneStore.LABEL, s.label().toString(), Field.Store.NO));
        doc.add(new StoredField(LuceneStore.JSON, ModelJson.write(ModelJson.statement(s))));
        w.addDocument(doc);
        w.commit(); // one segment each
      }
      org.apache.lucene.document.Document doc = new org.apache.lucene.document.Document();
      doc.add(new StringField(LuceneStore.KIND, LuceneStore.DOCUMENT_KIND, Field.Store.NO));
      doc.add(new TextField(LuceneStore.TEXT, DOCUMENT.text(), Field.Store.YES));
      doc.add(new StringField(LuceneStore.LABEL, "A", Field.Store.NO));
      doc.add(new StoredField(LuceneStore.JSON, ModelJson.write(ModelJson.document(DOCUMENT))));
      w.addDocument(doc);
      w.commit();
    }
  }

  private static void assertSortedAndComplete(Path dir) throws Exception {
    try (FSDirectory d = FSDirectory.open(dir)) {
      SegmentInfos infos = SegmentInfos.readLatestCommit(d);
      assertTrue(infos.size() > 0);
      for (SegmentCommitInfo info : infos) {
        assertEquals(LabelSort.SORT, info.info.getIndexSort());
      }
    }
    try (Index index = Index.open(dir, Schema.defaults())) {
      Visibility both = Visibility.of(Set.of("A", "B"));
      assertEquals(Set.copyOf(STATEMENTS.subList(0, 2)).stream().map(Statement::id).sorted().toList(),
          index.statements(EntityId.of("e1"), both).stream().map(Statement::id).sorted().toList());
      assertEquals(2, index.countEntities(Set.of("Person"), both));
      assertEquals(1, index.countEntities(Set.of("Person"), Visibility.of(Set.of("A"))));
      assertEquals(1, index.search(Query.parse("\"blue van\""), both).documents());
      assertEquals(1, index.search(Query.parse("name:\"Ivan Petrov\""), both).entities());
      assertEquals(DOCUMENT.text(), index.documents(0, 10, both).get(0).text());
    }
    assertFalse(Files.exists(dir.resolveSibling(dir.getFileName() + ".sorted")));
    assertFalse(Files.exists(dir.resolveSibling(dir.getFileName() + ".unsorted")));
  }

  @Test
  void anOlderUnsortedIndexIsRebuiltSortedOnItsFirstOpenForWriting() throws Exception {
    Path dir = tmp.resolve("index");
    writeUnsorted(dir);
    try (Index index = Index.openReadOnly(dir, Schema.defaults())) { // read-only opens read it as it is
      assertEquals(2, index.countEntities(Set.of("Person"), Visibility.of(Set.of("A", "B"))));
    }
    Index.open(dir, Schema.defaults()).close();
    assertSortedAndComplete(dir);
  }

  @Test
  void aRebuildKilledBetweenTheRenamesIsFinishedOrRedoneOnTheNextOpen() throws Exception {
    Path dir = tmp.resolve("index");
    writeUnsorted(dir);
    Files.move(dir, tmp.resolve("index.unsorted")); // killed after the first rename, before the sorted copy's
    Files.createDirectories(tmp.resolve("index.sorted")); // ... and before its commit: an incomplete copy
    Index.open(dir, Schema.defaults()).close();
    assertSortedAndComplete(dir);
  }

  @Test
  void aRebuildKilledAfterItsCommitIsInstalledOnTheNextOpen() throws Exception {
    Path dir = tmp.resolve("index");
    writeUnsorted(dir);
    Index.open(dir, Schema.defaults()).close();
    Files.move(dir, tmp.resolve("index.sorted")); // the complete sorted copy, not yet renamed
    writeUnsorted(tmp.resolve("index.unsorted")); // the old one, already renamed away
    Index.open(dir, Schema.defaults()).close();
    assertSortedAndComplete(dir);
  }

  @Test
  void aNewIndexIsSortedByLabelFromItsFirstWrite() throws Exception {
    Path dir = tmp.resolve("index");
    try (Index index = Index.open(dir, Schema.defaults())) {
      index.write(STATEMENTS, List.of(DOCUMENT));
    }
    assertSortedAndComplete(dir);
  }
}
