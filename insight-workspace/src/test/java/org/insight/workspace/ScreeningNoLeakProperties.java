package org.insight.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.insight.core.Dataset;
import org.insight.core.Entity;
import org.insight.core.EntityBuilder;
import org.insight.match.ScreeningHit;
import org.insight.match.ScreeningQuery;
import org.insight.policy.Label;
import org.insight.policy.Policy;
import org.insight.policy.Principal;
import org.insight.policy.Purpose;
import org.insight.policy.SourceGrading;
import org.insight.test.Directories;

/**
 * Rule 2 for screening: a session's screening results — candidates, ranks, scores, explanations, how many, and what
 * the list says about each entry (its topics and the Sanctions naming it, some under labels the session fails) — equal
 * those of a workspace that holds only the watch-list statements visible to it.
 */
class ScreeningNoLeakProperties implements Clearances {
  static final List<String> NAMES = List.of("Ivan Petrov", "Иван Петров", "Ivan Petrova", "Amina Haddad",
      "Amina Hadad", "Marco Rossi", "Mario Rossi", "Petrov Ivanovich", "John Smith");
  static final List<String> DATES = List.of("1975-03-14", "1975", "1975-04-13", "1988-07-02", "1976-03-14");

  record Cell(String property, String value, Label label) {}

  /** A listed person and, when {@code sanction} is not null, a Sanction naming it under that label. */
  record Rec(String id, List<Cell> cells, Label sanction) {}

  @Property(tries = 25)
  void aSessionScreensAsAWorkspaceOfOnlyItsVisibleWatchList(
      @ForAll("records") List<Rec> records,
      @ForAll("auths") Set<String> auths,
      @ForAll("queries") List<ScreeningQuery> queries) throws IOException {
    Purpose purpose = Purpose.CRIMINAL_INVESTIGATION;
    Principal principal = Principal.of("p", auths);
    List<Entity> all = new ArrayList<>();
    List<Entity> visibleOnly = new ArrayList<>();
    Dataset ds = Dataset.of("list", Label.of("A"), SourceGrading.UNGRADED);
    for (Rec r : records) {
      EntityBuilder full = ds.entity("Person", r.id());
      EntityBuilder part = ds.entity("Person", r.id());
      boolean any = false;
      for (Cell c : r.cells()) {
        full.add(c.property(), c.value(), c.label());
        if (Policy.standard().decide(principal, purpose, c.label(), Fixtures.FIXED.instant()).allowed()) {
          part.add(c.property(), c.value(), c.label());
          any = true;
        }
      }
      all.add(full.build());
      if (any) {
        visibleOnly.add(part.build());
      }
      if (r.sanction() != null) {
        Entity sanction = ds.entity("Sanction", "s-" + r.id())
            .add("entity", org.insight.core.EntityId.fromSource("list", r.id()).value(), r.sanction())
            .add("program", "PROGRAMME-" + r.id(), r.sanction()).build();
        all.add(sanction);
        if (Policy.standard().decide(principal, purpose, r.sanction(), Fixtures.FIXED.instant()).allowed()) {
          visibleOnly.add(sanction);
        }
      }
    }
    Path a = Files.createTempDirectory("screen-noleak-all");
    Path b = Files.createTempDirectory("screen-noleak-visible");
    try (Workspace full = Workspace.builder(a).clock(Fixtures.FIXED).watchLists("list").open();
         Workspace filtered = Workspace.builder(b).clock(Fixtures.FIXED).watchLists("list").open()) {
      full.session(Fixtures.loader("w"), purpose).add(all);
      if (!visibleOnly.isEmpty()) {
        filtered.session(Fixtures.loader("w"), purpose).add(visibleOnly);
      }
      Session s = full.session(principal, purpose);
      Session oracle = filtered.session(Principal.of("o", NoLeakProperties.TOKENS), purpose);
      for (ScreeningQuery q : queries) {
        for (int k : new int[] {1, 3, 10}) {
          assertEquals(view(oracle.screen(q, k)), view(s.screen(q, k)), "screen " + q + " k=" + k);
        }
      }
    } finally {
      Directories.delete(a);
      Directories.delete(b);
    }
  }

  private static List<String> view(List<ScreeningHit> hits) {
    List<String> out = new ArrayList<>();
    out.add("n=" + hits.size());
    for (ScreeningHit h : hits) {
      out.add(h.id() + " " + h.weight() + " " + h.probability() + " " + h.label() + " " + h.explanation().comparisons()
          + " " + h.entry().values() + " " + h.attributes());
    }
    return out;
  }

  @Provide
  Arbitrary<List<Rec>> records() {
    Arbitrary<Cell> cell = Combinators.combine(
        Arbitraries.of("name", "alias", "birthDate", "nationality", "passportNumber", "topics"),
        Arbitraries.integers().between(0, 8),
        NoLeakProperties.labels()).as((p, i, l) -> new Cell(p, switch (p) {
          case "name", "alias" -> NAMES.get(i);
          case "birthDate" -> DATES.get(i % DATES.size());
          case "nationality" -> List.of("ru", "fr", "it").get(i % 3);
          case "topics" -> List.of("sanction", "crime", "wanted").get(i % 3);
          default -> "P1234567" + (i % 3);
        }, l));
    Arbitrary<Rec> rec = Combinators.combine(Arbitraries.integers().between(1, 40),
            cell.list().ofMinSize(1).ofMaxSize(5).uniqueElements(c -> c.property() + "=" + c.value()),
            NoLeakProperties.labels().injectNull(0.4))
        .as((i, cells, sanction) -> new Rec("r" + i, cells, sanction));
    return rec.list().ofMinSize(1).ofMaxSize(15).uniqueElements(Rec::id);
  }

  @Provide
  Arbitrary<List<ScreeningQuery>> queries() {
    Arbitrary<ScreeningQuery> q = Combinators.combine(Arbitraries.of(NAMES), Arbitraries.of(DATES).injectNull(0.4),
            Arbitraries.of("P12345670", "P12345671").injectNull(0.6))
        .as((n, d, id) -> {
          ScreeningQuery x = ScreeningQuery.of(n);
          x = d == null ? x : x.withBirthDate(d);
          return id == null ? x : x.withIdentifier(id);
        });
    return q.list().ofMinSize(1).ofMaxSize(3);
  }
}
