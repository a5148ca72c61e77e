package org.insight.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.insight.policy.AuditLog;
import org.insight.policy.AuditRecord;
import org.insight.policy.Label;
import org.insight.policy.Principal;
import org.insight.workspace.CaseSummary;
import org.insight.workspace.CaseTarget;
import org.insight.workspace.Cases;
import org.insight.workspace.Session;
import org.insight.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseDigestTest {
  private static final Principal ANALYST = Principal.of("analyst", List.of("A"));
  private static final Principal SENIOR = Principal.of("senior", List.of("A", "Z"));

  @TempDir Path dir;

  @Test
  void aDigestHoldsWhatTheReaderSeesOfTheCaseAndNothingHiddenAndIsOneAuditEntry() throws Exception {
    World world = World.of("Ivan Petrov", "Anna Berg");
    Path wsDir = dir.resolve("ws");
    String caseId;
    Product digest;
    try (Workspace ws = World.open(wsDir)) {
      world.write(ws, l -> true);
      world.pad(ws);
      Cases senior = ws.session(SENIOR, World.CI).cases();
      CaseSummary c = senior.create("Operation Heron", Label.of("A"));
      caseId = c.id();
      senior.addMember(caseId, "analyst");
      // what the analyst adds is labelled by what the analyst sees (the senior sees the subject's Z statements too,
      // so a reference the senior adds carries Z and is hidden from the analyst)
      Session analyst = ws.session(ANALYST, World.CI);
      analyst.cases().add(caseId, CaseTarget.entity(World.SUBJECT), null);
      analyst.cases().note(caseId, "seen in Lyon twice", null);
      analyst.cases().task(caseId, "Check the phone", "analyst", LocalDate.of(2026, 7, 1), null);
      senior.note(caseId, World.CANARY + " informant says", Label.of("Z"));
      senior.annotate(caseId, CaseTarget.entity(World.SUBJECT), World.CANARY + " annotated", Label.of("Z"));
      senior.task(caseId, World.CANARY + " hidden task", "senior", null, Label.of("Z"));

      long before = auditSize(wsDir, ws);
      digest = Reports.of(analyst, World.CLOCK).caseDigest(caseId);
      assertEquals(before + 1, auditSize(wsDir, ws), "a product is one audit entry");

      ReportException hidden = assertThrows(ReportException.class, () -> Reports.of(
          ws.session(Principal.of("outsider", List.of("A")), World.CI), World.CLOCK).caseDigest(caseId));
      ReportException missing = assertThrows(ReportException.class, () -> Reports.of(
          ws.session(Principal.of("outsider", List.of("A")), World.CI), World.CLOCK).caseDigest("no-such-case"));
      assertEquals(hidden.getMessage().replace(caseId, "ID"), missing.getMessage().replace("no-such-case", "ID"),
          "a case one is not a member of reads like a missing one");
    }
    AuditRecord entry;
    try (AuditLog log = AuditLog.open(Workspace.auditFile(wsDir))) {
      entry = log.tail(3).get(0);
    }
    assertEquals("report.case", entry.event().operation());
    assertTrue(entry.event().items().contains(caseId), entry.toString());
    assertEquals(ProductKind.CASE, digest.kind());
    assertEquals("Case: Operation Heron", digest.title());
    assertEquals(Optional.of(Label.of("A")), digest.banner().label(), "only A-labelled items are in it");
    String html = HtmlProduct.html(digest);
    assertFalse(html.contains(World.CANARY), "nothing the analyst may not see");
    assertTrue(html.contains("seen in Lyon twice") && html.contains("Check the phone"), "the visible note and task");
    assertTrue(html.contains("Ivan Petrov (p0)"), "what the case concerns, by the caption the analyst sees: "
        + digest.sections(Section.Table.class).get(1).rows());
    List<String> tables = digest.sections(Section.Table.class).stream().map(Section.Table::title).toList();
    assertEquals(List.of("Members", "What the case concerns", "Notes and annotations", "Tasks", "History"), tables);
    Section.Table notes = digest.sections(Section.Table.class).get(2);
    assertEquals(1, notes.rows().size(), "the hidden note and annotation are not counted either");
  }

  private static long auditSize(Path wsDir, Workspace ws) {
    try (AuditLog log = AuditLog.open(Workspace.auditFile(wsDir))) {
      return log.size();
    }
  }
}
