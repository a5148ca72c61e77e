package org.insight.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.insight.core.Dataset;
import org.insight.core.Entity;
import org.insight.core.EntityId;
import org.insight.graph.EdgeKind;
import org.insight.graph.GraphEdge;
import org.insight.policy.Label;
import org.insight.policy.Policy;
import org.insight.policy.Principal;
import org.insight.policy.Purpose;
import org.insight.policy.SourceGrading;

/**
 * Graph-pattern and trend-alarm standing queries over generated batches of people (sharing phones with the watched
 * person, or linked to it as associates) and dated events:
 * <ol>
 *   <li>a link query raises, over the batches, one alert for every edge touching its entity (of the kinds asked) in
 *       the owner's graph at the end — a re-run over everything finds nothing it missed;
 *   <li>nothing leaks: padded with what would make a link or an alarm if it were visible — the same phones and
 *       associate links to the watched person, and a spike of events in the watched category, under labels the owner
 *       lacks — the owner's link and alarm alerts (ids, items, labels, evidence) equal those of a workspace holding
 *       only what the owner may see.
 * </ol>
 */
class AlertPatternProperties {
  private static final Purpose CI = Purpose.CRIMINAL_INVESTIGATION;
  private static final List<String> LABELS = List.of("A", "B", "A&B", "A|C");
  private static final List<String> HIDDEN = List.of("SECRET", "Z", "SECRET&A");
  private static final List<String> PHONES = List.of("+33612345678", "+33698765432", "+4915112345678");
  private static final EntityId X = Dataset.of("people", Label.of("A|B|C"), SourceGrading.UNGRADED)
      .entity("Person", "x").add("name", "Watched Person").build().id();
  private static final LocalDate MONDAY = LocalDate.of(2026, 1, 5);

  /** A person (with a phone, or an associate link to X), or an event of a country on a week. */
  record Item(String kind, String id, String value, int week, String label) {}

  @Property(tries = 10)
  void linkAndAlarmAlertsAreCompleteAndLeakNothing(@ForAll("batches") List<List<Item>> batches,
      @ForAll("auths") Set<String> auths) throws IOException {
    Principal owner = Principal.of("owner", auths);
    Predicate<String> visible = l -> Policy.standard().decide(owner, CI, Label.of(l), Fixtures.FIXED.instant())
        .allowed();
    Label queryLabel = Label.of(auths.iterator().next());
    Path a = Files.createTempDirectory("pattern-all");
    Path b = Files.createTempDirectory("pattern-visible");
    try (Workspace full = Workspace.builder(a).clock(Fixtures.FIXED).open();
         Workspace filtered = Workspace.builder(b).clock(Fixtures.FIXED).open()) {
      Set<EdgeKind> kinds = Set.of(EdgeKind.LINK, EdgeKind.SHARED_IDENTIFIER);
      for (Workspace ws : List.of(full, filtered)) {
        ws.session(Fixtures.loader("w"), CI).add(Dataset.of("people", Label.of("A|B|C"), SourceGrading.UNGRADED)
            .entity("Person", "x").add("name", "Watched Person").add("phone", PHONES.get(0)).build());
        Session s = ws.session(owner, CI);
        s.alerts().saveLink(X, kinds, "watch x", queryLabel);
        s.alerts().saveTrend(TrendSource.of("Event", "country"), "fr", "watch fr", queryLabel);
      }
      full.session(Principal.of("other", "SECRET", "Z", "A"), CI).alerts().saveLink(X, Set.of(), "other's",
          Label.of("SECRET"));
      int n = 0;
      for (List<Item> batch : batches) {
        List<Item> padding = padding(batch, n++);
        write(full, "w", batch, i -> true);
        write(full, "pad", padding, i -> true);
        write(filtered, "w", batch, i -> visible.test(i.label()));
        write(filtered, "pad", padding, i -> visible.test(i.label()));
      }
      Session ownerFull = full.session(owner, CI);
      List<Alert> alerts = ownerFull.alerts().list(null);

      // law 1: every edge touching X in the owner's final graph was alerted (and nothing else)
      Set<String> edges = new TreeSet<>();
      for (GraphEdge e : ownerFull.graph(GraphOptions.defaults()).edges()) {
        if ((e.source().equals(X) || e.target().equals(X)) && kinds.contains(e.kind())) {
          edges.add(e.other(X).value() + " " + e.kind());
        }
      }
      Set<String> linked = new TreeSet<>();
      for (Alert x : alerts) {
        if (x.kind() == Alert.Kind.LINK) {
          linked.add(x.itemId() + " " + kindOf(ownerFull, x));
        }
      }
      assertEquals(edges, linked);

      // law 2: the padded workspace raises for the owner exactly what the visible-only one raises
      assertEquals(view(filtered.session(owner, CI).alerts().list(null)), view(alerts));
    } finally {
      ScanNoLeakProperties.delete(a);
      ScanNoLeakProperties.delete(b);
    }
  }

  /** The kind of the edge behind a link alert, from the owner's graph now. */
  private static String kindOf(Session s, Alert x) {
    for (GraphEdge e : s.graph(GraphOptions.defaults()).edgesBetween(X, EntityId.of(x.itemId()))) {
      if (Alert.idFor(x.queryId(), e.source() + "\u0000" + e.target() + "\u0000" + e.kind() + "\u0000" + e.type()
          + "\u0000" + e.value()).equals(x.id())) {
        return e.kind().name();
      }
    }
    return "?";
  }

  private static Set<String> view(List<Alert> alerts) {
    return alerts.stream().map(x -> x.id() + " " + x.itemId() + " " + x.kind() + " " + x.label() + " "
        + x.documentIds() + " " + x.statementIds()).collect(Collectors.toCollection(TreeSet::new));
  }

  /**
   * What would move the alerts if it leaked: the same items under labels the owner lacks (same ids: invisible phones
   * and links on the same people), and a spike of hidden events in the watched category in the latest week.
   */
  private static List<Item> padding(List<Item> batch, int n) {
    List<Item> out = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      Item it = batch.get(i);
      out.add(new Item(it.kind(), it.id(), it.value(), it.week(), HIDDEN.get(i % HIDDEN.size())));
      out.add(new Item("phone", "pad-" + n + "-" + i, PHONES.get(0), 0, HIDDEN.get((i + 1) % HIDDEN.size())));
    }
    for (int i = 0; i < 12; i++) {
      out.add(new Item("event", "spike-" + n + "-" + i, "fr", 20, HIDDEN.get(i % HIDDEN.size())));
    }
    return out;
  }

  private static void write(Workspace ws, String writer, List<Item> items, Predicate<Item> keep) {
    Session s = ws.session(Fixtures.loader(writer), CI);
    List<Entity> entities = new ArrayList<>();
    for (Item i : items) {
      if (!keep.test(i)) {
        continue;
      }
      // one dataset per kind whoever writes: padding lands on the same entity ids as the visible items
      Dataset ds = Dataset.of("ds-" + i.kind(), Label.of(i.label()), SourceGrading.UNGRADED);
      switch (i.kind()) {
        case "phone" -> entities.add(ds.entity("Person", i.id()).add("name", "Person " + i.id())
            .add("phone", i.value()).build());
        case "associate" -> {
          Entity p = ds.entity("Person", i.id()).add("name", "Person " + i.id()).build();
          entities.add(p);
          entities.add(ds.entity("Associate", "link-" + i.id()).add("person", X.value())
              .add("associate", p.id().value()).build());
        }
        default -> entities.add(ds.entity("Event", i.id()).add("date", MONDAY.plusWeeks(i.week()).toString())
            .add("country", i.value()).build());
      }
    }
    if (!entities.isEmpty()) {
      s.add(entities);
    }
  }

  @Provide
  Arbitrary<List<List<Item>>> batches() {
    Arbitrary<Item> person = Combinators.combine(Arbitraries.of("phone", "associate"), Arbitraries.integers()
        .between(0, 5), Arbitraries.of(PHONES), Arbitraries.of(LABELS))
        .as((k, id, phone, l) -> new Item(k, "r" + id, phone, 0, l));
    Arbitrary<Item> event = Combinators.combine(Arbitraries.integers().between(0, 40), Arbitraries.of("fr", "de"),
        Arbitraries.integers().between(0, 20), Arbitraries.of(LABELS))
        .as((id, c, w, l) -> new Item("event", "e" + id, c, w, l));
    return Arbitraries.oneOf(person, event, event).list().ofMinSize(1).ofMaxSize(12).list().ofMinSize(1)
        .ofMaxSize(3);
  }

  @Provide
  Arbitrary<Set<String>> auths() {
    return Arbitraries.of("A", "B", "C").set().ofMinSize(1).ofMaxSize(3);
  }
}
