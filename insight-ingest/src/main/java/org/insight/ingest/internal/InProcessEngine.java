package org.insight.ingest.internal;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Extraction in this JVM, for trusted input: a parser that hangs keeps its thread (it is abandoned, reported
 * as TIMEOUT) and one that exhausts memory hurts the host. {@link ProcessEngine} is the safe default.
 */
public final class InProcessEngine implements Engine {
  private final TikaWorker worker = new TikaWorker();
  private final ExecutorService threads;
  private final Semaphore slots;
  private final Duration timeout;

  public InProcessEngine(int workers, Duration timeout) {
    this.threads = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "insight-extract");
      t.setDaemon(true);
      return t;
    });
    this.slots = new Semaphore(workers);
    this.timeout = timeout;
  }

  @Override
  public Node run(Request request) throws InterruptedException {
    slots.acquire();
    try {
      Future<Node> f = threads.submit(() -> worker.extract(request));
      try {
        return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        f.cancel(true);
        return failed(request, "TIMEOUT", "extraction took longer than " + timeout.toSeconds() + " s; stopped");
      } catch (ExecutionException e) {
        return failed(request, "CRASHED", "extraction failed: " + TikaWorker.brief(e.getCause()));
      }
    } finally {
      slots.release();
    }
  }

  static Node failed(Request request, String reason, String message) {
    Node n = new Node();
    n.name = request.name();
    n.bytesFile = request.file();
    return n.quarantine(reason, message);
  }

  @Override
  public void close() {
    threads.shutdownNow();
  }
}
