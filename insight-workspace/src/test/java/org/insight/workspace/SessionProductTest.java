package org.insight.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.insight.InsightException;
import org.insight.core.Entity;
import org.insight.core.EntityId;
import org.insight.policy.AuditRecord;
import org.insight.policy.Principal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Session#product}: a product's reads are one audit entry, its reader only reads and does not outlive it. */
class SessionProductTest {
  @TempDir Path dir;

  @Test
  void aProductIsOneEntryNamingItsReadsAndItemsWrittenBeforeItIsHandedOver() {
    try (Workspace ws = Workspace.builder(dir).clock(Fixtures.FIXED).open()) {
      Entity ivan = Fixtures.person(Fixtures.dataset("ds", "A"), "r1", "Ivan Petrov");
      ws.session(Fixtures.loader("w"), org.insight.policy.Purpose.CRIMINAL_INVESTIGATION).add(ivan);
      Session s = ws.session(Principal.of("analyst", "A"), org.insight.policy.Purpose.CRIMINAL_INVESTIGATION);
      long before = ws.audit.size();
      AtomicReference<Session> kept = new AtomicReference<>();
      String made = s.product("report.test", "ivan", reader -> {
        kept.set(reader);
        reader.search("Ivan");
        return reader.entity(ivan.id());
      }, e -> e.map(x -> List.of(x.id().value())).orElse(List.of()), (e, auditId) -> {
        // the entry is durable before the product is finished
        AuditRecord last = ws.audit.tail(1).get(0);
        assertEquals(last.sequence() + ":" + last.hash().substring(0, 16), auditId);
        return e.orElseThrow().caption() + " " + auditId;
      });
      assertEquals(before + 1, ws.audit.size(), "one entry for the product, none per read");
      AuditRecord entry = ws.audit.tail(1).get(0);
      assertEquals("report.test", entry.event().operation());
      assertEquals("ivan reads=[entity.get, search]", entry.event().query());
      assertEquals(List.of(ivan.id().value()), entry.event().items());
      assertTrue(made.startsWith("Ivan Petrov "), made);
      assertThrows(InsightException.class, () -> kept.get().entity(ivan.id()), "the reader is closed afterwards");
    }
  }

  @Test
  void aProductsReaderCannotWriteNorMakeAnotherProductAndAFailureIsAnErrorEntry() {
    try (Workspace ws = Workspace.builder(dir).clock(Fixtures.FIXED).open()) {
      Session s = ws.session(Fixtures.loader("w"), org.insight.policy.Purpose.CRIMINAL_INVESTIGATION);
      Entity x = Fixtures.person(Fixtures.dataset("ds", "A"), "r2", "Anna Berg");
      long before = ws.audit.size();
      assertThrows(IllegalStateException.class, () -> s.product("report.test", "write", reader -> reader.add(x),
          r -> List.of(), (r, id) -> r));
      assertThrows(IllegalStateException.class, () -> s.product("report.test", "nested",
          reader -> reader.product("report.inner", "", r -> 1, r -> List.of(), (r, id) -> r), r -> List.of(),
          (r, id) -> r));
      byte[] bytes = "evidence a product must not store".getBytes(java.nio.charset.StandardCharsets.UTF_8);
      assertThrows(IllegalStateException.class, () -> s.product("report.test", "evidence",
          reader -> reader.storeEvidence(new java.io.ByteArrayInputStream(bytes)), r -> List.of(), (r, id) -> r));
      assertEquals(before + 3, ws.audit.size(), "one error entry each");
      assertTrue(ws.audit.tail(1).get(0).event().outcome().startsWith("error"));
      assertEquals(Optional.empty(), s.entity(EntityId.of(x.id().value())), "nothing was written");
      assertFalse(ws.evidence.contains(org.insight.core.ContentHash.of(bytes)), "no bytes were stored");
    }
  }
}
