package org.insight.search;

import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A one-pass read of many items (every visible entity of some types, every visible statement of some properties)
 * over one snapshot of the index: writes made after it was opened are not in it. It holds that snapshot open until
 * closed (or read to the end), so use it in try-with-resources. Items come in index order, not id order. Read it
 * from one thread.
 *
 * <pre>{@code
 * try (Scan<Entity> people = session.scanEntities("Person")) {
 *   graph.ensureCapacity(people.size());
 *   for (Entity p : people) { ... }
 * }
 * }</pre>
 *
 * @param <T> what is scanned
 */
public interface Scan<T> extends Iterable<T>, AutoCloseable {
  /** How many items this scan hands out; fixed when it was opened. */
  long size();

  /**
   * The items, once: a scan is a single pass.
   *
   * @throws IllegalStateException when called a second time, or after {@link #close()}
   */
  @Override
  Iterator<T> iterator();

  /** The items as a sequential stream (once); closing the stream closes this scan. */
  default Stream<T> stream() {
    Spliterator<T> split = Spliterators.spliterator(iterator(), size(),
        Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.SIZED);
    return StreamSupport.stream(split, false).onClose(this::close);
  }

  /** Releases the index snapshot; further iteration fails. Idempotent. */
  @Override
  void close();
}
