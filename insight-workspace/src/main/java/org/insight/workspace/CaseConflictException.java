package org.insight.workspace;

import org.insight.InsightException;

/**
 * An edit of a case item was based on a version that is no longer the latest: someone else changed the item in
 * between. Nothing was written; read the case again and reapply the change. The message names the item, the version
 * edited and the latest one, all of which the editor may see.
 */
public final class CaseConflictException extends InsightException {
  private static final long serialVersionUID = 1L;

  private final long expected;
  private final long actual;

  CaseConflictException(String message, long expected, long actual) {
    super(message);
    this.expected = expected;
    this.actual = actual;
  }

  /** The version the edit was based on. */
  public long expectedVersion() {
    return expected;
  }

  /** The item's latest version. */
  public long actualVersion() {
    return actual;
  }
}
