package org.insight.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.insight.core.Document;
import org.insight.ingest.IngestReport;
import org.insight.ingest.IngestRequest;
import org.insight.ingest.IngestSource;
import org.insight.ingest.OcrOptions;
import org.insight.ingest.TikaExtractor;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, finding 9: symbolic links and FIFOs in an ingested directory were skipped but appeared nowhere in the
 * report, and a PDF with pages but no text passed as an ordinary empty document.
 */
class IngestSkippedAndNoTextTest {
  @TempDir Path tmp;

  static byte[] pdf(String... pages) throws IOException {
    try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      for (String text : pages) {
        PDPage page = new PDPage();
        doc.addPage(page);
        if (!text.isEmpty()) {
          try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
            cs.beginText();
            cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
            cs.newLineAtOffset(72, 700);
            cs.showText(text);
            cs.endText();
          }
        }
      }
      doc.save(out);
      return out.toByteArray();
    }
  }

  private IngestReport ingest(Session s, Path corpus) {
    try (TikaExtractor extractor = TikaExtractor.builder().inProcess(true).build()) {
      return s.ingest(IngestRequest.builder(IngestTest.DATASET).source(IngestSource.directory(corpus))
          .extractor(extractor).ocr(OcrOptions.OFF).workers(2).build());
    }
  }

  @Test
  void symlinksAndFifosAreReportedAsSkipped() throws Exception {
    Path corpus = Files.createDirectories(tmp.resolve("in"));
    Files.writeString(corpus.resolve("note.txt"), "Suspect left at 21:40.", StandardCharsets.UTF_8);
    Path outside = Files.writeString(tmp.resolve("secret.txt"), "outside the corpus", StandardCharsets.UTF_8);
    Files.createDirectories(corpus.resolve("sub"));
    Files.createSymbolicLink(corpus.resolve("sub/link.txt"), outside);
    Files.createSymbolicLink(corpus.resolve("dirlink"), tmp);
    boolean fifo = false;
    try {
      fifo = new ProcessBuilder("mkfifo", corpus.resolve("pipe").toString()).start().waitFor() == 0;
    } catch (IOException e) {
      // no mkfifo here: the symlinks still make the point
    }
    try (Workspace ws = Workspace.open(tmp.resolve("ws")); Session s = ws.session(IngestTest.LOADER, IngestTest.CI)) {
      IngestReport r = ingest(s, corpus);
      assertEquals(1, r.ingested(), r.toJson());
      Map<String, String> skipped = r.skipped().stream()
          .collect(Collectors.toMap(IngestReport.Skipped::path, IngestReport.Skipped::reason));
      assertEquals("symlink", skipped.get("sub/link.txt"), r.toJson());
      assertEquals("symlink", skipped.get("dirlink"), r.toJson());
      if (fifo) {
        assertEquals("fifo", skipped.get("pipe"), r.toJson());
      }
      assertEquals(fifo ? 3 : 2, r.skipped().size(), r.toJson());
      assertTrue(r.toJson().contains("\"skipped\":[{\"path\":\"dirlink\",\"reason\":\"symlink\""), r.toJson());
      assertFalse(s.documents(0, 10).items().stream().anyMatch(d -> d.text().contains("outside the corpus")));
    }
  }

  @Test
  void aPdfWithPagesButNoTextIsIngestedWithAWarningAndATruncatedOneIsNeverSilent() throws Exception {
    Path corpus = Files.createDirectories(tmp.resolve("in"));
    Files.write(corpus.resolve("blank.pdf"), pdf("", ""));
    Files.write(corpus.resolve("text.pdf"), pdf("Blue van at pier 4"));
    byte[] full = pdf("Courier met the suspect", "Second page of the report");
    Files.write(corpus.resolve("truncated.pdf"), Arrays.copyOf(full, full.length / 2));
    try (Workspace ws = Workspace.open(tmp.resolve("ws")); Session s = ws.session(IngestTest.LOADER, IngestTest.CI)) {
      IngestReport r = ingest(s, corpus);
      Map<String, IngestReport.Warning> warnings = r.warnings().stream()
          .collect(Collectors.toMap(IngestReport.Warning::path, w -> w));
      IngestReport.Warning blank = warnings.get("blank.pdf");
      assertEquals("no-text", blank.reason(), r.toJson());
      assertTrue(blank.message().contains("2 pages"), blank.message());
      assertFalse(warnings.containsKey("text.pdf"), r.toJson());
      Map<String, Document> docs = s.documents(0, 10).items().stream()
          .collect(Collectors.toMap(d -> d.provenance().recordId(), d -> d));
      assertTrue(docs.get("blank.pdf").metadata().get(IngestReport.WARNING_METADATA).get(0).startsWith("no-text: "));
      assertEquals(null, docs.get("text.pdf").metadata().get(IngestReport.WARNING_METADATA));
      // the truncated PDF is quarantined or ingested with a warning — never an ordinary empty document
      boolean quarantined = r.failures().stream().anyMatch(f -> f.path().equals("truncated.pdf"));
      Document truncated = docs.get("truncated.pdf");
      assertTrue(quarantined || warnings.containsKey("truncated.pdf")
          || (truncated != null && !truncated.text().isBlank()), r.toJson());
      assertTrue(r.toJson().contains("\"warnings\":[{\"path\":"), r.toJson());
    }
  }
}
