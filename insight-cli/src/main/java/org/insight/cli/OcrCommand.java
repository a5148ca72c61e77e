package org.insight.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.insight.ingest.EmbeddedSink;
import org.insight.ingest.Extraction;
import org.insight.ingest.TikaExtractor;
import org.insight.ingest.OcrOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "ocr", mixinStandardHelpOptions = true,
    description = "The text Tesseract recognises in an image or a PDF (pages with a text layer keep it), on standard"
        + " output; the engine and confidence on standard error. Exit 1 if the file is quarantined.")
final class OcrCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "IMAGE_OR_PDF", description = "A PNG, JPEG, TIFF, GIF or BMP image, or a PDF.")
  Path file;

  @Option(names = "--lang", paramLabel = "LANGS", description = "Tesseract languages, e.g. eng+fra (default: eng).")
  String lang = "eng";

  @Option(names = "--timeout", paramLabel = "SECONDS", description = "Timeout (default: 300).")
  long timeoutSeconds = 300;

  @Option(names = "--debug", description = "Stack traces on errors.")
  boolean debug;

  @Override
  public Integer call() {
    OcrOptions ocr = OcrOptions.languages(lang);
    try (TikaExtractor extractor = TikaExtractor.builder().workers(1).timeout(Duration.ofSeconds(timeoutSeconds)).ocr(ocr)
        .build()) {
      Extraction e = extractor.extract(file, ocr, EmbeddedSink.DISCARD);
      if (e.outcome().isQuarantined()) {
        spec.commandLine().getErr().println("insight: " + file + " " + e.outcome());
        return 1;
      }
      spec.commandLine().getOut().println(e.text().strip());
      spec.commandLine().getErr().println(e.ocr()
          .map(o -> String.format(Locale.ROOT, "%s (%s): %d page(s), mean confidence %.2f", o.method(), o.languages(), o.pages(),
              o.meanConfidence()))
          .orElse("no OCR ran: " + (e.mediaType().equals("application/pdf")
              ? "every page has a text layer (shown above)" : e.mediaType() + " is not an image OCR reads")));
      return 0;
    }
  }
}
