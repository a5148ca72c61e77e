package org.insight.spark;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.SparkSession;
import org.insight.match.LinkResult;
import org.insight.match.Linker;
import org.insight.match.MatchModel;
import org.insight.match.MatchRecord;
import org.insight.test.PersonGenerator;

/**
 * The Spark link job against the embedded linker on one generated N × N linkage (half the right side copies of left
 * records, with typos and missing dates): wall and process CPU time of each at 1 and 2 threads (local[1],
 * local[2]), the Spark jobs each run started, and whether the pairs and clusters are identical. With {@code em} both
 * fit the model by EM (the Spark job over its candidates'
 * pattern counts) and the bench also says whether the parameters are identical; otherwise both score with
 * {@link MatchModel#personDefaults()}. Arguments: N, {@code em} or {@code given}, the thread counts (default
 * {@code 1,2}), rounds (default 1; each round runs, per thread count, the embedded linker and then the Spark job side
 * by side and prints their ratio; a summary gives the medians). {@code -Dbench.partitionsPerThread=P} (default 1):
 * the job's partitions ({@code spark.sql.shuffle.partitions}) per local thread. Not a test (no surefire pattern); run
 * by hand, see docs/benchmarks.md: {@code java <Spark's --add-opens> -cp <test class path>
 * org.insight.spark.SparkLinkBench 100000 em 2 3}.
 */
public final class SparkLinkBench {

  /** One partition per local thread: each extra partition ships and prepares the records it pairs again. */
  private static final int PARTITIONS_PER_THREAD = Integer.getInteger("bench.partitionsPerThread", 1);

  private SparkLinkBench() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    boolean em = args.length > 1 && args[1].equals("em");
    int[] threadCounts = args.length > 2 ? java.util.Arrays.stream(args[2].split(",")).mapToInt(Integer::parseInt)
        .toArray() : new int[] {1, 2};
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 1;
    Random random = new Random(42);
    List<MatchRecord> left = new ArrayList<>();
    List<String[]> people = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String[] p = person(random);
      people.add(p);
      left.add(record("L" + i, p, random, false));
    }
    List<MatchRecord> right = new ArrayList<>();
    for (int j = 0; j < n; j++) {
      right.add(random.nextBoolean() ? record("R" + j, people.get(random.nextInt(n)), random, true)
          : record("R" + j, person(random), random, false));
    }
    System.out.printf(Locale.ROOT, "%,d x %,d records, model %s; threads %s, %d round(s); load average %.1f on %d"
        + " cores; max heap %,d MB%n", n, n, em ? "fitted by EM" : "person defaults",
        java.util.Arrays.toString(threadCounts), rounds, load(), Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20);
    HeapPeak heap = new HeapPeak();
    LinkResult reference = null;
    // per thread count: embedded then Spark, alternating, each round; the ratios are of runs side by side
    Map<Integer, List<double[]>> ratios = new LinkedHashMap<>();
    for (int round = 1; round <= rounds; round++) {
      for (int threads : threadCounts) {
        Linker linker = linker(threads, em);
        heap.reset();
        long t0 = System.nanoTime();
        long c0 = cpu();
        LinkResult embedded = linker.link(left, right);
        double embeddedSeconds = (System.nanoTime() - t0) / 1e9;
        double embeddedCpu = (cpu() - c0) / 1e9;
        reference = reference == null ? embedded : reference;
        System.out.printf(Locale.ROOT, "round %d embedded, %d thread(s): %.2f s (%.1f CPU-s), peak heap %s, %,d pairs,"
            + " %,d clusters, %,d candidates; load %.1f%n", round, threads, embeddedSeconds, embeddedCpu, heap.peak(),
            embedded.pairs().size(), embedded.clusters().size(), embedded.blocking().candidatePairs(), load());

        SparkSession spark = SparkSession.builder().appName("bench").master("local[" + threads + "]")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", String.valueOf(PARTITIONS_PER_THREAD * threads))
            .config("spark.driver.memory", "4g").getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        AtomicInteger jobs = new AtomicInteger();
        spark.sparkContext().addSparkListener(new SparkListener() {
          @Override
          public void onJobStart(SparkListenerJobStart start) {
            jobs.incrementAndGet();
          }
        });
        heap.reset();
        t0 = System.nanoTime();
        c0 = cpu();
        SparkLinker job = new SparkLinker(spark, linker(threads, em));
        SparkLinkResult run = job.link(SparkLinker.records(spark, left), SparkLinker.records(spark, right));
        double runSeconds = (System.nanoTime() - t0) / 1e9;
        LinkResult result = run.collect();
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpuSeconds = (cpu() - c0) / 1e9;
        String peak = heap.peak();
        try {
          spark.sparkContext().listenerBus().waitUntilEmpty(60_000);
        } catch (java.util.concurrent.TimeoutException e) {
          throw new IllegalStateException(e);
        }
        boolean same = result.model().parameters().equals(reference.model().parameters())
            && result.pairs().equals(reference.pairs()) && result.clusters().equals(reference.clusters());
        System.out.printf(Locale.ROOT, "round %d spark local[%d]: %.2f s (%.1f CPU-s; session start excluded; %.2f s"
            + " before the result is read), peak heap %s, %d Spark jobs, %,d pairs, %,d clusters, %,d candidates;"
            + " identical model %b, pairs %b, clusters %b; load %.1f%n", round, threads, seconds, cpuSeconds,
            runSeconds, peak, jobs.get(), result.pairs().size(), result.clusters().size(),
            result.blocking().candidatePairs(), result.model().parameters().equals(reference.model().parameters()),
            result.pairs().equals(reference.pairs()), result.clusters().equals(reference.clusters()), load());
        System.out.printf(Locale.ROOT, "round %d RATIO spark local[%d] / embedded %d thread(s), side by side: wall"
            + " %.2fx, CPU %.2fx%s%n", round, threads, threads, seconds / embeddedSeconds, cpuSeconds / embeddedCpu,
            same ? "" : "  (RESULTS DIFFER)");
        ratios.computeIfAbsent(threads, t -> new ArrayList<>())
            .add(new double[] {seconds / embeddedSeconds, cpuSeconds / embeddedCpu});
        spark.stop();
      }
    }
    ratios.forEach((threads, list) -> {
      double[] wall = list.stream().mapToDouble(r -> r[0]).sorted().toArray();
      double[] cpu = list.stream().mapToDouble(r -> r[1]).sorted().toArray();
      System.out.printf(Locale.ROOT, "SUMMARY spark local[%d] / embedded %d thread(s) over %d round(s): wall median"
          + " %.2fx (min %.2fx), CPU median %.2fx%s%n", threads, threads, wall.length, wall[wall.length / 2], wall[0],
          cpu[cpu.length / 2], threads == 2 ? "  <- the aim: <= 2x" : "");
    });
    heap.close();
  }

  /**
   * The heap in use at its peak since {@link #reset} (sampled every 20 ms; garbage not yet collected included, so an
   * upper bound of what the run needs).
   */
  private static final class HeapPeak implements AutoCloseable {
    private final java.util.concurrent.atomic.AtomicLong used = new java.util.concurrent.atomic.AtomicLong();
    private final Thread sampler;
    private volatile boolean running = true;

    HeapPeak() {
      java.lang.management.MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
      sampler = new Thread(() -> {
        while (running) {
          used.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
          try {
            Thread.sleep(20);
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "heap-peak");
      sampler.setDaemon(true);
      sampler.start();
    }

    void reset() {
      System.gc();
      used.set(0);
    }

    String peak() {
      return String.format(Locale.ROOT, "%,d MB in use", used.get() >> 20);
    }

    @Override
    public void close() {
      running = false;
    }
  }

  private static Linker linker(int threads, boolean em) {
    Linker linker = Linker.builder().threads(threads).build();
    return em ? linker : linker.withModel(MatchModel.personDefaults());
  }

  /** The process's CPU time in ns (all threads: Spark's too). */
  private static long cpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static double load() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  /** given, family, birth date, passport, country: made-up names mostly, so blocks stay realistic at scale. */
  private static String[] person(Random random) {
    String given = random.nextDouble() < 0.6 ? PersonGenerator.GIVEN.get(random.nextInt(PersonGenerator.GIVEN.size()))
        : PersonGenerator.madeUpName(random, 2);
    String family = random.nextDouble() < 0.2 ? PersonGenerator.FAMILY.get(random.nextInt(PersonGenerator.FAMILY.size()))
        : PersonGenerator.madeUpName(random, 2 + random.nextInt(2));
    String date = String.format(Locale.ROOT, "%04d-%02d-%02d", 1940 + random.nextInt(65), 1 + random.nextInt(12),
        1 + random.nextInt(28));
    String passport = random.nextDouble() < 0.5 ? String.format(Locale.ROOT, "P%08d", random.nextInt(100_000_000))
        : null;
    return new String[] {given, family, date, passport,
        PersonGenerator.COUNTRIES.get(random.nextInt(PersonGenerator.COUNTRIES.size()))};
  }

  private static MatchRecord record(String id, String[] p, Random random, boolean corrupt) {
    String given = p[0];
    String family = p[1];
    String date = p[2];
    String passport = p[3];
    if (corrupt) {
      if (random.nextDouble() < 0.3) {
        int at = 1 + random.nextInt(family.length() - 1);
        family = family.substring(0, at) + (char) ('a' + random.nextInt(26)) + family.substring(at);
      }
      date = random.nextDouble() < 0.2 ? null : date;
      passport = random.nextDouble() < 0.4 ? null : passport;
    }
    Map<String, List<String>> v = new LinkedHashMap<>();
    v.put("name", List.of(given + " " + family));
    if (date != null) {
      v.put("birthDate", List.of(date));
    }
    if (passport != null) {
      v.put("passportNumber", List.of(passport));
    }
    v.put("nationality", List.of(p[4]));
    return MatchRecord.of(id, corrupt ? "right" : "left", v);
  }
}
