package org.insight.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.insight.ingest.OcrOptions;
import org.insight.ingest.TikaExtractor;

/**
 * CPU time per file, which a loaded machine disturbs far less than wall time (alternate two builds and compare): (1) the no-parsing ingest's writer (calling) thread CPU per document, its
 * Java threads' (JIT and GC left out) and the JVM's; (2) extraction through 1 worker process: host JVM CPU + worker process CPU per item. Best of RUNS.
 *
 * <pre>java -cp insight-bench/target/insight-bench-0.1.0-SNAPSHOT.jar:insight-bench/target/lib/* org.insight.bench.IngestCpuBench FILES RUNS</pre>
 */
public final class IngestCpuBench {
  private IngestCpuBench() {}

  public static void main(String[] args) throws Exception {
    int files = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Path root = Files.createTempDirectory("cpudriver");
    Path corpus = root.resolve("corpus");
    IngestBench.generate(corpus, files, 1, new Random(42));
    List<Path> paths;
    try (Stream<Path> s = Files.walk(corpus)) {
      paths = s.filter(Files::isRegularFile).sorted().toList();
    }
    try {
      IngestBench.pipeline(corpus, root.resolve("warm"), 1, null); // warm-up
      double bestWriter = Double.MAX_VALUE;
      double bestJvm = Double.MAX_VALUE;
      double bestJava = Double.MAX_VALUE;
      try (JavaThreadsCpu java = new JavaThreadsCpu(threads)) {
        for (int i = 0; i < runs; i++) {
          long j0 = java.total();
          long t0 = threads.getCurrentThreadCpuTime();
          long p0 = processCpu();
          IngestBench.Run r = IngestBench.pipeline(corpus, root.resolve("ws" + i), 1, null);
          double writer = (threads.getCurrentThreadCpuTime() - t0) / 1e6 / files;
          double jvm = (processCpu() - p0) / 1e6 / files;
          double javaThreads = (java.total() - j0) / 1e6 / files;
          bestWriter = Math.min(bestWriter, writer);
          bestJvm = Math.min(bestJvm, jvm);
          bestJava = Math.min(bestJava, javaThreads);
          System.out.printf(Locale.ROOT, "no parsing run %d: %.1f files/s wall, writer thread %.2f ms CPU/file, Java "
              + "threads %.2f, JVM %.2f ms CPU/file%n", i, files / r.seconds(), writer, javaThreads, jvm);
        }
      }
      System.out.printf(Locale.ROOT, "no parsing best: writer thread %.2f ms CPU/file, Java threads %.2f (JIT and GC "
          + "left out), JVM %.2f ms CPU/file%n", bestWriter, bestJava, bestJvm);
      try (TikaExtractor one = TikaExtractor.builder().workers(1).noOcr().timeout(Duration.ofMinutes(2)).build()) {
        for (Path p : paths.subList(0, Math.min(50, paths.size()))) {
          one.extract(p, OcrOptions.OFF, (item, bytes) -> bytes.readAllBytes()); // warm-up, worker start
        }
        double best = Double.MAX_VALUE;
        double bestWall = Double.MAX_VALUE;
        for (int i = 0; i < runs; i++) {
          long p0 = processCpu();
          long w0 = workerCpu();
          long t0 = System.nanoTime();
          for (Path p : paths) {
            one.extract(p, OcrOptions.OFF, (item, bytes) -> bytes.readAllBytes());
          }
          double wall = (System.nanoTime() - t0) / 1e6 / paths.size();
          double cpu = ((processCpu() - p0) + (workerCpu() - w0)) / 1e6 / paths.size();
          best = Math.min(best, cpu);
          bestWall = Math.min(bestWall, wall);
          System.out.printf(Locale.ROOT, "1 worker process run %d: %.2f ms wall/file, host+worker %.2f ms CPU/file%n", i, wall, cpu);
        }
        System.out.printf(Locale.ROOT, "1 worker process best: %.2f ms wall/file, host+worker %.2f ms CPU/file%n", bestWall, best);
      }
    } finally {
      FoundationBench.delete(root);
    }
  }

  /**
   * The CPU time of every Java thread, sampled every 10 ms so threads that end between two reads (ingest workers,
   * merges) count up to their last sample: the JVM's CPU without JIT compilation and GC, which dominate the noise of
   * short runs.
   */
  private static final class JavaThreadsCpu implements AutoCloseable {
    private final java.util.Map<Long, Long> latest = new java.util.concurrent.ConcurrentHashMap<>();
    private final Thread sampler;

    JavaThreadsCpu(ThreadMXBean threads) {
      sampler = new Thread(() -> {
        long self = Thread.currentThread().getId();
        while (!Thread.currentThread().isInterrupted()) {
          sample(threads, self);
          try {
            Thread.sleep(10);
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "cpu-sampler");
      sampler.setDaemon(true);
      sampler.start();
    }

    private void sample(ThreadMXBean threads, long self) {
      for (long id : threads.getAllThreadIds()) {
        long cpu = id == self ? -1 : threads.getThreadCpuTime(id);
        if (cpu > 0) {
          latest.merge(id, cpu, Math::max);
        }
      }
    }

    /** The Java threads' CPU so far (ns), as last sampled; waits one sample so a run's end is in. */
    long total() throws InterruptedException {
      Thread.sleep(30);
      return latest.values().stream().mapToLong(Long::longValue).sum();
    }

    @Override
    public void close() {
      sampler.interrupt();
    }
  }

  private static long processCpu() {
    return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
  }

  private static long workerCpu() {
    return ProcessHandle.current().descendants().mapToLong(h -> h.info().totalCpuDuration().map(Duration::toNanos).orElse(0L)).sum();
  }
}
