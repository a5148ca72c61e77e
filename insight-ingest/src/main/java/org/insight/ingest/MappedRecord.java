package org.insight.ingest;

import java.util.ArrayList;
import java.util.List;
import org.insight.core.Entity;

/**
 * What one source row (CSV line, JSON record) produced through a {@link RecordMapping}: its entities and links,
 * built with the dataset's label and grading and a provenance whose record is {@code recordId} — or, when the
 * row was bad, its problems and nothing else.
 *
 * @param file the file (or stream) name as given to the reader
 * @param line the line where the row starts (1-based)
 * @param recordId the row's id in provenance: {@code file:line} for CSV/TSV/JSON-lines, {@code file#/pointer}
 *     (a JSON pointer) for JSON documents
 * @param entities the node entities (Person, Phone, BankAccount, …), in mapping order
 * @param links the link entities (Call, Transfer, …), in mapping order; read them with
 *     {@link org.insight.core.Link#of}
 * @param problems why the row was refused; empty when it loaded
 */
public record MappedRecord(String file, long line, String recordId, List<Entity> entities,
    List<Entity> links, List<RowProblem> problems) {

  /** Copies the lists. */
  public MappedRecord {
    entities = List.copyOf(entities);
    links = List.copyOf(links);
    problems = List.copyOf(problems);
  }

  /** True when the row loaded (it has no problem). */
  public boolean ok() {
    return problems.isEmpty();
  }

  /** Entities then links: what to add to a workspace for this row. */
  public List<Entity> all() {
    List<Entity> out = new ArrayList<>(entities);
    out.addAll(links);
    return out;
  }
}
