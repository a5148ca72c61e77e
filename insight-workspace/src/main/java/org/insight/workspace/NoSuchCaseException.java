package org.insight.workspace;

import org.insight.InsightException;

/**
 * No such case, or no such item in it, is visible to this session. A case that does not exist, one whose label the
 * session may not see and one the principal is not a member of are reported alike, word for word, as are a missing
 * and an invisible item: the error reveals nothing.
 */
public final class NoSuchCaseException extends InsightException {
  private static final long serialVersionUID = 1L;

  NoSuchCaseException(String message) {
    super(message);
  }
}
