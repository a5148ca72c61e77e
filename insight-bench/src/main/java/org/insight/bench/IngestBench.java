package org.insight.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.sax.BodyContentHandler;
import org.insight.core.Dataset;
import org.insight.ingest.TikaExtractor;
import org.insight.ingest.IngestReport;
import org.insight.ingest.IngestRequest;
import org.insight.ingest.IngestSource;
import org.insight.ingest.ItemExtractor;
import org.insight.ingest.OcrOptions;
import org.insight.policy.Label;
import org.insight.policy.Principal;
import org.insight.policy.Purpose;
import org.insight.policy.SourceGrading;
import org.insight.workspace.Session;
import org.insight.workspace.Workspace;

/**
 * The ingest pipeline into a workspace (hash, evidence store with fsync, extraction, durable batched index commits,
 * ledger) against plain Tika {@code AutoDetectParser} over the same files in the same JVM; 2 workers against 1;
 * and the peak heap of this JVM for a large corpus.
 *
 * <pre>./run-bench ingest [FILES] [LARGE_CORPUS_MB] [ROUNDS]</pre>
 *
 * <p>Each round runs every mode once, with plain Tika run before and after each; each aim is the median over the
 * rounds of a run's rate against the mean of the Tika runs around it (2 workers against the 1-worker run just before),
 * so a slow spell of a shared machine moves one round, not the figure.
 */
public final class IngestBench {
  private static final String[] WORDS = ("the blue van left harbour night officer report suspect vehicle seen near "
      + "street witness phone call transfer account meeting border passport camionnette bleue rapport témoin "
      + "furgoneta azul informe testigo Lyon Genoa Marseille Petrov Moreau Rossi dawn pier warehouse boxes").split(" ");

  private IngestBench() {}

  public static void main(String[] args) throws Exception {
    int files = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
    int largeMb = args.length > 1 ? Integer.parseInt(args[1]) : 0;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    if (rounds < 1) {
      throw new IllegalArgumentException("ROUNDS must be at least 1, was " + rounds);
    }
    Path root = Files.createTempDirectory("insight-ingest-bench");
    try (PeakHeap heap = PeakHeap.start()) {
      Path corpus = root.resolve("corpus");
      long bytes = generate(corpus, files, 1, new Random(42));
      System.out.printf(Locale.ROOT, "IngestBench: %,d files (txt, html, eml with an attachment, csv, pdf), %.1f MB, OCR off,"
          + " %d rounds (median of the rounds' ratios; each round runs every mode once, plain Tika before and after each)%n", files, bytes / 1e6, rounds);
      List<Path> paths = list(corpus);

      // warm every in-process path up first (JIT, analyzer components, Tika's parsers) on a slice and then on the
      // whole corpus, untimed: in 300-file runs JIT compilation otherwise takes as much CPU as ingest itself and the
      // first rounds measure the compiler; the worker processes are warmed in each run (awaitWorkers), outside its clock
      Path warm = root.resolve("warm");
      generate(warm, 100, 1, new Random(7));
      List<Path> warmPaths = list(warm);
      for (Path slice : List.of(warm, warm, corpus)) {
        tika(list(slice));
        for (Mode m : Mode.values()) {
          if (m.inProcess != Boolean.FALSE) {
            pipeline(slice, root.resolve("ws-warm"), m.workers, m.inProcess);
            delete(root.resolve("ws-warm"));
          }
        }
      }
      heap.reset();

      Mode[] modes = Mode.values();
      double[] tikaRate = new double[rounds];
      double[] tikaCpu = new double[rounds];
      double[][] rate = new double[modes.length][rounds];
      double[][] cpu = new double[modes.length][rounds];
      IngestReport report = null;
      double startSeconds = 0;
      double[][] tikaAround = new double[modes.length][rounds]; // plain Tika's rate around each run: before and after
      for (int r = 0; r < rounds; r++) {
        long c0 = processCpuNanos();
        double before = files / tika(paths);
        tikaCpu[r] = (processCpuNanos() - c0) / 1e6 / files;
        tikaRate[r] = before;
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  round %d: plain Tika %.1f/s", r + 1, before));
        for (Mode m : modes) {
          Path ws = root.resolve("ws-" + m.name() + "-" + r);
          long p0 = processCpuNanos();
          Run run = pipeline(corpus, ws, m.workers, m.inProcess, warmPaths);
          cpu[m.ordinal()][r] = (processCpuNanos() - p0) / 1e6 / files;
          rate[m.ordinal()][r] = files / run.seconds;
          // plain Tika again right after: each run is compared with Tika measured just before and just after it,
          // so a change of the machine's load between runs moves both sides of its ratio
          double after = files / tika(paths);
          tikaAround[m.ordinal()][r] = (before + after) / 2;
          before = after;
          line.append(String.format(Locale.ROOT, ", %s %.1f/s (Tika %.1f/s)", m.label, rate[m.ordinal()][r], after));
          report = run.report;
          startSeconds = Math.max(startSeconds, run.startSeconds);
          delete(ws);
        }
        System.out.println(line);
      }

      System.out.printf(Locale.ROOT, "%-46s %8s %8s %17s %6s  %s%n", "aim (documents/s ratio, same round)", "median", "", "range",
          "aim", "met");
      aim("store+index alone (no parsing) vs plain Tika", ratios(rate[Mode.STORE.ordinal()], tikaAround[Mode.STORE.ordinal()]), 1.5);
      aim("1 worker, Tika in-process vs plain Tika", ratios(rate[Mode.IN_PROCESS_1.ordinal()], tikaAround[Mode.IN_PROCESS_1.ordinal()]), 0.8);
      aim("1 worker process vs plain Tika", ratios(rate[Mode.PROCESS_1.ordinal()], tikaAround[Mode.PROCESS_1.ordinal()]), 0.6);
      aim("2 vs 1 workers, in-process", ratios(rate[Mode.IN_PROCESS_2.ordinal()], rate[Mode.IN_PROCESS_1.ordinal()]), 1.6);
      aim("2 vs 1 worker processes", ratios(rate[Mode.PROCESS_2.ordinal()], rate[Mode.PROCESS_1.ordinal()]), 1.6);
      // CPU of this JVM per file (all its threads: GC and JIT included), which load disturbs far less than wall
      // time; plain Tika's CPU per file over ours: a ratio above 1 means fewer CPU seconds per file than Tika alone
      System.out.printf(Locale.ROOT, "%-46s %8s %8s %17s%n", "CPU of this JVM per file (ms), median", "insight", "Tika", "Tika/insight");
      cpuRow("store+index alone (no parsing)", cpu[Mode.STORE.ordinal()], tikaCpu);
      cpuRow("1 worker, Tika in-process", cpu[Mode.IN_PROCESS_1.ordinal()], tikaCpu);
      cpuRow("2 workers, Tika in-process", cpu[Mode.IN_PROCESS_2.ordinal()], tikaCpu);
      System.out.printf(Locale.ROOT, "medians, documents/s: plain Tika %.1f", median(tikaRate));
      for (Mode m : modes) {
        System.out.printf(Locale.ROOT, ", %s %.1f", m.label, median(rate[m.ordinal()]));
      }
      System.out.println();
      System.out.printf(Locale.ROOT, "  (each pipeline run: %,d items ingested, %,d documents with embedded children, %d quarantined;"
          + " worker processes' start-up and warm-up on the warm slice, not timed: up to %.1f s)%n", report.ingested(),
          report.documents(), report.quarantined(), startSeconds);
      System.out.printf(Locale.ROOT, "peak heap in use of this JVM over the timed rounds: %,d MB (sampled every 20 ms; max %,d MB);"
          + " each worker process has its own heap%n", heap.peakBytes() >> 20, Runtime.getRuntime().maxMemory() >> 20);

      if (largeMb > 0) {
        delete(corpus);
        Path large = root.resolve("large");
        // larger files: about 200 KB each on average
        int n = Math.max(1, largeMb * 5);
        long largeBytes = generate(large, n, 40, new Random(11));
        System.gc();
        heap.reset();
        Run big = pipeline(large, root.resolve("ws-large"), 2, false, List.of());
        System.out.printf(Locale.ROOT, "large corpus: %,d files, %.0f MB in %.0f s (%.1f MB/s, %.0f documents/s), %d quarantined;"
            + " peak heap in use of this JVM %,d MB (max %,d MB)%n", n, largeBytes / 1e6, big.seconds,
            largeBytes / 1e6 / big.seconds, n / big.seconds, big.report.quarantined(),
            heap.peakBytes() >> 20, Runtime.getRuntime().maxMemory() >> 20);
      }
    } finally {
      delete(root);
    }
  }

  /** The pipeline configurations timed, each once per round. */
  private enum Mode {
    STORE("no parsing", 1, null),
    IN_PROCESS_1("1 in-process", 1, true),
    IN_PROCESS_2("2 in-process", 2, true), // right after its 1-worker run, which its ratio is taken against
    PROCESS_1("1 process", 1, false),
    PROCESS_2("2 processes", 2, false);

    final String label;
    final int workers;
    final Boolean inProcess;

    Mode(String label, int workers, Boolean inProcess) {
      this.label = label;
      this.workers = workers;
      this.inProcess = inProcess;
    }
  }

  private static double[] ratios(double[] ours, double[] baseline) {
    double[] out = new double[ours.length];
    for (int i = 0; i < ours.length; i++) {
      out[i] = ours[i] / baseline[i];
    }
    return out;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static void aim(String what, double[] ratios, double aim) {
    double median = median(ratios);
    double min = java.util.Arrays.stream(ratios).min().orElse(0);
    double max = java.util.Arrays.stream(ratios).max().orElse(0);
    System.out.printf(Locale.ROOT, "%-46s %7.2fx %8s %7.2fx - %5.2fx %5.1fx  %s%n", what, median, "", min, max, aim,
        median >= aim ? "yes" : "no");
  }

  private static void cpuRow(String what, double[] ours, double[] tika) {
    System.out.printf(Locale.ROOT, "%-46s %8.2f %8.2f %16.2fx%n", what, median(ours), median(tika), median(ratios(tika, ours)));
  }

  private static long processCpuNanos() {
    return ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
  }

  record Run(double seconds, double startSeconds, IngestReport report) {}

  /** {@code inProcess} null: no parsing at all (the text plain Tika extracts, {@link #tikaTexts}), to see what storing and indexing cost. */
  static Run pipeline(Path corpus, Path wsDir, int workers, Boolean inProcess) {
    return pipeline(corpus, wsDir, workers, inProcess, List.of());
  }

  /**
   * As above; worker processes first extract {@code warm} (not timed), as the in-process runs and plain Tika run in
   * a JVM that the warm-up slice has already exercised: otherwise the timed run measures fresh worker JVMs compiling
   * Tika, which a long-lived extractor pays once, not per ingest.
   */
  static Run pipeline(Path corpus, Path wsDir, int workers, Boolean inProcess, List<Path> warm) {
    java.util.Map<Path, String> texts = inProcess == null ? tikaTexts(corpus) : java.util.Map.of();
    Dataset ds = Dataset.of("bench", Label.of("BENCH"), SourceGrading.parse("B2"));
    long t0 = System.nanoTime();
    try (TikaExtractor extractor = TikaExtractor.builder().inProcess(inProcess == null || inProcess).workers(workers)
            .workerHeapMb(512).noOcr().build();
         Workspace ws = Workspace.open(wsDir);
         Session s = ws.session(Principal.of("bench", "BENCH"), Purpose.CRIMINAL_INVESTIGATION)) {
      if (Boolean.FALSE.equals(inProcess)) {
        awaitWorkers(extractor, workers, warm);
      }
      double start = (System.nanoTime() - t0) / 1e9;
      long t1 = System.nanoTime();
      IngestRequest.Builder b = IngestRequest.builder(ds).source(IngestSource.directory(corpus)).ocr(OcrOptions.OFF)
          .workers(workers);
      if (inProcess == null) {
        b.extractor((file, name, keep) -> {
          String text = texts.get(file.toAbsolutePath().normalize());
          if (text == null) {
            throw new IllegalStateException("no Tika text for " + file);
          }
          return new ItemExtractor.Item("bytes", "", text, "", java.util.Map.of(), "", -1, List.of(),
              java.util.Optional.empty());
        });
      } else {
        b.extractor(extractor);
      }
      IngestReport r = s.ingest(b.build());
      double seconds = (System.nanoTime() - t1) / 1e9;
      if (r.quarantined() > 0) {
        System.out.println("  quarantined: " + r.failures().get(0));
      }
      return new Run(seconds, start, r);
    }
  }

  /**
   * Waits until every worker process has started (one small item each, at once), so the timed run measures
   * ingesting, not starting JVMs and loading Tika; then has them extract {@code warm}, as many threads as workers
   * at once. The time is reported apart as the start-up.
   */
  static void awaitWorkers(TikaExtractor extractor, int workers, List<Path> warm) {
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < workers; i++) {
      int first = i;
      Thread t = new Thread(() -> {
        extractor.extract(new java.io.ByteArrayInputStream("warm".getBytes(StandardCharsets.UTF_8)), "warm.txt");
        for (int f = first; f < warm.size(); f += workers) {
          extractor.extract(warm.get(f), OcrOptions.OFF, (item, bytes) -> bytes.readAllBytes());
        }
      });
      t.start();
      threads.add(t);
    }
    for (Thread t : threads) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static final java.util.Map<Path, java.util.Map<Path, String>> TIKA_TEXTS = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * What plain Tika extracts from each file of {@code corpus} (as {@link #tika}), computed once per corpus and not
   * timed: the no-parsing mode stores and indexes the text parsing gives, so it measures what ingest adds to parsing.
   * (Until branch ingest15c it indexed each file's raw bytes read as ISO-8859-1: a PDF's compressed streams as text,
   * and UTF-8 accents as two Latin-1 characters, which cost more to index than the text and are not what is indexed.)
   */
  static java.util.Map<Path, String> tikaTexts(Path corpus) {
    return TIKA_TEXTS.computeIfAbsent(corpus.toAbsolutePath(), c -> {
      java.util.Map<Path, String> out = new java.util.HashMap<>();
      AutoDetectParser parser = new AutoDetectParser();
      try {
        for (Path f : list(corpus)) {
          out.put(f.toAbsolutePath().normalize(), parse(parser, f));
        }
      } catch (Exception e) {
        throw new IllegalStateException("plain Tika failed on the corpus: " + e.getMessage(), e);
      }
      return out;
    });
  }

  /** Plain Tika over the same files, embedded items recursed like the pipeline does, text kept in full. */
  static double tika(List<Path> files) throws Exception {
    AutoDetectParser parser = new AutoDetectParser();
    long t0 = System.nanoTime();
    long chars = 0;
    for (Path f : files) {
      chars += parse(parser, f).length();
    }
    if (chars == 0) {
      throw new IllegalStateException("Tika extracted nothing");
    }
    return (System.nanoTime() - t0) / 1e9;
  }

  private static String parse(AutoDetectParser parser, Path f) throws Exception {
    ParseContext context = new ParseContext();
    context.set(Parser.class, parser);
    org.apache.tika.parser.ocr.TesseractOCRConfig noOcr = new org.apache.tika.parser.ocr.TesseractOCRConfig();
    noOcr.setSkipOcr(true); // the pipeline runs with OCR off too
    context.set(org.apache.tika.parser.ocr.TesseractOCRConfig.class, noOcr);
    BodyContentHandler handler = new BodyContentHandler(-1);
    try (InputStream in = Files.newInputStream(f)) {
      parser.parse(in, handler, new Metadata(), context);
    }
    return handler.toString();
  }

  /** A mixed corpus; {@code scale} multiplies the text size. Returns the total bytes. */
  static long generate(Path dir, int n, int scale, Random random) throws IOException {
    Files.createDirectories(dir);
    long total = 0;
    for (int i = 0; i < n; i++) {
      Path sub = dir.resolve("d" + (i % 16));
      Files.createDirectories(sub);
      String text = text(random, (200 + random.nextInt(1_500)) * scale);
      Path f;
      switch (i % 5) {
        case 0 -> {
          f = sub.resolve("report-" + i + ".txt");
          Files.writeString(f, text, StandardCharsets.UTF_8);
        }
        case 1 -> {
          f = sub.resolve("note-" + i + ".html");
          Files.writeString(f, "<html><head><title>Note " + i + "</title></head><body><p>" + text
              + "</p></body></html>", StandardCharsets.UTF_8);
        }
        case 2 -> {
          f = sub.resolve("tip-" + i + ".eml");
          Files.writeString(f, String.join("\r\n", "From: a" + i + "@example.org", "To: desk@example.org",
              "Subject: tip " + i, "MIME-Version: 1.0", "Content-Type: multipart/mixed; boundary=\"b\"", "", "--b",
              "Content-Type: text/plain; charset=UTF-8", "", text, "--b", "Content-Type: text/plain; charset=UTF-8",
              "Content-Disposition: attachment; filename=\"notes-" + i + ".txt\"", "", text(random, 100 * scale), "--b--", ""),
              StandardCharsets.UTF_8);
        }
        case 3 -> {
          f = sub.resolve("calls-" + i + ".csv");
          StringBuilder sb = new StringBuilder("caller,callee,start,duration\n");
          for (int r = 0; r < 20 * scale; r++) {
            sb.append("+3361234").append(random.nextInt(10_000)).append(",+3361299").append(random.nextInt(10_000))
                .append(",2026-04-1").append(random.nextInt(10)).append("T10:00:00Z,").append(random.nextInt(900)).append('\n');
          }
          Files.writeString(f, sb.toString(), StandardCharsets.UTF_8);
        }
        default -> {
          f = sub.resolve("scan-" + i + ".pdf");
          pdf(f, text);
        }
      }
      total += Files.size(f);
    }
    return total;
  }

  private static void pdf(Path f, String text) throws IOException {
    try (PDDocument doc = new PDDocument()) {
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      String[] words = text.replaceAll("[^\\x20-\\x7e]", "e").split(" ");
      int w = 0;
      while (w < words.length) {
        PDPage page = new PDPage();
        doc.addPage(page);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
          cs.beginText();
          cs.setFont(font, 10);
          cs.newLineAtOffset(50, 740);
          for (int line = 0; line < 60 && w < words.length; line++) {
            StringBuilder sb = new StringBuilder();
            while (w < words.length && sb.length() < 90) {
              sb.append(words[w++]).append(' ');
            }
            cs.showText(sb.toString());
            cs.newLineAtOffset(0, -12);
          }
          cs.endText();
        }
      }
      try (OutputStream out = Files.newOutputStream(f)) {
        doc.save(out);
      }
    }
  }

  private static String text(Random random, int words) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < words; i++) {
      sb.append(WORDS[random.nextInt(WORDS.length)]).append(i % 17 == 16 ? ".\n" : " ");
    }
    return sb.toString();
  }

  private static List<Path> list(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    }
  }

  private static void delete(Path dir) throws IOException {
    FoundationBench.delete(dir);
  }
}
