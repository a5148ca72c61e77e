package org.insight.workspace;

import org.insight.InsightException;

/**
 * A write the workspace refused (rule 7): into a dataset the deployment does not let the principal write
 * ({@link Workspace.Builder#writers}), or under a label the principal does not satisfy. Nothing of the write was
 * stored; the refusal is audited.
 */
public final class WriteRefusedException extends InsightException {
  private static final long serialVersionUID = 1L;

  WriteRefusedException(String message) {
    super(message);
  }
}
