package org.insight.ingest.internal;

/** Runs extraction requests: in worker processes, or in this JVM. */
public interface Engine extends AutoCloseable {
  /**
   * Extracts one item. Never throws for the item's content; a timeout or a dead worker comes back as a
   * quarantined node ({@code TIMEOUT}, {@code CRASHED}).
   */
  Node run(Request request) throws InterruptedException;

  @Override
  void close();
}
