package org.insight.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.insight.policy.AuditRecord;
import org.insight.policy.Label;
import org.insight.policy.Principal;
import org.insight.policy.Profile;
import org.insight.policy.Purpose;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProductionsTest {
  private static final Purpose CI = Purpose.CRIMINAL_INVESTIGATION;
  private static final Principal ALICE = Principal.of("alice", "INTERPOL", "SECRET");
  private static final Principal BOB = Principal.of("bob", "INTERPOL", "SECRET");
  private static final Principal CAROL = Principal.of("carol", "INTERPOL");
  private static final String HASH = "a".repeat(64);
  private static final List<ProductItem> ITEMS = List.of(new ProductItem("s1", Label.of("INTERPOL")),
      new ProductItem("s2", Label.of("INTERPOL&SECRET")));

  @TempDir Path dir;
  private final SettableClock clock = new SettableClock(Instant.parse("2026-06-01T10:00:00Z"));
  private Workspace ws;
  private String caseId;

  @BeforeEach
  void open() {
    ws = Workspace.builder(dir).clock(clock).open();
    caseId = as(ALICE).cases().create("Operation Heron", Label.of("INTERPOL")).id();
    as(ALICE).cases().addMember(caseId, "bob");
    as(ALICE).cases().addMember(caseId, "carol");
  }

  @AfterEach
  void close() {
    ws.close();
  }

  private Session as(Principal p) {
    clock.advanceSeconds(1);
    return ws.session(p, CI);
  }

  private Productions prod(Principal p) {
    return as(p).cases().productions();
  }

  @Test
  void aProductIsDraftedReviewedApprovedAndReleasedAndEveryStepIsAuditedOnce() {
    long before = ws.audit.size();
    Production p = prod(ALICE).draft(caseId, "Heron summary", HASH, ITEMS);
    assertEquals(before + 1, ws.audit.size());
    assertEquals("release.draft", last().event().operation());
    assertEquals("draft", p.state());
    assertEquals(Label.allOf(List.of(Label.of("INTERPOL"), Label.of("INTERPOL&SECRET"))), p.label());
    p = prod(ALICE).submit(caseId, p.id(), p.version(), "bob");
    assertEquals("in-review", p.state());
    assertEquals("release.review", last().event().operation());
    p = prod(BOB).approve(caseId, p.id(), p.version());
    assertEquals("approved", p.state());
    assertEquals("bob", p.approvedBy().orElseThrow());
    Production released = prod(ALICE).release(caseId, p.id(), p.version(), List.of(Recipient.of(Principal.of("fr-1",
        "INTERPOL", "SECRET"))));
    p = released;
    assertEquals("released", p.state());
    assertEquals(List.of("fr-1"), p.recipients());
    assertEquals(4, p.version());
    assertEquals(before + 4, ws.audit.size());
    List<String> chain = ws.audit.tail(4).stream().map(r -> r.event().operation()).toList();
    assertEquals(List.of("release.draft", "release.review", "release.approve", "release.release"), chain);
    assertTrue(ws.audit.tail(4).stream().allMatch(r -> r.event().items().equals(List.of(released.id()))));
    assertEquals(p, prod(BOB).show(caseId, p.id()).orElseThrow());
    assertEquals("release.show", last().event().operation());
    // durable: a reopened workspace reads the same production back
    ws.close();
    ws = Workspace.builder(dir).clock(clock).open();
    assertEquals(p, prod(BOB).show(caseId, p.id()).orElseThrow());
  }

  @Test
  void theAuthorCannotApproveNorCanAnyoneButTheReviewer() {
    Production p = prod(ALICE).draft(caseId, "Heron", HASH, List.of(new ProductItem("s1", Label.of("INTERPOL"))));
    String id = p.id();
    assertThrows(WriteRefusedException.class, () -> prod(ALICE).submit(caseId, id, 1, "alice"));
    assertThrows(WriteRefusedException.class, () -> prod(ALICE).submit(caseId, id, 1, "mallory"));
    assertThrows(WriteRefusedException.class, () -> prod(BOB).submit(caseId, id, 1, "carol"));
    assertThrows(WriteRefusedException.class, () -> prod(BOB).approve(caseId, id, 1));
    p = prod(ALICE).submit(caseId, id, 1, "bob");
    long v = p.version();
    assertEquals("denied: not authorised to write",
        outcome(() -> prod(ALICE).approve(caseId, id, v), WriteRefusedException.class));
    assertEquals("release.approve", last().event().operation());
    assertThrows(WriteRefusedException.class, () -> prod(CAROL).approve(caseId, id, v));
    assertEquals("in-review", prod(BOB).show(caseId, id).orElseThrow().state());
  }

  @Test
  void aReleaseBeforeApprovalIsRefusedAndAStaleVersionConflicts() {
    Production p = prod(ALICE).draft(caseId, "Heron", HASH, List.of(new ProductItem("s1", Label.of("INTERPOL"))));
    String id = p.id();
    List<Recipient> to = List.of(Recipient.of(CAROL));
    assertThrows(WriteRefusedException.class, () -> prod(ALICE).release(caseId, id, 1, to));
    prod(ALICE).submit(caseId, id, 1, "bob");
    assertThrows(WriteRefusedException.class, () -> prod(ALICE).release(caseId, id, 2, to));
    CaseConflictException e = assertThrows(CaseConflictException.class, () -> prod(BOB).approve(caseId, id, 1));
    assertEquals(2, e.actualVersion());
    prod(BOB).approve(caseId, id, 2);
    assertEquals("released", prod(BOB).release(caseId, id, 3, to).state());
  }

  @Test
  void aReleaseIsRefusedItemByItemWithTheReasonAndNothingIsReleased() {
    Production p = prod(ALICE).draft(caseId, "Heron", HASH, ITEMS);
    p = prod(ALICE).submit(caseId, p.id(), 1, "bob");
    p = prod(BOB).approve(caseId, p.id(), 2);
    String id = p.id();
    Profile fr = new Profile("fr-analyst", "FR", "analyst", Set.of(CI), new TreeSet<>(Set.of("INTERPOL")), 1);
    Profile de = new Profile("de-border", "DE", "officer", Set.of(Purpose.BORDER_CONTROL),
        new TreeSet<>(Set.of("INTERPOL", "SECRET")), 2);
    List<Recipient> to = List.of(Recipient.of(BOB), Recipient.of(fr), Recipient.of(de));
    long before = ws.audit.size();
    ReleaseRefusedException e = assertThrows(ReleaseRefusedException.class,
        () -> prod(ALICE).release(caseId, id, 3, to));
    assertEquals(before + 1, ws.audit.size());
    assertEquals("denied: release refused", last().event().outcome());
    assertEquals(List.of("profile:fr-analyst s2", "profile:de-border s1", "profile:de-border s2"),
        e.refusals().stream().map(r -> r.recipient() + " " + r.itemId()).toList());
    assertTrue(e.refusals().get(2).reason().contains("purpose"), e.refusals().get(2).reason());
    assertTrue(e.getMessage().contains("profile:fr-analyst: item s2"), e.getMessage());
    assertEquals("approved", prod(ALICE).show(caseId, id).orElseThrow().state());
  }

  @Test
  void aMemberWithoutClearanceForTheProductDoesNotLearnItExists() {
    Production p = prod(ALICE).draft(caseId, "Heron", HASH, ITEMS);
    assertTrue(prod(CAROL).show(caseId, p.id()).isEmpty());
    assertEquals(List.of(), prod(CAROL).list(caseId));
    assertEquals(List.of(p.id()), prod(BOB).list(caseId).stream().map(Production::id).toList());
    NoSuchCaseException hidden = assertThrows(NoSuchCaseException.class,
        () -> prod(CAROL).approve(caseId, p.id(), 1));
    NoSuchCaseException missing = assertThrows(NoSuchCaseException.class,
        () -> prod(CAROL).approve(caseId, "production-000000000000000000000000", 1));
    assertEquals(hidden.getMessage().replace(p.id(), "X"),
        missing.getMessage().replace("production-000000000000000000000000", "X"));
    assertEquals("error: no such item", last().event().outcome());
    // nor from the case's history
    assertTrue(as(CAROL).cases().show(caseId).orElseThrow().history().stream()
        .noneMatch(h -> h.itemId().equals(p.id())));
  }

  @Test
  void anAuthorDraftsOnlyWhatItSees() {
    assertThrows(WriteRefusedException.class, () -> prod(CAROL).draft(caseId, "Heron", HASH, ITEMS));
    assertEquals("denied: not authorised to write", last().event().outcome());
    assertThrows(IllegalArgumentException.class, () -> prod(ALICE).draft(caseId, "Heron", "nothex", ITEMS));
  }

  private String outcome(org.junit.jupiter.api.function.Executable call, Class<? extends Throwable> type) {
    assertThrows(type, call);
    return last().event().outcome();
  }

  private AuditRecord last() {
    return ws.audit.tail(1).get(0);
  }
}
