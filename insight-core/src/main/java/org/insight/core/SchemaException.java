package org.insight.core;

import org.insight.InsightException;

/**
 * A schema is wrong or was asked for something it does not have: an unknown entity type, property, property
 * type or identifier scheme, or a schema file that does not validate (a missing parent, a cycle, an edge whose
 * ends are not entity references, a conflicting extension).
 *
 * <p>Lookup failures list what <em>is</em> available (and the closest name when there is a likely typo), so
 * the fix is in the message.
 */
public class SchemaException extends InsightException {
  private static final long serialVersionUID = 1L;

  /**
   * A schema problem.
   *
   * @param message what was wrong, where, and what to do
   */
  public SchemaException(String message) {
    super(message);
  }

  /**
   * A schema problem caused by a lower-level failure (typically malformed JSON).
   *
   * @param message what was wrong, where, and what to do
   * @param cause the underlying failure
   */
  public SchemaException(String message, Throwable cause) {
    super(message, cause);
  }
}
