package org.insight.workspace;

import java.time.Instant;
import org.insight.policy.Label;

/**
 * A case's header: what {@link Cases#list()} shows of each case a session is a member of.
 *
 * @param id the case id
 * @param title its title
 * @param label the case's label: every item of the case carries at least it
 * @param version 1 when created, one more per rename
 * @param createdBy who created it
 * @param createdAt when
 * @param updatedBy who wrote the title's latest version
 * @param updatedAt when
 */
public record CaseSummary(String id, String title, Label label, long version, String createdBy, Instant createdAt,
    String updatedBy, Instant updatedAt) {

  /** Id, version, label and creator, never the title: it carries the label. */
  @Override
  public String toString() {
    return "CaseSummary[id=" + id + ", version=" + version + ", label=" + label + ", createdBy=" + createdBy + "]";
  }
}
