package org.insight.workspace;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.insight.core.EntityId;
import org.insight.match.ClusterEvent;
import org.insight.policy.Label;

/**
 * A merge or split recorded by a resolution run, as the workspace keeps it (a {@code MatchEvent} entity labelled
 * with the conjunction of all its records' labels). Undo it with {@link Resolution#undo}.
 *
 * @param id the event's entity id
 * @param kind merge or split
 * @param cluster for a merge the id the merged cluster kept, for a split the id of the cluster that split
 * @param parts the groups (see {@link ClusterEvent#parts()}): cluster id → records; the first kept the id
 * @param run the run that recorded it
 * @param principal who ran it
 * @param at when
 * @param label the conjunction of the labels of every record in it
 */
public record MatchEvent(EntityId id, ClusterEvent.Kind kind, String cluster, Map<String, List<EntityId>> parts,
    String run, String principal, Instant at, Label label) {

  public MatchEvent {
    parts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parts));
  }
}
