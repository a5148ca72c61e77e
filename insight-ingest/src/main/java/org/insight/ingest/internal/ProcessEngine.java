package org.insight.ingest.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.insight.ingest.ExtractorUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pool of worker processes ({@link WorkerMain}), started with this JVM's java binary and the class path where
 * this JVM loaded the SDK from ({@link WorkerClasspath}). A worker that does not start fails the call with
 * {@link ExtractorUnavailableException}: no item is blamed for it. The host enforces the per-item timeout: a
 * worker that overruns is killed and replaced; one that dies (out of memory, native crash) is replaced; the item
 * is reported TIMEOUT or CRASHED.
 */
public final class ProcessEngine implements Engine {
  private static final Logger LOG = LoggerFactory.getLogger(ProcessEngine.class);
  private static final Duration STARTUP = Duration.ofSeconds(180); // loading Tika on a loaded machine is slow
  /** Exit status of a JVM ended by -XX:+ExitOnOutOfMemoryError. */
  private static final int OOM_EXIT = 3;

  private final BlockingQueue<Slot> slots;
  private final List<Slot> all = new ArrayList<>();
  private final Duration timeout;
  private final int heapMb;
  private final String classpath;
  private final ExecutorService readers = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "insight-worker-reader");
    t.setDaemon(true);
    return t;
  });
  private final Thread shutdownHook = new Thread(this::destroyAll, "insight-worker-shutdown");
  private volatile boolean closed;

  public ProcessEngine(int workers, Duration timeout, int heapMb, String classpath) {
    this.timeout = timeout;
    this.heapMb = heapMb;
    this.classpath = classpath;
    this.slots = new ArrayBlockingQueue<>(workers);
    for (int i = 0; i < workers; i++) {
      Slot s = new Slot();
      all.add(s);
      slots.add(s);
    }
    Runtime.getRuntime().addShutdownHook(shutdownHook);
    all.forEach(Slot::warmLater); // start the workers now, so the first items do not wait for Tika to load
  }

  @Override
  public Node run(Request request) throws InterruptedException {
    Slot slot = slots.take();
    try {
      if (closed) {
        throw new ExtractorUnavailableException("this TikaExtractor is closed; create a new one");
      }
      return slot.call(request);
    } finally {
      slots.add(slot);
    }
  }

  @Override
  public void close() {
    closed = true;
    destroyAll();
    readers.shutdownNow();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // already shutting down
    }
  }

  private void destroyAll() {
    for (Slot s : all) {
      s.stop();
    }
  }

  /** One worker process, started lazily and replaced when it dies or overruns. */
  private final class Slot {
    private volatile Process process;
    private DataOutputStream toWorker;
    private DataInputStream fromWorker;
    private StderrTail stderr;

    /** Starts (or restarts) the worker in the background; a call that comes meanwhile waits for it. */
    void warmLater() {
      if (closed) {
        return;
      }
      readers.submit(() -> {
        synchronized (this) {
          if (!closed) {
            try {
              ensureStarted();
            } catch (IOException | TimeoutException | ExecutionException | RuntimeException e) {
              LOG.debug("extraction worker did not start in the background; the next call retries", e);
              stop();
            }
          }
        }
        return null;
      });
    }

    synchronized Node call(Request request) throws InterruptedException {
      try {
        ensureStarted();
      } catch (IOException | TimeoutException | ExecutionException e) {
        String said = stderr == null ? "" : stderr.tailAfterExit(process, 2_000).strip();
        stop();
        throw new ExtractorUnavailableException("cannot start an extraction worker process (" + TikaWorker.brief(e)
            + (said.isEmpty() ? "" : "; it said: " + said.lines().limit(3).reduce((a, b) -> a + " / " + b).get())
            + "); check that " + javaBinary() + " runs, and give the workers' class path (insight-ingest, Tika,"
            + " PDFBox, Tess4J and their dependencies) with TikaExtractor.Builder.workerClasspath(...)", e);
      }
      try {
        toWorker.writeInt(WorkerMain.REQUEST);
        request.write(toWorker);
        toWorker.flush();
      } catch (IOException e) {
        return died(request);
      }
      Future<Node> response = readers.submit(() -> {
        awaitMagic(fromWorker, WorkerMain.RESPONSE);
        return Node.read(fromWorker);
      });
      try {
        return response.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        LOG.warn("extraction of an item exceeded {} s; killing worker pid {}", timeout.toSeconds(), process.pid());
        stop();
        response.cancel(true);
        warmLater();
        return InProcessEngine.failed(request, "TIMEOUT", "extraction took longer than the timeout of "
            + timeout.toSeconds() + " s (a parser hung?); the worker was stopped and restarted");
      } catch (ExecutionException e) {
        return died(request);
      } catch (InterruptedException e) {
        stop();
        response.cancel(true);
        throw e;
      }
    }

    private Node died(Request request) throws InterruptedException {
      Process p = process;
      int exit = -1;
      if (p != null && p.waitFor(5, TimeUnit.SECONDS)) {
        exit = p.exitValue();
      }
      String tail = stderr == null ? "" : stderr.tail();
      LOG.warn("extraction worker died (exit {}); restarting. Its last output: {}", exit, tail);
      stop();
      warmLater();
      String why = exit == OOM_EXIT
          ? "the worker ran out of memory (heap " + heapMb + " MiB) extracting it"
          : "the worker process died extracting it (exit status " + exit + ")";
      return InProcessEngine.failed(request, "CRASHED", why + "; the worker was restarted."
          + " Raise TikaExtractor.Builder.workerHeapMb if the item is legitimate");
    }

    private void ensureStarted() throws IOException, InterruptedException, TimeoutException, ExecutionException {
      if (process != null && process.isAlive()) {
        return;
      }
      stop();
      List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx" + heapMb + "m", "-Xss8m",
          "-XX:+ExitOnOutOfMemoryError", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=4",
          "-Djava.awt.headless=true", "-Dfile.encoding=UTF-8"));
      if (Boolean.getBoolean(TikaWorker.TEST_HOOKS)) {
        command.add("-D" + TikaWorker.TEST_HOOKS + "=true");
      }
      command.addAll(List.of("-cp", classpath, WorkerMain.class.getName()));
      ProcessBuilder pb = new ProcessBuilder(command);
      // Tesseract's OpenMP threads would multiply by the number of workers: one each
      pb.environment().put("OMP_THREAD_LIMIT", "1");
      pb.redirectInput(ProcessBuilder.Redirect.PIPE).redirectOutput(ProcessBuilder.Redirect.PIPE);
      process = pb.start();
      stderr = new StderrTail(process.getErrorStream());
      readers.submit(stderr);
      toWorker = new DataOutputStream(new BufferedOutputStream(process.getOutputStream(), 1 << 16));
      fromWorker = new DataInputStream(new BufferedInputStream(process.getInputStream(), 1 << 16));
      Future<Void> ready = readers.submit(() -> {
        awaitMagic(fromWorker, WorkerMain.READY);
        return null;
      });
      try {
        ready.get(STARTUP.toMillis(), TimeUnit.MILLISECONDS);
      } finally {
        ready.cancel(true);
      }
      LOG.debug("extraction worker pid {} ready", process.pid());
    }

    void stop() {
      Process p = process;
      process = null;
      if (p != null) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        try {
          p.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  /** Reads until {@code magic}; stray bytes a parser or native library printed to stdout are skipped. */
  static void awaitMagic(DataInputStream in, int magic) throws IOException {
    int window = 0;
    long skipped = 0;
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException("worker output ended");
      }
      window = (window << 8) | b;
      if (window == magic) {
        return;
      }
      if (++skipped > 64L * 1024 * 1024) {
        throw new IOException("no frame from the worker in 64 MiB of output");
      }
    }
  }

  static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** Keeps the last few KB of a worker's stderr for the log when it dies; never blocks the worker. */
  private static final class StderrTail implements Runnable {
    private final InputStream in;
    private final byte[] ring = new byte[4096];
    private long written;
    private boolean ended;

    StderrTail(InputStream in) {
      this.in = in;
    }

    @Override
    public void run() {
      byte[] buf = new byte[4096];
      try {
        for (int n; (n = in.read(buf)) > 0; ) {
          synchronized (this) {
            for (int i = 0; i < n; i++) {
              ring[(int) (written++ % ring.length)] = buf[i];
            }
          }
        }
      } catch (IOException e) {
        // the worker is gone
      } finally {
        synchronized (this) {
          ended = true;
          notifyAll();
        }
      }
    }

    /** The tail once a worker that failed to start has exited and its stderr is read to the end (or after a wait). */
    String tailAfterExit(Process p, long millis) throws InterruptedException {
      long deadline = System.currentTimeMillis() + millis;
      if (p != null) {
        p.waitFor(millis, TimeUnit.MILLISECONDS);
      }
      synchronized (this) {
        for (long left; !ended && (left = deadline - System.currentTimeMillis()) > 0; ) {
          wait(left);
        }
      }
      return tail();
    }

    synchronized String tail() {
      int len = (int) Math.min(written, ring.length);
      byte[] out = new byte[len];
      for (int i = 0; i < len; i++) {
        out[i] = ring[(int) ((written - len + i) % ring.length)];
      }
      return new String(out, java.nio.charset.StandardCharsets.UTF_8);
    }
  }
}
