package org.insight.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.insight.core.ContentHash;
import org.insight.core.Document;
import org.insight.core.Entity;
import org.insight.core.EntityId;
import org.insight.core.Provenance;
import org.insight.policy.AuditEvent;
import org.insight.policy.AuditException;
import org.insight.policy.AuditRecord;
import org.insight.policy.Label;
import org.insight.policy.Principal;
import org.insight.policy.Purpose;
import org.insight.policy.SourceGrading;
import org.insight.search.Query;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads audited ahead ({@link Workspace.Builder#auditReadsAhead}): an entry naming the request, durable before the
 * result is handed out, then one naming what was returned; nothing is returned when either cannot be written.
 */
class ReadAuditAheadTest {
  private static final Purpose CI = Purpose.CRIMINAL_INVESTIGATION;

  @TempDir Path dir;

  private Workspace open() {
    return Workspace.builder(dir).clock(Fixtures.FIXED).auditReadsAhead().open();
  }

  private static Document document(Session writer, String label, String text) {
    ContentHash hash = writer.storeEvidence(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    Document d = new Document(null, hash, "t", text, "en", Map.of(), null, null, Label.of(label),
        Provenance.of("reports", "r-" + hash.hex().substring(0, 8), "text:plain", SourceGrading.UNGRADED)
            .withContentHash(hash));
    writer.add(d);
    return d;
  }

  /** The entries {@code call} wrote: a request ({@code started}, no items) then the outcome naming {@code ids}. */
  private static void assertAuditedAhead(Workspace ws, String who, String operation, List<String> ids,
      Runnable call) {
    long before = ws.audit.size();
    call.run();
    assertEquals(before + 2, ws.audit.size(), operation + ": a request entry and an outcome entry");
    List<AuditRecord> two = ws.audit.tail(2);
    AuditEvent request = two.get(0).event();
    AuditEvent outcome = two.get(1).event();
    assertEquals(who, request.principal());
    assertEquals(CI.name(), request.purpose());
    assertEquals(operation, request.operation());
    assertEquals("started", request.outcome());
    assertEquals(List.of(), request.items(), "the request is written before anything was read");
    assertEquals(request.query(), outcome.query());
    assertEquals(request.operation(), outcome.operation());
    assertEquals(who, outcome.principal());
    assertEquals("ok", outcome.outcome());
    assertEquals(ids, outcome.items(), operation + ": the outcome names exactly what was returned");
  }

  @Test
  void lookupsAndSearchesWriteTheRequestAheadAndThenWhatTheyReturned() {
    try (Workspace ws = open()) {
      Entity seen = Fixtures.person(Fixtures.dataset("ds", "A"), "1", "Ivan Petrov");
      Entity hidden = Fixtures.person(Fixtures.dataset("hidden", "B"), "2", "Ivan Petrovich");
      Session writer = ws.session(Fixtures.loader("loader"), CI);
      writer.add(seen, hidden);
      Document doc = document(writer, "A", "a blue van seen at the border");
      Document secret = document(writer, "B", "a blue van in the secret file");
      Session s = ws.session(Principal.of("alice", "A"), CI);
      assertAuditedAhead(ws, "alice", "entity.get", List.of(seen.id().value()),
          () -> assertTrue(s.entity(seen.id()).isPresent()));
      assertAuditedAhead(ws, "alice", "entity.get", List.of(),
          () -> assertTrue(s.entity(hidden.id()).isEmpty()));
      assertAuditedAhead(ws, "alice", "entity.get", List.of(seen.id().value()),
          () -> assertEquals(1, s.entities(List.of(hidden.id(), seen.id(), EntityId.of("none"))).size()));
      assertAuditedAhead(ws, "alice", "document.get", List.of(doc.id()),
          () -> assertTrue(s.document(doc.id()).isPresent()));
      assertAuditedAhead(ws, "alice", "document.get", List.of(),
          () -> assertTrue(s.document(secret.id()).isEmpty()));
      assertAuditedAhead(ws, "alice", "search", List.of(doc.id()),
          () -> assertEquals(1, s.search(Query.text("blue van").target(Query.Target.DOCUMENTS)).hits().size()));
      Session nobody = ws.session(Principal.of("nobody"), CI);
      assertAuditedAhead(ws, "nobody", "search", List.of(),
          () -> assertEquals(0, nobody.search(Query.name("Ivan Petrov")).hits().size()));
      assertTrue(ws.verifyAudit().valid());
    }
    // after a restart the chain, with its lazily synced outcome entries, still verifies
    try (Workspace ws = open()) {
      assertTrue(ws.verifyAudit().valid());
    }
  }

  @Test
  void aFailedReadIsAuditedAheadAndAsAnError() {
    try (Workspace ws = open()) {
      Session s = ws.session(Principal.of("alice", "A"), CI);
      long before = ws.audit.size();
      assertThrows(org.insight.search.QuerySyntaxException.class, () -> s.search(Query.parse("type:NoSuchType")));
      assertEquals(before + 2, ws.audit.size());
      assertEquals("started", ws.audit.tail(2).get(0).event().outcome());
      assertTrue(ws.audit.tail(1).get(0).event().outcome().startsWith("error: "));
    }
  }

  private static void assertNothingReturned(List<Supplier<Object>> reads) {
    for (Supplier<Object> read : reads) {
      assertThrows(AuditException.class, read::get, "an unaudited read must return nothing");
    }
  }

  private static List<Supplier<Object>> reads(Session s, Entity p, Document d) {
    return List.of(() -> s.entity(p.id()), () -> s.entities(List.of(p.id())), () -> s.document(d.id()),
        () -> s.search(Query.text("blue van")));
  }

  @Test
  void whenTheAuditLogCannotBeWrittenNoResultIsReturned() {
    try (Workspace ws = open()) {
      Entity p = Fixtures.person(Fixtures.dataset("ds", "A"), "1", "Someone");
      Session s = ws.session(Principal.of("alice", "A"), CI);
      s.add(p);
      Document d = document(s, "A", "a blue van");
      assertTrue(s.entity(p.id()).isPresent());
      ws.audit.close(); // the request entry cannot be written
      assertNothingReturned(reads(s, p, d));
    }
  }

  @Test
  void whenTheRequestEntryCannotBeMadeDurableNoResultIsReturned() throws Exception {
    try (Workspace ws = open()) {
      Entity p = Fixtures.person(Fixtures.dataset("ds", "A"), "1", "Someone");
      Session s = ws.session(Principal.of("alice", "A"), CI);
      s.add(p);
      Document d = document(s, "A", "a blue van");
      assertTrue(s.search(Query.text("blue van")).hits().size() > 0);
      long before = ws.audit.size();
      // the entry is written but its sync fails, as on a device that stopped accepting writes: the read may run,
      // yet its result must not reach the caller
      java.lang.reflect.Field sync = org.insight.policy.AuditLog.class.getDeclaredField("syncChannel");
      sync.setAccessible(true);
      ((java.nio.channels.FileChannel) sync.get(ws.audit)).close();
      assertNothingReturned(reads(s, p, d));
      assertTrue(ws.audit.size() <= before + 2, "after the failed sync the log refuses every further entry");
    }
  }
}
