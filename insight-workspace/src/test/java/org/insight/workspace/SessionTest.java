package org.insight.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.insight.InsightException;
import org.insight.core.ContentHash;
import org.insight.core.Dataset;
import org.insight.core.Document;
import org.insight.core.Entity;
import org.insight.core.EntityId;
import org.insight.core.InvalidDataException;
import org.insight.core.Provenance;
import org.insight.core.Statement;
import org.insight.policy.AuditException;
import org.insight.policy.AuditLog;
import org.insight.policy.AuditRecord;
import org.insight.policy.Label;
import org.insight.policy.Principal;
import org.insight.policy.Purpose;
import org.insight.policy.SourceGrading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionTest {
  static final Purpose CI = Purpose.CRIMINAL_INVESTIGATION;
  @TempDir Path dir;

  Workspace open() {
    return Workspace.builder(dir).clock(Fixtures.FIXED).open();
  }

  @Test
  void readersSeeExactlyTheStatementsTheirLabelsAllow() {
    try (Workspace ws = open()) {
      Dataset interpol = Fixtures.dataset("notices", "INTERPOL");
      Entity petrov = interpol.entity("Person", "n1").add("name", "Ivan PETROV")
          .add("notes", "informant", Label.of("INTERPOL&CT")).build();
      Entity rossi = Fixtures.person(Fixtures.dataset("fr", "FR&POLICE"), "f1", "Marco ROSSI");
      ws.session(Fixtures.loader("loader"), CI).add(petrov, rossi);

      Session analyst = ws.session(Principal.of("a", "INTERPOL"), CI);
      Entity seen = analyst.entity(petrov.id()).orElseThrow();
      assertEquals(List.of("name"), List.copyOf(seen.properties().keySet()));
      assertTrue(analyst.entity(rossi.id()).isEmpty(), "no visible statement: the entity does not exist");
      assertEquals(1, analyst.count("Person"));

      Session cleared = ws.session(Principal.of("b", "INTERPOL", "CT", "FR", "POLICE"), CI);
      assertEquals(List.of("name", "notes"), List.copyOf(cleared.entity(petrov.id()).orElseThrow().properties().keySet()));
      assertEquals(2, cleared.count("Person"));
      assertEquals(2, cleared.count("LegalEntity"), "counting a parent type includes its sub-types");
      assertEquals(2, cleared.count(null));
    }
  }

  @Test
  void purposeAndRetentionTravelWithTheLabel() {
    try (Workspace ws = open()) {
      Label onlyCt = Label.builder("FR").purposes(Purpose.COUNTER_TERRORISM).build();
      Label expired = Label.builder("FR").deleteAfter(LocalDate.of(2026, 5, 31)).build();
      Label lastDay = Label.builder("FR").deleteAfter(LocalDate.of(2026, 6, 1)).build();
      Entity ct = Fixtures.person(Fixtures.dataset("ct", onlyCt), "1", "A");
      Entity gone = Fixtures.person(Fixtures.dataset("old", expired), "2", "B");
      Entity today = Fixtures.person(Fixtures.dataset("new", lastDay), "3", "C");
      ws.session(Fixtures.loader("loader"), CI).add(ct, gone, today);

      Principal fr = Principal.of("x", "FR");
      Session forCi = ws.session(fr, CI);
      assertTrue(forCi.entity(ct.id()).isEmpty());
      assertTrue(forCi.entity(gone.id()).isEmpty(), "past delete-after");
      assertTrue(forCi.entity(today.id()).isPresent(), "the delete-after day itself is still inside retention");
      assertTrue(ws.session(fr, Purpose.COUNTER_TERRORISM).entity(ct.id()).isPresent());
    }
  }

  @Test
  void aSessionMustDeclareARealPurpose() {
    try (Workspace ws = open()) {
      InsightException e = assertThrows(InsightException.class, () -> ws.session(Principal.of("x"), Purpose.ANY));
      assertTrue(e.getMessage().contains("purpose"), e.getMessage());
    }
  }

  @Test
  void everyReadIsAuditedWithWhatItReturned() {
    try (Workspace ws = open()) {
      Entity p = Fixtures.person(Fixtures.dataset("ds", "A"), "1", "Someone");
      ws.session(Fixtures.loader("loader"), CI).add(p);
      Session s = ws.session(Principal.of("alice", "A"), CI);
      s.entity(p.id());
      s.entity(EntityId.of("missing"));
      s.count("Person");
      List<AuditRecord> tail = ws.audit.tail(3);
      assertEquals("entity.get", tail.get(0).event().operation());
      assertEquals("alice", tail.get(0).event().principal());
      assertEquals(CI.name(), tail.get(0).event().purpose());
      assertEquals(List.of(p.id().value()), tail.get(0).event().items());
      assertEquals(List.of(), tail.get(1).event().items());
      assertEquals("entity.count", tail.get(2).event().operation());
      assertTrue(ws.verifyAudit().valid());
    }
  }

  @Test
  void readsFailClosedWhenTheAuditEntryCannotBeWritten() {
    try (Workspace ws = open()) {
      Entity p = Fixtures.person(Fixtures.dataset("ds", "A"), "1", "Someone");
      Session s = ws.session(Principal.of("alice", "A"), CI);
      s.add(p);
      ws.audit.close(); // the log can no longer be written
      assertThrows(AuditException.class, () -> s.entity(p.id()));
      assertThrows(AuditException.class, () -> s.entities(List.of(p.id())));
      assertThrows(AuditException.class, () -> s.count(null));
    }
  }

  @Test
  void aReadWhoseAuditEntryCannotBeMadeDurableReturnsNothing() throws Exception {
    try (Workspace ws = open()) {
      Entity p = Fixtures.person(Fixtures.dataset("ds", "A"), "1", "Someone");
      Session s = ws.session(Principal.of("alice", "A"), CI);
      s.add(p);
      assertTrue(s.entity(p.id()).isPresent());
      long before = ws.audit.size();
      // the entry is written but its sync fails, as on a device that stopped accepting writes: the read ran, yet
      // its result must not reach the caller
      java.lang.reflect.Field sync = org.insight.policy.AuditLog.class.getDeclaredField("syncChannel");
      sync.setAccessible(true);
      ((java.nio.channels.FileChannel) sync.get(ws.audit)).close();
      assertThrows(AuditException.class, () -> s.entity(p.id()));
      assertThrows(AuditException.class, () -> s.entities(List.of(p.id())));
      assertThrows(AuditException.class, () -> s.search(org.insight.search.Query.text("Someone")));
      assertThrows(AuditException.class, () -> s.count(null));
      assertTrue(ws.audit.size() <= before + 1, "after the failed sync the log refuses every further entry");
    }
  }

  @Test
  void entitiesByIdsAreAuditedOnceWithWhatWasReturned() {
    try (Workspace ws = open()) {
      Entity a = Fixtures.person(Fixtures.dataset("ds", "A"), "1", "Visible One");
      Entity b = Fixtures.person(Fixtures.dataset("hidden", "B"), "2", "Hidden Two");
      Entity c = Fixtures.person(Fixtures.dataset("ds", "A"), "3", "Visible Three");
      ws.session(Fixtures.loader("loader"), CI).add(a, b, c);
      Session s = ws.session(Principal.of("alice", "A"), CI);
      long before = ws.audit.size();
      List<Entity> got = s.entities(List.of(c.id(), b.id(), EntityId.of("missing"), a.id(), c.id()));
      assertEquals(List.of(c.id(), a.id()), got.stream().map(Entity::id).toList(), "visible ones, in the order asked, once");
      assertEquals(s.entity(a.id()).orElseThrow().statements(), got.get(1).statements());
      assertEquals(before + 2, ws.audit.size());
      AuditRecord entry = ws.audit.tail(2).get(0);
      assertEquals("entity.get", entry.event().operation());
      assertEquals(List.of(c.id().value(), a.id().value()), entry.event().items());
      assertTrue(entry.event().query().contains(b.id().value()), "the entry names every id asked for: " + entry);
      assertThrows(IllegalArgumentException.class, () -> s.entities(java.util.stream.IntStream.range(0, 10_001)
          .mapToObj(i -> EntityId.of("e" + i)).toList()));
    }
  }

  @Test
  void addRefusesValuesTheSchemaRefusesAndWritesNothing() {
    try (Workspace ws = open()) {
      Dataset ds = Fixtures.dataset("ds", "A");
      Entity good = Fixtures.person(ds, "1", "Good");
      Statement bad = Statement.of(EntityId.of("x1"), "Person", "birthDate", "1975-02-30", null, Label.of("A"),
          Provenance.of("ds", "2", "record:api", SourceGrading.UNGRADED));
      Entity badEntity = new Entity(EntityId.of("x1"), "Person", List.of(bad));
      Session s = ws.session(Principal.of("w", "A"), CI);
      InvalidDataException e = assertThrows(InvalidDataException.class, () -> s.add(good, badEntity));
      assertEquals(1, e.problems().size());
      assertTrue(e.problems().get(0).where().contains("birthDate"), e.getMessage());
      assertEquals(0, s.count(null), "a refused batch writes nothing");
    }
  }

  @Test
  void writesAreStampedWithWriterAndTimeAndReAddIsIdempotent() {
    try (Workspace ws = open()) {
      Entity p = Fixtures.person(Fixtures.dataset("ds", "A"), "1", "Someone");
      Session s = ws.session(Principal.of("writer", "A"), CI);
      s.add(p);
      s.add(p);
      Entity back = s.entity(p.id()).orElseThrow();
      assertEquals(1, back.statements().size());
      Provenance prov = back.statements().get(0).provenance();
      assertEquals("writer", prov.ingestedBy());
      assertEquals(Fixtures.FIXED.instant(), prov.ingestedAt());
      assertEquals("ds", prov.dataset());
      assertEquals("1", prov.recordId());
    }
  }

  @Test
  void documentsAndEvidenceAreVisibleOnlyThroughTheirLabel() throws Exception {
    try (Workspace ws = open()) {
      Session writer = ws.session(Fixtures.loader("w"), CI);
      byte[] bytes = "report text".getBytes(StandardCharsets.UTF_8);
      ContentHash hash = writer.storeEvidence(new ByteArrayInputStream(bytes));
      Document doc = new Document(null, hash, "Report", "report text", "en", Map.of(), null, null, Label.of("FR"),
          Provenance.of("reports", "r1", "text:plain", SourceGrading.parse("B3")).withContentHash(hash));
      writer.add(doc);

      Session fr = ws.session(Principal.of("fr", "FR"), CI);
      Session other = ws.session(Principal.of("de", "DE"), CI);
      assertEquals("Report", fr.document(doc.id()).orElseThrow().title());
      assertTrue(other.document(doc.id()).isEmpty());
      assertEquals(1, fr.documents(0, 10).total());
      assertEquals(0, other.documents(0, 10).total());
      try (var in = fr.evidence(hash).orElseThrow()) {
        assertEquals("report text", new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
      assertTrue(other.evidence(hash).isEmpty(), "evidence nobody visible points to is not there");
    }
  }

  @Test
  void mentionsCarryTheirDocumentsLabelAndShowWithDocumentHits() {
    try (Workspace ws = open()) {
      Session writer = ws.session(Principal.of("w", "FR", "POLICE"), CI); // it holds the mention's label (rule 7)
      String text = "PETROV used +33 6 12 34 56 78";
      ContentHash hash = writer.storeEvidence(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
      Document doc = new Document(null, hash, "Report", text, "en", Map.of(), null, null, Label.of("FR"),
          Provenance.of("reports", "r1", "text:plain", SourceGrading.UNGRADED).withContentHash(hash));
      writer.add(doc);
      org.insight.core.Mention phone = new org.insight.core.Mention(doc.id(), 12, 29, "+33 6 12 34 56 78",
          org.insight.core.PropertyType.PHONE, "+33612345678", null, 0.99, Label.of("POLICE"),
          Provenance.derived("reports", "pattern:phone", List.of(doc.provenance())));
      writer.addMentions(List.of(phone));

      Session fr = ws.session(Principal.of("fr", "FR"), CI);
      Session police = ws.session(Principal.of("p", "POLICE"), CI);
      Session both = ws.session(Principal.of("b", "FR", "POLICE"), CI);
      assertTrue(fr.mentions(doc.id()).isEmpty(), "the mention also needs POLICE");
      assertTrue(police.mentions(doc.id()).isEmpty(), "the mention carries its document's FR too (rule 3)");
      org.insight.core.Mention seen = both.mentions(doc.id()).get(0);
      assertEquals(Label.of("FR&POLICE").expression(), seen.label().expression());
      assertEquals("w", seen.provenance().ingestedBy());
      var hit = both.search(org.insight.search.Query.text("petrov")).hits().get(0);
      assertEquals(List.of(seen), hit.mentions());
      assertTrue(fr.search(org.insight.search.Query.text("petrov")).hits().get(0).mentions().isEmpty());

      org.insight.core.Mention orphan = new org.insight.core.Mention("doc-missing", 0, 1, "x",
          org.insight.core.PropertyType.TEXT, "x", null, 1, Label.of("FR"), doc.provenance());
      assertThrows(InvalidDataException.class, () -> writer.addMentions(List.of(orphan)));
      // a writer not cleared for the document gets the same refusal as for a missing one: no existence probe
      InvalidDataException uncleared = assertThrows(InvalidDataException.class,
          () -> ws.session(Principal.of("x"), CI).addMentions(List.of(phone)));
      InvalidDataException missing = assertThrows(InvalidDataException.class,
          () -> ws.session(Principal.of("x"), CI).addMentions(List.of(orphan)));
      assertEquals(uncleared.getMessage().replace(doc.id(), "ID").replace(phone.id(), "M"),
          missing.getMessage().replace("doc-missing", "ID").replace(orphan.id(), "M"));
    }
  }

  @Test
  void aDocumentWithoutItsOriginalBytesIsRefused() {
    try (Workspace ws = open()) {
      ContentHash hash = ContentHash.of("never stored".getBytes(StandardCharsets.UTF_8));
      Document doc = new Document(null, hash, "t", "x", "", Map.of(), null, null, Label.of("FR"),
          Provenance.of("reports", "r1", "text:plain", SourceGrading.UNGRADED));
      InvalidDataException e = assertThrows(InvalidDataException.class, () -> ws.session(Fixtures.loader("w"), CI).add(doc));
      assertTrue(e.getMessage().contains("storeEvidence"), e.getMessage());
    }
  }

  @Test
  void pagesAreStableAndCountOnlyVisibleEntities() {
    try (Workspace ws = open()) {
      Dataset a = Fixtures.dataset("a", "A");
      Dataset b = Fixtures.dataset("b", "B");
      Session w = ws.session(Fixtures.loader("w"), CI);
      for (int i = 0; i < 25; i++) {
        w.add(Fixtures.person(i % 2 == 0 ? a : b, "r" + i, "Person " + i));
      }
      Session s = ws.session(Principal.of("x", "A"), CI);
      Page<Entity> first = s.entities("Person", 0, 5);
      Page<Entity> second = s.entities("Person", 5, 5);
      Page<Entity> last = s.entities("Person", 10, 5);
      assertEquals(13, first.total());
      assertEquals(5, first.items().size());
      assertTrue(first.hasNext());
      assertEquals(3, last.items().size());
      assertFalse(last.hasNext());
      assertTrue(first.items().get(4).id().compareTo(second.items().get(0).id()) < 0, "id order across pages");
    }
  }

  @Test
  void aReadOnlyWorkspaceReadsBesideAWriterAndBothAreAudited() {
    try (Workspace writer = open(); Workspace reader = Workspace.builder(dir).readOnly().clock(Fixtures.FIXED).open()) {
      Session w = writer.session(Fixtures.loader("w"), CI);
      Session r = reader.session(Principal.of("r", "A"), CI);
      assertEquals(0, r.count(null));
      w.add(Fixtures.person(Fixtures.dataset("ds", "A"), "1", "First"));
      assertEquals(1, r.count(null), "the reader sees what the writer committed");
      assertEquals(1, r.search(org.insight.search.Query.name("First")).total());
      w.add(Fixtures.person(Fixtures.dataset("ds", "A"), "2", "Second"));
      assertEquals(2, r.count(null));
      assertTrue(reader.readOnly());
    }
    var v = AuditLog.verify(Workspace.auditFile(dir));
    assertTrue(v.valid(), v.message());
    assertEquals(6, v.entriesChecked(), "the reader's 4 reads and the writer's 2 adds, in one chain");
  }

  @Test
  void workspaceDirectoryRules(@TempDir Path other) throws Exception {
    java.nio.file.Files.writeString(other.resolve("stray.txt"), "x");
    InsightException e = assertThrows(InsightException.class, () -> Workspace.open(other));
    assertTrue(e.getMessage().contains("not a workspace"), e.getMessage());

    try (Workspace ws = open()) {
      InsightException locked = assertThrows(InsightException.class, () -> Workspace.open(dir));
      assertTrue(locked.getMessage().contains("already open"), locked.getMessage());
    }
    try (Workspace ws = open()) {
      ws.session(Fixtures.loader("w"), CI).add(Fixtures.person(Fixtures.dataset("ds", "A"), "1", "P"));
    }
    try (Workspace ro = Workspace.builder(dir).readOnly().open()) {
      assertEquals(1, ro.session(Principal.of("r", "A"), CI).count(null));
      assertThrows(InsightException.class,
          () -> ro.session(Principal.of("r", "A"), CI).add(Fixtures.person(Fixtures.dataset("ds", "A"), "2", "Q")));
    }
    assertTrue(AuditLog.verify(Workspace.auditFile(dir)).valid());
  }

  @Test
  void mustExistAndReadOnlyRefuseAPathWithNoWorkspaceAndCreateNothing(@TempDir Path root) throws Exception {
    Path missing = root.resolve("no/such/case");
    NoSuchWorkspaceException e = assertThrows(NoSuchWorkspaceException.class,
        () -> Workspace.builder(missing).mustExist().open());
    assertEquals(missing.toAbsolutePath().normalize(), e.directory());
    assertTrue(e.getMessage().contains(missing.toString()) && e.getMessage().contains("check the path"), e.getMessage());
    assertThrows(NoSuchWorkspaceException.class, () -> Workspace.builder(missing).readOnly().open());
    assertFalse(java.nio.file.Files.exists(root.resolve("no")), "nothing may be created for a refused path");

    java.nio.file.Files.writeString(root.resolve("stray.txt"), "x");
    assertThrows(NoSuchWorkspaceException.class, () -> Workspace.builder(root).mustExist().open());
    assertEquals(1, java.nio.file.Files.list(root).count(), "an existing directory that is no workspace stays untouched");

    try (Workspace created = open()) {
      created.session(Fixtures.loader("w"), CI).add(Fixtures.person(Fixtures.dataset("ds", "A"), "1", "P"));
    }
    try (Workspace existing = Workspace.builder(dir).mustExist().open()) {
      assertFalse(existing.readOnly());
      assertEquals(1, existing.session(Principal.of("r", "A"), CI).count(null));
    }
  }
}
