package org.insight.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.insight.policy.Label;
import org.insight.policy.Policy;
import org.insight.policy.Principal;
import org.insight.workspace.Workspace;

/**
 * Rule 2 for products: a product made for a session — its HTML, every table and figure, its banner's label — equals
 * the product made from a workspace holding only the session's visible data (modulo the time and the audit id), and
 * never holds the canary planted in invisible statements, documents, links and events around the subject (same
 * entity ids, same names in the invisible documents, an invisible partner sharing the subject's phone, an invisible
 * earlier birth date, an invisible event at the subject's places).
 */
class ReportNoLeakProperties {

  @Property(tries = 12)
  void aProductHoldsOnlyWhatItsSessionMaySee(@ForAll("worlds") World world, @ForAll("auths") Set<String> auths)
      throws IOException {
    Principal reader = Principal.of("reader", auths);
    Predicate<Label> visible = l -> Policy.standard().decide(reader, World.CI, l, World.CLOCK.instant()).allowed();
    Path a = Files.createTempDirectory("report-all");
    Path b = Files.createTempDirectory("report-visible");
    try (Workspace full = World.open(a); Workspace filtered = World.open(b)) {
      world.write(full, l -> true);
      world.pad(full);
      world.write(filtered, visible);
      Reports got = Reports.of(full.session(reader, World.CI), World.CLOCK);
      Reports expected = Reports.of(filtered.session(Principal.of("reader", List.of("A", "B", "C")), World.CI),
          World.CLOCK);
      same(expected, got, r -> r.profile(World.SUBJECT));
      same(expected, got, r -> r.network(World.SUBJECT, 2));
      same(expected, got, Reports::network);
      same(expected, got, r -> r.map(500, 2_000));
    } finally {
      World.delete(a);
      World.delete(b);
    }
  }

  private static void same(Reports expected, Reports got, Function<Reports, Product> make) {
    Product want;
    try {
      want = make.apply(expected);
    } catch (ReportException e) {
      ReportException refused = assertThrows(ReportException.class, () -> make.apply(got));
      assertEquals(e.getMessage(), refused.getMessage());
      return;
    }
    Product p = make.apply(got);
    String html = HtmlProduct.html(p);
    assertFalse(html.contains(World.CANARY), "the canary leaked into the product");
    assertFalse(html.contains("pad-1") || html.contains("1901-01-01"), "invisible data leaked into the product");
    assertEquals(HtmlProduct.html(normalised(want)), HtmlProduct.html(normalised(p)));
    assertEquals(want.banner().label(), p.banner().label());
  }

  /** The product with the parts that differ by design (audit id, principal's name) fixed. */
  private static Product normalised(Product p) {
    Banner b = p.banner();
    return new Product(p.title(), p.kind(), new Banner(b.label(), b.caveats(), b.purpose(), "x", Instant.EPOCH, "0"),
        p.sections());
  }

  @Provide
  Arbitrary<World> worlds() {
    Arbitrary<Integer> label = Arbitraries.integers().between(0, World.LABELS.size() - 1);
    return Arbitraries.integers().between(2, 6).flatMap(n -> {
      Arbitrary<int[]> link = Combinators.combine(Arbitraries.integers().between(0, n - 1),
          Arbitraries.integers().between(0, n - 1)).as((x, y) -> new int[] {x, y});
      return Combinators.combine(Arbitraries.of("Ivan Petrov", "Anna Berg", "Li Wei", "Omar Said").list().ofSize(n),
          link.list().ofMinSize(1).ofMaxSize(2 * n), label.list().ofMinSize(1).ofMaxSize(40),
          label.list().ofMaxSize(3)).as(World::new);
    });
  }

  @Provide
  Arbitrary<Set<String>> auths() {
    return Arbitraries.of("A", "B", "C").set().ofMaxSize(3);
  }
}
