package org.insight.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import org.insight.core.Dataset;
import org.insight.ingest.RecordMapping;
import org.insight.ingest.RecordReader;
import org.insight.ingest.RecordSummary;
import org.insight.policy.Label;
import org.insight.policy.SourceGrading;

/**
 * Structured-record benchmark. CDR CSV: {@code RecordReader} with the built-in {@code cdr} mapping (lenient parse,
 * cleaning, key-derived ids, entities and links with provenance) against a bare {@code readLine} + {@code split}
 * of the same file, interleaved. Notice JSON: streaming one notice at a time through the {@code notice} mapping
 * against Jackson {@code readTree} of the whole document (what a naive reader does), with the peak heap of each.
 * Rates are per second of thread CPU time, so a busy machine does not skew them.
 *
 * <pre>./run-bench records [CDR_ROWS] [NOTICES]</pre>
 */
public final class RecordsBench {
  private static final Dataset DATASET = Dataset.of("bench", Label.of("POLICE"), SourceGrading.parse("B2"));

  private RecordsBench() {}

  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int notices = args.length > 1 ? Integer.parseInt(args[1]) : 300_000;
    Path dir = Files.createTempDirectory("insight-records-bench");
    try {
      Path cdr = dir.resolve("calls.csv");
      writeCdr(cdr, rows, new Random(11));
      double mb = Files.size(cdr) / 1e6;
      System.out.printf(Locale.ROOT, "RecordsBench: CDR CSV %,d rows (%.0f MB), notice JSON %,d notices%n", rows, mb,
          notices);
      RecordMapping mapping = RecordMapping.builtIn("cdr");
      // warm up both on a prefix-sized run, then interleave three rounds and keep the best of each
      cdrOurs(cdr, mapping);
      cdrRaw(cdr);
      // thread CPU time, not wall time: the figures should not depend on what else the machine runs
      java.lang.management.ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
      double best = Double.MAX_VALUE;
      double bestRaw = Double.MAX_VALUE;
      long links = 0;
      for (int round = 0; round < 3; round++) {
        long t0 = cpu.getCurrentThreadCpuTime();
        links = cdrOurs(cdr, mapping);
        best = Math.min(best, (cpu.getCurrentThreadCpuTime() - t0) / 1e9);
        t0 = cpu.getCurrentThreadCpuTime();
        cdrRaw(cdr);
        bestRaw = Math.min(bestRaw, (cpu.getCurrentThreadCpuTime() - t0) / 1e9);
      }
      System.out.printf(Locale.ROOT, "  cdr mapping      %,10.0f rows/s  %6.1f MB/s  (%,d calls)%n", rows / best,
          mb / best, links);
      System.out.printf(Locale.ROOT, "  readLine+split   %,10.0f rows/s  %6.1f MB/s%n", rows / bestRaw, mb / bestRaw);
      System.out.printf(Locale.ROOT, "  ratio (mapping / bare split): %.2f%n", bestRaw / best);

      Path json = dir.resolve("notices.json");
      writeNotices(json, notices, new Random(13));
      double jmb = Files.size(json) / 1e6;
      // retained heap: used heap after a full GC, sampled ten times during the read (peak "used" would count garbage)
      final long start = retained();
      long[] maxRetained = {0};
      int every = Math.max(1, notices / 10);
      long[] seen = {0};
      long t0 = cpu.getCurrentThreadCpuTime();
      RecordSummary s = RecordReader.read(json, RecordMapping.builtIn("notice"), DATASET, r -> {
        if (++seen[0] % every == 0) {
          maxRetained[0] = Math.max(maxRetained[0], retained() - start);
        }
      });
      double ours = (cpu.getCurrentThreadCpuTime() - t0) / 1e9;
      long before = retained();
      t0 = cpu.getCurrentThreadCpuTime();
      long count;
      long treeRetained;
      try (InputStream in = Files.newInputStream(json)) {
        JsonNode all = new ObjectMapper().readTree(in);
        count = all.path("_embedded").path("notices").size();
        double parse = (cpu.getCurrentThreadCpuTime() - t0) / 1e9;
        treeRetained = retained() - before;
        System.out.printf(Locale.ROOT, "  notice mapping (streamed)  %,9.0f notices/s  %6.1f MB/s  retained heap %,5d MB"
            + "  (%,d loaded)%n", notices / ours, jmb / ours, maxRetained[0] >> 20, s.loaded());
        System.out.printf(Locale.ROOT, "  readTree whole document    %,9.0f notices/s  %6.1f MB/s  retained heap %,5d MB"
            + "  (%,d parsed, nothing mapped)%n", count / parse, jmb / parse, treeRetained >> 20, count);
        System.out.printf(Locale.ROOT, "  JSON file %.0f MB; retained heap, streamed / whole tree: %.3f%n", jmb,
            (double) Math.max(maxRetained[0], 1) / Math.max(treeRetained, 1));
        if (all.isMissingNode()) {
          System.out.println();   // keeps the tree reachable until it has been measured
        }
      }
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static long cdrOurs(Path file, RecordMapping mapping) {
    return RecordReader.read(file, mapping, DATASET, r -> { }).links();
  }

  private static long cdrRaw(Path file) throws Exception {
    long cells = 0;
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = r.readLine()) != null) {
        cells += line.split(",", -1).length;
      }
    }
    return cells;
  }

  private static String phone(Random r) {
    int n = r.nextInt(20_000);
    return r.nextBoolean() ? String.format(Locale.ROOT, "+33 6 %02d %02d %02d %02d", n / 1000 % 100, n / 100 % 10,
        n % 100, 11) : String.format(Locale.ROOT, "00336%02d%02d%02d11", n / 1000 % 100, n / 100 % 10, n % 100);
  }

  private static void writeCdr(Path file, int rows, Random r) throws Exception {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("\uFEFFcaller,callee,start_time,duration,cell_id,latitude,longitude,call_type\r\n");
      for (int i = 0; i < rows; i++) {
        w.write(phone(r) + "," + phone(r) + ","
            + String.format(Locale.ROOT, "%02d/03/2026 %02d:%02d:%02d", 1 + r.nextInt(28), r.nextInt(24),
                r.nextInt(60), r.nextInt(60))
            + "," + r.nextInt(3600) + ",208-01-" + r.nextInt(9999) + ","
            + String.format(Locale.ROOT, "%.5f,%.5f", 48 + r.nextDouble(), 2 + r.nextDouble())
            + (r.nextInt(10) == 0 ? ",\"sms, concatenated\"" : ",voice") + "\r\n");
      }
    }
  }

  private static void writeNotices(Path file, int n, Random r) throws Exception {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("{\"total\": " + n + ", \"_embedded\": {\"notices\": [\n");
      for (int i = 0; i < n; i++) {
        w.write((i > 0 ? ",\n" : "") + "{\"entity_id\": \"2026/" + i + "\", \"forename\": \"IVAN" + r.nextInt(999)
            + "\", \"name\": \"PETROV\", \"date_of_birth\": \"19" + (50 + r.nextInt(50)) + "/0" + (1 + r.nextInt(9))
            + "/1" + r.nextInt(9) + "\", \"nationalities\": [\"RU\", \"UA\"], \"sex_id\": \"M\","
            + " \"languages_spoken_ids\": [\"RUS\", \"ENG\"], \"distinguishing_marks\": \"Scar on the left cheek\","
            + " \"arrest_warrants\": [{\"charge\": \"Fraud and money laundering through shell companies\","
            + " \"issuing_country_id\": \"FR\"}]}");
      }
      w.write("]}, \"_links\": {\"self\": {\"href\": \"https://notices.example.org/\"}}}\n");
    }
  }

  private static long retained() {
    System.gc();
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
