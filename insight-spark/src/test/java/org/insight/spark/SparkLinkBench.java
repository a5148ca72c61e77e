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
 * {@link MatchModel#personDefaults()}. Not a test (no surefire pattern); run by hand, see docs/spark.md:
 * {@code java <Spark's --add-opens> -cp <test class path> org.insight.spark.SparkLinkBench 20000 [em]}.
 */
public final class SparkLinkBench {

  private SparkLinkBench() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    boolean em = args.length > 1 && args[1].equals("em");
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
    System.out.printf(Locale.ROOT, "%,d x %,d records, model %s; load average %.1f on %d cores%n", n, n,
        em ? "fitted by EM" : "person defaults", load(), Runtime.getRuntime().availableProcessors());
    LinkResult[] embedded = new LinkResult[3];
    for (int threads : new int[] {1, 2}) {
      Linker linker = linker(threads, em);
      long t0 = System.nanoTime();
      long c0 = cpu();
      embedded[threads] = linker.link(left, right);
      System.out.printf(Locale.ROOT, "embedded, %d thread(s): %.1f s (%.1f CPU-s), %,d pairs, %,d clusters, %,d"
          + " candidates; load %.1f%n", threads, (System.nanoTime() - t0) / 1e9, (cpu() - c0) / 1e9,
          embedded[threads].pairs().size(),
          embedded[threads].clusters().size(), embedded[threads].blocking().candidatePairs(), load());
    }
    for (int threads : new int[] {1, 2}) {
      SparkSession spark = SparkSession.builder().appName("bench").master("local[" + threads + "]")
          .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", String.valueOf(4 * threads))
          .config("spark.driver.memory", "4g").getOrCreate();
      spark.sparkContext().setLogLevel("WARN");
      AtomicInteger jobs = new AtomicInteger();
      spark.sparkContext().addSparkListener(new SparkListener() {
        @Override
        public void onJobStart(SparkListenerJobStart start) {
          jobs.incrementAndGet();
        }
      });
      Linker linker = linker(threads, em);
      long t0 = System.nanoTime();
      long c0 = cpu();
      SparkLinker job = new SparkLinker(spark, linker);
      SparkLinkResult run = job.link(SparkLinker.records(spark, left), SparkLinker.records(spark, right));
      double runSeconds = (System.nanoTime() - t0) / 1e9;
      LinkResult result = run.collect();
      double seconds = (System.nanoTime() - t0) / 1e9;
      double cpuSeconds = (cpu() - c0) / 1e9;
      try {
        spark.sparkContext().listenerBus().waitUntilEmpty(60_000);
      } catch (java.util.concurrent.TimeoutException e) {
        throw new IllegalStateException(e);
      }
      System.out.printf(Locale.ROOT, "spark local[%d]: %.1f s (%.1f CPU-s; session start excluded; %.1f s before the"
          + " result is read), %d Spark jobs, %,d pairs, %,d clusters,"
          + " %,d candidates; identical model %b, pairs %b, clusters %b; load %.1f%n", threads, seconds, cpuSeconds,
          runSeconds,
          jobs.get(), result.pairs().size(), result.clusters().size(),
          result.blocking().candidatePairs(), result.model().parameters().equals(embedded[1].model().parameters()),
          result.pairs().equals(embedded[1].pairs()), result.clusters().equals(embedded[1].clusters()), load());
      spark.stop();
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
