package org.insight.policy;

import org.insight.InsightException;

/**
 * The outcome of an access decision and why, for the audit log and operators.
 *
 * @param allowed whether access is granted
 * @param reason a short, specific, non-blank reason; never contains the data itself
 */
public record Decision(boolean allowed, String reason) {

  /**
   * Validates the reason.
   *
   * @throws InsightException if the reason is null or blank
   */
  public Decision {
    if (reason == null || reason.isBlank()) {
      throw new InsightException("A decision needs a non-blank reason for the audit log");
    }
  }

  /** Access granted, because of {@code reason}. */
  public static Decision allow(String reason) {
    return new Decision(true, reason);
  }

  /** Access refused, because of {@code reason}. */
  public static Decision deny(String reason) {
    return new Decision(false, reason);
  }
}
