package org.insight.search.internal;

import com.fasterxml.jackson.databind.JsonNode;
import org.insight.core.EntityId;
import org.insight.core.Provenance;
import org.insight.core.Statement;
import org.insight.core.json.ModelJson;
import org.insight.policy.Label;

/**
 * Decodes stored statements for a scan, reusing what repeats from one statement to the next: the few distinct labels
 * (parsing a label expression costs more than the rest of a statement: the stored form's memo, {@code
 * ModelJson.label}), the provenance (an entity's statements usually share one) and the entity id. The fields are those {@code ModelJson.statement} reads;
 * {@code StatementReaderTest} checks the two agree. One per scan: not thread-safe. Not API.
 */
final class StatementReader {
  private JsonNode lastProvenanceNode;
  private Provenance lastProvenance;
  private EntityId lastEntity;

  Statement read(String json) {
    JsonNode n = ModelJson.read(json);
    return new Statement(
        n.path("id").asText(),
        entity(n.path("entityId").asText()),
        n.path("schema").asText(),
        n.path("property").asText(),
        n.path("value").asText(),
        n.hasNonNull("original") ? n.get("original").asText() : null,
        label(n.path("label").asText()),
        provenance(n.path("provenance")));
  }

  private EntityId entity(String id) {
    if (lastEntity == null || !lastEntity.value().equals(id)) {
      lastEntity = EntityId.of(id);
    }
    return lastEntity;
  }

  private static Label label(String text) {
    return ModelJson.label(text);
  }

  private Provenance provenance(JsonNode node) {
    if (!node.equals(lastProvenanceNode)) {
      lastProvenance = ModelJson.provenance(node);
      lastProvenanceNode = node;
    }
    return lastProvenance;
  }
}
