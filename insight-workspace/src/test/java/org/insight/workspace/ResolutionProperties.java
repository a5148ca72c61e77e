package org.insight.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.insight.core.Dataset;
import org.insight.core.Entity;
import org.insight.core.EntityBuilder;
import org.insight.core.EntityId;
import org.insight.match.Judgement;
import org.insight.policy.Label;
import org.insight.policy.Principal;
import org.insight.policy.Purpose;
import org.insight.policy.SourceGrading;

/**
 * Rule 2 for resolution: a record a session cannot see never affects the clusters that session gets, whether it
 * resolves itself or reads another run's merged view. The oracle is a workspace holding only the visible records
 * (and the judgements between them).
 */
class ResolutionProperties {
  static final Purpose PURPOSE = Purpose.CRIMINAL_INVESTIGATION;
  static final String[][] PEOPLE = {{"Ivan", "Petrov", "1975-03-14"}, {"Ivan", "Petrov", "1982-07-02"},
      {"Fatima", "Haddad", "1990-11-30"}, {"Hugo", "Moreau", "1961-04-12"}};

  /** One record: which person, how it is written, whether it is visible (label A) or not (label B). */
  record Rec(int person, int variant, boolean visible) {}

  record Judged(int left, int right, boolean same) {}

  @Provide
  Arbitrary<List<Rec>> records() {
    return Combinators.combine(Arbitraries.integers().between(0, PEOPLE.length - 1),
        Arbitraries.integers().between(0, 4), Arbitraries.of(true, false)).as(Rec::new).list().ofMinSize(2).ofMaxSize(9);
  }

  @Provide
  Arbitrary<List<Judged>> judged() {
    return Combinators.combine(Arbitraries.integers().between(0, 8), Arbitraries.integers().between(0, 8),
        Arbitraries.of(true, false)).as(Judged::new).list().ofMaxSize(3);
  }

  static Entity entity(int index, Rec r) {
    Dataset ds = Dataset.of(r.visible() ? "visible" : "hidden", Label.of(r.visible() ? "A" : "B"),
        SourceGrading.UNGRADED);
    String[] p = PEOPLE[r.person()];
    String name = switch (r.variant()) {
      case 0 -> p[0] + " " + p[1];
      case 1 -> p[1].toUpperCase(java.util.Locale.ROOT) + ", " + p[0];
      case 2 -> p[0] + " " + p[1].substring(0, p[1].length() - 1) + "f";
      case 3 -> p[0].charAt(0) + ". " + p[1];
      default -> p[0] + " " + p[1];
    };
    EntityBuilder b = ds.entity("Person", "r" + index).id(EntityId.of("r" + index)).add("name", name);
    if (r.variant() != 4) {
      b.add("birthDate", r.variant() == 3 ? p[2].substring(0, 4) : p[2]);
    }
    return b.build();
  }

  static Set<Set<EntityId>> clusters(ResolutionRun run) {
    return run.clusters().stream().map(c -> Set.copyOf(c.members())).collect(Collectors.toSet());
  }

  @Property(tries = 12)
  void invisibleRecordsNeverShapeTheClustersASessionSees(@ForAll("records") List<Rec> recs,
      @ForAll("judged") List<Judged> judged) throws IOException {
    Path a = Files.createTempDirectory("resolve-all");
    Path b = Files.createTempDirectory("resolve-visible");
    try (Workspace full = Workspace.open(a); Workspace oracle = Workspace.open(b)) {
      List<Entity> all = new ArrayList<>();
      List<Entity> visible = new ArrayList<>();
      for (int i = 0; i < recs.size(); i++) {
        Entity e = entity(i, recs.get(i));
        all.add(e);
        if (recs.get(i).visible()) {
          visible.add(e);
        }
      }
      Principal loader = Principal.of("loader", "A", "B");
      full.session(loader, PURPOSE).add(all);
      if (!visible.isEmpty()) {
        oracle.session(loader, PURPOSE).add(visible);
      }
      Set<Long> seen = new HashSet<>();
      for (Judged j : judged) {
        int l = j.left() % recs.size();
        int r = j.right() % recs.size();
        if (l == r || !seen.add((long) Math.min(l, r) * 100 + Math.max(l, r))) {
          continue;
        }
        Judgement.Verdict v = j.same() ? Judgement.Verdict.SAME : Judgement.Verdict.DIFFERENT;
        full.session(loader, PURPOSE).resolution().judge(all.get(l).id(), all.get(r).id(), v, "");
        if (recs.get(l).visible() && recs.get(r).visible()) {
          oracle.session(loader, PURPOSE).resolution().judge(all.get(l).id(), all.get(r).id(), v, "");
        }
      }
      Principal onlyA = Principal.of("analyst", "A");
      ResolutionRun mine = full.session(onlyA, PURPOSE).resolution().run(ResolveOptions.defaults());
      ResolutionRun expected = oracle.session(onlyA, PURPOSE).resolution().run(ResolveOptions.defaults());
      assertEquals(clusters(expected), clusters(mine), "a run over what the session sees");
      assertEquals(expected.records(), mine.records());

      // a later run by a principal who sees everything, read back by one who sees only A: it read records the
      // reader cannot see, so for the reader it is not there, and the merged views are those of the oracle
      full.session(loader, PURPOSE).resolution().run(ResolveOptions.defaults());
      Session reader = full.session(onlyA, PURPOSE);
      Session oracleReader = oracle.session(onlyA, PURPOSE);
      Set<EntityId> visibleIds = visible.stream().map(Entity::id).collect(Collectors.toSet());
      for (Entity e : visible) {
        Set<EntityId> members = reader.resolution().resolved(e.id()).orElseThrow().members().stream().map(Entity::id)
            .collect(Collectors.toSet());
        assertTrue(visibleIds.containsAll(members), "only visible members");
        Set<EntityId> oracleMembers = oracleReader.resolution().resolved(e.id()).orElseThrow().members().stream()
            .map(Entity::id).collect(Collectors.toSet());
        assertEquals(oracleMembers, members, "merged view of " + e.id());
        Set<EntityId> cluster = expected.clusters().stream().filter(c -> c.members().contains(e.id()))
            .map(c -> Set.copyOf(c.members())).findFirst().orElse(Set.of(e.id()));
        assertEquals(cluster, members, "the view is the cluster of the latest run the reader sees whole");
      }
      assertEquals(oracleReader.resolution().events().stream().map(MatchEvent::parts).collect(Collectors.toSet()),
          reader.resolution().events().stream().map(MatchEvent::parts).collect(Collectors.toSet()), "events");
    } finally {
      delete(a);
      delete(b);
    }
  }

  static void delete(Path dir) throws IOException {
    try (var files = Files.walk(dir)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
