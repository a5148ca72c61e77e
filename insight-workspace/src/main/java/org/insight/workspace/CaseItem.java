package org.insight.workspace;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.insight.policy.Label;

/**
 * One item of a case, as its latest version: a member, a reference to what the case concerns, a note (an annotation
 * when it has a target) or a task. Each item has its own version, raised by each edit of that item alone, so a
 * version says nothing about items a reader cannot see.
 *
 * @param id the item's id (derived from its case, kind, author, time, label and content; it reveals none of them)
 * @param caseId the case
 * @param kind what it is
 * @param version 1 when created, one more per edit
 * @param target what a reference or annotation refers to; empty for a member, a task or a note on the case itself
 * @param text a note's text or a task's title; empty for members and references
 * @param principal a member's principal id; empty otherwise
 * @param owner a task's owner (a principal id); empty otherwise
 * @param due a task's due date
 * @param state a task's state ({@link #TASK_STATES}); a member's {@code active} or {@code removed}; empty otherwise
 * @param label the conjunction of the case's label, the label its author gave and the labels of what it refers to
 * @param author who created it
 * @param createdAt when
 * @param updatedBy who wrote the latest version
 * @param updatedAt when
 */
public record CaseItem(String id, String caseId, Kind kind, long version, Optional<CaseTarget> target, String text,
    String principal, String owner, Optional<LocalDate> due, String state, Label label, String author,
    Instant createdAt, String updatedBy, Instant updatedAt) {

  /** A task's states. */
  public static final List<String> TASK_STATES = List.of("open", "in-progress", "done", "cancelled");

  /**
   * The kinds of items; {@link #CASE} is the case's own header (title), seen only in the history; a
   * {@link #PRODUCTION} is shown by {@link Productions}.
   */
  public enum Kind {
    CASE, MEMBER, REFERENCE, NOTE, TASK, PRODUCTION;

    /** The lower-case name used in the journal, the audit log and JSON. */
    public String text() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Ids, kind, version, target, label and who, never the text: it carries the label. */
  @Override
  public String toString() {
    return "CaseItem[id=" + id + ", caseId=" + caseId + ", kind=" + kind.text() + ", version=" + version
        + target.map(t -> ", target=" + t).orElse("") + (principal.isEmpty() ? "" : ", principal=" + principal)
        + (state.isEmpty() ? "" : ", state=" + state) + ", label=" + label + ", author=" + author + "]";
  }
}
