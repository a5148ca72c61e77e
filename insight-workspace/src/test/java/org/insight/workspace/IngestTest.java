package org.insight.workspace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.insight.InsightException;
import org.insight.core.ContentHash;
import org.insight.core.Dataset;
import org.insight.core.Document;
import org.insight.ingest.IngestProgress;
import org.insight.ingest.IngestReport;
import org.insight.ingest.IngestRequest;
import org.insight.ingest.IngestSource;
import org.insight.policy.Label;
import org.insight.policy.Principal;
import org.insight.policy.Purpose;
import org.insight.policy.SourceGrading;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestTest {
  static final Purpose CI = Purpose.CRIMINAL_INVESTIGATION;
  static final Label LABEL = Label.builder("FR&POLICE").purposes(CI).originator("FR-NCB")
      .deleteAfter(java.time.LocalDate.of(2031, 1, 1)).build();
  static final Dataset DATASET = Dataset.of("seized-laptop", LABEL, SourceGrading.parse("B2"));
  static final Principal LOADER = Principal.of("loader", "FR", "POLICE");

  @TempDir Path tmp;
  Path corpus;
  Path wsDir;

  @BeforeEach
  void corpus() throws IOException {
    corpus = tmp.resolve("corpus");
    wsDir = tmp.resolve("ws");
    write("report.txt", "Blue van seen near the harbour.");
    write("mail/tip.mail", "Tip from a neighbour\n--attach photo-notes.txt\nPlate AB-123-CD\n--attach inner.mail\n"
        + "Forwarded\n---attach deep.txt\nthe deepest line");
    write("mail/locked.enc", "xxxx");
    write("misc/picture.bin", "\u0001\u0002");
    write("misc/crash.boom", "boom");
    write("drafts/ignore.txt", "not wanted");
  }

  private Path write(String rel, String content) throws IOException {
    Path p = corpus.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  private IngestReport ingest(Workspace ws, IngestSource... sources) {
    try (Session s = ws.session(LOADER, CI)) {
      return s.ingest(IngestRequest.builder(DATASET).source(sources).extractor(new TestMailExtractor()).workers(2)
          .batchSize(2).build());
    }
  }

  private static IngestSource.Directory dir(Path root) {
    return IngestSource.directory(root).exclude("drafts/**");
  }

  private static Map<String, Document> documents(Workspace ws) {
    try (Session s = ws.session(LOADER, CI)) {
      return s.documents(0, 1000).items().stream().collect(Collectors.toMap(d -> d.provenance().recordId(), d -> d));
    }
  }

  @Test
  void aDirectoryBecomesDocumentsWithChildrenProvenanceLabelsAndEvidence() throws IOException {
    try (Workspace ws = Workspace.open(wsDir)) {
      IngestReport r = ingest(ws, dir(corpus));
      assertEquals(5, r.found(), "drafts/ are excluded");
      assertEquals(2, r.ingested());
      assertEquals(3, r.quarantined());
      assertEquals(5, r.documents(), "report, the mail, its two attachments, the nested mail's attachment");

      Map<String, Document> docs = documents(ws);
      assertEquals(List.of("mail/tip.mail", "mail/tip.mail!/inner.mail", "mail/tip.mail!/inner.mail!/deep.txt",
          "mail/tip.mail!/photo-notes.txt", "report.txt"), docs.keySet().stream().sorted().toList());
      Document mail = docs.get("mail/tip.mail");
      Document inner = docs.get("mail/tip.mail!/inner.mail");
      Document deep = docs.get("mail/tip.mail!/inner.mail!/deep.txt");
      assertEquals(Optional.empty(), mail.parentId());
      assertEquals(Optional.of(mail.id()), docs.get("mail/tip.mail!/photo-notes.txt").parentId());
      assertEquals(Optional.of(mail.id()), inner.parentId());
      assertEquals(Optional.of(inner.id()), deep.parentId());
      assertEquals("the deepest line", deep.text());
      assertEquals("Mail tip.mail", mail.title());
      for (Document d : docs.values()) {
        assertEquals(LABEL, d.label());
        assertEquals("seized-laptop", d.provenance().dataset());
        assertEquals(SourceGrading.parse("B2"), d.provenance().grading());
        assertEquals("loader", d.provenance().ingestedBy());
        assertEquals(Optional.of(d.contentHash()), d.provenance().contentHash());
        assertEquals(Document.idFor("seized-laptop", LABEL, d.contentHash()), d.id());
        assertTrue(d.provenance().method().startsWith("test:"), d.provenance().method());
      }
      try (Session s = ws.session(LOADER, CI); InputStream in = s.evidence(deep.contentHash()).orElseThrow()) {
        assertArrayEquals("the deepest line".getBytes(StandardCharsets.UTF_8), in.readAllBytes());
      }
      byte[] report = Files.readAllBytes(corpus.resolve("report.txt"));
      assertEquals(ContentHash.of(report), docs.get("report.txt").contentHash());
    }
  }

  @Test
  void quarantinedItemsAreReportedWithTheirReasonKeptAndTheRunGoesOn() throws IOException {
    try (Workspace ws = Workspace.open(wsDir)) {
      IngestReport r = ingest(ws, dir(corpus));
      Map<String, IngestReport.Failure> failures = r.failures().stream()
          .collect(Collectors.toMap(IngestReport.Failure::path, f -> f));
      assertEquals("encrypted", failures.get("mail/locked.enc").reason());
      assertEquals("unsupported", failures.get("misc/picture.bin").reason());
      assertEquals("failed", failures.get("misc/crash.boom").reason());
      assertTrue(failures.get("misc/crash.boom").message().contains("blew up"));
      // the original of a quarantined item is kept
      ContentHash locked = ContentHash.of(Files.readAllBytes(corpus.resolve("mail/locked.enc")));
      assertEquals(locked.hex(), failures.get("mail/locked.enc").sha256());
      assertTrue(ws.evidence.contains(locked));
      // and the reason is recorded in the ledger
      String ledger = Files.readString(wsDir.resolve("ingest/ledger.jsonl"));
      assertTrue(ledger.contains("\"reason\":\"encrypted\""), ledger);
      // the JSON form carries every failure
      assertTrue(r.toJson().contains("\"path\":\"misc/picture.bin\",\"reason\":\"unsupported\""), r.toJson());
    }
  }

  @Test
  void aSecondRunProcessesOnlyWhatIsNewChangedOrFailed() throws IOException {
    try (Workspace ws = Workspace.open(wsDir)) {
      ingest(ws, dir(corpus));
      Map<String, Document> first = documents(ws);

      IngestReport again = ingest(ws, dir(corpus));
      assertEquals(0, again.ingested());
      assertEquals(2, again.unchanged());
      assertEquals(3, again.quarantined(), "failed items are tried again");
      assertEquals(first.keySet(), documents(ws).keySet());

      // a touched file with the same bytes is unchanged; a changed one is ingested again; a new one too
      Path report = corpus.resolve("report.txt");
      Files.setLastModifiedTime(report, FileTime.fromMillis(Files.getLastModifiedTime(report).toMillis() + 5_000));
      IngestReport touched = ingest(ws, dir(corpus));
      assertEquals(0, touched.ingested());
      assertEquals(2, touched.unchanged());

      Path tip = corpus.resolve("mail/tip.mail");
      Files.writeString(tip, "Tip, corrected\n--attach photo-notes.txt\nPlate AB-123-CD");
      Files.setLastModifiedTime(tip, FileTime.fromMillis(Files.getLastModifiedTime(tip).toMillis() + 5_000));
      write("new.txt", "a new note");
      IngestReport changed = ingest(ws, dir(corpus));
      assertEquals(2, changed.ingested(), "the changed mail and the new note");
      assertEquals(1, changed.unchanged());
      assertEquals(3, changed.documents(), "the mail, its one attachment, the note");
      try (Session s = ws.session(LOADER, CI)) {
        // the old version of the mail stays (it is evidence); its unchanged attachment is not duplicated
        assertEquals(first.size() + 2, s.documents(0, 1000).total());
      }
    }
  }

  @Test
  void theSameBytesTwiceAreOneDocument() throws IOException {
    write("copy-of-report.txt", Files.readString(corpus.resolve("report.txt")));
    try (Workspace ws = Workspace.open(wsDir)) {
      IngestReport r = ingest(ws, IngestSource.file(corpus.resolve("report.txt")),
          IngestSource.file(corpus.resolve("copy-of-report.txt")));
      assertEquals(2, r.ingested());
      try (Session s = ws.session(LOADER, CI)) {
        assertEquals(1, s.documents(0, 10).total());
      }
    }
  }

  @Test
  void includeGlobsMatchFileNamesOrRelativePaths() throws IOException {
    try (Workspace ws = Workspace.open(wsDir)) {
      IngestReport r = ingest(ws, IngestSource.directory(corpus).include("*.txt").exclude("drafts/**"));
      assertEquals(1, r.found());
      IngestReport mail = ingest(ws, IngestSource.directory(corpus).include("mail/*.mail"));
      assertEquals(1, mail.found());
      assertTrue(documents(ws).containsKey("mail/tip.mail"));
    }
  }

  @Test
  void aStreamIsIngestedUnderItsNameAndOnlyOnce() {
    try (Workspace ws = Workspace.open(wsDir)) {
      IngestSource stream = IngestSource.stream("upload-17.txt",
          () -> new ByteArrayInputStream("uploaded note".getBytes(StandardCharsets.UTF_8)));
      IngestReport r = ingest(ws, stream);
      assertEquals(1, r.ingested());
      assertEquals("uploaded note", documents(ws).get("upload-17.txt").text());
      IngestReport again = ingest(ws, stream);
      assertEquals(0, again.ingested());
      assertEquals(1, again.unchanged());
    }
  }

  @Test
  void progressIsReportedForEveryItem() {
    List<IngestProgress> seen = new ArrayList<>();
    try (Workspace ws = Workspace.open(wsDir); Session s = ws.session(LOADER, CI)) {
      s.ingest(IngestRequest.builder(DATASET).source(dir(corpus)).extractor(new TestMailExtractor())
          .progress(seen::add).build());
    }
    assertEquals(5, seen.size());
    assertEquals(List.of(1L, 2L, 3L, 4L, 5L), seen.stream().map(IngestProgress::done).toList());
    assertEquals(5, seen.get(4).total());
  }

  @Test
  void theProgressListenerSeesMonotoneCountsEndingAtTheTotal() {
    List<long[]> seen = new ArrayList<>();
    try (Workspace ws = Workspace.open(wsDir); Session s = ws.session(LOADER, CI)) {
      s.ingest(IngestRequest.builder(DATASET).source(dir(corpus)).extractor(new TestMailExtractor())
          .progress((stage, done, total) -> {
            assertEquals("ingest", stage);
            seen.add(new long[] {done, total});
          }).build());
    }
    assertFalse(seen.isEmpty());
    for (int i = 0; i < seen.size(); i++) {
      assertTrue(seen.get(i)[0] <= seen.get(i)[1], "done never passes total");
      assertTrue(i == 0 || seen.get(i)[0] >= seen.get(i - 1)[0], "done never goes back");
    }
    assertArrayEquals(new long[] {5, 5}, seen.get(seen.size() - 1), "it ends at the five items found");
  }

  @Test
  void aWriterThatCouldNotSeeTheLabelIsRefusedBeforeAnythingIsWritten() {
    try (Workspace ws = Workspace.open(wsDir); Session s = ws.session(Principal.of("intern", "FR"), CI)) {
      InsightException e = assertThrows(InsightException.class, () -> s.ingest(IngestRequest.builder(DATASET)
          .source(dir(corpus)).extractor(new TestMailExtractor()).build()));
      assertTrue(e.getMessage().contains("could not see"), e.getMessage());
      assertFalse(Files.exists(wsDir.resolve("ingest/ledger.jsonl")));
      assertTrue(ws.audit.tail(1).get(0).event().outcome().startsWith("denied"), "the refusal is audited");
    }
    try (Workspace ws = Workspace.open(wsDir); Session s = ws.session(LOADER, Purpose.BORDER_CONTROL)) {
      assertThrows(InsightException.class, () -> s.ingest(IngestRequest.builder(DATASET)
          .source(dir(corpus)).extractor(new TestMailExtractor()).build()), "a purpose the label does not allow");
    }
  }

  @Test
  void withAMappingStructuredFilesBecomeEntitiesAndBadRowsAreReportedWithTheirLine() throws IOException {
    write("calls/cdr.csv", "caller,callee,start_time,duration,cell_id\n"
        + "+33612345678,+447700900123,2026-03-14 10:22:05,65,FR-75-0012\n"
        + "+33612345678,+447700900123,2026-13-45 25:00:00,30,FR-75-0012\n");
    try (Workspace ws = Workspace.open(wsDir); Session s = ws.session(LOADER, CI)) {
      IngestReport r = s.ingest(IngestRequest.builder(DATASET).source(IngestSource.directory(corpus).include("*.csv", "*.txt").exclude("drafts/**"))
          .extractor(new TestMailExtractor()).mapping(org.insight.ingest.RecordMapping.builtIn("cdr", ws.schema())).build());
      assertEquals(2, r.found(), r.toJson());
      assertEquals(2, r.ingested(), "the CSV and the report");
      assertEquals(1, r.documents(), "the report; the CSV's rows are entities");
      assertTrue(r.entities() >= 3, "two phones and a call: " + r.toJson());
      assertEquals(List.of("calls/cdr.csv:3"), r.failures().stream().map(IngestReport.Failure::path).toList(), r.toJson());
      assertEquals("invalid-data", r.failures().get(0).reason());
      assertEquals(2, s.count("Call"), "values, not rows: the second call loads without its bad start time");
      assertEquals(2, s.count("Phone"));
      IngestReport again = s.ingest(IngestRequest.builder(DATASET).source(IngestSource.directory(corpus).include("*.csv"))
          .extractor(new TestMailExtractor()).mapping(org.insight.ingest.RecordMapping.builtIn("cdr", ws.schema())).build());
      assertEquals(1, again.unchanged());
    }
  }

  @Test
  void aMissingSourceIsAClearError() {
    try (Workspace ws = Workspace.open(wsDir); Session s = ws.session(LOADER, CI)) {
      InsightException e = assertThrows(InsightException.class, () -> s.ingest(IngestRequest.builder(DATASET)
          .source(IngestSource.directory(tmp.resolve("nope"))).build()));
      assertTrue(e.getMessage().contains("no directory"), e.getMessage());
    }
  }

  @Test
  void aTornLedgerLineIsCutAndItsItemDoneAgain() throws IOException {
    try (Workspace ws = Workspace.open(wsDir)) {
      ingest(ws, IngestSource.file(corpus.resolve("report.txt")));
    }
    Path ledger = wsDir.resolve("ingest/ledger.jsonl");
    String text = Files.readString(ledger);
    // a crash mid-append: the line of report.txt half written
    Files.writeString(ledger, text.substring(0, text.length() - 20));
    try (Workspace ws = Workspace.open(wsDir)) {
      IngestReport r = ingest(ws, IngestSource.file(corpus.resolve("report.txt")));
      assertEquals(1, r.ingested());
      assertEquals(1, documents(ws).size());
    }
    assertTrue(Files.readString(ledger).endsWith("\n"));
    assertEquals(1, Files.readAllLines(ledger).size());
  }
}
