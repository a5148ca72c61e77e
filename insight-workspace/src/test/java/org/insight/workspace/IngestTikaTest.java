package org.insight.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.insight.core.Document;
import org.insight.ingest.TikaExtractor;
import org.insight.ingest.ExtractorUnavailableException;
import org.insight.ingest.IngestException;
import org.insight.ingest.IngestReport;
import org.insight.ingest.IngestRequest;
import org.insight.ingest.IngestSource;
import org.insight.ingest.OcrOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pipeline with the real extractor (Tika in worker processes): an e-mail with an attachment, HTML, a broken PDF. */
class IngestTikaTest {
  @TempDir Path tmp;

  static final String EML = String.join("\r\n",
      "From: tipster@example.org",
      "To: desk@police.example",
      "Subject: Blue van at the harbour",
      "Date: Tue, 14 Apr 2026 09:12:00 +0000",
      "MIME-Version: 1.0",
      "Content-Type: multipart/mixed; boundary=\"XYZ\"",
      "",
      "--XYZ",
      "Content-Type: text/plain; charset=UTF-8",
      "",
      "I saw the blue van again near pier 4.",
      "--XYZ",
      "Content-Type: text/plain; charset=UTF-8",
      "Content-Disposition: attachment; filename=\"plates.txt\"",
      "",
      "AB-123-CD and EF-456-GH",
      "--XYZ--",
      "");

  @Test
  void anEmailItsAttachmentHtmlAndABrokenPdf() throws IOException {
    Path corpus = tmp.resolve("in");
    Files.createDirectories(corpus);
    Files.writeString(corpus.resolve("tip.eml"), EML, StandardCharsets.UTF_8);
    Files.writeString(corpus.resolve("note.html"), "<html><head><title>Surveillance note</title></head>"
        + "<body><p>Suspect left at 21:40.</p></body></html>", StandardCharsets.UTF_8);
    Files.write(corpus.resolve("scan.pdf"), "%PDF-1.7\n1 0 obj << /Type /Catalog".getBytes(StandardCharsets.US_ASCII));
    // in-process Tika keeps this test fast; the extractor's own tests cover the worker processes
    try (TikaExtractor extractor = TikaExtractor.builder().inProcess(true).build();
         Workspace ws = Workspace.open(tmp.resolve("ws")); Session s = ws.session(IngestTest.LOADER, IngestTest.CI)) {
      IngestReport r = s.ingest(IngestRequest.builder(IngestTest.DATASET).source(IngestSource.directory(corpus))
          .extractor(extractor).ocr(OcrOptions.OFF).workers(2).build());
      assertEquals(3, r.found());
      assertEquals(2, r.ingested(), r.toJson());
      assertEquals(1, r.quarantined(), r.toJson());
      assertEquals("scan.pdf", r.failures().get(0).path());
      assertEquals("corrupt", r.failures().get(0).reason(), r.toJson());

      Map<String, Document> docs = s.documents(0, 100).items().stream()
          .collect(Collectors.toMap(d -> d.provenance().recordId(), d -> d));
      Document mail = docs.get("tip.eml");
      Document attachment = docs.get("tip.eml!/plates.txt");
      assertEquals("Blue van at the harbour", mail.title());
      assertEquals("tika:RFC822Parser", mail.provenance().method());
      assertEquals(Optional.of(mail.id()), attachment.parentId());
      assertTrue(mail.text().contains("blue van again"), mail.text());
      assertTrue(attachment.text().contains("AB-123-CD"), attachment.text());
      assertEquals("tika:JSoupParser", docs.get("note.html").provenance().method());
      assertTrue(docs.get("note.html").text().contains("Suspect left"));
      assertEquals(3, docs.size(), docs.keySet().toString());
      assertEquals(1, s.search("pier").total());
      assertEquals(1, s.search("\"EF-456-GH\"").total());
    }
  }

  @Test
  void whenWorkersCannotStartIngestFailsAndQuarantinesNothing() throws IOException {
    Path corpus = Files.createDirectories(tmp.resolve("in"));
    Files.writeString(corpus.resolve("a.txt"), "Blue van at pier 4.", StandardCharsets.UTF_8);
    Files.writeString(corpus.resolve("b.txt"), "Grey Audi at the gate.", StandardCharsets.UTF_8);
    Path nothing = Files.createDirectories(tmp.resolve("no-classes"));
    try (Workspace ws = Workspace.open(tmp.resolve("ws")); Session s = ws.session(IngestTest.LOADER, IngestTest.CI)) {
      try (TikaExtractor broken = TikaExtractor.builder().workers(1).workerClasspath(List.of(nothing)).build()) {
        IngestException e = assertThrows(IngestException.class, () -> s.ingest(IngestRequest
            .builder(IngestTest.DATASET).source(IngestSource.directory(corpus)).extractor(broken).build()));
        assertInstanceOf(ExtractorUnavailableException.class, e.getCause(), e.toString());
        assertTrue(e.getMessage().contains("workerClasspath"), e.getMessage());
      }
      assertEquals(0, s.documents(0, 10).total());
      // nothing was remembered as quarantined: the next run, with a working extractor, ingests both
      try (TikaExtractor working = TikaExtractor.builder().inProcess(true).build()) {
        IngestReport r = s.ingest(IngestRequest.builder(IngestTest.DATASET).source(IngestSource.directory(corpus))
            .extractor(working).ocr(OcrOptions.OFF).build());
        assertEquals(2, r.ingested(), r.toJson());
        assertEquals(0, r.quarantined(), r.toJson());
      }
    }
  }
}
