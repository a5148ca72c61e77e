package org.insight.spark;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.spark.sql.SparkSession;
import org.insight.core.Dataset;
import org.insight.ingest.IngestRequest;
import org.insight.ingest.IngestSource;
import org.insight.ingest.OcrOptions;
import org.insight.policy.Label;
import org.insight.policy.Principal;
import org.insight.policy.Purpose;
import org.insight.policy.SourceGrading;
import org.insight.workspace.IngestResult;
import org.insight.workspace.Session;
import org.insight.workspace.Workspace;

/**
 * Not a test (run by hand, see docs/benchmarks.md "Spark extraction"): the extraction job in local[1] and local[2]
 * against the embedded {@code Session.ingest} with the same enrichment on the same generated files, in one JVM; wall
 * times, ratios to the embedded run, and the job's load into a workspace. Lives here rather than in insight-bench
 * because Spark is a provided dependency of this module only.
 *
 * <p>{@code java -cp <test class path> org.insight.spark.ExtractSparkBench [FILES]}
 */
public final class ExtractSparkBench {
  private ExtractSparkBench() {}

  public static void main(String[] args) throws IOException {
    int files = args.length > 0 ? Integer.parseInt(args[0]) : 400;
    Path dir = Files.createTempDirectory("insight-spark-bench-");
    Path corpus = generate(dir.resolve("corpus"), files);
    Label label = Label.builder("FR&POLICE").purposes(Purpose.CRIMINAL_INVESTIGATION).build();
    Dataset dataset = Dataset.of("bench", label, SourceGrading.parse("B2"));
    Principal loader = Principal.of("loader", "FR", "POLICE");
    Purpose ci = Purpose.CRIMINAL_INVESTIGATION;

    long t0 = System.nanoTime();
    IngestResult embedded;
    try (Workspace ws = Workspace.open(dir.resolve("embedded")); Session s = ws.session(loader, ci)) {
      embedded = s.ingest(IngestRequest.builder(dataset).source(IngestSource.directory(corpus)).ocr(OcrOptions.OFF)
          .workers(2).build(), EnrichmentFactory.standard().create());
    }
    double embeddedS = seconds(t0);
    line("embedded Session.ingest (2 workers) + enrichment", embeddedS, embeddedS,
        "documents=" + embedded.ingest().documents());

    double[] job = new double[3];
    for (int threads : new int[] {1, 2}) {
      SparkSession spark = SparkSession.builder().appName("bench").master("local[" + threads + "]")
          .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", String.valueOf(threads))
          .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
      spark.sparkContext().setLogLevel("WARN");
      try {
        ExtractJob extract = ExtractJob.builder(dataset).ocr(OcrOptions.OFF).enrichment(EnrichmentFactory.standard())
            .build();
        long t1 = System.nanoTime();
        ExtractJob.Result r = extract.run(spark, ExtractJob.files(spark, corpus.toString()).repartition(threads),
            dir.resolve("out-" + threads).toString());
        job[threads] = seconds(t1);
        line("spark extraction job local[" + threads + "]", job[threads], embeddedS,
            "documents=" + r.documents() + " mentions=" + r.mentions() + " quarantined=" + r.quarantined());
        if (threads == 2) {
          long t2 = System.nanoTime();
          WorkspaceLoader.Report loaded;
          try (Workspace ws = Workspace.open(dir.resolve("loaded")); Session s = ws.session(loader, ci)) {
            loaded = WorkspaceLoader.load(spark, r.out(), s);
          }
          double loadS = seconds(t2);
          line("WorkspaceLoader.load of that output", loadS, embeddedS, "documents=" + loaded.documents());
          line("job local[2] + load", job[2] + loadS, embeddedS, "");
        }
      } finally {
        spark.stop();
      }
    }
    System.out.printf(Locale.ROOT, "local[2] speed-up over local[1]: %.2fx; peak heap %d MB; files=%d%n",
        job[1] / job[2], peakHeapMb(), files);
  }

  private static void line(String what, double s, double baseline, String counts) {
    System.out.printf(Locale.ROOT, "%-52s %8.2f s  %5.2fx embedded  %s%n", what, s, s / baseline, counts);
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
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

  /** Text files with selectors in English and French, and one zip in ten holding two of them. */
  static Path generate(Path dir, int n) throws IOException {
    Files.createDirectories(dir);
    Random r = new Random(22);
    String[] words = ("suspect harbour courier transfer vehicle witness report meeting border account night port"
        + " route cargo phone message").split(" ");
    for (int i = 0; i < n; i++) {
      StringBuilder b = new StringBuilder();
      for (int w = 0; w < 300; w++) {
        b.append(words[r.nextInt(words.length)]).append(w % 12 == 11 ? ". " : " ");
      }
      b.append("Call +33 6 12 34 ").append(10 + r.nextInt(89)).append(' ').append(10 + r.nextInt(89))
          .append(" or write to agent").append(i).append("@example.org.");
      byte[] text = b.toString().getBytes(StandardCharsets.UTF_8);
      if (i % 10 == 9) {
        try (OutputStream out = Files.newOutputStream(dir.resolve("bundle-" + i + ".zip"));
            ZipOutputStream zip = new ZipOutputStream(out)) {
          zip.putNextEntry(new ZipEntry("a.txt"));
          zip.write(text);
          zip.closeEntry();
          zip.putNextEntry(new ZipEntry("b.txt"));
          zip.write(("Copy " + i + ": ").getBytes(StandardCharsets.UTF_8));
          zip.write(text);
          zip.closeEntry();
        }
      } else {
        Files.write(dir.resolve("file-" + i + ".txt"), text);
      }
    }
    return dir;
  }
}
