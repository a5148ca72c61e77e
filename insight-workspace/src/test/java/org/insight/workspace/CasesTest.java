package org.insight.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.insight.core.Entity;
import org.insight.core.InvalidDataException;
import org.insight.policy.AuditRecord;
import org.insight.policy.Label;
import org.insight.policy.Principal;
import org.insight.policy.Purpose;
import org.insight.policy.Writers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CasesTest {
  private static final Purpose CI = Purpose.CRIMINAL_INVESTIGATION;
  private static final Principal ALICE = Principal.of("alice", "INTERPOL");
  private static final Principal BOB = Principal.of("bob", "INTERPOL", "SECRET");
  private static final Principal CAROL = Principal.of("carol", "INTERPOL", "SECRET");

  @TempDir Path dir;
  private final SettableClock clock = new SettableClock(Instant.parse("2026-06-01T10:00:00Z"));
  private Workspace ws;
  private Entity open;
  private Entity secret;

  @BeforeEach
  void data() {
    ws = Workspace.builder(dir).clock(clock).open();
    Session loader = ws.session(Fixtures.loader("loader"), CI);
    open = Fixtures.person(Fixtures.dataset("ds", "INTERPOL"), "1", "Ivan Petrov");
    secret = Fixtures.person(Fixtures.dataset("ds", "INTERPOL&SECRET"), "2", "Hidden Person");
    loader.add(open, secret);
  }

  @org.junit.jupiter.api.AfterEach
  void close() {
    ws.close();
  }

  private Cases as(Principal p) {
    clock.advanceSeconds(1);
    return ws.session(p, CI).cases();
  }

  @Test
  void aCaseIsCreatedShownListedAndEveryCallIsAuditedOnce() {
    long before = ws.audit.size();
    CaseSummary c = as(ALICE).create("Operation Heron", Label.of("INTERPOL"));
    assertEquals(before + 1, ws.audit.size());
    assertEquals("case.create", last().event().operation());
    assertEquals(1, c.version());
    assertEquals("alice", c.createdBy());
    CaseView v = as(ALICE).show(c.id()).orElseThrow();
    assertEquals("Operation Heron", v.summary().title());
    assertEquals(List.of("alice"), v.members().stream().map(CaseItem::principal).toList());
    assertEquals(List.of(c.id()), as(ALICE).list().stream().map(CaseSummary::id).toList());
    assertEquals(before + 3, ws.audit.size());
    CaseItem task = as(ALICE).task(c.id(), "Check the phone", "alice", LocalDate.of(2026, 7, 1), null);
    AuditRecord entry = last();
    assertEquals("case.task", entry.event().operation());
    assertEquals(List.of(task.id()), entry.event().items());
    assertFalse(entry.event().query().contains("phone"), "the audit names ids, never a task's title: " + entry);
  }

  @Test
  void aNonMemberAndAMissingCaseAreAnsweredAlike() {
    CaseSummary c = as(ALICE).create("Operation Heron", Label.of("INTERPOL"));
    assertTrue(as(BOB).list().isEmpty());
    assertTrue(as(BOB).show(c.id()).isEmpty());
    NoSuchCaseException real = assertThrows(NoSuchCaseException.class, () -> as(BOB).note(c.id(), "x", null));
    NoSuchCaseException missing = assertThrows(NoSuchCaseException.class, () -> as(BOB).note("case-missing", "x", null));
    assertEquals(missing.getMessage().replace("case-missing", "ID"), real.getMessage().replace(c.id(), "ID"));
    assertEquals("error: no such case", last().event().outcome());
    // a member who cannot see the case's label does not see the case either
    CaseSummary s = as(BOB).create("Secret op", Label.of("INTERPOL&SECRET"));
    as(BOB).addMember(s.id(), "alice");
    assertTrue(as(ALICE).show(s.id()).isEmpty());
    assertEquals(List.of(c.id()), as(ALICE).list().stream().map(CaseSummary::id).toList());
  }

  @Test
  void anAnnotationCarriesTheLabelsOfWhatItIsAboutAndIsHiddenFromWhoCannotSeeIt() {
    CaseSummary c = as(BOB).create("Operation Heron", Label.of("INTERPOL"));
    as(BOB).addMember(c.id(), "alice");
    CaseItem ref = as(BOB).add(c.id(), CaseTarget.entity(secret.id()), null);
    CaseItem note = as(BOB).annotate(c.id(), CaseTarget.entity(secret.id()), "seen in Lyon", null);
    CaseItem raised = as(BOB).note(c.id(), "a source says", Label.of("SECRET"));
    CaseItem visible = as(BOB).annotate(c.id(), CaseTarget.entity(open.id()), "same as the notice", null);
    assertEquals(Label.of("INTERPOL&SECRET"), note.label(), "the conjunction with the entity's label");
    assertEquals(Label.of("INTERPOL&SECRET"), raised.label(), "the conjunction with the case's label");
    assertEquals(Label.of("INTERPOL"), visible.label());

    CaseView bob = as(BOB).show(c.id()).orElseThrow();
    assertEquals(List.of(ref.id()), bob.references().stream().map(CaseItem::id).toList());
    assertEquals(3, bob.notes().size());
    CaseView alice = as(ALICE).show(c.id()).orElseThrow();
    assertEquals(List.of(), alice.references());
    assertEquals(List.of(visible.id()), alice.notes().stream().map(CaseItem::id).toList());
    assertTrue(alice.history().stream().noneMatch(e -> List.of(ref.id(), note.id(), raised.id()).contains(e.itemId())));
    assertEquals(List.of(open.id().value()), as(ALICE).show(c.id()).orElseThrow().notes().stream()
        .map(n -> n.target().orElseThrow().id()).toList());
  }

  @Test
  void anInvisibleTargetIsRefusedAsAMissingOneIs() {
    CaseSummary c = as(ALICE).create("Operation Heron", Label.of("INTERPOL"));
    InvalidDataException hidden = assertThrows(InvalidDataException.class,
        () -> as(ALICE).annotate(c.id(), CaseTarget.entity(secret.id()), "x", null));
    InvalidDataException missing = assertThrows(InvalidDataException.class,
        () -> as(ALICE).annotate(c.id(), CaseTarget.entity(org.insight.core.EntityId.of("nope")), "x", null));
    assertEquals(missing.getMessage().replace("nope", "ID"), hidden.getMessage().replace(secret.id().value(), "ID"));
    assertThrows(WriteRefusedException.class, () -> as(ALICE).note(c.id(), "x", Label.of("SECRET")),
        "a writer attaches only labels it holds");
  }

  @Test
  void twoEditsOfOneVersionConflictAndNeitherIsLost() {
    CaseSummary c = as(ALICE).create("Operation Heron", Label.of("INTERPOL"));
    as(ALICE).addMember(c.id(), "bob");
    CaseItem task = as(ALICE).task(c.id(), "Check the phone", "alice", null, null);
    CaseItem alices = as(ALICE).updateTask(c.id(), task.id(), 1, "in-progress", null, null);
    assertEquals(2, alices.version());
    CaseConflictException e = assertThrows(CaseConflictException.class,
        () -> as(BOB).updateTask(c.id(), task.id(), 1, null, "bob", null));
    assertEquals(1, e.expectedVersion());
    assertEquals(2, e.actualVersion());
    assertTrue(e.getMessage().contains("version 2") && e.getMessage().contains("reapply"), e.getMessage());
    CaseItem bobs = as(BOB).updateTask(c.id(), task.id(), 2, null, "bob", LocalDate.of(2026, 7, 1));
    assertEquals(3, bobs.version());
    assertEquals("in-progress", bobs.state(), "alice's edit kept");
    assertEquals("bob", bobs.owner(), "bob's edit kept");
    List<CaseEvent> history = as(ALICE).show(c.id()).orElseThrow().history().stream()
        .filter(h -> h.itemId().equals(task.id())).toList();
    assertEquals(List.of(1L, 2L, 3L), history.stream().map(CaseEvent::version).toList());
    assertEquals(List.of("alice", "alice", "bob"), history.stream().map(CaseEvent::by).toList());
    assertEquals(List.of(List.of(), List.of("state"), List.of("due", "owner")),
        history.stream().map(CaseEvent::changed).toList());
    CaseSummary renamed = as(BOB).rename(c.id(), 1, "Heron II");
    assertEquals(2, renamed.version());
    assertThrows(CaseConflictException.class, () -> as(ALICE).rename(c.id(), 1, "Heron III"));
  }

  @Test
  void concurrentEditorsLoseNothing() throws Exception {
    CaseSummary c = as(ALICE).create("Operation Heron", Label.of("INTERPOL"));
    for (String m : List.of("bob", "carol")) {
      as(ALICE).addMember(c.id(), m);
    }
    CaseItem task = as(ALICE).task(c.id(), "Count the calls", "alice", null, null);
    int threads = 6;
    int each = 5;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<Integer>> conflicts = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Principal who = List.of(ALICE, BOB, CAROL).get(t % 3);
      int n = t;
      conflicts.add(pool.submit(() -> {
        Cases cases = ws.session(who, CI).cases();
        int seen = 0;
        for (int i = 0; i < each; i++) {
          cases.note(c.id(), "note " + n + "." + i, null);
          while (true) { // read, change, retry on conflict: the usual optimistic loop
            long v = cases.show(c.id()).orElseThrow().tasks().get(0).version();
            try {
              cases.updateTask(c.id(), task.id(), v, null, who.id() + "-" + n + "-" + i, null);
              break;
            } catch (CaseConflictException e) {
              seen++;
            }
          }
        }
        return seen;
      }));
    }
    for (Future<Integer> f : conflicts) {
      f.get();
    }
    pool.shutdown();
    CaseView v = as(ALICE).show(c.id()).orElseThrow();
    // the clock stands still while the threads run, so equal notes by one author would be one: texts differ
    assertEquals(threads * each, v.notes().size());
    assertEquals(1 + threads * each, v.tasks().get(0).version());
    assertEquals(1 + threads * each, v.history().stream().filter(h -> h.itemId().equals(task.id())).count());
  }

  @Test
  void casesSurviveReopeningAndATornLastLineIsCut() throws Exception {
    CaseSummary c = as(ALICE).create("Operation Heron", Label.of("INTERPOL"));
    CaseItem note = as(ALICE).note(c.id(), "first", null);
    CaseView before = as(ALICE).show(c.id()).orElseThrow();
    ws.close();
    Files.writeString(dir.resolve("cases").resolve("journal.jsonl"), "{\"f\":1,\"case\":\"" + c.id() + "\",\"ite",
        StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    ws = Workspace.builder(dir).clock(clock).open();
    assertEquals(before, ws.session(ALICE, CI).cases().show(c.id()).orElseThrow());
    CaseItem edited = as(ALICE).editNote(c.id(), note.id(), 1, "second");
    assertEquals(2, edited.version());
    ws.close();
    ws = Workspace.builder(dir).clock(clock).readOnly().open();
    assertEquals("second", ws.session(ALICE, CI).cases().show(c.id()).orElseThrow().notes().get(0).text());
    assertThrows(org.insight.core.StoreException.class, () -> ws.session(ALICE, CI).cases().note(c.id(), "x", null));
  }

  @Test
  void onlyWritersOfTheCasesDatasetCreateAndOnlyItsAuthorEditsANote() {
    ws.close();
    ws = Workspace.builder(dir).clock(clock).writers(Writers.parse("cases = alice\n* = loader\n")).open();
    assertThrows(WriteRefusedException.class, () -> as(BOB).create("Mine", Label.of("INTERPOL")));
    assertEquals("denied: not authorised to write", last().event().outcome());
    CaseSummary c = as(ALICE).create("Operation Heron", Label.of("INTERPOL"));
    as(ALICE).addMember(c.id(), "bob");
    CaseItem note = as(ALICE).note(c.id(), "mine", null);
    assertThrows(WriteRefusedException.class, () -> as(BOB).editNote(c.id(), note.id(), 1, "changed"));
    as(ALICE).removeMember(c.id(), "bob");
    assertTrue(as(BOB).show(c.id()).isEmpty(), "a removed member no longer sees the case");
    assertThrows(WriteRefusedException.class, () -> as(ALICE).removeMember(c.id(), "alice"), "the last member stays");
    assertEquals(List.of("active", "removed"), as(ALICE).show(c.id()).orElseThrow().members().stream()
        .map(CaseItem::state).toList());
  }

  @Test
  void targetsParseAndPrintAlike() {
    for (String t : List.of("entity:e-1", "statement:e-1/abc", "document:doc:1", "span:doc-1:3-9", "link:l", "flag:f")) {
      assertEquals(t, CaseTarget.parse(t).toString());
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CaseTarget.parse("span:d:9-3"));
    assertTrue(e.getMessage().contains("span:DOCUMENT:START-END"), e.getMessage());
  }

  private AuditRecord last() {
    return ws.audit.tail(1).get(0);
  }
}
