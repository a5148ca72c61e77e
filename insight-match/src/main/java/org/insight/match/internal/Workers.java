package org.insight.match.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A fixed number of threads for one linkage run. Work is split into numbered tasks that the threads take in turn;
 * each thread has its own accumulator, so callers must merge accumulators in a way that does not depend on which
 * thread did which task (sums of counts, sorted lists): a run's result is then the same with any thread count.
 * With one thread everything runs on the caller's thread. Not API.
 */
public final class Workers implements AutoCloseable {

  /** The body of a task: adds what task {@code task} finds to {@code accumulator}. */
  public interface Task<A> {
    void run(A accumulator, int task);
  }

  private final int threads;
  private final ExecutorService pool;

  public Workers(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1; got " + threads);
    }
    this.threads = threads;
    AtomicInteger serial = new AtomicInteger();
    this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "insight-link-" + serial.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  /** The number of threads. */
  public int threads() {
    return threads;
  }

  /** Runs tasks {@code 0..tasks-1}; returns the accumulators (one per thread that ran). */
  public <A> List<A> run(int tasks, Supplier<A> accumulator, Task<A> body) {
    if (pool == null || tasks <= 1) {
      A a = accumulator.get();
      for (int t = 0; t < tasks; t++) {
        body.run(a, t);
      }
      return List.of(a);
    }
    AtomicInteger next = new AtomicInteger();
    List<Future<A>> futures = new ArrayList<>();
    for (int w = 0; w < Math.min(threads, tasks); w++) {
      futures.add(pool.submit(() -> {
        A a = accumulator.get();
        for (int t = next.getAndIncrement(); t < tasks; t = next.getAndIncrement()) {
          body.run(a, t);
        }
        return a;
      }));
    }
    List<A> out = new ArrayList<>();
    for (Future<A> f : futures) {
      try {
        out.add(f.get());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        futures.forEach(x -> x.cancel(true));
        throw new IllegalStateException("linkage was interrupted", e);
      } catch (ExecutionException e) {
        futures.forEach(x -> x.cancel(true));
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        if (e.getCause() instanceof Error err) {
          throw err;
        }
        throw new IllegalStateException(e.getCause());
      }
    }
    return out;
  }

  /** Runs {@code body} over {@code 0..n-1} in contiguous ranges (for filling per-record arrays). */
  public void forRange(int n, java.util.function.IntConsumer body) {
    int chunk = Math.max(1, Math.min(4_096, n / (threads * 8) + 1));
    int tasks = (n + chunk - 1) / chunk;
    run(tasks, () -> Boolean.TRUE, (a, t) -> {
      int end = Math.min(n, (t + 1) * chunk);
      for (int i = t * chunk; i < end; i++) {
        body.accept(i);
      }
    });
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}
