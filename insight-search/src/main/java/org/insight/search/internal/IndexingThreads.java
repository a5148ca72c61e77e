package org.insight.search.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Runs one write's indexing on several threads at once: the calling writer thread and a few others each take the next
 * item and index it ({@code IndexWriter.updateDocument} is built for concurrent calls: one in-memory segment per
 * thread), so analysis, inversion and stored fields — most of what indexing costs — use every core, while the writer
 * keeps what must stay serial (one write at a time, the flush between labels, the commit). The caller takes part and
 * never waits for a thread to be scheduled before it can make progress; {@link #forEach} returns only once no item is
 * being indexed any more, so nothing is added to the index after the write that asked for it. Not API.
 */
final class IndexingThreads implements AutoCloseable {
  private final int threads;
  private final ExecutorService pool; // null when there is no other core to use

  /** {@code threads} threads besides the caller's (none: the caller indexes every item), ended by {@link #close}. */
  IndexingThreads(int threads) {
    this(threads, threads <= 0 ? null : newPool(threads));
  }

  private IndexingThreads(int threads, ExecutorService pool) {
    this.threads = threads;
    this.pool = pool;
  }

  private static ExecutorService newPool(int threads) {
    ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 1, TimeUnit.MINUTES,
        new LinkedBlockingQueue<>(), r -> {
          Thread t = new Thread(r, "insight-indexing");
          t.setDaemon(true);
          return t;
        });
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  /**
   * The one instance every store of this JVM shares: one thread per core beyond the writer's (up to four), none on
   * one core. Shared and long-lived because each thread builds its own analyzer components once (an ICU
   * transliterator among them, slow to build): threads per store would rebuild them for every workspace opened. Its
   * threads end after a minute idle.
   */
  static IndexingThreads shared() {
    return Shared.INSTANCE;
  }

  private static final class Shared {
    static final IndexingThreads INSTANCE = create();

    private static IndexingThreads create() {
      int cores = Runtime.getRuntime().availableProcessors();
      int threads = cores <= 1 ? 0 : Math.min(4, cores - 1);
      return threads == 0 ? new IndexingThreads(0, null) : new IndexingThreads(threads, newPool(threads));
    }
  }

  /** How many threads {@link #forEach} runs on at most: this instance's and the caller's. */
  int parallelism() {
    return threads + 1;
  }

  /**
   * Runs {@code action} once on every item, on the calling thread and this instance's threads together, in no
   * particular order; returns when every item is done. After an item fails no further item is started, and the first
   * failure is thrown once every started item has finished.
   */
  <T> void forEach(List<T> items, Consumer<? super T> action) {
    Work<T> work = new Work<>(items, action);
    List<Helper> helpers = new ArrayList<>();
    // a thread is worth asking only for a second item onwards: a write of one document stays on the caller
    for (int i = 0; pool != null && i < Math.min(threads, items.size() - 1); i++) {
      Helper helper = new Helper(work);
      try {
        pool.execute(helper);
        helpers.add(helper);
      } catch (RejectedExecutionException e) {
        break; // closed: the caller indexes the rest
      }
    }
    work.run();
    boolean interrupted = false;
    for (Helper helper : helpers) {
      // a helper no thread has started yet is told to do nothing; one that has started is waited for, even if this
      // thread is interrupted: returning while it still adds documents would put them into the next write
      if (!helper.state.compareAndSet(Helper.NEW, Helper.SKIPPED)) {
        while (true) {
          try {
            helper.done.await();
            break;
          } catch (InterruptedException e) {
            interrupted = true;
          }
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    Throwable failure = work.failure.get();
    if (failure instanceof RuntimeException r) {
      throw r;
    }
    if (failure instanceof Error e) {
      throw e;
    }
    if (failure != null) { // a checked exception thrown undeclared
      throw new IllegalStateException(failure);
    }
  }

  /** Ends this instance's threads; the {@link #shared()} one is never ended (its threads end when idle). */
  @Override
  public void close() {
    if (pool != null && this != Shared.INSTANCE) {
      pool.shutdownNow();
    }
  }

  /** The items of one call, taken one at a time by whichever thread is free. */
  private static final class Work<T> implements Runnable {
    private final List<T> items;
    private final Consumer<? super T> action;
    private final AtomicInteger next = new AtomicInteger();
    final AtomicReference<Throwable> failure = new AtomicReference<>();

    Work(List<T> items, Consumer<? super T> action) {
      this.items = items;
      this.action = action;
    }

    @Override
    public void run() {
      for (int i = next.getAndIncrement(); i < items.size() && failure.get() == null; i = next.getAndIncrement()) {
        try {
          action.accept(items.get(i));
        } catch (Throwable t) {
          failure.compareAndSet(null, t);
        }
      }
    }
  }

  /** One pool thread's share of a call: it runs unless the caller finished and skipped it first. */
  private static final class Helper implements Runnable {
    static final int NEW = 0;
    static final int RUNNING = 1;
    static final int SKIPPED = 2;
    final AtomicInteger state = new AtomicInteger(NEW);
    final CountDownLatch done = new CountDownLatch(1);
    private final Runnable work;

    Helper(Runnable work) {
      this.work = work;
    }

    @Override
    public void run() {
      if (!state.compareAndSet(NEW, RUNNING)) {
        return;
      }
      try {
        work.run();
      } finally {
        done.countDown();
      }
    }
  }
}
