package org.insight.workspace;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.insight.core.Dataset;
import org.insight.ingest.IngestReport;
import org.insight.ingest.IngestRequest;
import org.insight.ingest.IngestSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ingests files as they arrive in directory trees, through the same pipeline, ledger, quarantine and enrichment as
 * {@link Session#ingest}: a watched inbox. Only complete files are taken — a file whose size and modification time
 * are the same on two scans in a row (a file moved in whole is taken on the next scan) —, and hidden files and
 * partial downloads ({@code .*}, {@code *.part}, {@code *.tmp}, {@code *.crdownload}) never are.
 *
 * <p>The ingest ledger is the truth: a restarted watcher offers every complete file again and the ledger skips those
 * an earlier run ingested unchanged, so nothing is ingested twice and nothing that arrived while it was down is
 * missed. A file system's change events only wake the scanner early: they can be dropped, so the tree is rescanned
 * every poll interval anyway. The scanner hands files to the ingesting thread through a bounded queue and waits
 * when it is full (back-pressure). {@link #stop()} (a shutdown hook, a signal) lets the batch being ingested finish —
 * it is durable and in the ledger when {@link #run()} returns — and abandons the files still queued, which the next
 * run finds again.
 *
 * <pre>{@code
 * Watcher w = Watcher.builder(session, dataset).directory(Path.of("/inbox")).build();
 * Runtime.getRuntime().addShutdownHook(new Thread(w::stop));
 * w.run(); // until stopped
 * }</pre>
 */
public final class Watcher {
  private static final Logger LOG = LoggerFactory.getLogger(Watcher.class);

  private final Session session;
  private final Dataset dataset;
  private final List<Path> roots;
  private final Consumer<IngestRequest.Builder> request;
  private final Enrichment enrichment;
  private final Duration poll;
  private final int batchSize;
  private final BlockingQueue<Path> queue;
  private final Consumer<Progress> progress;
  private final AtomicLong files = new AtomicLong();
  private final AtomicLong documents = new AtomicLong();
  private final AtomicLong quarantined = new AtomicLong();
  private final AtomicLong unchanged = new AtomicLong();
  private final AtomicLong batches = new AtomicLong();
  private volatile boolean stopping;
  private volatile Thread runner;
  private final Object done = new Object();
  private boolean finished;
  private long started;

  /**
   * What a watcher has done since it started.
   *
   * @param files files ingested (a file can hold several documents)
   * @param documents documents written
   * @param unchanged files offered again that the ledger found already ingested
   * @param quarantined files quarantined, each with its reason in the ledger and the batch's report
   * @param batches ingest calls made
   * @param queued files complete and waiting
   * @param filesPerSecond files ingested per second since the start
   */
  public record Progress(long files, long documents, long unchanged, long quarantined, long batches, int queued,
      double filesPerSecond) {}

  private Watcher(Builder b) {
    this.session = b.session;
    this.dataset = b.dataset;
    this.roots = List.copyOf(b.roots);
    this.request = b.request;
    this.enrichment = b.enrichment;
    this.poll = b.poll;
    this.batchSize = b.batchSize;
    this.queue = new ArrayBlockingQueue<>(b.queueCapacity);
    this.progress = b.progress;
  }

  /** A watcher ingesting into {@code dataset} as {@code session}. */
  public static Builder builder(Session session, Dataset dataset) {
    return new Builder(session, dataset);
  }

  /**
   * Watches and ingests until {@link #stop()} is called (or the thread is interrupted); then finishes the batch being
   * ingested and returns. Runs on the calling thread; one scanner thread of its own feeds it.
   *
   * @throws IllegalStateException when it is already running
   */
  public void run() {
    synchronized (this) {
      if (runner != null) {
        throw new IllegalStateException("this watcher is already running; build another one");
      }
      runner = Thread.currentThread();
    }
    started = System.nanoTime();
    Thread scanner = new Thread(this::scanLoop, "insight-watch-scanner");
    scanner.setDaemon(true);
    scanner.start();
    try {
      while (!stopping) {
        List<Path> batch = new ArrayList<>();
        Path first;
        try {
          first = queue.poll(poll.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          break;
        }
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, batchSize - 1);
        ingest(batch);
      }
    } finally {
      stopping = true;
      scanner.interrupt();
      try {
        scanner.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      queue.clear(); // abandoned: the next run finds them again
      synchronized (done) {
        finished = true;
        done.notifyAll();
      }
    }
  }

  /**
   * One pass instead of a watch (for a scheduled job): scans the trees twice, one poll interval apart, ingests every
   * file the two scans saw unchanged, in batches, and returns; a file still growing is left for the next pass.
   *
   * @return what it did
   */
  public Progress runOnce() throws InterruptedException {
    synchronized (this) {
      if (runner != null) {
        throw new IllegalStateException("this watcher is already running; build another one");
      }
      runner = Thread.currentThread();
    }
    try {
      started = System.nanoTime();
      Map<Path, Long> first = scan(null, new HashSet<>());
      Thread.sleep(poll.toMillis());
      Map<Path, Long> second = scan(null, new HashSet<>());
      List<Path> stable = second.entrySet().stream().filter(e -> e.getValue().equals(first.get(e.getKey())))
          .map(Map.Entry::getKey).sorted().toList();
      for (int i = 0; i < stable.size() && !stopping; i += batchSize) {
        ingest(stable.subList(i, Math.min(stable.size(), i + batchSize)));
      }
      return progress();
    } finally {
      synchronized (done) {
        finished = true;
        done.notifyAll();
      }
    }
  }

  /**
   * Asks the watcher to stop: the batch being ingested finishes, queued files are left for the next run. Waits (at
   * most {@code timeout}) for {@link #run()} to return, so a shutdown hook can call it and exit cleanly.
   *
   * @return whether the watcher has stopped within the timeout
   */
  public boolean stop(Duration timeout) {
    stopping = true;
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (done) {
      while (!finished && runner != null) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(done, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
    }
    return true;
  }

  /** Asks the watcher to stop, without waiting: see {@link #stop(Duration)}. */
  public void stop() {
    stopping = true;
  }

  /** What it has done so far. */
  public Progress progress() {
    long f = files.get();
    double seconds = started == 0 ? 0 : (System.nanoTime() - started) / 1e9;
    return new Progress(f, documents.get(), unchanged.get(), quarantined.get(), batches.get(), queue.size(),
        seconds > 0 ? f / seconds : 0);
  }

  private void ingest(List<Path> batch) {
    IngestRequest.Builder rb = IngestRequest.builder(dataset);
    request.accept(rb);
    for (Path p : batch) {
      rb.source(IngestSource.file(p));
    }
    IngestReport report = enrichment == null ? session.ingest(rb.build()) : session.ingest(rb.build(), enrichment).ingest();
    files.addAndGet(report.ingested());
    documents.addAndGet(report.documents());
    unchanged.addAndGet(report.unchanged());
    quarantined.addAndGet(report.quarantined());
    batches.incrementAndGet();
    for (IngestReport.Failure f : report.failures()) {
      LOG.warn("watched file quarantined: {} ({}: {})", f.path(), f.reason(), f.message());
    }
    progress.accept(progress());
  }

  /** Scans every root each poll interval (or sooner, when the file system says something changed). */
  private void scanLoop() {
    Map<Path, Long> lastSeen = new HashMap<>(); // path -> size*31+mtime as of the previous scan
    Map<Path, Long> offered = new HashMap<>(); // what was handed over, in that state
    WatchService events = null;
    Set<Path> registered = new HashSet<>();
    try {
      events = FileSystems.getDefault().newWatchService();
    } catch (IOException | UnsupportedOperationException e) {
      LOG.info("no file-system events here ({}); scanning every {} ms", e.toString(), poll.toMillis());
    }
    try {
      while (!stopping) {
        Map<Path, Long> now = scan(events, registered);
        for (Map.Entry<Path, Long> e : now.entrySet()) {
          Long before = lastSeen.get(e.getKey());
          if (e.getValue().equals(before) && !e.getValue().equals(offered.get(e.getKey()))) {
            queue.put(e.getKey()); // waits while the ingesting side is behind
            offered.put(e.getKey(), e.getValue());
          }
        }
        lastSeen = now;
        offered.keySet().retainAll(now.keySet());
        await(events);
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      // stopping
    } catch (RuntimeException e) {
      LOG.error("the watcher's scanner failed; stopping the watcher", e);
      stopping = true;
    } finally {
      if (events != null) {
        try {
          events.close();
        } catch (IOException e) {
          LOG.debug("closing the watch service", e);
        }
      }
    }
  }

  private void await(WatchService events) throws InterruptedException {
    if (events == null) {
      Thread.sleep(poll.toMillis());
      return;
    }
    var key = events.poll(poll.toMillis(), TimeUnit.MILLISECONDS);
    if (key != null) {
      key.pollEvents();
      key.reset();
      Thread.sleep(Math.min(poll.toMillis(), 50)); // a burst of events is one scan
      for (var more = events.poll(); more != null; more = events.poll()) {
        more.pollEvents();
        more.reset();
      }
    }
  }

  private Map<Path, Long> scan(WatchService events, Set<Path> registered) {
    Map<Path, Long> seen = new HashMap<>();
    for (Path root : roots) {
      if (!Files.isDirectory(root)) {
        continue;
      }
      try {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            if (!dir.equals(root) && hidden(dir)) {
              return FileVisitResult.SKIP_SUBTREE;
            }
            if (events != null && registered.add(dir)) {
              try {
                dir.register(events, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
              } catch (IOException e) {
                registered.remove(dir);
              }
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (attrs.isRegularFile() && !hidden(file)) {
              seen.put(file, attrs.size() * 31 + attrs.lastModifiedTime().toMillis());
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            return FileVisitResult.CONTINUE; // gone between listing and reading, or unreadable: the next scan sees
          }
        });
      } catch (IOException e) {
        LOG.warn("cannot scan {}: {}", root, e.toString());
      }
    }
    registered.removeIf(d -> !Files.isDirectory(d)); // gone: registered again if it comes back
    return seen;
  }

  private static boolean hidden(Path p) {
    String name = p.getFileName().toString();
    return name.startsWith(".") || name.endsWith(".part") || name.endsWith(".tmp") || name.endsWith(".crdownload");
  }

  /** Options for a watcher. */
  public static final class Builder {
    private final Session session;
    private final Dataset dataset;
    private final List<Path> roots = new ArrayList<>();
    private Consumer<IngestRequest.Builder> request = b -> { };
    private Enrichment enrichment;
    private Duration poll = Duration.ofSeconds(1);
    private int batchSize = 100;
    private int queueCapacity = 1000;
    private Consumer<Progress> progress = p -> { };

    private Builder(Session session, Dataset dataset) {
      this.session = Objects.requireNonNull(session, "session");
      this.dataset = Objects.requireNonNull(dataset, "dataset");
    }

    /** A directory tree to watch (repeatable); it need not exist yet. */
    public Builder directory(Path directory) {
      roots.add(Objects.requireNonNull(directory, "directory").toAbsolutePath().normalize());
      return this;
    }

    /** Sets ingest options on each batch's request (OCR, workers, a record mapping, an extractor). */
    public Builder request(Consumer<IngestRequest.Builder> options) {
      this.request = Objects.requireNonNull(options, "options");
      return this;
    }

    /** Enriches each batch once it is durable, as {@link Session#ingest(IngestRequest, Enrichment)} does. */
    public Builder enrichment(Enrichment enrichment) {
      this.enrichment = Objects.requireNonNull(enrichment, "enrichment");
      return this;
    }

    /** How often the trees are rescanned (default 1 s); a file is taken after two scans see it unchanged. */
    public Builder pollInterval(Duration interval) {
      if (interval.isNegative() || interval.isZero()) {
        throw new IllegalArgumentException("the poll interval must be positive, got " + interval);
      }
      this.poll = interval;
      return this;
    }

    /** At most this many files per ingest call (default 100). */
    public Builder batchSize(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("batchSize must be at least 1, got " + n);
      }
      this.batchSize = n;
      return this;
    }

    /** How many complete files may wait before the scanner waits for ingest (default 1,000). */
    public Builder queueCapacity(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("queueCapacity must be at least 1, got " + n);
      }
      this.queueCapacity = n;
      return this;
    }

    /** Told after every batch. */
    public Builder progress(Consumer<Progress> listener) {
      this.progress = Objects.requireNonNull(listener, "listener");
      return this;
    }

    public Watcher build() {
      if (roots.isEmpty()) {
        throw new IllegalArgumentException("a watcher needs at least one directory; call directory(path)");
      }
      return new Watcher(this);
    }
  }
}
