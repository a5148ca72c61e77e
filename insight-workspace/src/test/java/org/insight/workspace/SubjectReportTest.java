package org.insight.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.insight.core.Entity;
import org.insight.core.EntityId;
import org.insight.policy.Label;
import org.insight.policy.Principal;
import org.insight.policy.Purpose;
import org.insight.policy.Writers;
import org.insight.workspace.SubjectReport.Category;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scripted history of one person's data, and the oversight report of it: complete, and without a value. */
class SubjectReportTest {
  private static final Purpose CI = Purpose.CRIMINAL_INVESTIGATION;

  @TempDir Path dir;

  @Test
  void everyProcessingOfThePersonsDataIsReportedWithoutItsValues() {
    SettableClock clock = new SettableClock(java.time.Instant.parse("2026-06-01T10:00:00Z"));
    try (Workspace ws = Workspace.builder(dir).clock(clock)
        .writers(Writers.parse("* = *\noversight = dpo\n")).open()) {
      Session loader = ws.session(Fixtures.loader("loader"), CI);
      Entity ivan = Fixtures.dataset("fr", "SECRET").entity("Person", "1").add("name", "Ivan Petrov")
          .add("passportNumber", "X1234567").build();
      Entity other = Fixtures.person(Fixtures.dataset("fr", "SECRET"), "2", "Anna Schmidt");
      loader.add(ivan, other);                                               // collection
      Session analyst = ws.session(Principal.of("analyst", "SECRET"), Purpose.COUNTER_TERRORISM);
      clock.advanceSeconds(60);
      analyst.entity(ivan.id());                                             // consultation
      analyst.entity(other.id());                                            // not about Ivan
      analyst.search("petrov");                                              // consultation (a hit)
      analyst.export(ExportOptions.all(), new java.io.StringWriter());       // disclosure
      CaseSummary c = analyst.cases().create("Heron", Label.of("SECRET"));
      analyst.cases().add(c.id(), CaseTarget.entity(ivan.id()), null);      // combination
      analyst.resolution().judge(ivan.id(), other.id(), org.insight.match.Judgement.Verdict.DIFFERENT,
          "not the same");                                                   // combination
      clock.advanceSeconds(60);
      loader.erase(Erasure.builder().statements(ivan.statements().stream()
          .filter(s -> s.property().equals("passportNumber")).map(org.insight.core.Statement::id).toArray(String[]::new))
          .reason("court order").build());                                    // erasure

      Session dpo = ws.session(Principal.of("dpo"), Purpose.of("oversight"));
      SubjectReport r = dpo.subjectReport(ivan.id());
      assertEquals(List.of(ivan.id().value()), r.subjects());
      assertEquals(Set.of("name"), r.collected().stream().map(SubjectReport.Collected::property).collect(Collectors.toSet()),
          "what is held now: the name (the passport was erased)");
      Set<Category> seen = r.processing().stream().map(SubjectReport.Processing::category).collect(Collectors.toSet());
      assertEquals(Set.of(Category.COLLECTION, Category.CONSULTATION, Category.DISCLOSURE, Category.COMBINATION,
          Category.ERASURE), seen, r.processing().toString());
      List<String> ops = r.processing().stream().map(SubjectReport.Processing::operation).toList();
      assertTrue(ops.containsAll(List.of("add", "entity.get", "search", "export", "case.add", "match.judge", "erase")),
          ops.toString());
      assertEquals(1, ops.stream().filter("entity.get"::equals).count(), "the read of Anna is not about Ivan");
      SubjectReport.Processing read = r.processing().stream().filter(p -> p.operation().equals("entity.get"))
          .findFirst().orElseThrow();
      assertEquals("analyst", read.principal());
      assertEquals("counter-terrorism", read.purpose());
      assertFalse(r.toString().contains("Petrov") || r.toString().contains("X1234567") || r.toString().contains("petrov"),
          "ids, times, actions, principals and purposes — never a value: " + r);

      SubjectReport byPassport = dpo.subjectReportForIdentifier("Ivan Petrov");
      assertEquals(List.of(ivan.id().value()), byPassport.subjects(), "found by a value, whatever its label");
      assertFalse(ws.audit.tail(1).get(0).event().query().contains("Ivan"), "the audit names the value's hash");
      assertThrows(AccessRefusedException.class, () -> analyst.subjectReport(ivan.id()), "oversight is granted by name");
    }
  }

  @Test
  void bulkReadsWhoseEntriesNameNoIdsAreCountedAsNotAttributableWhileTheDataWasHeld() {
    SettableClock clock = new SettableClock(java.time.Instant.parse("2026-06-01T10:00:00Z"));
    try (Workspace ws = Workspace.builder(dir).clock(clock)
        .writers(Writers.parse("* = *\noversight = dpo\n")).open()) {
      Session loader = ws.session(Fixtures.loader("loader"), CI);
      Session analyst = ws.session(Principal.of("analyst", "SECRET"), CI);
      Entity anna = Fixtures.person(Fixtures.dataset("fr", "SECRET"), "2", "Anna Schmidt");
      loader.add(anna);
      clock.advanceSeconds(60);
      try (var scan = analyst.scanEntities("Person")) {
        scan.stream().count();                                              // before Ivan was written: not counted
      }
      clock.advanceSeconds(60);
      Entity ivan = Fixtures.person(Fixtures.dataset("fr", "SECRET"), "1", "Ivan Petrov");
      loader.add(ivan);
      clock.advanceSeconds(60);
      try (var scan = analyst.scanEntities("Person")) {
        scan.stream().count();                                              // may have read Ivan: counted
      }
      analyst.graph(GraphOptions.defaults());                               // counted
      try (var scan = analyst.scanStatements("name")) {
        scan.stream().count();                                              // counted
      }
      analyst.entity(ivan.id());                                            // names him: attributed
      clock.advanceSeconds(60);
      loader.erase(Erasure.builder().entities(ivan.id()).reason("court order").build());
      clock.advanceSeconds(60);
      try (var scan = analyst.scanEntities("Person")) {
        scan.stream().count();                                              // after he was erased: not counted
      }

      SubjectReport r = ws.session(Principal.of("dpo"), Purpose.of("oversight")).subjectReport(ivan.id());
      assertEquals(List.of("entity.scan", "graph.build", "statement.scan"),
          r.unattributed().stream().map(SubjectReport.Processing::operation).toList(), r.unattributed().toString());
      assertEquals(3, r.bulkReadsNotAttributable());
      assertTrue(r.unattributed().stream().allMatch(p -> p.ids().isEmpty() && p.principal().equals("analyst")));
      assertTrue(r.processing().stream().anyMatch(p -> p.operation().equals("entity.get")), "the named read stays"
          + " attributed");
      assertTrue(r.processing().stream().noneMatch(p -> p.operation().endsWith(".scan")), "a scan names no one");
    }
  }
}
