package org.insight.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.insight.core.Dataset;
import org.insight.core.Entity;
import org.insight.core.SchemaException;
import org.insight.core.Statement;
import org.insight.policy.AuditException;
import org.insight.policy.AuditRecord;
import org.insight.policy.Principal;
import org.insight.policy.Purpose;
import org.insight.search.Scan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanTest {
  private static final Purpose CI = Purpose.CRIMINAL_INVESTIGATION;

  @TempDir Path dir;

  private Workspace open() {
    return Workspace.builder(dir).clock(Fixtures.FIXED).open();
  }

  @Test
  void anEntityWrittenOverManyCommitsComesBackWholeOnceWithOnlyItsVisibleStatements() {
    try (Workspace ws = open()) {
      Session writer = ws.session(Fixtures.loader("w"), CI);
      Dataset a = Fixtures.dataset("ds", "A");
      Dataset b = Fixtures.dataset("ds", "B");
      for (int i = 0; i < 20; i++) { // one commit each: the entity's statements lie in many segments
        writer.add(a.entity("Person", "p1").add("alias", "Alias " + i).build());
        writer.add(b.entity("Person", "p1").add("notes", "secret " + i).build());
        writer.add(Fixtures.person(a, "p" + (i + 2), "Other " + i));
      }
      Session reader = ws.session(Principal.of("r", "A"), CI);
      Map<String, Integer> sizes = new TreeMap<>();
      try (Scan<Entity> scan = reader.scanEntities("Person")) {
        assertEquals(21, scan.size());
        for (Entity e : scan) {
          assertTrue(sizes.put(e.id().value(), e.statements().size()) == null, "handed out twice: " + e.id());
          assertTrue(e.statements().stream().allMatch(s -> s.label().toString().equals("A")), e.toString());
        }
      }
      assertEquals(21, sizes.size());
      assertEquals(20, sizes.get(a.entity("Person", "p1").add("name", "x").build().id().value()));
    }
  }

  @Test
  void oneAuditEntryPerScanWrittenBeforeAnyItemAndNamingTheScan() {
    try (Workspace ws = open()) {
      Session writer = ws.session(Fixtures.loader("w"), CI);
      Dataset a = Fixtures.dataset("ds", "A");
      writer.add(List.of(Fixtures.person(a, "1", "Ivan Petrov"), a.entity("Person", "2").add("name", "Amina")
          .add("birthDate", "1975-03-01").build()));
      Session reader = ws.session(Principal.of("alice", "A"), CI);
      long before = ws.audit.size();
      try (Scan<Statement> scan = reader.scanStatements("birthDate")) {
        assertEquals(before + 1, ws.audit.size());
        AuditRecord entry = ws.audit.tail(1).get(0);
        assertEquals("statement.scan", entry.event().operation());
        assertEquals("alice", entry.event().principal());
        assertEquals("properties=birthDate items=1", entry.event().query());
        assertEquals(List.of("1975-03-01"), scan.stream().map(Statement::value).toList());
      }
      try (Scan<Entity> scan = reader.scanEntities("Person", "Organization")) {
        assertEquals("types=Person,Organization items=2", ws.audit.tail(1).get(0).event().query());
        scan.forEach(e -> { });
      }
      assertEquals(before + 2, ws.audit.size(), "iterating writes nothing more");
      assertTrue(ws.verifyAudit().valid());
    }
  }

  @Test
  void noAuditEntryMeansNoScan() {
    try (Workspace ws = open()) {
      Session s = ws.session(Principal.of("alice", "A"), CI);
      s.add(Fixtures.person(Fixtures.dataset("ds", "A"), "1", "Someone"));
      ws.audit.close(); // the log can no longer be written
      assertThrows(AuditException.class, () -> s.scanEntities("Person"));
      assertThrows(AuditException.class, () -> s.scanStatements("name"));
    }
  }

  @Test
  void aScanIsOnePassOverOneSnapshot() {
    try (Workspace ws = open()) {
      Session s = ws.session(Principal.of("alice", "A"), CI);
      Dataset a = Fixtures.dataset("ds", "A");
      s.add(Fixtures.person(a, "1", "First"));
      Scan<Entity> scan = s.scanEntities("Person");
      s.add(Fixtures.person(a, "2", "Written after the scan opened"));
      List<String> names = new ArrayList<>();
      Iterator<Entity> it = scan.iterator();
      it.forEachRemaining(e -> names.add(e.caption()));
      assertEquals(List.of("First"), names);
      IllegalStateException again = assertThrows(IllegalStateException.class, scan::iterator);
      assertTrue(again.getMessage().contains("single pass"), again.getMessage());
      scan.close();
      scan.close(); // idempotent
      try (Scan<Entity> after = s.scanEntities("Person")) {
        assertEquals(2, after.size());
      }
      Scan<Entity> closed = s.scanEntities("Person");
      closed.close();
      assertThrows(IllegalStateException.class, closed::iterator);
    }
  }

  @Test
  void badRequestsSayWhatWasWrong() {
    try (Workspace ws = open()) {
      Session s = ws.session(Principal.of("alice", "A"), CI);
      assertTrue(assertThrows(SchemaException.class, () -> s.scanEntities("Persn")).getMessage().contains("Person"));
      assertTrue(assertThrows(IllegalArgumentException.class, () -> s.scanEntities()).getMessage()
          .contains("at least one type"));
      IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> s.scanStatements("brithDate"));
      assertTrue(unknown.getMessage().contains("'brithDate'"), unknown.getMessage());
    }
  }

  @Test
  void theSpottingDictionaryIsBuiltFromOneScan() {
    try (Workspace ws = open()) {
      Session s = ws.session(Principal.of("alice", "A"), CI);
      s.add(Fixtures.person(Fixtures.dataset("ds", "A"), "1", "Ivan Petrov"));
      long before = ws.audit.size();
      var spotter = EntitySpottingStep.spotter(s);
      assertEquals(before + 1, ws.audit.size());
      assertEquals("entity.scan", ws.audit.tail(1).get(0).event().operation());
      assertFalse(spotter.spot("A report about Ivan Petrov.").isEmpty());
    }
  }
}
