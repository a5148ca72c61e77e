package org.insight.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.insight.InsightException;
import org.insight.core.ContentHash;
import org.insight.core.Document;
import org.insight.core.EntityId;
import org.insight.core.Mention;
import org.insight.core.PropertyType;
import org.insight.core.Provenance;
import org.insight.core.Statement;
import org.insight.policy.Label;
import org.insight.policy.SourceGrading;
import org.junit.jupiter.api.Test;

class ModelJsonTest {
  static final ContentHash HASH = ContentHash.of("evidence".getBytes(java.nio.charset.StandardCharsets.UTF_8));
  static final Provenance ORIGIN = new Provenance("fr-records", "row-7", Optional.of(HASH),
      Instant.parse("2026-01-02T03:04:05Z"), "alice", "record:csv:persons", SourceGrading.parse("B2"), List.of());
  static final Provenance DERIVED = new Provenance("fr-records", "doc-1", Optional.empty(),
      Instant.parse("2026-01-03T00:00:00Z"), "bob", "pattern:iban@1", SourceGrading.parse("C3"), List.of(ORIGIN));
  static final Label LABEL = Label.parse("FR&POLICE");

  @Test
  void modelObjectsRoundTripThroughText() {
    Statement s = new Statement("st-1", EntityId.of("ent-1"), "Person", "name", "Ivan Petrov", "IVAN petrov", LABEL,
        DERIVED);
    assertEquals(s, ModelJson.statement(ModelJson.read(ModelJson.write(ModelJson.statement(s)))));

    Document d = new Document("doc-1", HASH, "Report", "blue van", "en", Map.of("author", List.of("a", "b")),
        Optional.of("parent-1"), new Document.Extraction("tika:PDFParser", "", -1), LABEL, ORIGIN);
    assertEquals(d, ModelJson.document(ModelJson.read(ModelJson.write(ModelJson.document(d)))));

    Mention m = new Mention("doc-1", 0, 4, "blue", PropertyType.TEXT, "blue", Optional.of(EntityId.of("ent-1")), 0.5,
        LABEL, DERIVED);
    assertEquals(m, ModelJson.mention(ModelJson.read(ModelJson.write(ModelJson.mention(m)))));
  }

  @Test
  void aStampedObjectCarriesTheVersionAndReadsBack() {
    ObjectNode n = ModelJson.stamp(ModelJson.provenance(ORIGIN));
    assertEquals(ModelJson.VERSION, n.get(ModelJson.VERSION_FIELD).asInt());
    assertEquals(ORIGIN, ModelJson.provenance(n));
    assertEquals(ModelJson.VERSION, ModelJson.version(ModelJson.provenance(ORIGIN)), "unstamped is the current version");
  }

  @Test
  void aNewerFormatIsRefusedRatherThanMisread() {
    ObjectNode n = ModelJson.provenance(ORIGIN).put(ModelJson.VERSION_FIELD, ModelJson.VERSION + 1);
    InsightException e = assertThrows(InsightException.class, () -> ModelJson.provenance(n));
    assertTrue(e.getMessage().contains("upgrade"), e.getMessage());
    ObjectNode bad = ModelJson.provenance(ORIGIN).put(ModelJson.VERSION_FIELD, "one");
    assertThrows(InsightException.class, () -> ModelJson.version(bad));
  }

  @Test
  void unreadableTextSaysSo() {
    InsightException e = assertThrows(InsightException.class, () -> ModelJson.read("{\"a\":"));
    assertTrue(e.getMessage().startsWith("JSON text is unreadable"), e.getMessage());
  }
}
