package org.insight.workspace;

import java.util.List;
import org.insight.InsightException;

/**
 * A release was refused as a whole because some recipient may not see some item of the product: nothing was released
 * and nothing dropped. {@link #refusals()} lists every (recipient, item) that failed and why; remove those items
 * (draft the product anew) or those recipients and release again.
 */
public final class ReleaseRefusedException extends InsightException {
  private static final long serialVersionUID = 1L;

  private final transient List<ReleaseRefusal> refusals;

  ReleaseRefusedException(String message, List<ReleaseRefusal> refusals) {
    super(message);
    this.refusals = List.copyOf(refusals);
  }

  /** Every recipient and item refused, with the reason, in recipient then item order. */
  public List<ReleaseRefusal> refusals() {
    return refusals;
  }
}
