package org.insight.ingest;

import java.util.ArrayList;
import java.util.List;
import org.insight.core.Entity;

/**
 * What one source row (CSV line, JSON record) produced through a {@link RecordMapping}: its entities and links,
 * built with the dataset's label and grading and a provenance whose record is {@code recordId}, and its problems:
 * values left out (the row still loads with the rest) or, when the row could not be loaded at all, why.
 *
 * @param file the file (or stream) name as given to the reader
 * @param line the line where the row starts (1-based)
 * @param recordId the row's id in provenance: {@code file:line} for CSV/TSV/JSON-lines, {@code file#/pointer}
 *     (a JSON pointer) for JSON documents
 * @param entities the node entities (Person, Phone, BankAccount, …), in mapping order
 * @param links the link entities (Call, Transfer, …), in mapping order; read them with
 *     {@link org.insight.core.Link#of}
 * @param problems the values left out and, for a row that did not load, why
 */
public record MappedRecord(String file, long line, String recordId, List<Entity> entities,
    List<Entity> links, List<RowProblem> problems) {

  /** Copies the lists. */
  public MappedRecord {
    entities = List.copyOf(entities);
    links = List.copyOf(links);
    problems = List.copyOf(problems);
  }

  /**
   * True when the row loaded: it produced entities or links. Values, not rows: {@link #problems()} may still list
   * values that were left out of it.
   */
  public boolean ok() {
    return !entities.isEmpty() || !links.isEmpty();
  }

  /** Entities then links: what to add to a workspace for this row. */
  public List<Entity> all() {
    List<Entity> out = new ArrayList<>(entities);
    out.addAll(links);
    return out;
  }
}
