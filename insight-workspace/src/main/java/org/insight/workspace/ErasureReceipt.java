package org.insight.workspace;

import java.util.List;

/**
 * What an erasure removed that the erasing session could see: the entities that had visible statements erased, the
 * documents, and how many statements. What was derived from them (mentions, flags, links, translations, evidence no
 * longer referenced) is erased too but not counted here, since some of it may carry labels the session cannot see.
 * Asking to erase something invisible gives the receipt of erasing something missing: nothing.
 *
 * @param entities ids of entities whose visible statements were erased, sorted
 * @param documents ids of erased documents, sorted
 * @param statements how many visible statements were erased
 */
public record ErasureReceipt(List<String> entities, List<String> documents, int statements) {
  public ErasureReceipt {
    entities = List.copyOf(entities);
    documents = List.copyOf(documents);
  }

  /** Whether nothing visible was erased (the targets were missing, or invisible to the session). */
  public boolean isEmpty() {
    return entities.isEmpty() && documents.isEmpty() && statements == 0;
  }
}
