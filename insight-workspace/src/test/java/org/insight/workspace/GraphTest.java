package org.insight.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.insight.core.Dataset;
import org.insight.core.EntityId;
import org.insight.graph.EdgeKind;
import org.insight.graph.GraphEdge;
import org.insight.graph.Network;
import org.insight.policy.AuditRecord;
import org.insight.policy.Label;
import org.insight.policy.Principal;
import org.insight.policy.Purpose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A session's graph: the hidden connection found, one audit entry per build, the cache and its invalidation. */
class GraphTest {
  @TempDir Path dir;

  @Test
  void personsSeenTogetherAreJoinedByACoLocationEdgeInTheSameOneAuditedBuild() {
    try (Workspace ws = Workspace.builder(dir).clock(Fixtures.FIXED).open()) {
      Dataset ds = Fixtures.dataset("ds", "A");
      Session s = ws.session(Principal.of("analyst", java.util.Set.of("A", "B")), Purpose.CRIMINAL_INVESTIGATION);
      EntityId ivan = EntityId.fromSource("ds", "1");
      EntityId anna = EntityId.fromSource("ds", "2");
      EntityId li = EntityId.fromSource("ds", "3");
      s.add(ds.entity("Person", "1").add("name", "Ivan Petrov").build(),
          ds.entity("Person", "2").add("name", "Anna Berg").build(),
          ds.entity("Person", "3").add("name", "Li Wei").build(),
          ds.entity("Event", "e1").add("point", "48.8566,2.3522").add("startTime", "2026-03-01T10:00:00Z")
              .add("involved", ivan.value()).build(),
          ds.entity("Event", "e2").add("point", "48.8567,2.3523").add("startTime", "2026-03-01T10:10:00Z")
              .add("involved", anna.value(), Label.of("A&B")).build(),
          ds.entity("Event", "e3").add("point", "48.8566,2.3522").add("startTime", "2026-03-02T18:00:00Z")
              .add("involved", ivan.value()).add("involved", anna.value()).build(),
          ds.entity("Event", "e4").add("point", "40.0,3.0").add("startTime", "2026-03-01T10:00:00Z")
              .add("involved", li.value()).build());
      assertEquals(0, s.graph(GraphOptions.defaults()).edges(EdgeKind.CO_LOCATION).size(), "only when asked");
      long before = ws.audit.size();
      Network g = s.graph(GraphOptions.defaults().withCoLocation(200, java.time.Duration.ofMinutes(30)));
      assertEquals(before + 1, ws.audit.size(), "co-location read inside the one graph.build entry");
      assertTrue(ws.audit.tail(1).get(0).event().query().contains("coLocationMetres=200.0"));
      List<GraphEdge> seen = g.edges(EdgeKind.CO_LOCATION);
      assertEquals(1, seen.size(), seen.toString());
      GraphEdge e = seen.get(0);
      assertEquals(java.util.Set.of(ivan, anna), java.util.Set.of(e.source(), e.target()));
      assertEquals(2, e.count(), "e1 with e2, and e3");
      assertEquals("2026-03-01T10:00:00Z", e.start().orElseThrow());
      assertEquals("2026-03-02T18:00:00Z", e.end().orElseThrow());
      assertTrue(e.label().toString().contains("B"), "the conjunction of the sightings' labels: " + e.label());
      assertTrue(e.statements().size() >= 7, e.statements().toString());
      Session onlyA = ws.session(Principal.of("a", java.util.Set.of("A")), Purpose.CRIMINAL_INVESTIGATION);
      GraphEdge forA = onlyA.graph(GraphOptions.defaults().withCoLocation(200, java.time.Duration.ofMinutes(30)))
          .edges(EdgeKind.CO_LOCATION).get(0);
      assertEquals(1, forA.count(), "Anna's part in e2 is invisible to A: only e3 remains");
      assertEquals(Label.of("A"), forA.label());
    }
  }

  @Test
  void twoPersonsSharingAPhoneAreConnectedWithoutAnyLink() {
    try (Workspace ws = Workspace.builder(dir).clock(Fixtures.FIXED).open()) {
      Dataset ds = Fixtures.dataset("ds", "A");
      Session s = ws.session(Principal.of("analyst", java.util.Set.of("A")), Purpose.CRIMINAL_INVESTIGATION);
      EntityId anna = EntityId.fromSource("ds", "2");
      EntityId li = EntityId.fromSource("ds", "3");
      s.add(ds.entity("Person", "1").add("name", "Ivan Petrov").add("phone", "+33 6 12 34 56 78").build(),
          ds.entity("Person", "2").add("name", "Anna Berg").add("phone", "0033612345678").build(),
          ds.entity("Person", "3").add("name", "Li Wei").build(),
          ds.entity("Associate", "a").add("person", anna.value()).add("associate", li.value()).build());
      EntityId ivan = EntityId.fromSource("ds", "1");

      long before = ws.audit.size();
      Network g = s.graph(GraphOptions.defaults());
      assertEquals(before + 1, ws.audit.size());
      AuditRecord entry = ws.audit.tail(1).get(0);
      assertEquals("graph.build", entry.event().operation());
      assertTrue(entry.event().query().contains("statements=7") && entry.event().query().contains("nodes=3"),
          entry.event().query());

      List<GraphEdge> shared = g.edges(EdgeKind.SHARED_IDENTIFIER);
      assertEquals(1, shared.size(), shared.toString());
      assertEquals("phone", shared.get(0).type());
      assertEquals("+33612345678", shared.get(0).value());
      assertEquals(2, shared.get(0).statements().size(), "both holders' statements are its provenance");
      assertEquals(Label.of("A"), shared.get(0).label());
      assertEquals(3, g.shortestPath(ivan, li).orElseThrow().nodes().size(), "Ivan - Anna (phone) - Li (associate)");

      s.graph(GraphOptions.defaults());
      assertTrue(ws.audit.tail(1).get(0).event().query().contains("read: cached"), "a second build is a cache hit,"
          + " still audited");
      s.add(ds.entity("Person", "4").add("name", "Omar Said").add("phone", "+33612345678").build());
      Network grown = s.graph(GraphOptions.defaults());
      assertEquals(4, grown.nodes().size(), "a write makes a new version: the graph is rebuilt");
      assertEquals(3, grown.edges(EdgeKind.SHARED_IDENTIFIER).size(), "three holders, three pairs");
      assertEquals(0, s.graph(GraphOptions.defaults().withMaxGroup(2)).edges(EdgeKind.SHARED_IDENTIFIER).size());
      assertEquals(1, s.graph(GraphOptions.defaults().withMaxGroup(2)).notes().size(), "left out, and said so");
    }
  }

  @Test
  void aRecordJudgedTheSameAsItselfBreaksNoGraph() {
    try (Workspace ws = Workspace.builder(dir).clock(Fixtures.FIXED).open()) {
      Dataset ds = Fixtures.dataset("ds", "A");
      Session s = ws.session(Principal.of("analyst", java.util.Set.of("A")), Purpose.CRIMINAL_INVESTIGATION);
      EntityId ivan = EntityId.fromSource("ds", "1");
      s.add(ds.entity("Person", "1").add("name", "Ivan Petrov").build(),
          ds.entity("SameAs", "j").add("entity", ivan.value()).add("match", ivan.value()).add("judgement", "same")
              .build());
      Network g = s.graph(GraphOptions.defaults()); // sameAsInUse threw "duplicate element" for every reader
      assertEquals(1, g.nodes().size());
      assertEquals(0, g.edges().size(), "a link of a node to itself is no edge");
    }
  }
}
