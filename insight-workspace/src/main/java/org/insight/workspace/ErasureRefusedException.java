package org.insight.workspace;

import org.insight.InsightException;

/** An erasure asked to remove visible data of a dataset the principal may not erase from; nothing was erased. */
public final class ErasureRefusedException extends InsightException {
  private static final long serialVersionUID = 1L;

  public ErasureRefusedException(String message) {
    super(message);
  }
}
