package org.insight.workspace;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.insight.policy.Label;

/**
 * A new match of a {@link StandingQuery}: an entity or a document that landed in a batch and that the query's owner
 * could see and that matched, a new link the batch made to the query's entity, or a new trend alarm. One alert per
 * query and item, ever: the same item matching again later raises nothing.
 *
 * @param id derived from the query and the item
 * @param queryId the standing query that matched
 * @param owner the principal the alert is for
 * @param kind whether the item is an entity or a document
 * @param itemId the entity or document id
 * @param label the conjunction of the labels of the inputs the owner could see: the document's label, or the labels of
 *     the entity's visible statements (and the standing query's own label)
 * @param documentIds the document behind a document match
 * @param statementIds the entity's visible statements behind an entity match
 * @param raised when it was raised
 * @param acknowledged when the owner acknowledged it, if they did
 */
public record Alert(String id, String queryId, String owner, Kind kind, String itemId, Label label,
    List<String> documentIds, List<String> statementIds, Instant raised, Optional<Instant> acknowledged) {

  /** What an alert points at. */
  public enum Kind {
    /** An entity that matched a search or subject; evidence: its statements the owner could see. */
    ENTITY,
    /** A document that matched a search; evidence: the document. */
    DOCUMENT,
    /**
     * A new edge touching a link query's entity; item: the entity at its other end; evidence: the statements and
     * documents behind the edge.
     */
    LINK,
    /**
     * A trend alarm on a trend query's category; item: {@code alarm:CATEGORY:START}; evidence: the documents, or the
     * time and category statements, of the category's events from the alarm's start on.
     */
    ALARM
  }

  public Alert {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(queryId, "queryId");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(itemId, "itemId");
    Objects.requireNonNull(label, "label");
    documentIds = List.copyOf(documentIds);
    statementIds = List.copyOf(statementIds);
    Objects.requireNonNull(raised, "raised");
    Objects.requireNonNull(acknowledged, "acknowledged");
  }

  /** The id of the alert for this query and item. */
  static String idFor(String queryId, String itemId) {
    return "al-" + org.insight.Hashing.sha256Hex((queryId + '\u0000' + itemId)
        .getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(0, 20);
  }

  Alert acknowledgedAt(Instant when) {
    return new Alert(id, queryId, owner, kind, itemId, label, documentIds, statementIds, raised, Optional.of(when));
  }

  /** Ids and counts only, never the label's tokens' context or the item: a log line must not bypass the labels. */
  @Override
  public String toString() {
    return "Alert[id=" + id + ", query=" + queryId + ", owner=" + owner + ", " + kind + " " + itemId + "]";
  }
}
