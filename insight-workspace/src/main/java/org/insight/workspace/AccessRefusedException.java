package org.insight.workspace;

import org.insight.InsightException;

/** The deployment does not let this principal make this call (e.g. test a profile); nothing was read. */
public final class AccessRefusedException extends InsightException {
  private static final long serialVersionUID = 1L;

  AccessRefusedException(String message) {
    super(message);
  }
}
