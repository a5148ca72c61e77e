package org.insight.policy;

import org.insight.InsightException;

/**
 * The audit log could not record an access, or could not be read.
 *
 * <p>When {@link AuditLog#append(AuditEvent)} throws this, the entry was not durably written and the caller
 * must refuse the access it was about to grant: audited reads fail closed.
 */
public class AuditException extends InsightException {
  private static final long serialVersionUID = 1L;

  /**
   * An audit failure.
   *
   * @param message what went wrong and what to check
   */
  public AuditException(String message) {
    super(message);
  }

  /**
   * An audit failure with its cause.
   *
   * @param message what went wrong and what to check
   * @param cause the underlying failure
   */
  public AuditException(String message, Throwable cause) {
    super(message, cause);
  }
}
