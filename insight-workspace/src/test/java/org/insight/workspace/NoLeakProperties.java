package org.insight.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
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
import org.insight.core.EntityId;
import org.insight.core.EntityBuilder;
import org.insight.policy.Label;
import org.insight.policy.Policy;
import org.insight.policy.Principal;
import org.insight.policy.Purpose;
import org.insight.policy.SourceGrading;
import org.insight.test.Directories;

/**
 * Rule 2, as a law: whatever the labels, principal and purpose, a session's results, counts and pages equal those
 * of a workspace that holds only the statements visible to it. Nothing invisible influences anything.
 */
class NoLeakProperties {
  static final List<String> TOKENS = List.of("A", "B", "C");
  static final List<Purpose> PURPOSES = List.of(Purpose.CRIMINAL_INVESTIGATION, Purpose.COUNTER_TERRORISM);

  record Cell(String property, String value, Label label) {}

  record Rec(String id, List<Cell> cells) {}

  @Property(tries = 30)
  void aSessionSeesWhatAWorkspaceOfOnlyItsVisibleDataShows(
      @ForAll("records") List<Rec> records,
      @ForAll("auths") Set<String> auths,
      @ForAll("purpose") Purpose purpose,
      @ForAll("queries") List<org.insight.search.Query> queries) throws IOException {
    Principal principal = Principal.of("p", auths);
    List<Entity> all = new ArrayList<>();
    List<Entity> visibleOnly = new ArrayList<>();
    Dataset ds = Dataset.of("ds", Label.of("A"), SourceGrading.UNGRADED);
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
    }
    Path a = Files.createTempDirectory("noleak-all");
    Path b = Files.createTempDirectory("noleak-visible");
    try (Workspace full = Workspace.builder(a).clock(Fixtures.FIXED).open();
         Workspace filtered = Workspace.builder(b).clock(Fixtures.FIXED).open()) {
      full.session(Fixtures.loader("w"), Purpose.CRIMINAL_INVESTIGATION).add(all);
      if (!visibleOnly.isEmpty()) {
        filtered.session(Fixtures.loader("w"), Purpose.CRIMINAL_INVESTIGATION).add(visibleOnly);
      }
      Session s = full.session(principal, purpose);
      // the oracle sees everything in its own workspace
      Session oracle = filtered.session(Principal.of("o", TOKENS), purpose);
      assertEquals(oracle.count(null), s.count(null), "count");
      assertEquals(view(oracle.entities(null, 0, 1000)), view(s.entities(null, 0, 1000)), "list");
      assertEquals(view(oracle.entities("Person", 1, 2)), view(s.entities("Person", 1, 2)), "page");
      for (String prefix : List.of("iv", "am", "ma", "x y")) {
        assertEquals(oracle.suggest(prefix, 10), s.suggest(prefix, 10), "suggest " + prefix);
      }
      for (org.insight.search.Query q : queries) {
        assertEquals(view(oracle.search(q)), view(s.search(q)), "search " + q);
      }
      for (Entity e : all) {
        assertEquals(oracle.entity(e.id()).map(NoLeakProperties::statements), s.entity(e.id()).map(NoLeakProperties::statements),
            "entity " + e.id());
      }
      // many ids in one call, with ids that exist nowhere and repeats, in an order the index does not keep
      List<EntityId> asked = new ArrayList<>();
      for (Entity e : all) {
        asked.add(0, e.id());
        asked.add(EntityId.of("missing-" + e.id().value()));
      }
      asked.addAll(new ArrayList<>(asked.subList(0, Math.min(3, asked.size()))));
      assertEquals(oracle.entities(asked).stream().map(e -> e.id() + statements(e).toString()).toList(),
          s.entities(asked).stream().map(e -> e.id() + statements(e).toString()).toList(), "entities by ids");
    } finally {
      Directories.delete(a);
      Directories.delete(b);
    }
  }

  private static List<String> statements(Entity e) {
    return e.statements().stream().map(st -> st.id() + "=" + st.value() + "@" + st.label()).toList();
  }

  private static List<String> view(Page<Entity> page) {
    List<String> out = new ArrayList<>();
    out.add("total=" + page.total());
    page.items().forEach(e -> out.add(e.id() + statements(e).toString()));
    return out;
  }

  private static List<String> view(org.insight.search.SearchResult r) {
    List<String> out = new ArrayList<>();
    out.add("total=" + r.total() + " facets=" + new java.util.TreeMap<>(r.facets()));
    r.hits().forEach(h -> out.add(h.id() + String.format(" %.5f ", h.score())
        + h.entity().map(NoLeakProperties::statements).orElse(List.of())));
    return out;
  }

  @Provide
  Arbitrary<List<Rec>> records() {
    Arbitrary<Cell> cell = Combinators.combine(
        Arbitraries.of("name", "alias", "notes", "nationality"),
        Arbitraries.of("Ivan", "Amina", "Marco", "fr", "ru", "x y"),
        labels()).as((p, v, l) -> new Cell(p, p.equals("nationality") ? (v.length() == 2 ? v : "de") : v, l));
    Arbitrary<Rec> rec = Combinators.combine(Arbitraries.integers().between(1, 40), cell.list().ofMinSize(1).ofMaxSize(4).uniqueElements(c -> c.property() + "=" + c.value()))
        .as((i, cells) -> new Rec("r" + i, cells));
    return rec.list().ofMinSize(1).ofMaxSize(12).uniqueElements(Rec::id);
  }

  /** Random searches: words, names, properties and everything, combined, faceted, sorted and paged. */
  @Provide
  Arbitrary<List<org.insight.search.Query>> queries() {
    Arbitrary<org.insight.search.Query> leaf = Arbitraries.oneOf(
        Arbitraries.of("Ivan", "Amina", "Marco", "y", "nobody").map(org.insight.search.Query::text),
        Arbitraries.of("Ivan", "Amina El", "Marko", "Ivan Amina").map(org.insight.search.Query::name),
        Arbitraries.of("fr", "ru", "de").map(v -> org.insight.search.Query.property("nationality", v)),
        // the forms that expand over words (issue 14): wildcards, fuzzy words, phrases, fielded patterns
        Arbitraries.of("iv*", "ma?co", "amin~", "ivam~2", "\"x y\"", "name:mar*", "notes:ivan~", "alias:am*",
            "ivan OR mar*").map(org.insight.search.Query::parse),
        Arbitraries.just(org.insight.search.Query.all()));
    Arbitrary<org.insight.search.Query> combined = Combinators.combine(leaf, leaf, Arbitraries.integers().between(0, 3))
        .as((a, b, op) -> switch (op) {
          case 0 -> a;
          case 1 -> a.and(b);
          case 2 -> a.or(b);
          default -> a.not(b);
        });
    Arbitrary<org.insight.search.Query> shaped = Combinators.combine(combined,
        Arbitraries.of(org.insight.search.Query.Sort.values()),
        Arbitraries.integers().between(0, 3), Arbitraries.integers().between(1, 20),
        Arbitraries.of(org.insight.search.Query.Facet.class).set().ofMaxSize(3))
        .as((q, sort, offset, limit, facets) -> q.sort(sort).offset(offset).limit(limit)
            .facets(facets.toArray(org.insight.search.Query.Facet[]::new)));
    return shaped.list().ofMinSize(1).ofMaxSize(4);
  }

  @Provide
  Arbitrary<Set<String>> auths() {
    return Arbitraries.of(TOKENS).set().ofMaxSize(3);
  }

  @Provide
  Arbitrary<Purpose> purpose() {
    return Arbitraries.of(PURPOSES);
  }

  static Arbitrary<Label> labels() {
    Arbitrary<String> token = Arbitraries.of(TOKENS);
    Arbitrary<String> expr = Arbitraries.oneOf(
        token,
        Combinators.combine(token, token).as((x, y) -> x + "&" + y),
        Combinators.combine(token, token).as((x, y) -> x + "|" + y),
        Combinators.combine(token, token, token).as((x, y, z) -> x + "&(" + y + "|" + z + ")"));
    Arbitrary<List<Purpose>> purposes = Arbitraries.of(List.of(Purpose.ANY), List.of(Purpose.CRIMINAL_INVESTIGATION),
        List.of(Purpose.COUNTER_TERRORISM), List.of(Purpose.CRIMINAL_INVESTIGATION, Purpose.COUNTER_TERRORISM));
    Arbitrary<Integer> deleteAfterOffset = Arbitraries.integers().between(-3, 3).injectNull(0.5);
    return Combinators.combine(expr, purposes, deleteAfterOffset).as((e, p, d) -> {
      Label.Builder b = Label.builder(e).purposes(p);
      if (d != null) {
        b.deleteAfter(LocalDate.of(2026, 6, 1).plusDays(d));
      }
      return b.build();
    });
  }

}
