package org.insight.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.insight.core.Dataset;
import org.insight.core.Schema;
import org.insight.ingest.IngestRequest;
import org.insight.ingest.IngestSource;
import org.insight.ingest.OcrOptions;
import org.insight.ingest.TikaExtractor;
import org.insight.policy.Label;
import org.insight.policy.Policy;
import org.insight.policy.Principal;
import org.insight.policy.Purpose;
import org.insight.policy.SourceGrading;
import org.insight.search.Index;
import org.insight.search.Query;
import org.insight.search.Visibility;
import org.insight.workspace.JsonLinesFeed;
import org.insight.workspace.Session;
import org.insight.workspace.Watcher;
import org.insight.workspace.Workspace;

/**
 * Standing queries: {@code QUERIES} standing queries of 20 owners (different clearances) matched incrementally against
 * batches of {@code BATCH} documents (fed as JSON lines, one write per label), against re-running every query over everything after each batch (raw index
 * searches beside the workspace, as each owner may see — no audit, the cheapest re-run there is), side by side in
 * the same run; then ingest throughput of {@code FILES} small files by a plain ingest against the same files through
 * a {@link Watcher} pass. Prints times, ratios and peak heap.
 *
 * <pre>./run-bench alerts [QUERIES] [BATCH] [BATCHES] [BACKGROUND] [FILES]</pre>
 */
public final class AlertBench {
  private static final String[] LABELS = {"INTERPOL", "FR&POLICE", "DE", "INTERPOL&CT", "FR|DE", "ES"};
  private static final String[][] CLEARANCES = {{"INTERPOL"}, {"FR", "POLICE"}, {"DE"}, {"INTERPOL", "CT", "FR"},
      {"ES", "FR"}};
  private static final Purpose CI = Purpose.CRIMINAL_INVESTIGATION;
  private static final int VOCABULARY = 20_000;

  private AlertBench() {}

  public static void main(String[] args) throws Exception {
    int queries = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int batch = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    int batches = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    int background = args.length > 3 ? Integer.parseInt(args[3]) : 20_000;
    int files = args.length > 4 ? Integer.parseInt(args[4]) : 500;
    Path root = Files.createTempDirectory("insight-alert-bench");
    Random random = new Random(42);
    try (PeakHeap heap = PeakHeap.start()) {
      Path wsDir = root.resolve("ws");
      try (Workspace ws = Workspace.open(wsDir)) {
        Session writer = ws.session(Principal.of("feed", "INTERPOL", "FR", "POLICE", "DE", "CT", "ES"), CI);
        long t0 = System.nanoTime();
        feed(writer, lines(random, background, "bg", -1), batch);
        System.out.printf(Locale.ROOT, "AlertBench: %,d background documents written in %.1f s%n", background,
            (System.nanoTime() - t0) / 1e9);
        // the standing queries: one or two rare-ish words each, or a phrase
        List<Principal> owners = new ArrayList<>();
        Map<String, List<String>> byOwner = new HashMap<>();
        for (int o = 0; o < 20; o++) {
          owners.add(Principal.of("owner" + o, CLEARANCES[o % CLEARANCES.length]));
        }
        for (int q = 0; q < queries; q++) {
          Principal owner = owners.get(q % owners.size());
          String text = random.nextInt(3) == 0 ? word(random) + " " + word(random) : word(random);
          ws.session(owner, CI).alerts().save(text, "bench", Label.of(owner.authorizations().iterator().next()));
          byOwner.computeIfAbsent(owner.id(), k -> new ArrayList<>()).add(text);
        }
        heap.reset();
        Map<String, Principal> ownerById = new HashMap<>();
        owners.forEach(p -> ownerById.put(p.id(), p));
        double incrementalTotal = 0;
        double rerunTotal = 0;
        double writeOnlyTotal = 0;
        long alertsRaised = 0;
        try (Workspace control = Workspace.open(root.resolve("control"))) {
          Session controlWriter = control.session(writer.principal(), CI);
          for (int b = 0; b < batches; b++) {
            String docs = lines(random, batch, "b" + b, b % LABELS.length); // one source, one label, one write
            long before = alerts(ws, owners);
            long w0 = System.nanoTime();
            feed(writer, docs, batch); // one batch: evidence, write, and incremental evaluation of every standing query
            double withQueries = (System.nanoTime() - w0) / 1e9;
            long c0 = System.nanoTime();
            feed(controlWriter, docs, batch); // the same batch into a workspace without standing queries
            double writeOnly = (System.nanoTime() - c0) / 1e9;
            long raised = alerts(ws, owners) - before;
            String presearch = candidates(wsDir);
            alertsRaised += raised;
            // the baseline: every query again over everything, as its owner, straight on the index (no audit)
            long r0 = System.nanoTime();
            long hits = 0;
            try (Index beside = Index.openReadOnly(wsDir.resolve("index"), Schema.defaults())) {
              Map<String, Visibility> visibility = new HashMap<>();
              for (Map.Entry<String, List<String>> e : byOwner.entrySet()) {
                Visibility v = visibility.computeIfAbsent(e.getKey(), k -> visible(ownerById.get(k), beside.labels()));
                for (String text : e.getValue()) {
                  hits += beside.search(Query.parse(text).limit(Query.MAX_LIMIT).highlight(false), v).hits().size();
                }
              }
            }
            double rerun = (System.nanoTime() - r0) / 1e9;
            double incremental = Math.max(0, withQueries - writeOnly);
            incrementalTotal += incremental;
            rerunTotal += rerun;
            writeOnlyTotal += writeOnly;
            System.out.printf(Locale.ROOT, "batch %d: %,d documents; write %.2f s; write + %,d standing queries %.2f s"
                + " (matching %.2f s, %s candidates after presearch, %,d alerts); re-running all queries over %,d"
                + " documents %.2f s (%,d hits) — %.1fx%n", b + 1, batch, writeOnly, queries, withQueries, incremental,
                presearch, raised,
                background + (long) (b + 1) * batch, rerun, hits, rerun / Math.max(incremental, 1e-3));
          }
        }
        System.out.printf(Locale.ROOT, "per batch of %,d: incremental matching %.2f s vs re-running %,d queries %.2f s"
            + " (%.1fx); the write alone %.2f s; %,d alerts in all; peak heap %,d MB%n", batch,
            incrementalTotal / batches, queries, rerunTotal / batches, rerunTotal / Math.max(incrementalTotal, 1e-3),
            writeOnlyTotal / batches, alertsRaised, heap.peakBytes() >> 20);
      }

      // ingest throughput: a plain ingest vs a watcher pass over the same kind of files
      heap.reset();
      double plain = ingest(root.resolve("plain"), files(root.resolve("in-plain"), files, random), false);
      double watched = ingest(root.resolve("watched"), files(root.resolve("in-watched"), files, random), true);
      System.out.printf(Locale.ROOT, "ingest of %,d files: plain %.0f files/s, watched (one pass) %.0f files/s (%.2fx);"
          + " peak heap %,d MB%n", files, files / plain, files / watched, plain / watched, heap.peakBytes() >> 20);
    } finally {
      FoundationBench.delete(root);
    }
  }

  /** The presearch candidates of the latest evaluation, as its audit entry records them. */
  private static String candidates(Path wsDir) {
    try (org.insight.policy.AuditLog log = org.insight.policy.AuditLog.open(Workspace.auditFile(wsDir))) {
      List<org.insight.policy.AuditRecord> tail = log.tail(200);
      for (int i = tail.size() - 1; i >= 0; i--) {
        String q = tail.get(i).event().query();
        if (tail.get(i).event().operation().equals("alert.evaluate") && q.contains("candidates=")) {
          return q.replaceAll(".*candidates=(\\d+).*", "$1");
        }
      }
    }
    return "?";
  }

  private static long alerts(Workspace ws, List<Principal> owners) {
    long n = 0;
    for (Principal p : owners) {
      n += ws.session(p, CI).alerts().list(null).size();
    }
    return n;
  }

  private static Visibility visible(Principal p, Set<String> labels) {
    Set<String> out = new TreeSet<>();
    for (String l : labels) {
      if (Policy.standard().decide(p, CI, Label.parse(l), java.time.Instant.now()).allowed()) {
        out.add(l);
      }
    }
    return Visibility.of(out);
  }

  private static String word(Random random) {
    // skewed: a few words are common, most are rare
    int r = (int) Math.min(VOCABULARY - 1, Math.abs(random.nextGaussian()) * VOCABULARY / 3);
    return "w" + Integer.toString(r, 36) + "x";
  }

  /** {@code n} JSON lines of 40 words each, under {@code LABELS[label]} (spread over all when negative). */
  private static String lines(Random random, int n, String prefix, int label) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < n; i++) {
      StringBuilder text = new StringBuilder(prefix).append(' ').append(i);
      for (int w = 0; w < 40; w++) {
        text.append(' ').append(word(random));
      }
      out.append("{\"id\":\"").append(prefix).append('-').append(i).append("\",\"label\":")
          .append(label >= 0 ? label : random.nextInt(LABELS.length)).append(",\"text\":\"").append(text).append("\"}\n");
    }
    return out.toString();
  }

  /** Feeds the lines, one dataset (and label) per label index, each in one batch. */
  private static void feed(Session writer, String lines, int batch) {
    List<StringBuilder> byLabel = new ArrayList<>();
    for (int l = 0; l < LABELS.length; l++) {
      byLabel.add(new StringBuilder());
    }
    lines.lines().forEach(line -> {
      int at = line.indexOf("\"label\":") + 8;
      byLabel.get(line.charAt(at) - '0').append(line).append('\n');
    });
    for (int l = 0; l < LABELS.length; l++) {
      Dataset ds = Dataset.of("reports-" + l, Label.of(LABELS[l]), SourceGrading.parse("B2"));
      JsonLinesFeed.builder(writer, ds).batchSize(batch)
          .build().run(new java.io.BufferedReader(new java.io.StringReader(byLabel.get(l).toString())));
    }
  }

  private static Path files(Path dir, int n, Random random) throws Exception {
    Files.createDirectories(dir);
    for (int i = 0; i < n; i++) {
      StringBuilder text = new StringBuilder("file ").append(i);
      for (int w = 0; w < 80; w++) {
        text.append(' ').append(word(random));
      }
      Files.writeString(dir.resolve("f" + i + ".txt"), text, StandardCharsets.UTF_8);
    }
    return dir;
  }

  /** Seconds to ingest every file in {@code inbox}, plainly or through a watcher pass (its two scans included). */
  private static double ingest(Path wsDir, Path inbox, boolean watch) throws Exception {
    Dataset ds = Dataset.of("inbox", Label.of("FR"), SourceGrading.parse("B2"));
    try (Workspace ws = Workspace.open(wsDir);
         TikaExtractor extractor = TikaExtractor.builder().inProcess(true).workers(2).build()) {
      Session s = ws.session(Principal.of("ingest", "FR"), CI);
      long t0 = System.nanoTime();
      if (watch) {
        Watcher.builder(s, ds).directory(inbox).pollInterval(Duration.ofMillis(200)).batchSize(100)
            .request(b -> b.extractor(extractor).ocr(OcrOptions.OFF)).build().runOnce();
      } else {
        s.ingest(IngestRequest.builder(ds).source(IngestSource.directory(inbox)).extractor(extractor)
            .ocr(OcrOptions.OFF).build());
      }
      return (System.nanoTime() - t0) / 1e9;
    }
  }
}
