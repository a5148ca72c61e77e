package org.insight.workspace;

import java.util.List;
import java.util.Optional;
import org.insight.core.Entity;
import org.insight.core.EntityId;
import org.insight.core.Link;

/**
 * One entity merged with the records it was resolved with, as far as a session may see: only members and
 * {@code SameAs} links it may see (a link carries the conjunction of the labels of its whole cluster, so a session
 * that cannot see every record of a cluster sees no link of it).
 *
 * @param id the entity asked for
 * @param cluster the canonical cluster id, when a visible link puts it in a cluster
 * @param run the resolution run the links come from, when there are any
 * @param members the entity and the records merged with it, in id order
 * @param sameAs the visible same-as links between them, with their score, method and explanation
 * @param judgements the visible analyst judgements on any member, oldest first
 */
public record ResolvedEntity(EntityId id, Optional<String> cluster, Optional<String> run, List<Entity> members,
    List<Link> sameAs, List<MatchJudgement> judgements) {
  public ResolvedEntity {
    members = List.copyOf(members);
    sameAs = List.copyOf(sameAs);
    judgements = List.copyOf(judgements);
  }
}
