package org.insight.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.insight.core.json.ModelJson;
import org.insight.ingest.EmbeddedSink;
import org.insight.ingest.Extraction;
import org.insight.ingest.TikaExtractor;
import org.insight.ingest.OcrOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "extract", mixinStandardHelpOptions = true,
    description = "Text, metadata and embedded items (attachments, archive entries) of one file, without storing it."
        + " Exit 1 if the file is quarantined.")
final class ExtractCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "The file to extract.")
  Path file;

  @Option(names = "--json", description = "JSON: text, metadata, children, ocr, outcome.")
  boolean json;

  @Option(names = "--ocr-lang", paramLabel = "LANGS", description = "Tesseract languages, e.g. eng+fra (default: eng).")
  String ocrLang = "eng";

  @Option(names = "--no-ocr", description = "Do not OCR images or PDF pages without a text layer.")
  boolean noOcr;

  @Option(names = "--timeout", paramLabel = "SECONDS", description = "Per-item timeout (default: 120).")
  long timeoutSeconds = 120;

  @Option(names = "--debug", description = "Stack traces on errors.")
  boolean debug;

  @Override
  public Integer call() {
    OcrOptions ocr = noOcr ? OcrOptions.OFF : OcrOptions.languages(ocrLang);
    try (TikaExtractor extractor = TikaExtractor.builder().workers(1).timeout(Duration.ofSeconds(timeoutSeconds)).ocr(ocr)
        .build()) {
      Extraction e = extractor.extract(file, ocr, EmbeddedSink.DISCARD);
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        Render.print(out, json(e));
      } else {
        print(out, e, "");
      }
      return e.outcome().isIngested() ? 0 : 1;
    }
  }

  static ObjectNode json(Extraction e) {
    ObjectNode n = Json.object();
    n.put("name", e.name());
    n.put("path", e.path());
    n.put("sha256", e.contentHash().hex());
    n.put("size", e.size());
    n.put("mediaType", e.mediaType());
    n.put("parser", e.parser());
    ObjectNode outcome = n.putObject("outcome");
    outcome.put("status", e.outcome().isIngested() ? "ingested" : "quarantined");
    e.outcome().reason().ifPresent(r -> outcome.put("reason", r.name()));
    if (e.outcome().isQuarantined()) {
      outcome.put("message", e.outcome().message());
    }
    n.put("text", e.text());
    n.put("textTruncated", e.textTruncated());
    ObjectNode meta = n.putObject("metadata");
    e.metadata().author().ifPresent(v -> meta.put("author", v));
    e.metadata().created().ifPresent(v -> meta.put("created", v.toString()));
    e.metadata().modified().ifPresent(v -> meta.put("modified", v.toString()));
    e.metadata().title().ifPresent(v -> meta.put("title", v));
    e.metadata().language().ifPresent(v -> meta.put("language", v));
    e.metadata().location().ifPresent(p -> meta.putObject("location").put("lat", p.latitude()).put("lon", p.longitude()));
    ObjectNode raw = meta.putObject("raw");
    for (Map.Entry<String, List<String>> f : e.metadata().raw().entrySet()) {
      var a = raw.putArray(f.getKey());
      f.getValue().forEach(a::add);
    }
    if (e.ocr().isPresent()) {
      var o = e.ocr().get();
      n.putObject("ocr").put("engine", o.engine()).put("languages", o.languages())
          .put("meanConfidence", o.meanConfidence()).put("pages", o.pages());
    } else {
      n.putNull("ocr");
    }
    var children = n.putArray("children");
    e.children().forEach(c -> children.add(json(c)));
    return n;
  }

  static void print(PrintWriter out, Extraction e, String indent) {
    out.printf(Locale.ROOT, "%s%s  [%s, %d bytes]  %s%n", indent, e.path().isEmpty() ? "(stream)" : e.path(), e.mediaType(),
        e.size(), e.outcome());
    String pad = indent + "  ";
    out.printf(Locale.ROOT, "%ssha256 %s%s%n", pad, e.contentHash().hex(), e.parser().isEmpty() ? "" : "  parser " + e.parser());
    e.metadata().title().ifPresent(v -> out.printf(Locale.ROOT, "%stitle    %s%n", pad, v));
    e.metadata().author().ifPresent(v -> out.printf(Locale.ROOT, "%sauthor   %s%n", pad, v));
    e.metadata().created().ifPresent(v -> out.printf(Locale.ROOT, "%screated  %s%n", pad, v));
    e.metadata().modified().ifPresent(v -> out.printf(Locale.ROOT, "%smodified %s%n", pad, v));
    e.metadata().language().ifPresent(v -> out.printf(Locale.ROOT, "%slanguage %s%n", pad, v));
    e.metadata().location().ifPresent(p -> out.printf(Locale.ROOT, "%slocation %.6f, %.6f%n", pad, p.latitude(), p.longitude()));
    e.ocr().ifPresent(o -> out.printf(Locale.ROOT, "%socr      %s (%s), %d page(s), mean confidence %.2f%n", pad, o.engine(),
        o.languages(), o.pages(), o.meanConfidence()));
    if (!e.text().isBlank()) {
      out.printf(Locale.ROOT, "%stext%s:%n", pad, e.textTruncated() ? " (truncated)" : "");
      for (String line : e.text().strip().split("\\R")) {
        out.println(pad + "  " + line);
      }
    }
    for (Extraction c : e.children()) {
      print(out, c, pad);
    }
  }
}
