package com.example.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.insight.core.Dataset;
import org.insight.core.EntityId;
import org.insight.ingest.Extraction;
import org.insight.ingest.TikaExtractor;
import org.insight.ingest.IngestReport;
import org.insight.ingest.IngestRequest;
import org.insight.ingest.IngestSource;
import org.insight.match.ScreeningHit;
import org.insight.match.ScreeningQuery;
import org.insight.policy.Label;
import org.insight.policy.Principal;
import org.insight.policy.Purpose;
import org.insight.policy.SourceGrading;
import org.insight.workspace.Session;
import org.insight.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an adopter does first, on the class path the BOM gives: extract a text PDF (in a worker process, the
 * default), ingest a directory, search it and screen a name against a watch list.
 */
class ConsumerTest {
  static final Purpose CI = Purpose.CRIMINAL_INVESTIGATION;
  static final Principal LOADER = Principal.of("loader", "FR", "POLICE", "INTERPOL");
  static final Principal ANALYST = Principal.of("alice", "FR", "POLICE", "INTERPOL");

  @TempDir Path tmp;

  @Test
  void extractsIngestsSearchesAndScreens() throws IOException {
    Path inbox = copyInbox();
    try (TikaExtractor extractor = TikaExtractor.builder().workers(1).noOcr().build()) {
      Extraction pdf = extractor.extract(inbox.resolve("statement.pdf"));
      assertTrue(pdf.outcome().reason().isEmpty(), "the PDF was quarantined: " + pdf.outcome());
      assertEquals("tika:PDFParser", pdf.parser());
      assertTrue(pdf.text().contains("The blue van left pier 4"), pdf.text());

      Dataset reports = Dataset.of("reports", Label.of("FR&POLICE"), SourceGrading.parse("B2"));
      Dataset notices = Dataset.of("notices", Label.of("INTERPOL"), SourceGrading.parse("B2"));
      try (Workspace ws = Workspace.builder(tmp.resolve("ws")).watchLists("notices").open()) {
        try (Session loader = ws.session(LOADER, CI)) {
          IngestReport report = loader.ingest(IngestRequest.builder(reports).source(IngestSource.directory(inbox))
              .extractor(extractor).build());
          assertEquals(2, report.found(), report.toJson());
          assertEquals(2, report.ingested(), report.toJson());
          assertEquals(0, report.quarantined(), report.toJson());
          loader.add(notices.entity("Person", "2026/4411").add("name", "Ivan PETROV").add("birthDate", "1975-03-14")
              .build());
        }
        try (Session alice = ws.session(ANALYST, CI)) {
          assertEquals(1, alice.search("\"blue van\"").total());
          assertEquals(1, alice.search("\"AB-123-CD\"").total());
          List<ScreeningHit> hits = alice.screen(ScreeningQuery.of("Петров Иван").withBirthDate("1975"), 3);
          assertEquals(EntityId.fromSource("notices", "2026/4411").value(), hits.get(0).id());
        }
      }
    }
  }

  private Path copyInbox() throws IOException {
    Path inbox = Files.createDirectories(tmp.resolve("inbox"));
    for (String name : List.of("statement.pdf", "log.txt")) {
      try (InputStream in = ConsumerTest.class.getResourceAsStream("/inbox/" + name)) {
        Files.copy(in, inbox.resolve(name));
      }
    }
    return inbox;
  }
}
