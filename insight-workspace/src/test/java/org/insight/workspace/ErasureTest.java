package org.insight.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.insight.core.ContentHash;
import org.insight.core.Dataset;
import org.insight.core.Document;
import org.insight.core.Entity;
import org.insight.core.EntityId;
import org.insight.core.Mention;
import org.insight.core.PropertyType;
import org.insight.core.Provenance;
import org.insight.core.Statement;
import org.insight.policy.AuditRecord;
import org.insight.policy.Label;
import org.insight.policy.Principal;
import org.insight.policy.Purpose;
import org.insight.policy.SourceGrading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Erasure and retention, by example: what goes, what stays, what the audit keeps, and a crash in the middle. */
class ErasureTest {
  private static final Purpose WHY = Purpose.CRIMINAL_INVESTIGATION;
  @TempDir Path dir;

  private static Session as(Workspace ws, String... auths) {
    return ws.session(Principal.of("analyst", auths), WHY);
  }

  private static Erasure entities(EntityId... ids) {
    return Erasure.builder().entities(ids).reason("court order 118").build();
  }

  @Test
  void erasingAPersonTakesItsStatementsFlagsSearchAndSuggestionsWithIt() {
    try (Workspace ws = Workspace.builder(dir).clock(Fixtures.FIXED).watchLists("wl").open()) {
      Session s = as(ws, "A");
      s.add(Fixtures.dataset("wl", "A").entity("Person", "n1").add("name", "Zoltan Quirkmeyer")
          .add("birthDate", "1975-03-14").add("passportNumber", "Q1234567").build());
      Entity subject = Fixtures.dataset("ds", "A").entity("Person", "p1").add("name", "Zoltan Quirkmeyer")
          .add("birthDate", "1975-03-14").add("passportNumber", "Q1234567").build();
      s.add(subject);
      assertEquals(1, s.flags(null, 0, 10).total(), "the subject matches the entry");
      assertEquals(3, s.search("Quirkmeyer").total(), "two persons and the flag naming them");

      ErasureReceipt r = s.erase(entities(subject.id()));
      assertEquals(List.of(subject.id().value()), r.entities());
      assertEquals(3, r.statements());
      assertTrue(s.entity(subject.id()).isEmpty());
      assertEquals(0, s.flags(null, 0, 10).total(), "the flag was derived from the erased subject");
      assertEquals(1, s.search("Quirkmeyer").total(), "only the watch-list entry is left");
      assertEquals(1, s.suggest("Zolt", 10).get(0).entities());
    }
  }

  @Test
  void erasingSomethingInvisibleReadsExactlyLikeErasingSomethingMissing() {
    try (Workspace ws = Workspace.builder(dir).clock(Fixtures.FIXED).open()) {
      Entity secret = Fixtures.person(Fixtures.dataset("ds", "SECRET"), "1", "Hidden Person");
      as(ws, "SECRET").add(secret);
      Session open = as(ws, "OPEN");
      ErasureReceipt invisible = open.erase(entities(secret.id()));
      AuditRecord a = ws.audit.tail(1).get(0);
      ErasureReceipt missing = open.erase(entities(EntityId.of("no-such-entity")));
      AuditRecord b = ws.audit.tail(1).get(0);
      assertEquals(missing, invisible);
      assertTrue(invisible.isEmpty());
      assertEquals(b.event().outcome(), a.event().outcome());
      assertEquals(b.event().items(), a.event().items());
      assertEquals(b.event().query().replace("no-such-entity", secret.id().value()), a.event().query());
      assertTrue(as(ws, "SECRET").entity(secret.id()).isPresent(), "an invisible entity is not erased");
    }
  }

  @Test
  void aPartlyVisibleEntityLosesOnlyWhatTheEraserSees() {
    try (Workspace ws = Workspace.builder(dir).clock(Fixtures.FIXED).open()) {
      Dataset ds = Fixtures.dataset("ds", "A");
      Entity p = ds.entity("Person", "1").add("name", "Ana Open").build();
      Label secret = Label.of("S");
      Entity hidden = new Entity(p.id(), "Person", List.of(Statement.of(p.id(), "Person", "alias", "Ana Hidden",
          "Ana Hidden", secret, Provenance.of("ds", "1", "record:test", SourceGrading.UNGRADED))));
      Session w = as(ws, "A", "S");
      w.add(p);
      w.add(hidden);
      ErasureReceipt r = as(ws, "A").erase(entities(p.id()));
      assertEquals(1, r.statements());
      Entity left = w.entity(p.id()).orElseThrow();
      assertEquals(List.of("Ana Hidden"), left.values("alias"));
      assertTrue(left.values("name").isEmpty());
    }
  }

  @Test
  void sharedEvidenceStaysUntilTheLastDocumentReferringToItIsErased() {
    try (Workspace ws = Workspace.builder(dir).clock(Fixtures.FIXED).open()) {
      Session s = as(ws, "A", "B");
      ContentHash hash = s.storeEvidence(new ByteArrayInputStream("the same bytes".getBytes(StandardCharsets.UTF_8)));
      Document one = document("one", "A", hash, "the same bytes");
      Document two = document("two", "B", hash, "the same bytes");
      s.addDocuments(List.of(one, two));
      s.erase(Erasure.builder().documents(one.id()).reason("r").build());
      assertTrue(ws.evidence.contains(hash), "the other document still points to the blob");
      assertTrue(as(ws, "B").evidence(hash).isPresent());
      assertTrue(as(ws, "A").evidence(hash).isEmpty(), "A saw the blob only through the erased document");
      s.erase(Erasure.builder().documents(two.id()).reason("r").build());
      assertFalse(ws.evidence.contains(hash), "no document refers to the blob any more");
      assertEquals(0, s.documents(0, 10).total());
    }
  }

  /**
   * A document written while an erasure removes the last other document with the same bytes: either the write is
   * refused (the bytes were gone before its check) or it keeps its bytes — never an acknowledged document without its
   * original. Many rounds, the two started together, so the erasure's blob check falls inside the write's window.
   */
  @Test
  void anErasureNeverTakesTheBytesOfADocumentBeingWrittenBesideIt() throws Exception {
    try (Workspace ws = Workspace.builder(dir).clock(Fixtures.FIXED).open()) {
      java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
      try {
        int written = 0;
        for (int round = 0; round < 60; round++) {
          String text = "round " + round;
          Session s = as(ws, "A", "B");
          ContentHash hash = s.storeEvidence(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
          Document old = document("old", "A", hash, text);
          s.add(old);
          Document fresh = document("new", "B", hash, text);
          as(ws, "B").storeEvidence(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
          java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
          var erase = pool.submit(() -> {
            start.await();
            return as(ws, "A").erase(Erasure.builder().documents(old.id()).reason("r").build());
          });
          var write = pool.submit(() -> {
            start.await();
            return as(ws, "B").add(fresh);
          });
          erase.get();
          try {
            write.get();
          } catch (java.util.concurrent.ExecutionException refused) {
            assertTrue(refused.getCause() instanceof org.insight.core.InvalidDataException, refused.toString());
            assertTrue(as(ws, "B").document(fresh.id()).isEmpty(), "a refused write stored nothing");
            continue;
          }
          written++;
          assertTrue(as(ws, "B").document(fresh.id()).isPresent(), "round " + round);
          assertTrue(ws.evidence.contains(hash), "round " + round + ": an acknowledged document lost its bytes");
          assertTrue(as(ws, "B").evidence(hash).isPresent(), "round " + round);
        }
        assertTrue(written > 0, "some writes went through");
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void erasingADocumentTakesItsMentionsTranslationAndMentionFlags() {
    try (Workspace ws = Workspace.builder(dir).clock(Fixtures.FIXED).watchLists("wl").open()) {
      Session s = as(ws, "A");
      s.add(Fixtures.person(Fixtures.dataset("wl", "A"), "n1", "Zoltan Quirkmeyer"));
      ContentHash hash = s.storeEvidence(new ByteArrayInputStream("report".getBytes(StandardCharsets.UTF_8)));
      Document d = document("reports", "A", hash, "Zoltan Quirkmeyer was seen");
      s.add(d);
      Mention m = new Mention(d.id(), 0, 17, "Zoltan Quirkmeyer", PropertyType.NAME, "Zoltan Quirkmeyer",
          Optional.empty(), 0.9, Label.of("A"), Provenance.derived("reports", "ner:test", List.of(d.provenance())));
      s.addMentions(List.of(m));
      EntityId docEntity = EntityId.of(d.id());
      s.add(new Entity(docEntity, "Document", List.of(Statement.of(docEntity, "Document", TranslationStep.PROPERTY,
          PropertyType.TEXT.clean("Zoltan Quirkmeyer fue visto"), "Zoltan Quirkmeyer fue visto", Label.of("A"),
          Provenance.derived("reports", "translate:test", List.of(d.provenance()))))));
      assertEquals(1, s.flags(null, 0, 10).total(), "the mention matches the entry");

      ErasureReceipt r = s.erase(Erasure.builder().documents(d.id()).reason("wrongly ingested").build());
      assertEquals(List.of(d.id()), r.documents());
      assertTrue(s.document(d.id()).isEmpty());
      assertTrue(s.mentions(d.id()).isEmpty());
      assertTrue(s.entity(docEntity).isEmpty(), "the translation went with the document");
      assertEquals(0, s.flags(null, 0, 10).total());
      assertEquals(0, s.search("\"fue visto\"").total());
      assertFalse(ws.evidence.contains(hash));
    }
  }

  @Test
  void theAuditKeepsWhoWhatAndWhyButNotTheErasedValues() throws Exception {
    try (Workspace ws = Workspace.builder(dir).clock(Fixtures.FIXED).open()) {
      Session s = as(ws, "A");
      Entity p = Fixtures.dataset("ds", "A").entity("Person", "1").add("name", "Xanthippe Vorbeck")
          .add("passportNumber", "ZX9988776").build();
      s.add(p);
      s.erase(entities(p.id()));
      AuditRecord last = ws.audit.tail(1).get(0);
      assertEquals("erase", last.event().operation());
      assertEquals("analyst", last.event().principal());
      assertTrue(last.event().query().contains(p.id().value()), last.event().query());
      assertTrue(last.event().query().contains("reason=court order 118"), last.event().query());
      assertEquals(3, last.event().items().size(), "the ids of the two statements and of their entity");
      assertTrue(last.event().items().contains(p.id().value()), last.event().items().toString());
      String log = Files.readString(Workspace.auditFile(dir), StandardCharsets.UTF_8);
      assertFalse(log.contains("Xanthippe") || log.contains("ZX9988776"), "no erased value in the audit log");
      assertTrue(ws.verifyAudit().valid());
    }
  }

  @Test
  void erasingAResolvedPersonTakesItsJudgementsAndTheRunsItShaped() {
    try (Workspace ws = Workspace.builder(dir).clock(Fixtures.FIXED).open()) {
      Session s = as(ws, "A");
      Dataset one = Fixtures.dataset("one", "A");
      Dataset two = Fixtures.dataset("two", "A");
      Entity notice = one.entity("Person", "1").add("name", "Ivan PETROV").add("birthDate", "1975-03-14")
          .add("passportNumber", "P12345678").build();
      Entity national = two.entity("Person", "9").add("name", "Petrov, Ivan").add("birthDate", "1975-03-14")
          .add("passportNumber", "P12345678").build();
      Entity other = two.entity("Person", "10").add("name", "Hugo Moreau").add("birthDate", "1988-01-02").build();
      Entity twin = two.entity("Person", "11").add("name", "Hugo Moreau").add("birthDate", "1988-01-02").build();
      s.add(notice, national, other, twin);
      s.resolution().judge(notice.id(), national.id(), org.insight.match.Judgement.Verdict.SAME, "same passport");
      s.resolution().judge(other.id(), twin.id(), org.insight.match.Judgement.Verdict.SAME, "same person");
      s.resolution().run(ResolveOptions.defaults());
      assertEquals(2, s.resolution().resolved(national.id()).orElseThrow().members().size());

      s.erase(entities(notice.id()));
      assertTrue(s.resolution().events().isEmpty(), "the run read the erased person: its events went with it");
      assertEquals(List.of(twin.id()), s.resolution().judgements().stream().map(MatchJudgement::right).toList(),
          "only the judgement that did not name the erased person is left");
      ResolvedEntity after = s.resolution().resolved(national.id()).orElseThrow();
      assertTrue(after.cluster().isEmpty() && after.sameAs().isEmpty(), "no run is left to put it in a cluster");
      assertEquals(0, s.count("MatchEvent"), "no event or run marker is left");
    }
  }

  @Test
  void aRunThatCouldNotHaveReadTheErasedPersonStays() {
    try (Workspace ws = Workspace.builder(dir).clock(Fixtures.FIXED).open()) {
      Entity a1 = Fixtures.dataset("one", "A").entity("Person", "1").add("name", "Ivan PETROV")
          .add("birthDate", "1975-03-14").add("passportNumber", "P12345678").build();
      Entity a2 = Fixtures.dataset("two", "A").entity("Person", "2").add("name", "Petrov, Ivan")
          .add("birthDate", "1975-03-14").add("passportNumber", "P12345678").build();
      Entity b = Fixtures.person(Fixtures.dataset("three", "B"), "3", "Ivan Petrov");
      as(ws, "A", "B").add(a1, a2, b);
      Session onlyA = as(ws, "A");
      onlyA.resolution().judge(a1.id(), a2.id(), org.insight.match.Judgement.Verdict.SAME, "same passport");
      onlyA.resolution().run(ResolveOptions.defaults());
      long events = onlyA.resolution().events().size();
      assertTrue(onlyA.resolution().resolved(a2.id()).orElseThrow().cluster().isPresent());

      as(ws, "B").erase(entities(b.id()));
      assertEquals(events, onlyA.resolution().events().size(), "the run read only A: B's erasure leaves it");
      assertTrue(onlyA.resolution().resolved(a2.id()).orElseThrow().cluster().isPresent());
    }
  }

  @Test
  void erasingAnEmailTakesItsAttachmentsWithIt() throws Exception {
    Path inbox = Files.createDirectories(dir.resolve("inbox"));
    Files.writeString(inbox.resolve("tip.mail"), "See the attached list.\n--attach list.txt\nZoltan Quirkmeyer, ferry",
        StandardCharsets.UTF_8);
    try (Workspace ws = Workspace.builder(dir.resolve("ws")).clock(Fixtures.FIXED).open()) {
      Session s = as(ws, "A");
      s.ingest(org.insight.ingest.IngestRequest.builder(Fixtures.dataset("tips", "A"))
          .source(org.insight.ingest.IngestSource.directory(inbox)).extractor(new TestMailExtractor()).build());
      assertEquals(2, s.documents(0, 10).total());
      Document mail = s.documents(0, 10).items().stream().filter(d -> d.parentId().isEmpty()).findFirst().orElseThrow();
      ErasureReceipt r = s.erase(Erasure.builder().documents(mail.id()).reason("not ours").build());
      assertEquals(2, r.documents().size(), "the mail and its attachment");
      assertEquals(0, s.documents(0, 10).total());
      assertEquals(0, s.search("Quirkmeyer").total());
      // the ledger still has the unchanged file, but its document is gone: ingesting it again brings it back
      org.insight.ingest.IngestReport again = s.ingest(org.insight.ingest.IngestRequest.builder(
          Fixtures.dataset("tips", "A")).source(org.insight.ingest.IngestSource.directory(inbox))
          .extractor(new TestMailExtractor()).build());
      assertEquals(0, again.unchanged(), again.toString());
      assertEquals(2, s.documents(0, 10).total());
    }
  }

  @Test
  void erasingADatasetTakesItsVisibleStatementsAndDocumentsAndLeavesOtherDatasets() {
    try (Workspace ws = Workspace.builder(dir).clock(Fixtures.FIXED).open()) {
      Session s = as(ws, "A", "B");
      Entity p1 = Fixtures.person(Fixtures.dataset("old", "A"), "1", "First Old");
      Entity p2 = Fixtures.person(Fixtures.dataset("old", "B"), "2", "Second Old");
      Entity kept = Fixtures.person(Fixtures.dataset("new", "A"), "3", "Kept New");
      s.add(p1, p2, kept);
      ContentHash hash = s.storeEvidence(new ByteArrayInputStream("old report".getBytes(StandardCharsets.UTF_8)));
      s.add(document("old", "A", hash, "old report"));
      ErasureReceipt r = as(ws, "A").erase(Erasure.builder().dataset("old").reason("source withdrawn").build());
      assertEquals(List.of(p1.id().value()), r.entities(), "B's statements of the dataset are not A's to erase");
      assertEquals(1, r.documents().size());
      assertTrue(s.entity(p1.id()).isEmpty());
      assertTrue(s.entity(p2.id()).isPresent());
      assertTrue(s.entity(kept.id()).isPresent());
      assertEquals(0, s.documents(0, 10).total());
    }
  }

  @Test
  void erasingOneStatementLeavesTheRestOfItsEntity() {
    try (Workspace ws = Workspace.builder(dir).clock(Fixtures.FIXED).open()) {
      Session s = as(ws, "A");
      Entity p = Fixtures.dataset("ds", "A").entity("Person", "1").add("name", "Ana Example")
          .add("passportNumber", "ZX9988776").build();
      s.add(p);
      Statement passport = p.statements().stream().filter(st -> st.property().equals("passportNumber")).findFirst()
          .orElseThrow();
      ErasureReceipt r = s.erase(Erasure.builder().statements(passport.id()).reason("wrong number").build());
      assertEquals(1, r.statements());
      assertEquals(List.of("name"), List.copyOf(s.entity(p.id()).orElseThrow().properties().keySet()));
      assertEquals(0, s.search("ZX9988776").total());
    }
  }

  @Test
  void aReasonIsMandatory() {
    assertThrows(IllegalArgumentException.class, () -> Erasure.builder().entities(EntityId.of("x")).build());
    assertThrows(IllegalArgumentException.class, () -> Erasure.builder().reason("r").build());
  }

  @Test
  void anErasureInterruptedByACrashIsCompletedWhenTheWorkspaceIsNextOpened() throws Exception {
    Entity p = Fixtures.person(Fixtures.dataset("ds", "A"), "1", "Crash Victim");
    try (Workspace ws = Workspace.builder(dir).clock(Fixtures.FIXED).open()) {
      as(ws, "A").add(p);
    }
    // what Eraser.apply leaves when killed after its journal and before (or during) the index commit
    StringBuilder journal = new StringBuilder("principal\tanalyst\npurpose\t" + WHY.name() + "\nreason\tr\nrequest\t"
        + "entities=" + p.id().value() + " \n");
    p.statements().forEach(st -> journal.append("id\t").append(st.id()).append('\n'));
    Files.writeString(dir.resolve(Eraser.JOURNAL), journal + "end\t\n", StandardCharsets.UTF_8);
    try (Workspace ws = Workspace.builder(dir).clock(Fixtures.FIXED).open()) {
      assertTrue(as(ws, "A").entity(p.id()).isEmpty());
      assertFalse(Files.exists(dir.resolve(Eraser.JOURNAL)));
      AuditRecord resumed = ws.audit.tail(2).get(0);
      assertEquals("erase", resumed.event().operation());
      assertEquals("ok: completed after a restart", resumed.event().outcome());
    }
    // a torn journal (no end line) was never acted on: nothing was deleted before it was complete
    Entity q = Fixtures.person(Fixtures.dataset("ds", "A"), "2", "Survivor");
    try (Workspace ws = Workspace.builder(dir).clock(Fixtures.FIXED).open()) {
      as(ws, "A").add(q);
    }
    Files.writeString(dir.resolve(Eraser.JOURNAL), "principal\tanalyst\nid\t" + q.statements().get(0).id() + "\n",
        StandardCharsets.UTF_8);
    try (Workspace ws = Workspace.builder(dir).clock(Fixtures.FIXED).open()) {
      assertTrue(as(ws, "A").entity(q.id()).isPresent());
      assertFalse(Files.exists(dir.resolve(Eraser.JOURNAL)));
    }
  }

  @Test
  void retentionListsWhatIsPastReviewAndPurgesWhatIsPastDeleteAfter() {
    Clock clock = Clock.fixed(Instant.parse("2026-06-01T10:00:00Z"), ZoneOffset.UTC);
    try (Workspace ws = Workspace.builder(dir).clock(clock).open()) {
      Label review = Label.builder("A").reviewBy(LocalDate.parse("2026-05-01")).build();
      Label expired = Label.builder("A").deleteAfter(LocalDate.parse("2026-05-15")).build();
      Label fresh = Label.builder("A").reviewBy(LocalDate.parse("2027-01-01"))
          .deleteAfter(LocalDate.parse("2027-06-01")).build();
      Session s = as(ws, "A");
      Entity due = Fixtures.person(Fixtures.dataset("ds", review), "1", "Review Me");
      Entity gone = Fixtures.person(Fixtures.dataset("ds", expired), "2", "Delete Me");
      Entity kept = Fixtures.person(Fixtures.dataset("ds", fresh), "3", "Keep Me");
      s.add(due, gone, kept);
      RetentionDue r = s.retentionDue(100);
      assertEquals(1, r.entityCount());
      assertEquals(List.of(due.id().value()), r.entities());
      assertTrue(s.entity(gone.id()).isEmpty(), "past delete-after nobody may read it already");

      ErasureReceipt purged = as(ws, "A").purgeExpired("retention rule 7");
      assertEquals(List.of(gone.id().value()), purged.entities());
      ErasureReceipt stranger = ws.session(Principal.of("ops"), WHY).purgeExpired("again");
      assertTrue(stranger.isEmpty(), "nothing is left to purge");
      assertTrue(s.entity(due.id()).isPresent());
      assertTrue(s.entity(kept.id()).isPresent());
      assertTrue(ws.store.labels().stream().noneMatch(l -> l.contains("delete-after=2026-05-15")),
          "the expired label's term left the index with its data");
    }
  }

  @Test
  void aPurgeReportsOnlyWhatThePurgersAuthorisationsCouldHaveRead() {
    try (Workspace ws = Workspace.builder(dir).clock(Fixtures.FIXED).open()) {
      Label expired = Label.builder("SECRET").deleteAfter(LocalDate.parse("2026-01-01")).build();
      Entity gone = Fixtures.person(Fixtures.dataset("ds", expired), "1", "Old Secret");
      as(ws, "SECRET").add(gone);
      ErasureReceipt r = ws.session(Principal.of("ops"), WHY).purgeExpired("retention");
      assertTrue(r.isEmpty(), "ops may not read SECRET: its purge says nothing about it");
      assertTrue(ws.store.statements(gone.id(), org.insight.search.Visibility.of(ws.store.labels())).isEmpty(),
          "but the data past delete-after is gone");
    }
  }

  private static Document document(String dataset, String label, ContentHash hash, String text) {
    return new Document(null, hash, "t", text, "", Map.of(), null, null, Label.of(label),
        Provenance.of(dataset, "", "text:plain", SourceGrading.UNGRADED).withContentHash(hash));
  }
}
