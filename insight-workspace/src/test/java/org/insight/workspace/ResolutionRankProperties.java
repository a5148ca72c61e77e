package org.insight.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.insight.core.Entity;
import org.insight.core.EntityId;
import org.insight.policy.Principal;

/**
 * Issue 14, finding 7, as a law: runs by less cleared principals (made before or after) never change what a more
 * cleared reader's resolved view is — its clusters, their ids and its events — and each reader's view equals that of a
 * workspace holding only its visible records where the same reader resolved.
 */
class ResolutionRankProperties {

  static final Principal HIGH = Principal.of("high", "A", "B");
  static final List<Principal> LOW = List.of(Principal.of("low-a", "A"), Principal.of("low-b", "B"));

  @Provide
  Arbitrary<List<Integer>> lowRuns() {
    return Arbitraries.integers().between(0, 1).list().ofMinSize(1).ofMaxSize(3);
  }

  /** Each visible record's merged view (members and cluster id), and the events, for one reader. */
  static Map<String, Object> view(Session s, List<Entity> records) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Entity e : records) {
      s.resolution().resolved(e.id()).ifPresent(r -> out.put(e.id().value(), List.of(
          r.members().stream().map(Entity::id).collect(Collectors.toSet()), r.cluster())));
    }
    out.put("events", s.resolution().events().stream().map(ev -> List.of(ev.id(), ev.parts())).toList());
    return out;
  }

  static Set<Set<EntityId>> clusters(Session s, List<Entity> records) {
    return records.stream().map(e -> s.resolution().resolved(e.id()))
        .flatMap(java.util.Optional::stream)
        .map(r -> r.members().stream().map(Entity::id).collect(Collectors.toSet()))
        .collect(Collectors.toSet());
  }

  @Property(tries = 10)
  void lowerClearedRunsNeverChangeAHigherReadersView(@ForAll("records") List<ResolutionProperties.Rec> recs,
      @ForAll("lowRuns") List<Integer> before, @ForAll("lowRuns") List<Integer> after) throws IOException {
    Path a = Files.createTempDirectory("rank-all");
    Path b = Files.createTempDirectory("rank-only-a");
    try (Workspace full = Workspace.open(a); Workspace onlyA = Workspace.open(b)) {
      List<Entity> all = new ArrayList<>();
      List<Entity> visibleToA = new ArrayList<>();
      for (int i = 0; i < recs.size(); i++) {
        Entity e = ResolutionProperties.entity(i, recs.get(i));
        all.add(e);
        if (recs.get(i).visible()) {
          visibleToA.add(e);
        }
      }
      Principal loader = Principal.of("loader", "A", "B");
      full.session(loader, ResolutionProperties.PURPOSE).add(all);
      if (!visibleToA.isEmpty()) {
        onlyA.session(loader, ResolutionProperties.PURPOSE).add(visibleToA);
      }
      for (int who : before) {
        full.session(LOW.get(who), ResolutionProperties.PURPOSE).resolution().run(ResolveOptions.defaults());
      }
      Session high = full.session(HIGH, ResolutionProperties.PURPOSE);
      high.resolution().run(ResolveOptions.defaults());
      Map<String, Object> seen = view(high, all);
      for (int who : after) {
        full.session(LOW.get(who), ResolutionProperties.PURPOSE).resolution().run(ResolveOptions.defaults());
        assertEquals(seen, view(full.session(HIGH, ResolutionProperties.PURPOSE), all),
            "a run by " + LOW.get(who).id() + " changed what " + HIGH.id() + " sees");
      }
      // the A-only reader, having resolved last, sees what it would in a workspace of only its records
      Session lowA = full.session(LOW.get(0), ResolutionProperties.PURPOSE);
      lowA.resolution().run(ResolveOptions.defaults());
      Session oracle = onlyA.session(LOW.get(0), ResolutionProperties.PURPOSE);
      oracle.resolution().run(ResolveOptions.defaults());
      assertEquals(clusters(oracle, visibleToA), clusters(lowA, visibleToA));
      assertEquals(seen, view(full.session(HIGH, ResolutionProperties.PURPOSE), all), "and it still changed nothing"
          + " for " + HIGH.id());
    } finally {
      ResolutionProperties.delete(a);
      ResolutionProperties.delete(b);
    }
  }

  @Provide
  Arbitrary<List<ResolutionProperties.Rec>> records() {
    return new ResolutionProperties().records();
  }
}
