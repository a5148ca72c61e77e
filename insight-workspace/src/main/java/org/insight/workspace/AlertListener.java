package org.insight.workspace;

/**
 * Told of every alert once it is durable, for an embedding application to push it on through its own messaging
 * ({@link Workspace.Builder#alertListener}). It receives every owner's alerts: deliver each only to its
 * {@link Alert#owner()}. Called on the writing thread after the batch and its alerts are durable; a listener that
 * throws is logged and does not undo the write or the alert (the owner still lists it with {@link Alerts#list}).
 */
@FunctionalInterface
public interface AlertListener {
  /** A listener that does nothing. */
  AlertListener NONE = alert -> { };

  /** One new alert, already durable. */
  void raised(Alert alert);
}
