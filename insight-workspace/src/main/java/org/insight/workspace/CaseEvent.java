package org.insight.workspace;

import java.time.Instant;
import java.util.List;
import org.insight.policy.Label;

/**
 * One change in a case's history: who wrote which version of which item, when, and which fields it changed. A reader
 * sees the events of the items it may see, and only those.
 *
 * @param at when
 * @param by who
 * @param itemId the item (the case id for the case's own header)
 * @param kind the item's kind
 * @param version the version written
 * @param action {@code create}, {@code edit}, {@code rename}, {@code add} or {@code remove}
 * @param changed the fields this version changed (e.g. {@code state}, {@code owner}); empty for a creation
 * @param label the item's label
 */
public record CaseEvent(Instant at, String by, String itemId, CaseItem.Kind kind, long version, String action,
    List<String> changed, Label label) {

  /** Copies {@code changed}. */
  public CaseEvent {
    changed = List.copyOf(changed);
  }
}
