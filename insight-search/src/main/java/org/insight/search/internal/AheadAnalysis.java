package org.insight.search.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;

/**
 * Converts a list of items on a few other threads, ahead of the one thread that consumes the results in order: the
 * index writer is single (one commit at a time, one label per segment), so the analysis of a batch's documents —
 * tokenising, folding, names, phonetic codes, most of what indexing a text costs — runs beside it, and the writer
 * only inverts what was analysed. At most {@link #WINDOW} items per thread are converted ahead, so memory holds a
 * few documents' tokens, not a batch's. A consumer that reaches an item no thread has started converts it itself
 * (it never waits on a queue), so nothing is slower than converting inline. Not API.
 */
final class AheadAnalysis implements AutoCloseable {
  /** Items converted ahead per thread. */
  static final int WINDOW = 4;

  private final int threads;
  private final ExecutorService pool; // null when there is no other core to use

  /** {@code threads} threads (none: every item is converted by the consumer, as before). */
  AheadAnalysis(int threads) {
    this.threads = threads;
    this.pool = threads <= 0 ? null : Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "insight-index-analysis");
      t.setDaemon(true);
      return t;
    });
  }

  /** One thread per core beyond the writer's, at least one on a machine of two cores or more. */
  static AheadAnalysis forThisMachine() {
    int cores = Runtime.getRuntime().availableProcessors();
    return new AheadAnalysis(cores <= 1 ? 0 : Math.min(4, cores - 1));
  }

  /**
   * The items converted by {@code convert}, in order; the returned iterator must be consumed by one thread and
   * closed (closing cancels what was started ahead and not consumed). An exception of {@code convert} is thrown by
   * {@code next()} for its item.
   */
  <T, R> Results<R> map(List<T> items, Function<T, R> convert) {
    return new Results<>(items, convert);
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }

  /** The converted items, in order. */
  final class Results<R> implements Iterator<R>, AutoCloseable {
    private final Iterator<FutureTask<R>> tasks;
    private final Deque<FutureTask<R>> ahead = new ArrayDeque<>();

    private <T> Results(List<T> items, Function<T, R> convert) {
      this.tasks = items.stream().map(item -> new FutureTask<>(() -> convert.apply(item))).iterator();
      fill();
    }

    private void fill() {
      while (ahead.size() < WINDOW * Math.max(1, threads) && tasks.hasNext()) {
        FutureTask<R> task = tasks.next();
        ahead.add(task);
        if (pool != null) {
          try {
            pool.execute(task);
          } catch (RejectedExecutionException e) {
            // the store is closing: next() runs it on the consumer's thread
          }
        }
      }
    }

    @Override
    public boolean hasNext() {
      return !ahead.isEmpty();
    }

    @Override
    public R next() {
      FutureTask<R> task = ahead.poll();
      if (task == null) {
        throw new NoSuchElementException();
      }
      fill();
      task.run(); // a no-op if a pool thread has started it; otherwise the consumer does not wait for one
      try {
        return task.get();
      } catch (InterruptedException e) {
        throw new org.apache.lucene.util.ThreadInterruptedException(e); // as Lucene's writer reports it
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException r) {
          throw r;
        }
        if (cause instanceof Error err) {
          throw err;
        }
        throw new IllegalStateException(cause);
      }
    }

    @Override
    public void close() {
      for (FutureTask<R> task : ahead) {
        task.cancel(false);
      }
      ahead.clear();
    }
  }
}
