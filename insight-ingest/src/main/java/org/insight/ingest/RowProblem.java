package org.insight.ingest;

import java.util.Objects;

/**
 * A problem with a source row (or JSON record): a value that was left out — the row still loads with its other
 * values — or a row that could not be loaded at all (no usable value, a required entity missing, no mapping rule for
 * its type). The other rows load either way.
 *
 * @param file the file (or stream) name as given to the reader
 * @param line the line where the row starts (1-based; for JSON, the line of the record's opening brace); 0 when
 *     the problem concerns the file as a whole
 * @param reason what was wrong — the property, the offending value and what to do
 * @param column the source field(s) of a value left out ({@code dob}, {@code first_name+last_name}); {@code ""} when
 *     the problem is the row's
 * @param value the value left out as the source had it; {@code ""} when the problem is the row's
 */
public record RowProblem(String file, long line, String reason, String column, String value) {
  /** File and reason are required; a null column or value is {@code ""}. */
  public RowProblem {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(reason, "reason");
    column = Objects.requireNonNullElse(column, "");
    value = Objects.requireNonNullElse(value, "");
  }

  /** A problem with the row as a whole. */
  public RowProblem(String file, long line, String reason) {
    this(file, line, reason, "", "");
  }

  /** True when a value was left out and the row kept the rest. */
  public boolean valueLeftOut() {
    return !column.isEmpty();
  }

  @Override
  public String toString() {
    return file + ":" + line + ": " + (column.isEmpty() ? "" : "column '" + column + "': value left out: ") + reason;
  }
}
