package org.insight.ingest;

import java.util.List;
import org.insight.InsightException;

/**
 * A record mapping is wrong: malformed mapping file, unknown entity type or property (with the closest name),
 * a link between entities the mapping does not define, a constant the property type refuses, a bad date
 * pattern, or a column the file does not have. Every problem found is listed, so the mapping is fixed in one go.
 */
public class RecordMappingException extends InsightException {
  private static final long serialVersionUID = 1L;
  private final transient List<String> problems;

  /**
   * An exception listing every problem found.
   *
   * @param problems at least one problem, each saying where, what and what to do
   */
  public RecordMappingException(List<String> problems) {
    super(summarise(problems));
    this.problems = List.copyOf(problems);
  }

  /** The problems, in the order found. */
  public List<String> problems() {
    return problems == null ? List.of() : problems;
  }

  private static String summarise(List<String> problems) {
    if (problems.size() == 1) {
      return "invalid record mapping: " + problems.get(0);
    }
    return "invalid record mapping, " + problems.size() + " problems: " + String.join("; ", problems);
  }
}
