package org.insight.ingest;

import org.insight.InsightException;

/**
 * A record file cannot be read at all with its mapping: it cannot be opened, its header lacks a mapped column,
 * or its top-level structure is not what the format needs. Problems of single rows are not exceptions: they are
 * {@link RowProblem}s, and the other rows still load.
 */
public class RecordFileException extends InsightException {
  private static final long serialVersionUID = 1L;

  /**
   * A file-level failure.
   *
   * @param message the file, what was wrong and what to do
   */
  public RecordFileException(String message) {
    super(message);
  }

  /**
   * A file-level failure caused by an I/O or parser error.
   *
   * @param message the file, what was wrong and what to do
   * @param cause the underlying failure
   */
  public RecordFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
