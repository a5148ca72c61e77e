package org.insight.ingest;

import org.insight.InsightException;

/** An ingest run could not go on: a source is missing, or the ledger or the target failed. */
public class IngestException extends InsightException {
  private static final long serialVersionUID = 1L;

  public IngestException(String message) {
    super(message);
  }

  public IngestException(String message, Throwable cause) {
    super(message, cause);
  }
}
