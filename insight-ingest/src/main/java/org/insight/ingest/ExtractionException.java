package org.insight.ingest;

import org.insight.InsightException;

/**
 * A caller error or an environment failure around extraction (a missing input file, a closed extractor, a
 * worker that cannot be started). Problems with an item's content never throw: they quarantine the item.
 */
public class ExtractionException extends InsightException {
  private static final long serialVersionUID = 1L;

  public ExtractionException(String message) {
    super(message);
  }

  public ExtractionException(String message, Throwable cause) {
    super(message, cause);
  }
}
