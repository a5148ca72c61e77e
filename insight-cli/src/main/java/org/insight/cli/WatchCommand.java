package org.insight.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.insight.core.Dataset;
import org.insight.core.ProgressListener;
import org.insight.ingest.OcrOptions;
import org.insight.ingest.TikaExtractor;
import org.insight.workspace.Watcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "watch", mixinStandardHelpOptions = true,
    description = {"Watch directory trees and ingest files as they arrive, through the same pipeline, ledger,"
        + " quarantine and enrichment as 'insight ingest': a file is taken once two scans a poll interval apart see it"
        + " unchanged (hidden files and *.part, *.tmp, *.crdownload never). Runs until interrupted (Ctrl-C, SIGTERM):"
        + " the batch being ingested finishes first. A restart ingests what arrived meanwhile and nothing twice (the"
        + " ingest ledger decides). Each batch is matched against the standing queries ('insight alerts').",
        "Example: insight watch /inbox --dataset heron-inbox --label 'FR&POLICE' --auths FR,POLICE --enrich"})
final class WatchCommand implements Callable<Integer> {
  @Mixin SessionOptions session;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "DIR", arity = "1..*", description = "Directories to watch (recursively); with --jsonl,"
      + " JSON-lines streams: '-' (standard input), a named pipe or a file.")
  List<Path> dirs;

  @Option(names = "--jsonl", description = "Read each PATH as a message feed of JSON lines ({\"id\":…,\"text\":…,"
      + " \"title\":…, other fields kept as metadata}) to its end, a batch every --batch lines; bad lines are listed.")
  boolean jsonl;

  @Mixin SourceOptions source;

  @Option(names = "--poll", defaultValue = "2s", paramLabel = "DURATION",
      description = "How often the trees are rescanned, e.g. 500ms, 2s, 1m (default: ${DEFAULT-VALUE}).")
  String poll;

  @Option(names = "--batch", defaultValue = "100", paramLabel = "N", description = "At most N files per ingest batch (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--once", description = "Scan twice, ingest the complete files and exit (for a scheduled job).")
  boolean once;

  @Option(names = "--no-ocr", description = "Do not OCR images and scanned pages.")
  boolean noOcr;

  @Option(names = "--in-process", description = "Extract in this JVM (trusted input only); see 'insight ingest'.")
  boolean inProcess;

  @Option(names = "--enrich", arity = "0..1", split = ",", fallbackValue = "lang,selectors", paramLabel = "S,S",
      description = "Enrich each batch once stored: lang, selectors, ner, translate, spot (--enrich alone: lang,selectors).")
  List<String> enrich;

  @Mixin EnrichmentOptions enrichOptions;

  @Override
  public Integer call() throws Exception {
    Dataset ds = source.dataset();
    Duration interval = Arguments.parse(spec, "--poll", () -> duration(poll));
    PrintWriter err = spec.commandLine().getErr();
    TikaExtractor extractor = inProcess ? TikaExtractor.builder().inProcess(true).workers(2).build() : null;
    // a signal stops the watcher, then waits for this command to close the workspace before the JVM halts
    java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);
    try (SessionOptions.Opened ws = session.write()) {
      Watcher.Builder b = Watcher.builder(ws.session(), ds).pollInterval(interval).batchSize(batch)
          .request(r -> {
            r.ocr(noOcr ? OcrOptions.OFF : OcrOptions.languages("eng"));
            if (extractor != null) {
              r.extractor(extractor);
            }
          })
          .progress(p -> {
            err.printf(Locale.ROOT, "watch: %d files ingested (%d documents), %d unchanged, %d quarantined, %d waiting"
                + " — %.1f files/s%n", p.files(), p.documents(), p.unchanged(), p.quarantined(), p.queued(),
                p.filesPerSecond());
            err.flush();
          });
      if (jsonl) {
        return feed(ws.session(), ds, err);
      }
      dirs.forEach(b::directory);
      if (enrich != null) {
        b.enrichment(enrichOptions.enrichment(enrich, spec, ProgressListener.NONE));
      }
      Watcher w = b.build();
      Watcher.Progress done;
      if (once) {
        done = w.runOnce();
      } else {
        Thread hook = new Thread(() -> {
          w.stop(Duration.ofMinutes(2));
          try {
            closed.await(1, java.util.concurrent.TimeUnit.MINUTES);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }, "insight-watch-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        err.printf(Locale.ROOT, "watching %s every %s; Ctrl-C stops after the current batch%n", dirs, interval);
        err.flush();
        w.run();
        done = w.progress();
      }
      PrintWriter out = spec.commandLine().getOut();
      if (session.json) {
        Render.print(out, Render.versioned().put("files", done.files()).put("documents", done.documents())
            .put("unchanged", done.unchanged()).put("quarantined", done.quarantined()).put("batches", done.batches()));
      } else {
        out.printf(Locale.ROOT, "%s: %d files ingested (%d documents), %d unchanged, %d quarantined in %d batches%n",
            ds.name(), done.files(), done.documents(), done.unchanged(), done.quarantined(), done.batches());
      }
      return done.quarantined() == 0 ? 0 : 1;
    } finally {
      if (extractor != null) {
        extractor.close();
      }
      closed.countDown();
    }
  }

  private int feed(org.insight.workspace.Session s, Dataset ds, PrintWriter err) throws java.io.IOException {
    long lines = 0;
    long documents = 0;
    long batches = 0;
    List<String> problems = new ArrayList<>();
    for (Path p : dirs) {
      org.insight.workspace.JsonLinesFeed.Builder fb = org.insight.workspace.JsonLinesFeed.builder(s, ds)
          .name(p.toString()).batchSize(batch)
          .progress(r -> {
            err.printf(Locale.ROOT, "feed %s: %d lines, %d documents, %d left out%n", p, r.lines(), r.documents(),
                r.problems().size());
            err.flush();
          });
      if (enrich != null) {
        fb.enrichment(enrichOptions.enrichment(enrich, spec, ProgressListener.NONE));
      }
      org.insight.workspace.JsonLinesFeed.Result r;
      try (java.io.BufferedReader in = p.toString().equals("-")
          ? new java.io.BufferedReader(new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8))
          : java.nio.file.Files.newBufferedReader(p, java.nio.charset.StandardCharsets.UTF_8)) {
        r = fb.build().run(in);
      }
      lines += r.lines();
      documents += r.documents();
      batches += r.batches();
      r.problems().forEach(x -> problems.add(p + " " + x));
    }
    PrintWriter out = spec.commandLine().getOut();
    if (session.json) {
      var n = Render.versioned().put("lines", lines).put("documents", documents).put("batches", batches);
      var a = n.putArray("problems");
      problems.forEach(a::add);
      Render.print(out, n);
    } else {
      out.printf(Locale.ROOT, "%s: %d lines, %d documents in %d batches, %d left out%n", ds.name(), lines, documents,
          batches, problems.size());
      problems.forEach(out::println);
    }
    return problems.isEmpty() ? 0 : 1;
  }

  static Duration duration(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    try {
      if (t.endsWith("ms")) {
        return positive(Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2))), text);
      }
      if (t.endsWith("s")) {
        return positive(Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1))), text);
      }
      if (t.endsWith("m")) {
        return positive(Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1))), text);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("'" + text + "' is not a duration; write e.g. 500ms, 2s or 1m");
  }

  private static Duration positive(Duration d, String text) {
    if (d.isZero() || d.isNegative()) {
      throw new IllegalArgumentException("the poll interval must be positive, got '" + text + "'");
    }
    return d;
  }
}
