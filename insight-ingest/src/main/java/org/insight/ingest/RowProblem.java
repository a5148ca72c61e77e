package org.insight.ingest;

import java.util.Objects;

/**
 * A source row (or JSON record) that could not be loaded, and why. Nothing of that row is produced; the other
 * rows still load.
 *
 * @param file the file (or stream) name as given to the reader
 * @param line the line where the row starts (1-based; for JSON, the line of the record's opening brace); 0 when
 *     the problem concerns the file as a whole
 * @param reason what was wrong — the property, the offending value and what to do
 */
public record RowProblem(String file, long line, String reason) {
  /** File and reason are required. */
  public RowProblem {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(reason, "reason");
  }

  @Override
  public String toString() {
    return file + ":" + line + ": " + reason;
  }
}
