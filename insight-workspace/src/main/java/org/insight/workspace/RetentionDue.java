package org.insight.workspace;

import java.time.LocalDate;
import java.util.List;

/**
 * What a session may see whose label's review-by date has passed ({@link Session#retentionDue}): the data is still
 * readable, but its owner asked for it to be reviewed (kept, relabelled or erased).
 *
 * @param asOf the UTC day the dates were compared with
 * @param entityCount how many visible entities have a statement past review-by
 * @param entities their ids, in id order, at most {@code limit}
 * @param documentCount how many visible documents are past review-by
 * @param documents their ids, in id order, at most {@code limit}
 */
public record RetentionDue(LocalDate asOf, long entityCount, List<String> entities, long documentCount,
    List<String> documents) {
  public RetentionDue {
    entities = List.copyOf(entities);
    documents = List.copyOf(documents);
  }
}
