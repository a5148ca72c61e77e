package org.insight.workspace;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.insight.core.Entity;
import org.insight.core.EntityId;
import org.insight.core.Provenance;
import org.insight.core.Statement;
import org.insight.policy.Label;

/**
 * A screening flag: a subject (a person record, or a name mentioned in a document) that continuous screening found
 * to resemble a watch-list entry. Stored as an entity of the schema's {@code Flag} edge type, so it rides the store,
 * the label filter and the audit like everything else; its label is the conjunction of the subject's and the entry's
 * labels, so only a reader who may see both sides sees it.
 *
 * @param id the flag's entity id (one per subject and entry)
 * @param subjectId the screened entity, or the document of a screened mention
 * @param entryId the watch-list entry
 * @param mentionId the screened mention, for a name found in a document
 * @param subjectName the name that was screened
 * @param watchList the entry's dataset
 * @param probability the match probability when flagged
 * @param explanation each comparison's level and weight
 * @param status {@code open}, {@code confirmed} or {@code dismissed} (the latest review wins)
 * @param label the conjunction of both sides' labels, or a stricter stand-in when that is too complex (see
 *     {@link #labelNote()})
 * @param provenance method {@code screen:…}, derived from the subject's and the entry's provenance
 * @param entity the flag as the entity it is stored as
 */
public record Flag(EntityId id, String subjectId, String entryId, Optional<String> mentionId, String subjectName,
    String watchList, double probability, String explanation, String status, Label label, Provenance provenance,
    Entity entity) {

  /** The statuses a review may set. */
  public static final List<String> STATUSES = List.of("open", "confirmed", "dismissed");

  /** The flag view of a visible {@code Flag} entity. */
  static Flag of(Entity e) {
    Statement first = e.statements().stream().filter(s -> s.property().equals("entry")).findFirst()
        .orElse(e.statements().get(0));
    String status = e.statements().stream().filter(s -> s.property().equals("status"))
        .max(Comparator.comparing((Statement s) -> s.provenance().ingestedAt())
            .thenComparing(s -> s.provenance().method().startsWith("review:"))
            .thenComparing(s -> s.provenance().recordId()))
        .map(Statement::value).orElse("open");
    return new Flag(e.id(), e.first("subject").orElse(""), e.first("entry").orElse(""), e.first("mention"),
        e.first("subjectName").orElse(""), e.first("watchList").orElse(""),
        e.first("probability").map(Double::parseDouble).orElse(0.0), e.first("explanation").orElse(""), status,
        first.label(), first.provenance(), e);
  }

  /**
   * Why the flag's label is stricter than the conjunction of both sides' labels, when that conjunction was too
   * complex to build (the flag then carries {@link Label#stricterAnd}); empty otherwise.
   */
  public Optional<String> labelNote() {
    return entity.first("labelNote");
  }

  /** Ids, score, status and label, never the screened name or the explanation's values: they carry the labels. */
  @Override
  public String toString() {
    return "Flag[id=" + id + ", subjectId=" + subjectId + ", entryId=" + entryId + mentionId.map(m -> ", mentionId=" + m)
        .orElse("") + ", watchList=" + watchList + ", probability=" + probability + ", status=" + status + ", label="
        + label + "]";
  }
}
