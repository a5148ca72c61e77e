package org.insight.workspace;

import java.util.List;
import org.insight.core.EntityId;

/**
 * Records a resolution run judged to be one person, under their canonical cluster id.
 *
 * @param id the canonical id, stable across runs (see {@link org.insight.match.CanonicalIds})
 * @param members the records, in id order
 */
public record ResolvedCluster(String id, List<EntityId> members) {
  public ResolvedCluster {
    members = List.copyOf(members);
  }
}
