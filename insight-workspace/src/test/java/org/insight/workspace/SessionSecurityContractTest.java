package org.insight.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.insight.core.ContentHash;
import org.insight.core.Document;
import org.insight.core.Entity;
import org.insight.core.EntityId;
import org.insight.core.Provenance;
import org.insight.policy.AuditRecord;
import org.insight.policy.Label;
import org.insight.policy.Principal;
import org.insight.policy.Purpose;
import org.insight.policy.SourceGrading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calls every public read on {@link Session} as a principal with no clearances and expects nothing back and an
 * audit entry written. A new read method fails this test until it is given arguments here: no read escapes it.
 */
class SessionSecurityContractTest {
  /** Methods that do not read workspace data. */
  private static final Set<String> NOT_READS = Set.of("add", "addDocuments", "addMentions", "storeEvidence", "ingest", "close", "principal", "purpose",
      "reviewFlag",
      "resolution"); // resolution() hands out a facade; its reads are checked in ResolutionTest

  @TempDir Path dir;

  @Test
  void aPrincipalWithNoClearancesGetsNothingFromAnyReadAndEveryReadIsAudited() throws Exception {
    try (Workspace ws = Workspace.builder(dir).clock(Fixtures.FIXED).watchLists("ds").open()) {
      Session writer = ws.session(Principal.of("w"), Purpose.CRIMINAL_INVESTIGATION);
      Entity p = Fixtures.person(Fixtures.dataset("ds", "SECRET"), "1", "Hidden Person");
      writer.add(p);
      ContentHash hash = writer.storeEvidence(new ByteArrayInputStream("secret".getBytes(StandardCharsets.UTF_8)));
      Document doc = new Document(null, hash, "t", "secret", "", Map.of(), null, null, Label.of("SECRET"),
          Provenance.of("ds", "d", "text:plain", SourceGrading.UNGRADED).withContentHash(hash));
      writer.add(doc);

      Session nobody = ws.session(Principal.of("nobody"), Purpose.CRIMINAL_INVESTIGATION);
      List<Method> reads = Arrays.stream(Session.class.getDeclaredMethods())
          .filter(m -> Modifier.isPublic(m.getModifiers()) && !NOT_READS.contains(m.getName()))
          .sorted(Comparator.comparing(Method::getName))
          .toList();
      assertTrue(reads.size() >= 5, "expected the session's reads, found " + reads);
      for (Method m : reads) {
        long before = ws.audit.size();
        Object result = m.invoke(nobody, arguments(m, p.id(), doc.id(), hash));
        assertNothing(m, result);
        assertEquals(before + 1, ws.audit.size(), m.getName() + " must write exactly one audit entry");
        AuditRecord last = ws.audit.tail(1).get(0);
        assertEquals("nobody", last.event().principal(), m.getName());
        assertEquals(List.of(), last.event().items(), m.getName() + " returned nothing, so the audit lists nothing");
      }
    }
  }

  private static Object[] arguments(Method m, EntityId entity, String documentId, ContentHash hash) {
    Class<?>[] types = m.getParameterTypes();
    Object[] args = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      if (types[i] == EntityId.class) {
        args[i] = entity;
      } else if (types[i] == ContentHash.class) {
        args[i] = hash;
      } else if (types[i] == org.insight.search.Query.class) {
        args[i] = org.insight.search.Query.all().facets(org.insight.search.Query.Facet.values());
      } else if (types[i] == org.insight.match.ScreeningQuery.class) {
        args[i] = org.insight.match.ScreeningQuery.of("Hidden Person");
      } else if (types[i] == String.class && m.getName().equals("flags")) {
        args[i] = null; // every status
      } else if (types[i] == String.class && m.getName().equals("suggest")) {
        args[i] = "Hid";
      } else if (types[i] == String.class && m.getName().equals("search")) {
        args[i] = "Hidden";
      } else if (types[i] == String.class) {
        args[i] = m.getName().startsWith("document") ? documentId : (m.getName().startsWith("entit") || m.getName().equals("count") ? "Person" : documentId);
      } else if (types[i] == String[].class) {
        args[i] = m.getName().equals("scanStatements") ? new String[] {"name", "birthDate"} : new String[] {"Person"};
      } else if (types[i] == int.class) {
        args[i] = i == types.length - 1 ? 10 : 0;
      } else {
        fail("add arguments for the new read " + m + " to this contract test");
      }
    }
    return args;
  }

  private static void assertNothing(Method m, Object result) {
    if (result instanceof Optional<?> o) {
      assertTrue(o.isEmpty(), m.getName() + " returned " + o);
    } else if (result instanceof Page<?> page) {
      assertEquals(0, page.total(), m.getName());
      assertTrue(page.items().isEmpty(), m.getName());
    } else if (result instanceof org.insight.search.SearchResult r) {
      assertEquals(0, r.total(), m.getName());
      assertTrue(r.hits().isEmpty(), m.getName());
      r.facets().values().forEach(counts -> assertTrue(counts.isEmpty(), m.getName() + " facets " + counts));
    } else if (result instanceof Long n) {
      assertEquals(0L, n, m.getName());
    } else if (result instanceof org.insight.search.Scan<?> scan) {
      try (scan) {
        assertEquals(0, scan.size(), m.getName());
        assertTrue(!scan.iterator().hasNext(), m.getName());
      }
    } else if (result instanceof Collection<?> c) {
      assertTrue(c.isEmpty(), m.getName());
    } else {
      fail("teach this contract test what 'nothing' is for " + m.getName() + " returning " + result);
    }
  }
}
