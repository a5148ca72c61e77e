package org.insight.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.insight.InsightException;
import org.insight.core.Dataset;
import org.insight.core.Entity;
import org.insight.core.EntityId;
import org.insight.core.Link;
import org.insight.match.ClusterEvent;
import org.insight.match.Judgement;
import org.insight.policy.Label;
import org.insight.policy.Principal;
import org.insight.policy.Purpose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResolutionTest {
  static final Purpose PURPOSE = Purpose.CRIMINAL_INVESTIGATION;
  static final Principal ANALYST = Principal.of("alice", "INTERPOL", "FR");

  @TempDir Path dir;
  Workspace ws;
  Entity notice;
  Entity national;
  Entity other;
  Entity cyrillic;

  @BeforeEach
  void load() {
    ws = Workspace.builder(dir).open();
    Dataset notices = Fixtures.dataset("notices", "INTERPOL");
    Dataset fr = Fixtures.dataset("fr-records", "FR");
    notice = notices.entity("Person", "2024/1").add("name", "Ivan PETROV").add("birthDate", "1975-03-14")
        .add("nationality", "RU").add("passportNumber", "P12345678").build();
    national = fr.entity("Person", "fr-9").add("name", "Petrov, Ivan").add("birthDate", "1975-14-03".substring(0, 4))
        .add("passportNumber", "P12345678").add("nationality", "RU").build();
    cyrillic = fr.entity("Person", "fr-10").add("name", "Иван Петров").add("birthDate", "1975-03-14")
        .add("nationality", "RU").build();
    other = fr.entity("Person", "fr-11").add("name", "Hugo Moreau").add("birthDate", "1988-01-02")
        .add("nationality", "FR").build();
    List<Entity> filler = new java.util.ArrayList<>();
    String[] given = {"Anna", "Marco", "Fatima", "Klaus", "Sophie", "Diego", "Omar", "Petra", "Lucas", "Ingrid"};
    String[] family = {"Rossi", "Weber", "Haddad", "Nowak", "Dubois", "Garcia", "Kaya", "Schmidt", "Tanaka", "Okafor"};
    for (int i = 0; i < 60; i++) {
      filler.add(fr.entity("Person", "f" + i).add("name", given[i % 10] + " " + family[(i * 7 / 10 + i) % 10])
          .add("birthDate", String.format("19%02d-%02d-%02d", 40 + i % 50, 1 + i % 12, 1 + i % 27))
          .add("nationality", i % 2 == 0 ? "DE" : "ES").build());
    }
    try (Session s = ws.session(Fixtures.loader("loader"), PURPOSE)) {
      s.add(List.of(notice, national, cyrillic, other));
      s.add(filler);
    }
  }

  @org.junit.jupiter.api.AfterEach
  void close() {
    ws.close();
  }

  static Set<EntityId> clusterOf(ResolutionRun run, EntityId id) {
    return run.clusters().stream().filter(c -> c.members().contains(id)).findFirst()
        .map(c -> Set.copyOf(c.members())).orElse(Set.of(id));
  }

  @Test
  void aRunLinksTheSamePersonAcrossSourcesAndScriptsAndWritesLabelledSameAsLinks() {
    try (Session s = ws.session(ANALYST, PURPOSE)) {
      ResolutionRun run = s.resolution().run(ResolveOptions.defaults());
      assertEquals(64, run.records());
      assertEquals(Set.of(notice.id(), national.id(), cyrillic.id()), clusterOf(run, notice.id()));
      assertEquals(Set.of(other.id()), clusterOf(run, other.id()));
      assertTrue(run.events().stream().anyMatch(e -> e.kind() == ClusterEvent.Kind.MERGE
          && Set.copyOf(e.parts().values().stream().flatMap(List::stream).toList())
              .equals(Set.of(notice.id(), national.id(), cyrillic.id()))));

      ResolvedEntity view = s.resolution().resolved(national.id()).orElseThrow();
      assertEquals(Set.of(notice.id(), national.id(), cyrillic.id()),
          view.members().stream().map(Entity::id).collect(Collectors.toSet()));
      assertFalse(view.sameAs().isEmpty());
      Label both = Label.of("INTERPOL").and(Label.of("FR"));
      for (Link l : view.sameAs()) {
        assertEquals("SameAs", l.type());
        for (var st : l.entity().statements()) {
          assertEquals(both, st.label(), "a same-as link carries the conjunction of the labels of everything its run read");
          assertEquals(Resolution.METHOD, st.provenance().method());
          assertEquals(2, st.provenance().derivedFrom().size(), "provenance keeps both inputs");
          assertEquals("alice", st.provenance().ingestedBy());
        }
        assertTrue(l.entity().first("explanation").orElseThrow().contains("name:"));
        assertTrue(Double.parseDouble(l.entity().first("score").orElseThrow()) >= 0.9);
      }
      assertEquals(view.cluster(), run.clusters().stream().filter(c -> c.members().contains(notice.id()))
          .findFirst().map(ResolvedCluster::id));
    }
  }

  @Test
  void aSessionSeesAMergedEntityOnlyAsFarAsItSeesEverySide() {
    try (Session s = ws.session(ANALYST, PURPOSE)) {
      s.resolution().run(ResolveOptions.defaults());
    }
    try (Session frOnly = ws.session(Principal.of("bob", "FR"), PURPOSE)) {
      ResolvedEntity view = frOnly.resolution().resolved(national.id()).orElseThrow();
      assertEquals(List.of(national.id()), view.members().stream().map(Entity::id).toList(),
          "the notice is invisible, so is every link of its cluster");
      assertTrue(view.sameAs().isEmpty());
      assertTrue(view.cluster().isEmpty());
      assertTrue(frOnly.resolution().resolved(notice.id()).isEmpty());
      assertTrue(frOnly.resolution().events().isEmpty(), "the run read the notice: for bob it is not there");
      // bob's own run sees only FR records; alice's later view is unaffected by it
      ResolutionRun bobs = frOnly.resolution().run(ResolveOptions.defaults());
      assertEquals(63, bobs.records());
      assertEquals(Set.of(national.id(), cyrillic.id()), Set.copyOf(frOnly.resolution().resolved(national.id()).orElseThrow()
          .members().stream().map(Entity::id).toList()));
      assertFalse(frOnly.resolution().events().isEmpty(), "bob sees the events of his own run");
    }
  }

  @Test
  void judgementsPersistWithWhoAndWhyAndOverrideTheModelOnEveryRun() {
    try (Session s = ws.session(ANALYST, PURPOSE)) {
      ResolutionRun first = s.resolution().run(ResolveOptions.defaults());
      String id = first.clusters().stream().filter(c -> c.members().contains(notice.id())).findFirst()
          .orElseThrow().id();
      MatchJudgement j = s.resolution().judge(notice.id(), cyrillic.id(), Judgement.Verdict.DIFFERENT,
          "different fathers' names in the file");
      assertEquals("alice", j.principal());
      assertEquals(Label.of("INTERPOL").and(Label.of("FR")), j.label());
      MatchJudgement same = s.resolution().judge(other.id(), national.id(), Judgement.Verdict.SAME, "");
      assertEquals(2, s.resolution().judgements().size());
      assertEquals("different fathers' names in the file", s.resolution().judgements().get(0).reason());

      for (int round = 0; round < 2; round++) {
        ResolutionRun again = s.resolution().run(ResolveOptions.defaults());
        Set<EntityId> withNotice = clusterOf(again, notice.id());
        assertFalse(withNotice.contains(cyrillic.id()), "rejected: never merged, even through national");
        assertTrue(clusterOf(again, national.id()).contains(other.id()), "confirmed: merged");
        if (round == 0) {
          assertTrue(again.events().stream().anyMatch(e -> e.kind() == ClusterEvent.Kind.SPLIT
              && e.cluster().equals(id)), "the split is an event of the old cluster");
        } else {
          assertTrue(again.events().isEmpty(), "a re-run with nothing new changes nothing: " + again.events());
        }
      }
      assertTrue(same.id().value().startsWith("jd-"));
    }
  }

  @Test
  void canonicalIdsSurviveReRunsAndAnUndoneMergeStaysUndone() {
    try (Session s = ws.session(ANALYST, PURPOSE)) {
      ResolutionRun first = s.resolution().run(ResolveOptions.defaults());
      ResolutionRun second = s.resolution().run(ResolveOptions.defaults());
      assertEquals(first.clusters(), second.clusters());
      assertTrue(second.events().isEmpty());
      assertTrue(second.run().compareTo(first.run()) > 0);

      MatchEvent merge = s.resolution().events().stream().filter(e -> e.kind() == ClusterEvent.Kind.MERGE)
          .filter(e -> e.parts().values().stream().anyMatch(p -> p.contains(notice.id()))).findFirst().orElseThrow();
      List<MatchJudgement> undo = s.resolution().undo(merge.id(), "wrong person");
      assertEquals(merge.parts().size() - 1, undo.size());
      assertTrue(undo.stream().allMatch(j -> j.verdict() == Judgement.Verdict.DIFFERENT
          && j.reason().startsWith("undo merge " + merge.id())));
      ResolutionRun third = s.resolution().run(ResolveOptions.defaults());
      List<EntityId> firstParts = merge.parts().values().stream().map(p -> p.get(0)).toList();
      for (int i = 1; i < firstParts.size(); i++) {
        assertFalse(clusterOf(third, firstParts.get(0)).contains(firstParts.get(i)));
      }
      assertTrue(third.events().stream().anyMatch(e -> e.kind() == ClusterEvent.Kind.SPLIT));
      assertThrows(InsightException.class, () -> s.resolution().undo(EntityId.of("ev-nope"), ""));
    }
  }

  @Test
  void judgingARecordTheSessionCannotSeeIsRefusedLikeAMissingOne() {
    try (Session frOnly = ws.session(Principal.of("bob", "FR"), PURPOSE)) {
      InsightException invisible = assertThrows(InsightException.class, () -> frOnly.resolution()
          .judge(notice.id(), national.id(), Judgement.Verdict.SAME, ""));
      InsightException missing = assertThrows(InsightException.class, () -> frOnly.resolution()
          .judge(EntityId.of("nobody"), national.id(), Judgement.Verdict.SAME, ""));
      assertEquals(invisible.getMessage().replace(notice.id().value(), "X"),
          missing.getMessage().replace("nobody", "X"));
    }
  }

  @Test
  void everyResolutionCallIsAudited() {
    try (Session s = ws.session(ANALYST, PURPOSE)) {
      s.resolution().run(ResolveOptions.defaults());
      s.resolution().resolved(notice.id());
    }
    List<String> ops = ws.audit.tail(500).stream().map(r -> r.event().operation()).toList();
    assertTrue(ops.contains("match.resolve"));
    assertTrue(ops.contains("match.resolved"));
  }

  @Test
  void aPrincipalWithNoClearancesGetsNothingFromResolutionReadsAndEachIsAudited() {
    try (Session s = ws.session(ANALYST, PURPOSE)) {
      s.resolution().run(ResolveOptions.defaults());
      s.resolution().judge(notice.id(), national.id(), Judgement.Verdict.SAME, "x");
    }
    try (Session nobody = ws.session(Principal.of("nobody"), PURPOSE)) {
      long before = ws.audit.size();
      assertTrue(nobody.resolution().resolved(notice.id()).isEmpty());
      assertTrue(nobody.resolution().judgements().isEmpty());
      assertTrue(nobody.resolution().events().isEmpty());
      ResolutionRun run = nobody.resolution().run(ResolveOptions.defaults());
      assertEquals(0, run.records());
      assertTrue(run.clusters().isEmpty());
      assertTrue(ws.audit.size() >= before + 4, "every call is audited");
      assertTrue(ws.audit.tail((int) (ws.audit.size() - before)).stream()
          .allMatch(r -> r.event().principal().equals("nobody") && r.event().items().stream()
              .noneMatch(i -> i.equals(notice.id().value()))), "and lists nothing it may not see");
    }
  }
}
