package org.insight.workspace;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delivery of alerts to the embedder's {@link AlertListener}: each alert is handed over once it is durable; one
 * the listener throws on stays undelivered in the journal and is handed over again after the next batch (or by
 * {@link Alerts#retry}) until the listener takes it — at least once, in the order raised, with the same alert id
 * every time, so a listener can recognise one it has already pushed on.
 */
final class AlertDelivery {
  private static final Logger LOG = LoggerFactory.getLogger(AlertDelivery.class);

  private final AlertListener listener;

  AlertDelivery(AlertListener listener) {
    this.listener = listener == null ? AlertListener.NONE : listener;
  }

  /** Whether anyone listens: without a listener an alert is delivered as it is raised. */
  boolean listening() {
    return listener != AlertListener.NONE;
  }

  /** Hands each alert to the listener; the ids of those it took. */
  List<String> deliver(List<Alert> alerts) {
    List<String> taken = new ArrayList<>();
    for (Alert a : alerts) {
      try {
        listener.raised(a);
        taken.add(a.id());
      } catch (RuntimeException e) {
        LOG.warn("the alert listener failed on {}; the alert is kept, listed, and handed over again after the next"
            + " batch: {}", a.id(), e.toString());
      }
    }
    return taken;
  }
}
