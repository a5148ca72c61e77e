package org.insight.graph;

import java.util.List;
import java.util.Objects;
import org.insight.core.EntityId;
import org.insight.policy.Label;

/**
 * A node of a {@link Network}: an entity, or a resolved cluster collapsed into one node.
 *
 * @param id the entity's id (for a collapsed cluster, its smallest member id)
 * @param type the entity's schema type
 * @param caption a display name
 * @param members the entities it stands for, in id order (just {@code id} unless collapsed)
 * @param label the conjunction of the labels of the statements it was built from
 */
public record GraphNode(EntityId id, String type, String caption, List<EntityId> members, Label label) {
  public GraphNode {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(caption, "caption");
    members = List.copyOf(members);
    Objects.requireNonNull(label, "label");
  }
}
