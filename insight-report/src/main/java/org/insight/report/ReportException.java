package org.insight.report;

import org.insight.InsightException;

/** A product could not be made or written: what was wrong, and what to do. */
public class ReportException extends InsightException {
  private static final long serialVersionUID = 1L;

  public ReportException(String message) {
    super(message);
  }

  public ReportException(String message, Throwable cause) {
    super(message, cause);
  }
}
