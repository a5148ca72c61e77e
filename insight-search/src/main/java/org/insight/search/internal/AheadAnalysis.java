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
 * few documents' tokens, not a batch's. A consumer that reaches an item no thread has started converts it itself,
 * and while a thread finishes the item it needs, converts later ones no thread has started: it never waits on a
 * queue, so converting ahead costs the writer little more than converting inline even when the machine is too busy
 * to schedule the threads. Not API.
 */
final class AheadAnalysis implements AutoCloseable {
  /** Items converted ahead per thread. */
  static final int WINDOW = 4;

  private final int threads;
  private final ExecutorService pool; // null when there is no other core to use

  /** {@code threads} threads (none: every item is converted by the consumer, as before), ended by {@link #close}. */
  AheadAnalysis(int threads) {
    this(threads, threads <= 0 ? null : Executors.newFixedThreadPool(threads, AheadAnalysis::thread));
  }

  private AheadAnalysis(int threads, ExecutorService pool) {
    this.threads = threads;
    this.pool = pool;
  }

  private static Thread thread(Runnable r) {
    Thread t = new Thread(r, "insight-index-analysis");
    t.setDaemon(true);
    return t;
  }

  /**
   * The one instance every store of this JVM shares: one thread per core beyond the writer's (up to four), none on
   * one core. Shared and long-lived because each analysis thread builds its own analyzer components once (an ICU
   * transliterator among them, slow to build): threads per store would rebuild them for every workspace opened. Its
   * threads end after a minute idle.
   */
  static AheadAnalysis shared() {
    return Shared.INSTANCE;
  }

  private static final class Shared {
    static final AheadAnalysis INSTANCE = create();

    private static AheadAnalysis create() {
      int cores = Runtime.getRuntime().availableProcessors();
      int threads = cores <= 1 ? 0 : Math.min(4, cores - 1);
      if (threads == 0) {
        return new AheadAnalysis(0, null);
      }
      java.util.concurrent.ThreadPoolExecutor pool = new java.util.concurrent.ThreadPoolExecutor(threads, threads,
          1, java.util.concurrent.TimeUnit.MINUTES, new java.util.concurrent.LinkedBlockingQueue<>(),
          AheadAnalysis::thread);
      pool.allowCoreThreadTimeOut(true);
      return new AheadAnalysis(threads, pool);
    }
  }

  /**
   * The items converted by {@code convert}, in order; the returned iterator must be consumed by one thread and
   * closed (closing cancels what was started ahead and not consumed). An exception of {@code convert} is thrown by
   * {@code next()} for its item.
   */
  <T, R> Results<R> map(List<T> items, Function<T, R> convert) {
    return new Results<>(items, convert);
  }

  /** Ends this instance's threads; the {@link #shared()} one is never ended (its threads end when idle). */
  @Override
  public void close() {
    if (pool != null && this != Shared.INSTANCE) {
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

    private int submitted;

    private void fill() {
      while (ahead.size() < WINDOW * Math.max(1, threads) && tasks.hasNext()) {
        FutureTask<R> task = tasks.next();
        ahead.add(task);
        // the first item is the consumer's at once: handing it to a thread would only make the consumer wait for
        // one (a write of one document never leaves the writer's thread)
        if (pool != null && submitted++ > 0) {
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
      // while a pool thread finishes this one, convert from the far end what no thread has started (run() is a
      // no-op on a started or finished task), rather than wait idle for a thread a busy machine may not schedule
      for (Iterator<FutureTask<R>> later = ahead.descendingIterator(); !task.isDone() && later.hasNext(); ) {
        later.next().run();
      }
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
