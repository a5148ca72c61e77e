package org.insight.workspace;

import java.util.List;
import org.insight.core.EntityId;

/**
 * What a write made durable. When an {@code add} returns its receipt, the data survives a crash (rule 5).
 *
 * @param entities the entities written
 * @param documents the ids of the documents written
 * @param statements how many statements were written, including those of the entities
 */
public record WriteReceipt(List<EntityId> entities, List<String> documents, int statements) {
  public WriteReceipt {
    entities = List.copyOf(entities);
    documents = List.copyOf(documents);
  }
}
