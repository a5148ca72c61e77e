package org.insight.workspace;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.insight.policy.Label;
import org.insight.policy.Purpose;

/**
 * A product drafted in a case, as of its latest version: {@code draft} → {@code in-review} (a named reviewer) →
 * {@code approved} (by that reviewer) → {@code released} (to named recipients).
 *
 * @param id the production's id in the case
 * @param caseId the case
 * @param title the product's title
 * @param sha256 the hash of the rendered file, as the author gave it
 * @param purpose the purpose it was drafted for: recipients are checked for it
 * @param items the product's items with their labels
 * @param label the conjunction of the case's label and every item's label: only who sees it sees the production
 * @param state one of {@link #STATES}
 * @param version 1 when drafted, one more per step
 * @param author who drafted it
 * @param reviewer the named reviewer, once submitted
 * @param approvedBy who approved it (the reviewer), once approved
 * @param recipients the recipients' names, once released
 * @param createdAt when it was drafted
 * @param updatedBy who took the latest step
 * @param updatedAt when
 */
public record Production(String id, String caseId, String title, String sha256, Purpose purpose,
    List<ProductItem> items, Label label, String state, long version, String author, Optional<String> reviewer,
    Optional<String> approvedBy, List<String> recipients, Instant createdAt, String updatedBy, Instant updatedAt) {

  /** The states, in order. */
  public static final List<String> STATES = List.of("draft", "in-review", "approved", "released");

  /** Copies the lists. */
  public Production {
    items = List.copyOf(items);
    recipients = List.copyOf(recipients);
  }
}
