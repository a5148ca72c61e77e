package org.insight.spark;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import org.apache.spark.sql.SparkSession;
import org.insight.core.Dataset;
import org.insight.core.Schema;
import org.insight.ingest.IngestReport;
import org.insight.ingest.IngestRequest;
import org.insight.ingest.IngestSource;
import org.insight.ingest.OcrOptions;
import org.insight.policy.Label;
import org.insight.policy.Principal;
import org.insight.policy.Purpose;
import org.insight.policy.SourceGrading;
import org.insight.workspace.Session;
import org.insight.workspace.Workspace;

/**
 * Not a test (run by hand, see docs/benchmarks.md "Spark loading"): what bringing a job's statements home costs.
 * One generated FollowTheMoney file of N persons (five statements each) is extracted once by the Spark job
 * ({@code RecordInput.ftm()}, local[2]); then, alternating, best of {@code ROUNDS}, into a fresh workspace each time:
 * {@code WorkspaceLoader.load} of the job's output (the authorised write path: validated, authorised, audited,
 * stamped, durable per batch of 500) against the embedded FtM import of the same file ({@code Session.ingest} with
 * {@code ftm}: the same session writes, in chunks of 1,000 entities, plus reading and mapping the file). Wall time,
 * the calling thread's CPU time, seconds per million statements, peak heap.
 *
 * <p>{@code java -cp <test class path> org.insight.spark.SparkLoadBench [PERSONS] [ROUNDS]}
 */
public final class SparkLoadBench {
  private SparkLoadBench() {}

  public static void main(String[] args) throws IOException {
    int persons = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    Path dir = Files.createTempDirectory("insight-spark-load-bench-");
    Path in = Files.createDirectories(dir.resolve("in"));
    generate(in.resolve("people.ftm.json"), persons);
    Label label = Label.builder("FR&POLICE").purposes(Purpose.CRIMINAL_INVESTIGATION).build();
    Dataset dataset = Dataset.of("bench", label, SourceGrading.parse("B2"));
    Principal loader = Principal.of("loader", "FR", "POLICE");
    Purpose ci = Purpose.CRIMINAL_INVESTIGATION;
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();

    SparkSession spark = SparkSession.builder().appName("bench").master("local[2]")
        .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
        .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    try {
      long t0 = System.nanoTime();
      ExtractJob.Result r = ExtractJob.builder(dataset).ocr(OcrOptions.OFF).records(RecordInput.ftm()).build()
          .run(spark, ExtractJob.files(spark, in.toString()), dir.resolve("out").toString());
      System.out.printf(Locale.ROOT, "extraction job local[2]: %.2f s, %d statements, %d quarantined%n",
          (System.nanoTime() - t0) / 1e9, r.statements(), r.quarantined());
      double bestLoad = Double.MAX_VALUE;
      double bestLoadCpu = Double.MAX_VALUE;
      double bestEmbedded = Double.MAX_VALUE;
      double bestEmbeddedCpu = Double.MAX_VALUE;
      long statements = r.statements();
      for (int round = 0; round < rounds; round++) {
        long c1 = cpu.getCurrentThreadCpuTime();
        long t1 = System.nanoTime();
        try (Workspace ws = Workspace.open(dir.resolve("loaded-" + round)); Session s = ws.session(loader, ci)) {
          WorkspaceLoader.Report loaded = WorkspaceLoader.load(spark, r.out(), s);
          if (loaded.statements() != statements) {
            throw new IllegalStateException("loaded " + loaded.statements() + " of " + statements);
          }
        }
        bestLoad = Math.min(bestLoad, (System.nanoTime() - t1) / 1e9);
        bestLoadCpu = Math.min(bestLoadCpu, (cpu.getCurrentThreadCpuTime() - c1) / 1e9);

        long c2 = cpu.getCurrentThreadCpuTime();
        long t2 = System.nanoTime();
        try (Workspace ws = Workspace.open(dir.resolve("embedded-" + round)); Session s = ws.session(loader, ci)) {
          IngestReport report = s.ingest(IngestRequest.builder(dataset).source(IngestSource.directory(in))
              .ftm(Schema.defaults()).build());
          if (report.quarantined() != 0) {
            throw new IllegalStateException("the embedded import quarantined " + report.failures());
          }
        }
        bestEmbedded = Math.min(bestEmbedded, (System.nanoTime() - t2) / 1e9);
        bestEmbeddedCpu = Math.min(bestEmbeddedCpu, (cpu.getCurrentThreadCpuTime() - c2) / 1e9);
      }
      double perMillion = 1e6 / statements;
      System.out.printf(Locale.ROOT, "WorkspaceLoader.load          %8.2f s wall (%7.1f s per million statements),"
          + " calling thread CPU %7.2f s%n", bestLoad, bestLoad * perMillion, bestLoadCpu);
      System.out.printf(Locale.ROOT, "embedded FtM Session.ingest   %8.2f s wall (%7.1f s per million statements),"
          + " calling thread CPU %7.2f s%n", bestEmbedded, bestEmbedded * perMillion, bestEmbeddedCpu);
      System.out.printf(Locale.ROOT, "ratio load / embedded import: %.2fx; statements=%d persons=%d rounds=%d;"
          + " peak heap %d MB%n", bestLoad / bestEmbedded, statements, persons, rounds, peakHeapMb());
    } finally {
      spark.stop();
    }
  }

  /** N FtM persons of five statements each (name, birth date, nationality, e-mail, phone). */
  static void generate(Path file, int n) throws IOException {
    Random r = new Random(22);
    String[] first = {"Ivan", "Anna", "Jean", "Marie", "Ahmed", "Li", "Olga", "Pedro", "Sara", "Tomas"};
    String[] last = {"Petrov", "Dubois", "Martin", "Haddad", "Wang", "Silva", "Novak", "Rossi", "Khan", "Berg"};
    String[] countries = {"fr", "de", "ru", "es", "it", "pl", "cn", "br"};
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 0; i < n; i++) {
        String name = first[r.nextInt(first.length)] + " " + last[r.nextInt(last.length)];
        w.write(String.format(Locale.ROOT, "{\"id\": \"p-%d\", \"schema\": \"Person\", \"properties\": {\"name\":"
            + " [\"%s\"], \"birthDate\": [\"%d-%02d-%02d\"], \"nationality\": [\"%s\"], \"email\":"
            + " [\"person%d@example.org\"], \"phone\": [\"+3361%07d\"]}}%n", i, name, 1950 + r.nextInt(50),
            1 + r.nextInt(12), 1 + r.nextInt(28), countries[r.nextInt(countries.length)], i, i));
      }
    }
  }

  private static long peakHeapMb() {
    long sum = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        sum += p.getPeakUsage().getUsed();
      }
    }
    return sum >> 20;
  }
}
