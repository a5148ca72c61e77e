package org.insight.core;

import org.insight.InsightException;

/**
 * A store could not do what was asked: an item is missing, an I/O operation failed, or (as the subtype
 * {@link EvidenceCorruptedException}) stored bytes no longer match their hash.
 */
public class StoreException extends InsightException {
  private static final long serialVersionUID = 1L;

  /**
   * A store failure.
   *
   * @param message what failed, on which item, and what to do
   */
  public StoreException(String message) {
    super(message);
  }

  /**
   * A store failure caused by a lower-level failure (typically an {@link java.io.IOException}).
   *
   * @param message what failed, on which item, and what to do
   * @param cause the underlying failure
   */
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
