package org.insight.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.insight.core.ContentHash;
import org.insight.core.Dataset;
import org.insight.core.Document;
import org.insight.core.Entity;
import org.insight.core.EntityBuilder;
import org.insight.core.EntityId;
import org.insight.core.Mention;
import org.insight.core.PropertyType;
import org.insight.core.Provenance;
import org.insight.graph.LinkMeasure;
import org.insight.graph.Network;
import org.insight.policy.Label;
import org.insight.policy.Policy;
import org.insight.policy.Principal;
import org.insight.policy.Purpose;
import org.insight.policy.SourceGrading;
import org.insight.test.Directories;

/**
 * Rule 2 for the graph: a session's graph — its nodes, edges, label, notes and every answer (components, communities,
 * brokers, betweenness, PageRank, closeness, harmonic, eigenvector, label propagation, link prediction, time windows
 * and changes since a date, paths) — equals the graph of a workspace holding only the session's visible data. The full
 * workspace is padded to move the answers if anything invisible leaked: invisible persons holding the same phones and
 * passports as visible ones (hidden shared identifiers), invisible values on visible persons equal to other visible
 * persons' values, invisible links bridging the visible persons, invisible persons with the same names, invisible
 * "same" judgements (which would collapse nodes), invisible earlier dates on visible links (which would move windows
 * and "since"), invisible documents mentioning visible persons together, and for co-location edges invisible events
 * at the same place and time involving visible persons and invisible participants, points and times on the visible
 * events' own ids.
 */
class GraphNoLeakProperties implements Clearances {
  private static final Purpose CI = Purpose.CRIMINAL_INVESTIGATION;
  private static final List<Label> LABELS = List.of(Label.of("A"), Label.of("B"), Label.of("A&B"), Label.of("A|C"),
      Label.of("C"));
  private static final Label NEVER = Label.of("Z");
  private static final Principal WRITER = Principal.of("w", Set.of("A", "B", "C", "Z"));

  /** A person's values: phone and passport from small pools so they collide, each with its own label. */
  record Person(String name, int phone, int passport, int nameLabel, int phoneLabel, int passportLabel) {}

  /** A link, judgement or co-mention between two persons under a label. */
  record Pair(int a, int b, int label) {}

  /** A meeting: an Event involving two persons at one place, {@code label} on its cells, at minute {@code minute}. */
  record Meeting(int a, int b, int label, int timeLabel, int minute) {}

  record World(List<Person> persons, List<Pair> links, List<Pair> judgements, List<Pair> mentions,
      List<Meeting> meetings) {}

  private static final String PLACE = "48.8566,2.3522";
  private static final java.time.Instant T0 = java.time.Instant.parse("2026-03-01T10:00:00Z");

  @Property(tries = 20)
  void aSessionsGraphIsTheGraphOfItsVisibleData(@ForAll("worlds") World world,
      @ForAll("auths") Set<String> auths, @ForAll boolean collapse) throws IOException {
    Principal reader = Principal.of("reader", auths);
    Predicate<Label> visible = l -> Policy.standard().decide(reader, CI, l, Fixtures.FIXED.instant()).allowed();
    Path a = Files.createTempDirectory("graph-all");
    Path b = Files.createTempDirectory("graph-visible");
    try (Workspace full = Workspace.builder(a).clock(Fixtures.FIXED).open();
         Workspace filtered = Workspace.builder(b).clock(Fixtures.FIXED).open()) {
      write(full, world, l -> true);
      pad(full, world);
      write(filtered, world, visible);
      GraphOptions options = GraphOptions.defaults().withCollapseSameAs(collapse).withMaxGroup(4)
          .withCoLocation(500, java.time.Duration.ofMinutes(30));
      Session s = full.session(reader, CI);
      long before = full.audit.size();
      Network got = s.graph(options);
      assertEquals(before + 1, full.audit.size(), "one audit entry per graph");
      Network expected = filtered.session(Principal.of("oracle", NoLeakProperties.TOKENS), CI).graph(options);
      assertSame(expected, got);
      assertSame(expected, s.graph(options)); // again, from the cache
    } finally {
      Directories.delete(a);
      Directories.delete(b);
    }
  }

  private static void assertSame(Network expected, Network got) {
    assertEquals(expected.nodes(), got.nodes(), "nodes");
    assertEquals(expected.edges(), got.edges(), "edges");
    assertEquals(expected.label(), got.label(), "label");
    assertEquals(expected.notes(), got.notes(), "notes");
    assertEquals(expected.components(), got.components(), "components");
    assertEquals(expected.communities(), got.communities(), "communities");
    assertEquals(expected.leiden(5L), got.leiden(5L), "leiden");
    assertEquals(expected.louvain(), got.louvain(), "louvain");
    assertEquals(expected.brokers(), got.brokers(), "brokers");
    assertEquals(expected.betweenness().all(), got.betweenness().all(), "betweenness");
    assertEquals(expected.betweenness(3).all(), got.betweenness(3).all(), "betweenness on 3 threads");
    if (!expected.nodes().isEmpty()) {
      int pivots = Math.max(1, expected.nodes().size() / 2);
      assertEquals(expected.betweenness(pivots, 9L, 2).all(), got.betweenness(pivots, 9L, 2).all(),
          "sampled betweenness on 2 threads");
    }
    assertEquals(expected.pageRank().all(), got.pageRank().all(), "pagerank");
    assertEquals(expected.closeness().all(), got.closeness().all(), "closeness");
    assertEquals(expected.harmonic().all(), got.harmonic().all(), "harmonic");
    assertEquals(expected.eigenvector().all(), got.eigenvector().all(), "eigenvector");
    assertEquals(expected.labelPropagation(7), got.labelPropagation(7), "label propagation");
    for (LinkMeasure by : LinkMeasure.values()) {
      assertEquals(expected.predictLinks(by, 10), got.predictLinks(by, 10), "link prediction " + by);
    }
    Network expectedWindow = expected.window("2012", "2016-06");
    Network gotWindow = got.window("2012", "2016-06");
    assertEquals(expectedWindow.edges(), gotWindow.edges(), "window edges");
    assertEquals(expectedWindow.notes(), gotWindow.notes(), "window notes (undated edges counted)");
    assertEquals(expectedWindow.label(), gotWindow.label(), "window label");
    assertEquals(expected.since("2015"), got.since("2015"), "new edges and bridges since a date");
    if (expected.nodes().size() >= 2) {
      EntityId x = expected.nodes().get(0).id();
      EntityId y = expected.nodes().get(expected.nodes().size() - 1).id();
      assertEquals(expected.paths(x, y, 3, 6), got.paths(x, y, 3, 6), "paths");
      assertEquals(expected.cheapestPaths(x, y, 3, e -> 1.0 / e.count()), got.cheapestPaths(x, y, 3,
          e -> 1.0 / e.count()), "k cheapest paths");
    }
  }

  private static final Dataset DS = Dataset.of("ds", Label.of("A"), SourceGrading.UNGRADED);
  /** Padding comes from another source: the same value on the same entity is another statement, not a rewrite. */
  private static final Dataset PAD = Dataset.of("pad", Label.of("A"), SourceGrading.UNGRADED);

  private static String person(int i) {
    return "p" + i;
  }

  /** Writes the world's cells whose label passes {@code keep}. */
  private static void write(Workspace ws, World w, Predicate<Label> keep) {
    Map<String, EntityBuilder> out = new LinkedHashMap<>();
    for (int i = 0; i < w.persons().size(); i++) {
      Person p = w.persons().get(i);
      String id = person(i);
      cell(out, "Person", id, "name", p.name(), LABELS.get(p.nameLabel()), keep);
      cell(out, "Person", id, "phone", "+3361234560" + p.phone(), LABELS.get(p.phoneLabel()), keep);
      cell(out, "Person", id, "passportNumber", "X" + p.passport() + "123", LABELS.get(p.passportLabel()), keep);
    }
    for (Pair l : w.links()) {
      String id = "as-" + l.a() + "-" + l.b() + "-" + l.label();
      cell(out, "Associate", id, "person", person(l.a()), LABELS.get(l.label()), keep);
      cell(out, "Associate", id, "associate", person(l.b()), LABELS.get(l.label()), keep);
      if ((l.a() + l.b()) % 3 != 0) { // the others stay undated
        cell(out, "Associate", id, "startDate", linkDate(l), LABELS.get(l.label()), keep);
      }
    }
    for (Pair j : w.judgements()) {
      if (j.a() == j.b()) {
        continue;
      }
      String id = "jd-" + j.a() + "-" + j.b() + "-" + j.label();
      cell(out, "SameAs", id, "entity", person(j.a()), LABELS.get(j.label()), keep);
      cell(out, "SameAs", id, "match", person(j.b()), LABELS.get(j.label()), keep);
      cell(out, "SameAs", id, "judgement", "same", LABELS.get(j.label()), keep);
    }
    for (int k = 0; k < w.meetings().size(); k++) {
      Meeting m = w.meetings().get(k);
      String id = "ev-" + k;
      cell(out, "Event", id, "point", PLACE, LABELS.get(m.label()), keep);
      cell(out, "Event", id, "startTime", T0.plusSeconds(60L * m.minute()).toString(), LABELS.get(m.timeLabel()), keep);
      cell(out, "Event", id, "involved", person(m.a()), LABELS.get(m.label()), keep);
      if (m.b() != m.a()) {
        cell(out, "Event", id, "involved", person(m.b()), LABELS.get(m.timeLabel()), keep);
      }
    }
    Session s = ws.session(WRITER, CI);
    if (!out.isEmpty()) {
      s.add(out.values().stream().map(EntityBuilder::build).toList());
    }
    for (int doc = 0; doc < w.mentions().size(); doc++) {
      Pair m = w.mentions().get(doc);
      Label l = LABELS.get(m.label());
      if (keep.test(l)) {
        mention(s, "document " + doc, l, person(m.a()), person(m.b()));
      }
    }
  }

  /** A date from 2010 to 2019 that windows and "since" split differently across links. */
  private static String linkDate(Pair l) {
    return String.format(java.util.Locale.ROOT, "%d-%02d", 2010 + (l.a() * 3 + l.b()) % 10, 1 + l.label() % 12);
  }

  private static void cell(Map<String, EntityBuilder> out, String type, String id, String property, String value,
      Label label, Predicate<Label> keep) {
    cell(DS, out, type, id, property, value, label, keep);
  }

  private static void cell(Dataset ds, Map<String, EntityBuilder> out, String type, String id, String property,
      String value, Label label, Predicate<Label> keep) {
    if (keep.test(label)) {
      out.computeIfAbsent(type + "/" + id, k -> ds.entity(type, id).id(EntityId.of(id))).add(property, value, label);
    }
  }

  private static void mention(Session s, String text, Label label, String... persons) {
    ContentHash hash = s.storeEvidence(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    Document d = new Document(null, hash, "t", text, "", Map.of(), null, null, label,
        Provenance.of("ds", text, "text:plain", SourceGrading.UNGRADED).withContentHash(hash));
    s.add(d);
    List<Mention> mentions = new ArrayList<>();
    int at = 0;
    for (String p : persons) {
      mentions.add(new Mention(d.id(), at, at + 1, "x", PropertyType.NAME, p, Optional.of(EntityId.of(p)), 1.0, label,
          Provenance.of("ds", text, "spot:test", SourceGrading.UNGRADED)));
      at++;
    }
    s.addMentions(mentions);
  }

  /** Invisible data built to move the graph if it leaked. */
  private static void pad(Workspace ws, World w) {
    Map<String, EntityBuilder> out = new LinkedHashMap<>();
    Predicate<Label> all = l -> true;
    int n = w.persons().size();
    for (int i = 0; i < n; i++) {
      Person p = w.persons().get(i);
      // an invisible twin: same name, same phone, same passport
      String twin = "pad-" + i;
      cell(PAD, out, "Person", twin, "name", p.name(), NEVER, all);
      cell(PAD, out, "Person", twin, "phone", "+3361234560" + p.phone(), NEVER, all);
      cell(PAD, out, "Person", twin, "passportNumber", "X" + p.passport() + "123", NEVER, all);
      // an invisible value on the visible person equal to the next person's phone
      Person next = w.persons().get((i + 1) % n);
      cell(PAD, out, "Person", person(i), "phone", "+3361234560" + next.phone(), NEVER, all);
      cell(PAD, out, "Person", person(i), "notes", "hub", NEVER, all);
      // invisible links and judgements bridging persons
      String link = "pad-as-" + i;
      cell(PAD, out, "Associate", link, "person", person(i), NEVER, all);
      cell(PAD, out, "Associate", link, "associate", person((i * 7 + 3) % n), NEVER, all);
      if (n > 1) {
        String judgement = "pad-jd-" + i;
        cell(PAD, out, "SameAs", judgement, "entity", person(i), NEVER, all);
        cell(PAD, out, "SameAs", judgement, "match", person((i + 1) % n == i ? 0 : (i + 1) % n), NEVER, all);
        cell(PAD, out, "SameAs", judgement, "judgement", "same", NEVER, all);
      }
    }
    // invisible dates on visible links: an earlier start would move windows and "since" if it leaked
    for (Pair l : w.links()) {
      cell(PAD, out, "Associate", "as-" + l.a() + "-" + l.b() + "-" + l.label(), "startDate", "1990-01-01", NEVER, all);
    }
    for (int i = 0; i < n; i++) {
      // an invisible event at the same place and time as every meeting, involving visible persons
      String ev = "pad-ev-" + i;
      cell(PAD, out, "Event", ev, "point", PLACE, NEVER, all);
      cell(PAD, out, "Event", ev, "startTime", T0.toString(), NEVER, all);
      cell(PAD, out, "Event", ev, "involved", person(i), NEVER, all);
      if ((i + 3) % n != i) {
        cell(PAD, out, "Event", ev, "involved", person((i + 3) % n), NEVER, all);
      }
    }
    for (int k = 0; k < w.meetings().size(); k++) {
      // invisible participants, point and time on the visible events' own ids
      cell(PAD, out, "Event", "ev-" + k, "involved", person((k + 1) % n), NEVER, all);
      cell(PAD, out, "Event", "ev-" + k, "point", PLACE, NEVER, all);
      cell(PAD, out, "Event", "ev-" + k, "startTime", T0.toString(), NEVER, all);
    }
    Session s = ws.session(WRITER, CI);
    s.add(out.values().stream().map(EntityBuilder::build).toList());
    if (n >= 2) {
      mention(s, "invisible document", NEVER, person(0), person(n - 1), "pad-0");
    }
  }

  @Provide
  Arbitrary<World> worlds() {
    Arbitrary<Integer> label = Arbitraries.integers().between(0, LABELS.size() - 1);
    Arbitrary<Person> person = Combinators.combine(Arbitraries.of("Ivan Petrov", "Anna Berg", "Li Wei", "Omar Said"),
        Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 3), label, label, label)
        .as(Person::new);
    return Arbitraries.integers().between(2, 9).flatMap(n -> {
      Arbitrary<Pair> pair = Combinators.combine(Arbitraries.integers().between(0, n - 1),
          Arbitraries.integers().between(0, n - 1), label).as(Pair::new);
      Arbitrary<Meeting> meeting = Combinators.combine(Arbitraries.integers().between(0, n - 1),
          Arbitraries.integers().between(0, n - 1), label, label, Arbitraries.integers().between(0, 90))
          .as(Meeting::new);
      return Combinators.combine(person.list().ofSize(n), pair.list().ofMaxSize(2 * n), pair.list().ofMaxSize(2),
          pair.list().ofMaxSize(3), meeting.list().ofMaxSize(4)).as(World::new);
    });
  }
}
