package org.insight;

/**
 * The one root of every exception the INSIGHT SDK throws. Unchecked: callers catch it where they can act.
 *
 * <p>Every message states what was wrong, the offending value where it is the caller's own input, and what
 * to do about it. A message never carries classified content the caller could not otherwise see.
 */
public class InsightException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InsightException(String message) {
    super(message);
  }

  public InsightException(String message, Throwable cause) {
    super(message, cause);
  }
}
