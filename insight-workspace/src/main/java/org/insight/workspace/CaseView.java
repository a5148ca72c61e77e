package org.insight.workspace;

import java.util.List;

/**
 * A case as one session may see it: its header, and of its members, references, notes, tasks and history only the
 * items the session's clearance and purpose allow (and whose targets it can see). Nothing else is in it: not a
 * count, a version or an id of anything hidden.
 *
 * @param summary the header
 * @param members the members, active and removed, by principal id
 * @param references what the case concerns (entities, documents, links, flags), oldest first
 * @param notes notes on the case and annotations on its material, oldest first
 * @param tasks tasks, oldest first
 * @param history every visible version of every visible item (and of the header), oldest first
 */
public record CaseView(CaseSummary summary, List<CaseItem> members, List<CaseItem> references, List<CaseItem> notes,
    List<CaseItem> tasks, List<CaseEvent> history) {

  /** Copies the lists. */
  public CaseView {
    members = List.copyOf(members);
    references = List.copyOf(references);
    notes = List.copyOf(notes);
    tasks = List.copyOf(tasks);
    history = List.copyOf(history);
  }

  /** The case id. */
  public String id() {
    return summary.id();
  }
}
