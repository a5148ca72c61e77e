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
 * Calls every public read on {@link Session}, and every public call of every facade a session hands out
 * ({@link Resolution}), as a principal with no clearances, and expects nothing back and exactly one audit entry per
 * call. A new method fails this test until it is given arguments here: no call escapes it.
 */
class SessionSecurityContractTest {
  /** Methods that do not read workspace data. */
  private static final Set<String> NOT_READS = Set.of("add", "addDocuments", "addMentions", "storeEvidence", "ingest", "close", "principal", "purpose", "supersede",
      "reviewFlag",
      "resolution", "geo", "trends", "alerts", "cases"); // these hand out facades: every public call of them is swept below

  /**
   * Reads granted only explicitly (a line of their own in the writers configuration): refused, audited as denied,
   * for a principal without the grant.
   */
  private static final Set<String> GRANTED_READS = Set.of("testProfile", "subjectReport", "subjectReportForIdentifier");

  /** Facade calls that refuse what this principal cannot see, with an error (audited as such) rather than nothing. */
  private static final Set<String> REFUSALS = Set.of("judge", "undo", "save", "saveSubject", "saveLink",
      "saveTrend");

  @TempDir Path dir;

  @Test
  void aPrincipalWithNoClearancesGetsNothingFromAnyReadAndEveryReadIsAudited() throws Exception {
    try (Workspace ws = Workspace.builder(dir).clock(Fixtures.FIXED).watchLists("ds").open()) {
      Session writer = ws.session(Principal.of("w", "SECRET"), Purpose.CRIMINAL_INVESTIGATION);
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
        if (GRANTED_READS.contains(m.getName())) {
          java.lang.reflect.InvocationTargetException e = org.junit.jupiter.api.Assertions.assertThrows(
              java.lang.reflect.InvocationTargetException.class, () -> m.invoke(nobody, arguments(m, p.id(), doc.id(), hash)));
          assertTrue(e.getCause() instanceof AccessRefusedException, m.getName() + " threw " + e.getCause());
          assertEquals(before + 1, ws.audit.size(), m.getName() + " must write exactly one audit entry");
          assertTrue(ws.audit.tail(1).get(0).event().outcome().startsWith("denied"), m.getName());
          assertEquals(List.of(), ws.audit.tail(1).get(0).event().items(), m.getName());
          continue;
        }
        Object result = m.invoke(nobody, arguments(m, p.id(), doc.id(), hash));
        assertNothing(m, result);
        assertEquals(before + 1, ws.audit.size(), m.getName() + " must write exactly one audit entry");
        AuditRecord last = ws.audit.tail(1).get(0);
        assertEquals("nobody", last.event().principal(), m.getName());
        assertEquals(List.of(), last.event().items(), m.getName() + " returned nothing, so the audit lists nothing");
      }

      Resolution resolution = nobody.resolution();
      List<Method> calls = calls(Resolution.class, Set.of(), 6);
      for (Method m : calls) {
        long before = ws.audit.size();
        Object result;
        try {
          result = m.invoke(resolution, arguments(m, p.id(), doc.id(), hash));
        } catch (java.lang.reflect.InvocationTargetException e) {
          assertTrue(REFUSALS.contains(m.getName()), m.getName() + " threw " + e.getCause());
          assertTrue(e.getCause() instanceof org.insight.InsightException, m.getName() + " threw " + e.getCause());
          assertEquals(before + 1, ws.audit.size(), m.getName() + " must write exactly one audit entry");
          AuditRecord last = ws.audit.tail(1).get(0);
          assertTrue(last.event().outcome().startsWith("error"), m.getName() + " " + last.event().outcome());
          assertEquals(List.of(), last.event().items(), m.getName());
          continue;
        }
        assertTrue(!REFUSALS.contains(m.getName()), m.getName() + " must refuse an invisible record");
        if (result instanceof ResolutionRun run) {
          assertEquals(0, run.records(), "a run reads no record this principal cannot see");
          assertTrue(run.clusters().isEmpty() && run.events().isEmpty() && run.links() == 0, run.toString());
        } else {
          assertNothing(m, result);
        }
        assertEquals(before + 1, ws.audit.size(), m.getName() + " must write exactly one audit entry");
        assertEquals("nobody", ws.audit.tail(1).get(0).event().principal(), m.getName());
      }

      // a point the principal cannot see, so the geo calls have something to withhold
      writer.add(Fixtures.dataset("ds", "SECRET").entity("Event", "ev-1").add("point", "48.8566,2.3522")
          .add("startTime", "2026-04-04T10:00:00Z").add("involved", p.id().value()).build());
      // geo's calls withhold it; trends count nothing, open no category and carry no label
      for (Map.Entry<Object, List<Method>> facade : Map.<Object, List<Method>>of(nobody.geo(), calls(Geo.class,
          Set.of(), 10), nobody.trends(), calls(Trends.class, Set.of(), 2)).entrySet()) {
        for (Method m : facade.getValue()) {
          long before = ws.audit.size();
          assertNothing(m, m.invoke(facade.getKey(), arguments(m, p.id(), doc.id(), hash)));
          assertOneEntryNamingNothing(ws, before, m);
        }
      }
    }
  }

  /**
   * The alerts facade as a principal with no clearances, after a writer's SECRET batch matched another owner's
   * standing query: nothing of it (no query, no alert, not a count), saving under a label it lacks refused, and one
   * audit entry per call.
   */
  @Test
  void aPrincipalWithNoClearancesGetsNothingFromTheAlertsFacade() throws Exception {
    try (Workspace ws = Workspace.builder(dir).clock(Fixtures.FIXED).open()) {
      Session writer = ws.session(Principal.of("w", "SECRET"), Purpose.CRIMINAL_INVESTIGATION);
      Session owner = ws.session(Principal.of("nobody-else", "SECRET"), Purpose.CRIMINAL_INVESTIGATION);
      owner.alerts().save("Hidden", "a reason", Label.of("SECRET"));
      writer.add(Fixtures.person(Fixtures.dataset("ds", "SECRET"), "1", "Hidden Person"));
      String alertId = owner.alerts().list(null).get(0).id();

      Session nobody = ws.session(Principal.of("nobody"), Purpose.CRIMINAL_INVESTIGATION);
      Alerts alerts = nobody.alerts();
      List<Method> calls = calls(Alerts.class, Set.of(), 6);
      for (Method m : calls) {
        long before = ws.audit.size();
        Object[] args = new Object[m.getParameterCount()];
        Class<?>[] types = m.getParameterTypes();
        for (int i = 0; i < types.length; i++) {
          if (types[i] == String.class) {
            args[i] = m.getName().equals("acknowledge") ? alertId : m.getName().equals("remove") ? "sq-x" : "Hidden";
          } else if (types[i] == Label.class) {
            args[i] = Label.of("SECRET");
          } else if (types[i] == java.time.Instant.class) {
            args[i] = null;
          } else if (types[i] == org.insight.core.EntityId.class) {
            args[i] = org.insight.core.EntityId.of("Hidden");
          } else if (types[i] == java.util.Set.class) {
            args[i] = java.util.Set.of();
          } else if (types[i] == java.time.LocalDate.class) {
            args[i] = java.time.LocalDate.of(2026, 6, 1);
          } else if (types[i] == TrendSource.class) {
            args[i] = TrendSource.of("Person", "nationality");
          } else {
            fail("add arguments for the new alerts call " + m + " to this contract test");
          }
        }
        Object result;
        try {
          result = m.invoke(alerts, args);
        } catch (java.lang.reflect.InvocationTargetException e) {
          assertTrue(REFUSALS.contains(m.getName()), m.getName() + " threw " + e.getCause());
          assertTrue(e.getCause() instanceof WriteRefusedException, m.getName() + " threw " + e.getCause());
          assertEquals(before + 1, ws.audit.size(), m.getName() + " must write exactly one audit entry");
          continue;
        }
        assertNothing(m, result);
        assertOneEntryNamingNothing(ws, before, m);
      }
    }
  }

  /**
   * Every public call of {@link Cases} by a principal that is no member of the (existing) case and holds none of its
   * label's tokens: reads answer nothing, writes are refused as for a missing case; one audit entry each, naming
   * nothing.
   */
  @Test
  void aNonMemberGetsNothingFromAnyCaseCallAndEveryCallIsAudited() {
    try (Workspace ws = Workspace.builder(dir).clock(Fixtures.FIXED).open()) {
      Session writer = ws.session(Principal.of("w", "SECRET"), Purpose.CRIMINAL_INVESTIGATION);
      Entity p = Fixtures.person(Fixtures.dataset("ds", "SECRET"), "1", "Hidden Person");
      writer.add(p);
      CaseSummary secret = writer.cases().create("Hidden case", Label.of("SECRET"));
      CaseItem task = writer.cases().task(secret.id(), "Hidden task", "w", null, null);
      java.security.KeyPair keys;
      try {
        keys = java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
      } catch (java.security.GeneralSecurityException e) {
        throw new AssertionError(e);
      }
      // a valid package of the hidden case: importing it needs its labels, which nobody holds
      java.nio.file.Path pkg = writer.cases().exportPackage(secret.id(),
          PackageOptions.signedWith(keys.getPrivate(), keys.getPublic(), "here"), dir.resolve("pkg")).directory();
      Cases cases = ws.session(Principal.of("nobody"), Purpose.CRIMINAL_INVESTIGATION).cases();
      List<Method> calls = calls(Cases.class, Set.of("productions"), 10);
      for (Method m : calls) {
        Class<?>[] types = m.getParameterTypes();
        Object[] args = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
          if (types[i] == String.class) {
            args[i] = i == 0 && !m.getName().equals("create") ? secret.id() : i == 1 && m.getName().startsWith("edit")
                || i == 1 && m.getName().equals("updateTask") ? task.id() : i == 3 && m.getName().equals("updateTask")
                ? "done" : "w";
          } else if (types[i] == Label.class) {
            args[i] = Label.of("SECRET");
          } else if (types[i] == CaseTarget.class) {
            args[i] = CaseTarget.entity(p.id());
          } else if (types[i] == long.class) {
            args[i] = 1L;
          } else if (types[i] == java.time.LocalDate.class) {
            args[i] = java.time.LocalDate.of(2026, 7, 1);
          } else if (types[i] == PackageOptions.class) {
            args[i] = PackageOptions.signedWith(keys.getPrivate(), keys.getPublic(), "here");
          } else if (types[i] == java.nio.file.Path.class) {
            args[i] = m.getName().equals("importPackage") ? pkg : dir.resolve("pkg-nobody");
          } else if (types[i] == java.security.PublicKey.class) {
            args[i] = keys.getPublic();
          } else {
            fail("add arguments for the new cases call " + m + " to this contract test");
          }
        }
        long before = ws.audit.size();
        try {
          Object result = m.invoke(cases, args);
          assertNothing(m, result);
        } catch (ReflectiveOperationException e) {
          Throwable cause = e.getCause();
          assertTrue(cause instanceof NoSuchCaseException || cause instanceof WriteRefusedException,
              m.getName() + " threw " + cause);
          AuditRecord last = ws.audit.tail(1).get(0);
          assertTrue(!last.event().outcome().equals("ok"), m.getName() + " " + last.event().outcome());
        }
        assertOneEntryNamingNothing(ws, before, m);
      }
    }
  }

  /**
   * Every public call of {@link Productions} by a principal that is no member of the case: reads answer nothing,
   * steps are refused as for a missing case; one audit entry each, naming nothing.
   */
  @Test
  void aNonMemberGetsNothingFromAnyProductionCallAndEveryCallIsAudited() {
    try (Workspace ws = Workspace.builder(dir).clock(Fixtures.FIXED).open()) {
      Session writer = ws.session(Principal.of("w", "SECRET"), Purpose.CRIMINAL_INVESTIGATION);
      CaseSummary secret = writer.cases().create("Hidden case", Label.of("SECRET"));
      Production product = writer.cases().productions().draft(secret.id(), "Hidden product", "c".repeat(64),
          List.of(new ProductItem("s1", Label.of("SECRET"))));
      Productions productions = ws.session(Principal.of("nobody"), Purpose.CRIMINAL_INVESTIGATION).cases()
          .productions();
      List<Method> calls = calls(Productions.class, Set.of(), 6);
      for (Method m : calls) {
        Class<?>[] types = m.getParameterTypes();
        Object[] args = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
          if (types[i] == String.class) {
            args[i] = i == 0 ? secret.id() : i == 1 && !m.getName().equals("draft") ? product.id()
                : i == 2 && m.getName().equals("draft") ? "c".repeat(64) : "w";
          } else if (types[i] == long.class) {
            args[i] = 1L;
          } else if (types[i] == List.class && m.getName().equals("draft")) {
            args[i] = List.of(new ProductItem("s1", Label.of("SECRET")));
          } else if (types[i] == List.class && m.getName().equals("release")) {
            args[i] = List.of(Recipient.of(Principal.of("r", "SECRET")));
          } else {
            fail("add arguments for the new production call " + m + " to this contract test");
          }
        }
        long before = ws.audit.size();
        try {
          Object result = m.invoke(productions, args);
          assertNothing(m, result);
        } catch (ReflectiveOperationException e) {
          Throwable cause = e.getCause();
          assertTrue(cause instanceof NoSuchCaseException, m.getName() + " threw " + cause);
        }
        assertOneEntryNamingNothing(ws, before, m);
      }
    }
  }

  private static Object[] arguments(Method m, EntityId entity, String documentId, ContentHash hash) {
    Class<?>[] types = m.getParameterTypes();
    Object[] args = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      if (types[i] == EntityId.class) {
        args[i] = i == 0 ? entity : EntityId.of("some-other-record");
      } else if (types[i] == ContentHash.class) {
        args[i] = hash;
      } else if (types[i] == org.insight.match.Judgement.Verdict.class) {
        args[i] = org.insight.match.Judgement.Verdict.SAME;
      } else if (types[i] == Collection.class && m.getName().equals("entities")) {
        args[i] = List.of(entity, EntityId.of("some-other-record"), entity);
      } else if (types[i] == ResolveOptions.class) {
        args[i] = ResolveOptions.defaults();
      } else if (types[i] == org.insight.core.ProgressListener.class) {
        args[i] = org.insight.core.ProgressListener.NONE;
      } else if (types[i] == String.class && m.getDeclaringClass() == Resolution.class) {
        args[i] = "a reason";
      } else if (types[i] == org.insight.policy.Profile.class) {
        // a profile cleared for what the asker cannot see: the asker may learn its counts, nothing else
        args[i] = org.insight.policy.Profiles.parse("[country FR]\nauthorizations = SECRET\n[role analyst]\n"
            + "purposes = criminal-investigation\n[profile fr]\ncountry = FR\nrole = analyst\n", "p").profile("fr");
      } else if (types[i] == Purpose.class) {
        args[i] = Purpose.CRIMINAL_INVESTIGATION;
      } else if (types[i] == ExportOptions.class) {
        args[i] = ExportOptions.all();
      } else if (types[i] == java.io.Writer.class) {
        args[i] = new java.io.StringWriter();
      } else if (types[i] == GraphOptions.class) {
        args[i] = GraphOptions.defaults();
      } else if (types[i] == org.insight.search.Query.class) {
        args[i] = org.insight.search.Query.all().facets(org.insight.search.Query.Facet.values());
      } else if (types[i] == org.insight.match.ScreeningQuery.class) {
        args[i] = org.insight.match.ScreeningQuery.of("Hidden Person");
      } else if (types[i] == Erasure.class) {
        args[i] = Erasure.builder().entities(entity).documents(documentId).reason("a reason").build();
      } else if (types[i] == String.class && m.getName().equals("product")) {
        args[i] = i == 0 ? "report.profile" : entity.value();
      } else if (types[i] == java.util.function.Function.class && m.getName().equals("product")) {
        // the product reads the hidden entity; the items it lists are those it got (none)
        args[i] = i == 2 ? (java.util.function.Function<Session, Object>) s -> s.entity(entity)
            : (java.util.function.Function<Object, List<String>>) o -> ((Optional<?>) o).map(e -> List.of("leak")).orElse(List.of());
      } else if (types[i] == java.util.function.BiFunction.class) {
        args[i] = (java.util.function.BiFunction<Object, String, Object>) (read, auditId) -> read;
      } else if (types[i] == String.class && m.getName().equals("purgeExpired")) {
        args[i] = "a reason";
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
      } else if (types[i] == double.class) {
        args[i] = 500.0;
      } else if (types[i] == java.time.Duration.class) {
        args[i] = java.time.Duration.ofMinutes(30);
      } else if (types[i] == org.insight.geo.CellShape.class) {
        args[i] = org.insight.geo.CellShape.HEXAGON;
      } else if (types[i] == org.insight.geo.GeoPoint.class) {
        args[i] = org.insight.geo.GeoPoint.of(48.8566, 2.3522);
      } else if (types[i] == org.insight.geo.Area.class) {
        args[i] = org.insight.geo.Area.polygon(List.of(org.insight.geo.GeoPoint.of(48, 2), org.insight.geo.GeoPoint.of(49, 2),
            org.insight.geo.GeoPoint.of(49, 3)));
      } else if (types[i] == TrendSource.class) {
        args[i] = TrendSource.of("Event", "dataset").value("involved");
      } else if (types[i] == org.insight.trends.TrendAnalysis.class) {
        args[i] = org.insight.trends.TrendAnalysis.builder().compare(
            org.insight.trends.DateRange.parse("2025-01-01..2025-12-31"),
            org.insight.trends.DateRange.parse("2026-01-01..2026-12-31")).build();
      } else if (types[i] == int.class) {
        args[i] = i == types.length - 1 ? 10 : 0;
      } else {
        fail("add arguments for the new read " + m + " to this contract test");
      }
    }
    return args;
  }

  /** The public instance calls of {@code type} but {@code except}, by name; at least {@code atLeast} of them. */
  private static List<Method> calls(Class<?> type, Set<String> except, int atLeast) {
    List<Method> calls = Arrays.stream(type.getDeclaredMethods())
        .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()))
        .filter(m -> !except.contains(m.getName()))
        .sorted(Comparator.comparing(Method::getName))
        .toList();
    assertTrue(calls.size() >= atLeast, "expected the calls of " + type.getSimpleName() + ", found " + calls);
    return calls;
  }

  /** The call wrote exactly one audit entry since {@code before}, as "nobody", naming no item. */
  private static void assertOneEntryNamingNothing(Workspace ws, long before, Method m) {
    assertEquals(before + 1, ws.audit.size(), m.getName() + " must write exactly one audit entry");
    AuditRecord last = ws.audit.tail(1).get(0);
    assertEquals("nobody", last.event().principal(), m.getName());
    assertEquals(List.of(), last.event().items(), m.getName());
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
    } else if (result instanceof ProfileTest t) {
      assertTrue(t.samples().isEmpty(), m.getName() + " showed " + t.samples());
      assertEquals(0, t.entitiesAlsoVisibleToYou() + t.documentsAlsoVisibleToYou() + t.matchesAlsoVisibleToYou(),
          m.getName() + " " + t);
      assertTrue(t.entities() > 0 && t.documents() > 0, "the profile's own counts are what the asker may learn: " + t);
    } else if (result instanceof AlertDigest d) {
      assertTrue(d.alerts().isEmpty() && d.queries().isEmpty() && d.label().isEmpty(), m.getName() + " " + d);
    } else if (result instanceof ErasureReceipt r) {
      assertTrue(r.isEmpty(), m.getName() + " erased " + r + " it could not see");
    } else if (result instanceof RetentionDue r) {
      assertEquals(0, r.entityCount() + r.documentCount(), m.getName());
      assertTrue(r.entities().isEmpty() && r.documents().isEmpty(), m.getName());
    } else if (result instanceof org.insight.graph.Network n) {
      assertTrue(n.nodes().isEmpty() && n.edges().isEmpty() && n.label().isEmpty(), m.getName() + " " + n);
    } else if (result instanceof Export x) {
      assertTrue(x.entities() == 0 && x.label().isEmpty() && x.statements() == 0, m.getName() + " " + x);
    } else if (result instanceof Long n) {
      assertEquals(0L, n, m.getName());
    } else if (result instanceof Boolean b) {
      assertTrue(!b, m.getName());
    } else if (result instanceof org.insight.geo.HotspotResult r) {
      assertEquals(0, r.points(), m.getName());
      assertTrue(r.cells().isEmpty(), m.getName());
    } else if (result instanceof org.insight.trends.TrendReport r) {
      assertTrue(r.series().isEmpty() && r.alarms().isEmpty() && r.comparisons().isEmpty()
          && r.newCooccurrences().isEmpty() && r.label().isEmpty(), m.getName() + " " + r);
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
