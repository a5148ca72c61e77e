package org.insight.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.insight.InsightException;
import org.insight.core.Dataset;
import org.insight.core.Document;
import org.insight.core.Entity;
import org.insight.core.EntityId;
import org.insight.core.InvalidDataException;
import org.insight.core.Mention;
import org.insight.core.PropertyType;
import org.insight.core.Provenance;
import org.insight.match.ScreeningHit;
import org.insight.match.ScreeningQuery;
import org.insight.policy.AuditEvent;
import org.insight.policy.Label;
import org.insight.policy.Principal;
import org.insight.policy.Purpose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScreeningWorkspaceTest {
  static final Purpose CI = Purpose.CRIMINAL_INVESTIGATION;
  @TempDir Path dir;

  Workspace open() {
    return Workspace.builder(dir).clock(Fixtures.FIXED).watchLists("notices").open();
  }

  static Entity listed(Dataset ds, String id, String name, String dob, String passport) {
    var b = ds.entity("Person", id).add("name", name).add("birthDate", dob);
    if (passport != null) {
      b.add("passportNumber", passport);
    }
    return b.build();
  }

  void loadWatchList(Workspace ws) {
    Dataset notices = Fixtures.dataset("notices", "INTERPOL");
    Dataset secret = Fixtures.dataset("notices", "INTERPOL&CT");
    ws.session(Fixtures.loader("loader"), CI).add(List.of(
        listed(notices, "n1", "Ivan PETROV", "1975-03-14", "724410981"),
        listed(notices, "n2", "Amina HADDAD", "1988-07-02", null),
        listed(secret, "n3", "Ivan PETROVSKY", "1975-03-14", null)));
  }

  @Test
  void screenFindsTheListedPersonAcrossScriptsAndExplains() {
    try (Workspace ws = open()) {
      loadWatchList(ws);
      Session s = ws.session(Principal.of("alice", "INTERPOL", "CT"), CI);
      List<ScreeningHit> hits = s.screen(ScreeningQuery.of("Петров Иван").withBirthDate("1975"), 5);
      assertEquals(EntityId.fromSource("notices", "n1").value(), hits.get(0).id());
      assertTrue(hits.get(0).explanation().comparisons().stream()
          .anyMatch(o -> o.comparison().equals("birthDate") && o.level().equals("partial")));
      assertEquals("notices", hits.get(0).dataset());
    }
  }

  @Test
  void aSessionScreensOnlyAgainstWhatItMaySee() {
    try (Workspace ws = open()) {
      loadWatchList(ws);
      String petrovsky = EntityId.fromSource("notices", "n3").value();
      ScreeningQuery q = ScreeningQuery.of("Ivan Petrovsky").withBirthDate("1975-03-14");
      List<String> cleared = ws.session(Principal.of("a", "INTERPOL", "CT"), CI).screen(q, 5).stream()
          .map(ScreeningHit::id).toList();
      List<String> notCleared = ws.session(Principal.of("b", "INTERPOL"), CI).screen(q, 5).stream()
          .map(ScreeningHit::id).toList();
      assertEquals(petrovsky, cleared.get(0));
      assertTrue(!notCleared.contains(petrovsky), notCleared.toString());
      assertEquals(List.of(), ws.session(Principal.of("c"), CI).screen(q, 5));
      List<AuditEvent> audit = events(ws);
      assertTrue(audit.stream().filter(e -> e.operation().equals("screen")).count() >= 3);
    }
  }

  /** Issue 14, audit before apply: a flag is audited before it is written, so no entry means no flag. */
  @Test
  void aFlagWhoseAuditEntryCannotBeWrittenIsNotStored() {
    try (Workspace ws = open()) {
      loadWatchList(ws);
      Entity subject = Fixtures.dataset("fr-records", "FR").entity("Person", "fr-1").add("name", "PETROV, Ivan")
          .add("birthDate", "14/03/1975").build();
      ws.store.write(subject.statements(), List.of()); // stored without screening, as a write stopped before it
      Session both = ws.session(Principal.of("analyst", "INTERPOL", "FR"), CI);
      assertThrows(org.insight.policy.AuditException.class, () -> ws.screening.afterAdd(List.of(subject.id()),
          "loader", ws.store::labels, Fixtures.FIXED.instant(), flags -> {
            throw new org.insight.policy.AuditException("the audit log's file system is full");
          }));
      assertEquals(0, both.flags(null, 0, 10).total(), "no entry, no flag");
      List<List<Entity>> audited = new java.util.ArrayList<>();
      List<Entity> written = ws.screening.afterAdd(List.of(subject.id()), "loader", ws.store::labels,
          Fixtures.FIXED.instant(), flags -> {
            assertEquals(0, both.flags(null, 0, 10).total(), "audited before it is stored");
            audited.add(flags);
          });
      assertEquals(List.of(written), audited);
      assertEquals(1, both.flags(null, 0, 10).total());
    }
  }

  @Test
  void continuousScreeningFlagsANewPersonWithTheConjoinedLabel() {
    try (Workspace ws = open()) {
      loadWatchList(ws);
      Dataset fr = Fixtures.dataset("fr-records", "FR");
      Entity subject = fr.entity("Person", "fr-1").add("name", "PETROV, Ivan").add("birthDate", "14/03/1975").build();
      ws.session(Fixtures.loader("loader"), CI).add(subject);

      Session both = ws.session(Principal.of("analyst", "INTERPOL", "FR"), CI);
      Page<Flag> flags = both.flags(null, 0, 10);
      assertEquals(1, flags.total(), flags.items().toString());
      Flag f = flags.items().get(0);
      assertEquals(subject.id().value(), f.subjectId());
      assertEquals(EntityId.fromSource("notices", "n1").value(), f.entryId());
      assertEquals(Label.of("FR").and(Label.of("INTERPOL")), f.label());
      assertEquals("screen:fs-person-defaults@1", f.provenance().method());
      assertEquals(2, f.provenance().derivedFrom().size());
      assertTrue(f.explanation().contains("name:") && f.explanation().contains("birthDate:exact"), f.explanation());
      assertTrue(f.probability() >= 0.9);
      assertEquals("open", f.status());
      assertFalse(f.toString().toLowerCase(java.util.Locale.ROOT).contains("petrov")
          || f.toString().contains("1975"), "a log line of a flag shows no screened value: " + f);
      assertTrue(f.toString().contains(f.id().value()), f.toString());

      // a reader without both clearances does not see it, nor count it
      assertEquals(0, ws.session(Principal.of("fr-only", "FR"), CI).flags(null, 0, 10).total());
      assertEquals(0, ws.session(Principal.of("ip-only", "INTERPOL"), CI).flags(null, 0, 10).total());
      assertEquals(Optional.empty(), ws.session(Principal.of("fr-only", "FR"), CI).entity(f.id()));
      assertTrue(events(ws).stream().anyMatch(e -> e.operation().equals("flag.create")
          && e.items().contains(f.id().value())));

      // review: dismissed, and re-adding the subject does not reopen it
      Flag dismissed = both.reviewFlag(f.id(), "dismissed");
      assertEquals("dismissed", dismissed.status());
      ws.session(Fixtures.loader("loader"), CI).add(subject);
      assertEquals("dismissed", both.flags(null, 0, 10).items().get(0).status());
      assertEquals(0, both.flags("open", 0, 10).total());
      assertThrows(InvalidDataException.class,
          () -> ws.session(Principal.of("fr-only", "FR"), CI).reviewFlag(f.id(), "confirmed"));
    }
  }

  @Test
  void anUnrelatedPersonRaisesNoFlag() {
    try (Workspace ws = open()) {
      loadWatchList(ws);
      Dataset fr = Fixtures.dataset("fr-records", "FR");
      ws.session(Fixtures.loader("loader"), CI).add(fr.entity("Person", "fr-2").add("name", "Claire Martin")
          .add("birthDate", "1990-01-01").build());
      assertEquals(0, ws.session(Principal.of("all", "INTERPOL", "FR", "CT"), CI).flags(null, 0, 10).total());
    }
  }

  @Test
  void aNameMentionedInADocumentIsScreened() throws Exception {
    try (Workspace ws = open()) {
      loadWatchList(ws);
      Session writer = ws.session(Principal.of("loader", "FR"), CI);
      String text = "Surveillance report: Amina Haddad met the courier.";
      var hash = writer.storeEvidence(new java.io.ByteArrayInputStream(text.getBytes()));
      Document d = new Document(null, hash, "Report", text, "en", java.util.Map.of(), null, null, Label.of("FR"),
          Provenance.of("fr-reports", "r1", "text:plain", null).withContentHash(hash));
      writer.add(d);
      Mention m = new Mention(d.id(), 21, 33, "Amina Haddad", PropertyType.NAME, "Amina Haddad", Optional.empty(), 0.9,
          Label.of("FR"), Provenance.derived("fr-reports", "ner:test", List.of(d.provenance())));
      writer.addMentions(List.of(m));
      Page<Flag> flags = ws.session(Principal.of("analyst", "INTERPOL", "FR"), CI).flags(null, 0, 10);
      assertEquals(1, flags.total());
      assertEquals(d.id(), flags.items().get(0).subjectId());
      assertTrue(flags.items().get(0).mentionId().isPresent());
      assertEquals(0, ws.session(Principal.of("fr", "FR"), CI).flags(null, 0, 10).total());
    }
  }

  static List<AuditEvent> events(Workspace ws) {
    return ws.audit.tail(1000).stream().map(org.insight.policy.AuditRecord::event).toList();
  }

  @Test
  void screeningWithoutWatchListsSaysHowToConfigureThem() {
    try (Workspace ws = Workspace.builder(dir).clock(Fixtures.FIXED).open()) {
      InsightException e = assertThrows(InsightException.class,
          () -> ws.session(Principal.of("a"), CI).screen(ScreeningQuery.of("x"), 5));
      assertTrue(e.getMessage().contains("watchLists"), e.getMessage());
    }
  }

  @Test
  void theWatchListConfigurationIsSavedInTheWorkspace() {
    try (Workspace ws = open()) {
      assertEquals(java.util.Set.of("notices"), ws.watchLists());
    }
    try (Workspace again = Workspace.builder(dir).clock(Fixtures.FIXED).open()) {
      assertEquals(java.util.Set.of("notices"), again.watchLists());
    }
  }
}
