package org.insight.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.insight.core.ContentHash;
import org.insight.core.Dataset;
import org.insight.core.Document;
import org.insight.core.Entity;
import org.insight.core.EntityId;
import org.insight.core.InvalidDataException;
import org.insight.core.Provenance;
import org.insight.core.Statement;
import org.insight.ingest.IngestReport;
import org.insight.ingest.IngestRequest;
import org.insight.ingest.IngestSource;
import org.insight.policy.AuditException;
import org.insight.policy.AuditRecord;
import org.insight.policy.Label;
import org.insight.policy.Principal;
import org.insight.policy.Purpose;
import org.insight.policy.SourceGrading;
import org.insight.policy.Writers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The write model (rule 7; issue 14 findings 1, 2 and 4): who may write what, and what a write may change. */
class WriteModelTest {
  static final Purpose CI = Purpose.CRIMINAL_INVESTIGATION;
  static final Principal SECRET_WRITER = Principal.of("sw", "SECRET");
  static final Principal SECRET_ONLY_READER = Principal.of("sr", "SECRET");
  static final Principal OPEN_WRITER = Principal.of("ow", "OPEN");
  static final Dataset HR_SECRET = Fixtures.dataset("hr", "SECRET");
  static final Dataset HR_OPEN = Fixtures.dataset("hr", "OPEN");

  @TempDir Path dir;

  private static Entity record(Dataset ds, String name, String passport) {
    return ds.entity("Person", "1").add("name", name).add("passportNumber", passport).build();
  }

  private static Set<String> values(Session s, EntityId id) {
    return s.entity(id).map(e -> e.statements().stream().map(st -> st.property() + "=" + st.value() + "@" + st.label())
        .collect(Collectors.toSet())).orElse(Set.of());
  }

  /** Finding 1: an OPEN add of the same record (same values) used to replace the SECRET statements. */
  @Test
  void anOpenWriteOfTheSameRecordLeavesTheSecretStatementsIntact() {
    try (Workspace ws = Workspace.builder(dir).clock(Fixtures.FIXED).open()) {
      Entity secret = record(HR_SECRET, "Ivan Petrov", "P123");
      ws.session(SECRET_WRITER, CI).add(secret);
      Set<String> before = values(ws.session(SECRET_ONLY_READER, CI), secret.id());
      assertEquals(Set.of("name=Ivan Petrov@SECRET", "passportNumber=P123@SECRET"), before);

      ws.session(OPEN_WRITER, CI).add(record(HR_OPEN, "Ivan Petrov", "P123"));
      ws.session(OPEN_WRITER, CI).add(record(HR_OPEN, "Someone Else", "X999"));

      assertEquals(before, values(ws.session(SECRET_ONLY_READER, CI), secret.id()), "the SECRET reader's view is intact");
      assertEquals(Set.of("name=Ivan Petrov@OPEN", "passportNumber=P123@OPEN", "name=Someone Else@OPEN",
          "passportNumber=X999@OPEN"), values(ws.session(OPEN_WRITER, CI), secret.id()), "the OPEN copies coexist");
    }
  }

  /** Finding 1: {@code add} accepted labels the writer does not hold. */
  @Test
  void aWriterMayAttachOnlyLabelsItSatisfiesAndARefusalStoresNothing() {
    try (Workspace ws = Workspace.builder(dir).clock(Fixtures.FIXED).open()) {
      Entity secret = record(HR_SECRET, "Ivan Petrov", "P123");
      Session nobody = ws.session(Principal.of("nobody"), CI);
      WriteRefusedException e = assertThrows(WriteRefusedException.class, () -> nobody.add(secret));
      assertTrue(e.getMessage().contains("may not attach the label SECRET"), e.getMessage());
      assertFalse(e.getMessage().contains("Petrov"), "a refusal names no value");
      assertEquals(Set.of(), values(ws.session(SECRET_WRITER, CI), secret.id()), "nothing stored");
      AuditRecord last = ws.audit.tail(2).get(0); // the refusal, then the read just above
      assertEquals("add", last.event().operation());
      assertTrue(last.event().outcome().startsWith("denied"), last.event().outcome());

      // one bad statement refuses the whole write
      Entity mixed = HR_OPEN.entity("Person", "2").add("name", "Open Name").add("passportNumber", "P2222",
          Label.of("SECRET")).build();
      assertThrows(WriteRefusedException.class, () -> ws.session(OPEN_WRITER, CI).add(mixed));
      assertEquals(Set.of(), values(ws.session(Principal.of("all", "OPEN", "SECRET"), CI), mixed.id()));
    }
  }

  /** A chosen statement id could name a statement the writer cannot see; ids are content-derived or refused. */
  @Test
  void aStatementWithAChosenIdIsRefused() {
    try (Workspace ws = Workspace.builder(dir).clock(Fixtures.FIXED).open()) {
      Entity secret = record(HR_SECRET, "Ivan Petrov", "P123");
      ws.session(SECRET_WRITER, CI).add(secret);
      Statement target = secret.statements().get(0);
      Statement forged = new Statement(target.id(), target.entityId(), target.schema(), target.property(), "Forged Name",
          null, Label.of("OPEN"), target.provenance());
      InvalidDataException e = assertThrows(InvalidDataException.class,
          () -> ws.session(OPEN_WRITER, CI).add(new Entity(secret.id(), "Person", List.of(forged))));
      assertTrue(e.getMessage().contains("derived"), e.getMessage());
      assertEquals(Set.of("name=Ivan Petrov@SECRET", "passportNumber=P123@SECRET"),
          values(ws.session(SECRET_ONLY_READER, CI), secret.id()));
    }
  }

  /** Finding 1 (documents): the same bytes under another label were the same document, relabelled. */
  @Test
  void theSameBytesUnderTwoLabelsAreTwoDocumentsSharingOneBlob() {
    try (Workspace ws = Workspace.builder(dir).clock(Fixtures.FIXED).open()) {
      byte[] bytes = "the informant's report".getBytes(StandardCharsets.UTF_8);
      Session secretWriter = ws.session(SECRET_WRITER, CI);
      ContentHash hash = secretWriter.storeEvidence(new ByteArrayInputStream(bytes));
      Document secretDoc = document(hash, "SECRET");
      secretWriter.add(secretDoc);
      Session openWriter = ws.session(OPEN_WRITER, CI);
      assertEquals(hash, openWriter.storeEvidence(new ByteArrayInputStream(bytes)));
      Document openDoc = document(hash, "OPEN");
      openWriter.add(openDoc);

      assertFalse(secretDoc.id().equals(openDoc.id()));
      assertEquals(Label.of("SECRET"), ws.session(SECRET_ONLY_READER, CI).document(secretDoc.id()).orElseThrow().label());
      assertEquals(Label.of("OPEN"), ws.session(OPEN_WRITER, CI).document(openDoc.id()).orElseThrow().label());
      assertTrue(ws.session(OPEN_WRITER, CI).document(secretDoc.id()).isEmpty());
      assertEquals(1, ws.session(SECRET_ONLY_READER, CI).documents(0, 10).total());
      // a document with a chosen id (here, the SECRET one's) is refused
      Document forged = new Document(secretDoc.id(), hash, "t", "forged", "", Map.of(), null, null, Label.of("OPEN"),
          secretDoc.provenance());
      assertThrows(InvalidDataException.class, () -> openWriter.add(forged));
      assertEquals("the informant's report",
          ws.session(SECRET_ONLY_READER, CI).document(secretDoc.id()).orElseThrow().text());
    }
  }

  private static Document document(ContentHash hash, String label) {
    return new Document(null, hash, "t", "the informant's report", "", Map.of(), null, null, Label.of(label),
        Provenance.of("reports", "r1", "text:plain", SourceGrading.UNGRADED).withContentHash(hash));
  }

  @Test
  void datasetWritersAreConfiguredSavedAndEnforced() {
    Writers writers = Writers.parse("hr = sw, auth:HR_WRITE\njudgement = *\n");
    try (Workspace ws = Workspace.builder(dir).clock(Fixtures.FIXED).writers(writers).open()) {
      ws.session(SECRET_WRITER, CI).add(record(HR_SECRET, "Ivan Petrov", "P123"));
      ws.session(Principal.of("clerk", "OPEN", "HR_WRITE"), CI).add(record(HR_OPEN, "Ivan Petrov", "P123"));
      WriteRefusedException e = assertThrows(WriteRefusedException.class,
          () -> ws.session(OPEN_WRITER, CI).add(record(HR_OPEN, "Other", "X1111")));
      assertTrue(e.getMessage().contains("may not write into dataset 'hr'"), e.getMessage());
      assertThrows(WriteRefusedException.class,
          () -> ws.session(SECRET_WRITER, CI).add(record(Fixtures.dataset("notices", "SECRET"), "A B", "P9999")));
    }
    // saved: a later open without the option enforces it
    try (Workspace ws = Workspace.builder(dir).clock(Fixtures.FIXED).open()) {
      assertEquals(writers, ws.writers());
      Entity other = record(Fixtures.dataset("notices", "OPEN"), "Other", "X1111");
      assertThrows(WriteRefusedException.class, () -> ws.session(OPEN_WRITER, CI).add(other));
      assertEquals(Set.of(), values(ws.session(OPEN_WRITER, CI), other.id()), "nothing stored");
      assertEquals(Set.of("name=Ivan Petrov@OPEN", "passportNumber=P123@OPEN"),
          values(ws.session(OPEN_WRITER, CI), EntityId.fromSource("hr", "1")));
    }
    // a workspace never given a configuration lets anyone write
    try (Workspace ws = Workspace.builder(dir.resolve("other")).open()) {
      assertEquals(Writers.anyone(), ws.writers());
    }
  }

  @Test
  void anIngestIntoADatasetThePrincipalMayNotWriteIsRefusedBeforeAnythingIsStored() throws IOException {
    Path corpus = Files.createDirectories(dir.resolve("corpus"));
    Files.writeString(corpus.resolve("a.txt"), "blue van");
    try (Workspace ws = Workspace.builder(dir.resolve("ws")).writers(Writers.parse("reports = sw\n")).open()) {
      Session open = ws.session(OPEN_WRITER, CI);
      IngestRequest request = IngestRequest.builder(Fixtures.dataset("reports", "OPEN"))
          .source(IngestSource.directory(corpus)).extractor(new TestMailExtractor()).build();
      assertThrows(WriteRefusedException.class, () -> open.ingest(request));
      assertEquals(0, open.documents(0, 10).total());
      assertFalse(Files.exists(dir.resolve("ws/ingest/ledger.jsonl")));
    }
  }

  /** Finding 2: after a SECRET ingest, an OPEN ingest of the same path answered "unchanged" and made no copy. */
  @Test
  void anIngestUnderAnotherLabelMakesItsOwnCopyAndLearnsNothingOfTheEarlierOne() throws IOException {
    Path corpus = Files.createDirectories(dir.resolve("corpus"));
    Files.writeString(corpus.resolve("a.txt"), "nightjar sighted at the harbour");
    Files.writeString(corpus.resolve("b.txt"), "second report");
    try (Workspace ws = Workspace.builder(dir.resolve("ws")).clock(Fixtures.FIXED).open()) {
      IngestReport secret = ingest(ws, SECRET_WRITER, "SECRET", corpus);
      assertEquals(2, secret.ingested());
      IngestReport open = ingest(ws, OPEN_WRITER, "OPEN", corpus);
      assertEquals(2, open.ingested(), open.toString());
      assertEquals(0, open.unchanged(), open.toString());
      assertEquals(2, open.documents(), open.toString());
      assertEquals(2, ws.session(OPEN_WRITER, CI).documents(0, 10).total());
      assertEquals(2, ws.session(SECRET_ONLY_READER, CI).documents(0, 10).total());
      // each label's ledger state is its own: a second run under either label is "unchanged"
      assertEquals(2, ingest(ws, OPEN_WRITER, "OPEN", corpus).unchanged());
      assertEquals(2, ingest(ws, SECRET_WRITER, "SECRET", corpus).unchanged());
    }
  }

  private static IngestReport ingest(Workspace ws, Principal who, String label, Path corpus) {
    try (Session s = ws.session(who, CI)) {
      return s.ingest(IngestRequest.builder(Fixtures.dataset("reports", label)).source(IngestSource.directory(corpus))
          .extractor(new TestMailExtractor()).workers(1).build());
    }
  }

  @Test
  void aCorrectionIsAnAuditedSupersessionBySomeoneWhoSeesTheStatement() {
    try (Workspace ws = Workspace.builder(dir).clock(Fixtures.FIXED).open()) {
      Entity secret = record(HR_SECRET, "Ivan Petrov", "P123");
      ws.session(SECRET_WRITER, CI).add(secret);
      ws.session(OPEN_WRITER, CI).add(record(HR_OPEN, "Ivan Petrov", "P123"));
      Statement name = secret.statements().stream().filter(s -> s.property().equals("name")).findFirst().orElseThrow();

      // the OPEN writer cannot name it: an invisible statement reads as a missing one
      InvalidDataException invisible = assertThrows(InvalidDataException.class,
          () -> ws.session(OPEN_WRITER, CI).supersede(secret.id(), name.id(), "Forged"));
      InvalidDataException missing = assertThrows(InvalidDataException.class,
          () -> ws.session(OPEN_WRITER, CI).supersede(secret.id(), "st-0000", "Forged"));
      assertEquals(invisible.getMessage().replace(name.id(), "ID"), missing.getMessage().replace("st-0000", "ID"));

      WriteReceipt r = ws.session(SECRET_WRITER, CI).supersede(secret.id(), name.id(), "Ivan Petrov-Ivanov");
      assertEquals(1, r.statements());
      assertEquals(Set.of("name=Ivan Petrov-Ivanov@SECRET", "passportNumber=P123@SECRET"),
          values(ws.session(SECRET_ONLY_READER, CI), secret.id()));
      assertEquals(Set.of("name=Ivan Petrov@OPEN", "passportNumber=P123@OPEN"),
          values(ws.session(OPEN_WRITER, CI), secret.id()), "the OPEN statements are untouched");
      AuditRecord audited = ws.audit.tail(3).get(0);
      assertEquals("supersede", audited.event().operation());
      assertEquals("sw", audited.event().principal());
      assertTrue(audited.event().items().contains(name.id()), audited.toString());
      assertFalse(audited.event().query().contains("Petrov"), "the audit names ids, never values");
    }
  }

  /** Finding 4: with the audit log unwritable, the write was stored with no audit entry. */
  @Test
  void aWriteWhoseAuditEntryCannotBeWrittenIsNotApplied() {
    Entity secret = record(HR_SECRET, "Ivan Petrov", "P123");
    ContentHash hash;
    long entries;
    try (Workspace ws = Workspace.builder(dir).clock(Fixtures.FIXED).open()) {
      Session writer = ws.session(SECRET_WRITER, CI);
      hash = writer.storeEvidence(new ByteArrayInputStream("bytes".getBytes(StandardCharsets.UTF_8)));
      entries = ws.audit.size();
      ws.audit.close(); // the log takes no more entries, as with its file system full
      assertThrows(AuditException.class, () -> writer.add(secret));
      assertThrows(AuditException.class, () -> writer.add(document(hash, "SECRET")));
    }
    try (Workspace ws = Workspace.builder(dir).clock(Fixtures.FIXED).open()) {
      Session reader = ws.session(SECRET_ONLY_READER, CI);
      assertEquals(Set.of(), values(reader, secret.id()), "the entity was not stored");
      assertEquals(0, reader.documents(0, 10).total(), "the document was not stored");
      assertEquals(entries + 2, ws.audit.size(), "nothing but the two reads above was audited since");
    }
  }
}
