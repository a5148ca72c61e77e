package org.insight.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.insight.core.Dataset;
import org.insight.core.ProgressListener;
import org.insight.core.json.ModelJson;
import org.insight.ingest.TikaExtractor;
import org.insight.ingest.IngestReport;
import org.insight.ingest.IngestRequest;
import org.insight.ingest.IngestSource;
import org.insight.ingest.OcrOptions;
import org.insight.ingest.RecordMapping;
import org.insight.workspace.EnrichmentReport;
import org.insight.workspace.IngestResult;
import org.insight.workspace.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = {"Ingest files and directories (recursively; e-mails, archives, office files, PDFs, images with OCR)"
        + " as documents, each with the dataset's label, grading and provenance; originals go to the evidence store.",
        "A second run under the same label only processes what is new, changed or failed; under another label it"
            + " makes that label's own copy. Quarantined items are listed with their reason (exit code 1 when there are"
            + " any). The writer (--user, --auths) must hold the label and may have to be a writer of the dataset"
            + " (--writers).",
        "FollowTheMoney entities (Aleph, OpenSanctions): insight ingest entities.ftm.json --format ftm --dataset"
            + " sanctions --label OSINT --auths OSINT",
        "Example: insight ingest ./seized --dataset heron-laptop --label 'FR&POLICE' --originator FR-NCB --grading B2"
            + " --auths FR,POLICE"})
final class IngestCommand implements Callable<Integer> {
  @Mixin SessionOptions session;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "PATH", arity = "1..*", description = "Files or directories to ingest; '-' reads standard input.")
  List<Path> paths;

  @Mixin SourceOptions source;

  @Option(names = "--include", paramLabel = "GLOB", description = "Only files matching (repeatable): '*.pdf' matches names, 'mail/**' paths.")
  List<String> includes = new ArrayList<>();

  @Option(names = "--exclude", paramLabel = "GLOB", description = "Not files matching (repeatable).")
  List<String> excludes = new ArrayList<>();

  @Option(names = "--ocr-lang", defaultValue = "eng", paramLabel = "eng+fra", description = "Tesseract languages (default: ${DEFAULT-VALUE}).")
  String ocrLanguages;

  @Option(names = "--no-ocr", description = "Do not OCR images and scanned pages.")
  boolean noOcr;

  @Option(names = "--workers", paramLabel = "N", description = "Items extracted in parallel (default: the cores, at most 4).")
  Integer workers;

  @Option(names = "--mapping", paramLabel = "NAME|FILE", description = "Read CSV/TSV/JSON/JSON-lines files as records"
      + " through a mapping into entities and links: a built-in (persons, cdr, transfers, notice) or a mapping file.")
  String mapping;

  @Option(names = "--format", paramLabel = "ftm", description = "ftm: read every file (or '-') as FollowTheMoney"
      + " entities — JSON lines, a JSON array or FtM statement CSV — through the published table (docs/ftm.md):"
      + " FtM ids kept as source ids, each problem listed as file:line, the rest loads.")
  String format;

  @Option(names = "--in-process", description = "Extract in this JVM: starts faster, but only for trusted input (a"
      + " parser that hangs or runs out of memory then hurts this process, not a worker).")
  boolean inProcess;

  @Option(names = "--enrich", arity = "0..1", split = ",", fallbackValue = "lang,selectors", paramLabel = "S,S",
      description = "Enrich each batch of new documents once it is stored: lang, selectors, ner, translate, spot "
          + "(--enrich alone: lang,selectors). The enrich options (--ner-model, --to, --apy, --region) apply.")
  List<String> enrich;

  @Mixin EnrichmentOptions enrichOptions;

  @Mixin ProgressOptions progress;

  @Override
  public Integer call() throws Exception {
    if (format != null && !format.equals("ftm")) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--format " + format
          + ": unknown format; the one format is ftm (FollowTheMoney JSON lines); for CSV/JSON records use --mapping");
    }
    if (format != null && mapping != null) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--format ftm reads FtM's own shape; drop --mapping");
    }
    Dataset ds = source.dataset();
    IngestRequest.Builder rb = IngestRequest.builder(ds)
        .ocr(noOcr ? OcrOptions.OFF : OcrOptions.languages(ocrLanguages));
    if (workers != null) {
      rb.workers(workers);
    }
    for (Path p : paths) {
      if (p.toString().equals("-")) {
        rb.source(IngestSource.stream("stdin", () -> System.in));
      } else if (Files.isDirectory(p)) {
        rb.source(IngestSource.directory(p).include(includes.toArray(String[]::new)).exclude(excludes.toArray(String[]::new)));
      } else if (Files.isRegularFile(p)) {
        rb.source(IngestSource.file(p));
      } else {
        throw new IllegalArgumentException("there is no file or directory " + p + "; check the path");
      }
    }
    ProgressDisplay display = progress.start(spec);
    rb.progress(display);
    IngestReport report;
    EnrichmentReport enriched = null;
    TikaExtractor extractor = null;
    if (inProcess) {
      extractor = TikaExtractor.builder().inProcess(true).workers(workers != null ? workers : 2).build();
      rb.extractor(extractor);
    }
    try (SessionOptions.Opened ws = session.write()) {
      Session s = ws.session();
      if (mapping != null) {
        rb.mapping(RecordMapping.resolve(mapping, ws.workspace().schema()));
      }
      if (format != null) {
        rb.ftm(ws.workspace().schema());
      }
      if (enrich == null) {
        report = s.ingest(rb.build());
      } else {
        IngestResult result = s.ingest(rb.build(), enrichOptions.enrichment(enrich, spec, ProgressListener.NONE));
        report = result.ingest();
        enriched = result.enrichment();
      }
    } finally {
      if (extractor != null) {
        extractor.close();
      }
      display.close();
    }
    PrintWriter out = spec.commandLine().getOut();
    if (session.json) {
      var n = (com.fasterxml.jackson.databind.node.ObjectNode) ModelJson.read(report.toJson());
      if (enriched != null) {
        n.set("enrichment", EnrichCommand.json(enriched));
      }
      Render.print(out, n);
    } else {
      print(out, report);
      if (enriched != null) {
        EnrichCommand.print(out, enriched);
      }
    }
    return report.clean() && (enriched == null || enriched.complete()) ? 0 : 1;
  }

  static void print(PrintWriter out, IngestReport r) {
    out.printf(Locale.ROOT, "%s: %d found, %d ingested (%d documents%s), %d unchanged, %d quarantined — %s in %.1f s%n",
        r.dataset(), r.found(), r.ingested(), r.documents(), r.entities() > 0 ? ", " + r.entities() + " entities" : "",
        r.unchanged(), r.quarantined(), bytes(r.bytes()), r.duration().toMillis() / 1000.0);
    if (!r.failures().isEmpty()) {
      List<String[]> rows = new ArrayList<>();
      rows.add(new String[] {"quarantined", "reason", "message"});
      for (IngestReport.Failure f : r.failures()) {
        rows.add(new String[] {f.path(), f.reason(), f.message()});
      }
      Render.table(out, rows);
    }
    if (!r.skipped().isEmpty()) {
      List<String[]> rows = new ArrayList<>();
      rows.add(new String[] {"skipped (not a regular file)", "reason"});
      for (IngestReport.Skipped k : r.skipped()) {
        rows.add(new String[] {k.path(), k.reason()});
      }
      Render.table(out, rows);
    }
    if (!r.warnings().isEmpty()) {
      List<String[]> rows = new ArrayList<>();
      rows.add(new String[] {"ingested with a warning", "reason", "message"});
      for (IngestReport.Warning w : r.warnings()) {
        rows.add(new String[] {w.path(), w.reason(), w.message()});
      }
      Render.table(out, rows);
    }
  }

  static String bytes(long n) {
    if (n < 1024) {
      return n + " B";
    }
    if (n < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f KB", n / 1024.0);
    }
    return String.format(Locale.ROOT, "%.1f MB", n / (1024.0 * 1024));
  }
}
