package org.insight.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.insight.core.Dataset;
import org.insight.core.Entity;
import org.insight.core.EntityBuilder;
import org.insight.core.EntityId;
import org.insight.core.Mention;
import org.insight.core.PropertyType;
import org.insight.core.Provenance;
import org.insight.core.Statement;
import org.insight.policy.Label;
import org.insight.policy.SourceGrading;

/**
 * The columnar {@link NetworkBuilder} equals the builder it replaced ({@link ReferenceNetworkBuilder}) on mixed
 * random inputs: nodes of several types added twice from other sources, every link type with amounts, durations and
 * dates, same-as judgements, references, shared identifiers (some over {@code maxGroup}), links to missing ends,
 * co-mentions, co-locations, several labels, with and without collapsing same-as clusters. Same nodes, same edges in
 * the same order with the same evidence and labels, same notes, same label.
 */
class NetworkBuilderProperties {
  private static final List<Dataset> SOURCES = List.of(
      Dataset.of("a", Label.of("A"), SourceGrading.UNGRADED),
      Dataset.of("b", Label.of("B"), SourceGrading.UNGRADED),
      Dataset.of("c", Label.of("A").and(Label.of("C")), SourceGrading.UNGRADED));
  private static final List<String> IBANS = List.of("DE89370400440532013000", "GB82WEST12345698765432",
      "FR1420041010050500013M02606");
  private static final List<String> NODE_TYPES = List.of("Person", "Company", "Phone", "BankAccount");
  private static final List<String[]> LINKS = List.of(new String[] {"Associate", "person", "associate"},
      new String[] {"Call", "caller", "callee"}, new String[] {"Transfer", "payer", "beneficiary"},
      new String[] {"SameAs", "entity", "match"}, new String[] {"Ownership", "owner", "asset"},
      new String[] {"Flag", "subject", "entry"});

  /** A random input: entities (some nodes given twice, some links given twice), mentions and co-locations. */
  private record CoLocation(EntityId a, EntityId b, List<String> times, List<Statement> evidence) {}

  private record Input(List<Entity> entities, List<Mention> mentions, List<CoLocation> coLocations) {
    void feed(NetworkBuilder b) {
      b.addAll(entities).addMentions(mentions);
      coLocations(b);
    }

    void coLocations(NetworkBuilder b) {
      coLocations.forEach(c -> b.addCoLocation(c.a(), c.b(), c.times(), c.evidence()));
    }

    /** Each id's entity whole (every statement given for it), as a scan hands it out: a link given twice is one. */
    List<Entity> byId() {
      java.util.Map<EntityId, List<Statement>> all = new java.util.LinkedHashMap<>();
      for (Entity e : entities) {
        List<Statement> list = all.computeIfAbsent(e.id(), k -> new ArrayList<>());
        for (Statement s : e.statements()) {
          if (!list.contains(s)) {
            list.add(s);
          }
        }
      }
      List<Entity> out = new ArrayList<>();
      all.forEach((id, statements) -> out.add(Entity.of(id, statements, Graphs.SCHEMA)));
      return out;
    }
  }

  private static Input input(long seed, int n) {
    java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
    List<Entity> entities = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int copies = r.nextInt(10) == 0 ? 2 : 1; // a node now and then from two sources: merged
      for (int c = 0; c < copies; c++) {
        Dataset ds = SOURCES.get(r.nextInt(SOURCES.size()));
        String type = NODE_TYPES.get(i % NODE_TYPES.size());
        EntityBuilder b = ds.entity(type, "n" + i + "-" + c).id(id(i));
        if (type.equals("Person") || type.equals("Company") || r.nextBoolean()) {
          b.add(type.equals("Phone") ? "number" : type.equals("BankAccount") ? "iban" : "name",
              type.equals("Phone") ? "+4930123456" + r.nextInt(5) : type.equals("BankAccount")
              ? IBANS.get(r.nextInt(IBANS.size())) : "N" + r.nextInt(5));
        }
        if (type.equals("Person") || type.equals("Company")) {
          if (r.nextInt(4) == 0) {
            b.add("name", "M" + r.nextInt(5), SOURCES.get(r.nextInt(SOURCES.size())).label()); // another label
          }
          for (int k = r.nextInt(3); k > 0; k--) {
            b.add("phone", "+3361234567" + r.nextInt(4));
          }
          if (r.nextInt(3) == 0) {
            b.add("email", "x" + r.nextInt(3) + "@example.org");
          }
        } else {
          b.add(type.equals("Phone") ? "owner" : "holder", id(r.nextInt(n + 2)).value()); // n, n+1: not nodes
        }
        entities.add(b.build());
      }
    }
    int links = r.nextInt(3 * n + 1);
    for (int i = 0; i < links; i++) {
      String[] link = LINKS.get(r.nextInt(LINKS.size()));
      Dataset ds = SOURCES.get(r.nextInt(SOURCES.size()));
      EntityBuilder b = ds.entity(link[0], "l" + i).id(EntityId.of("l" + i))
          .add(link[1], id(r.nextInt(n + 1)).value()).add(link[2], id(r.nextInt(n + 1)).value());
      if (link[0].equals("Call") && r.nextBoolean()) {
        b.add("duration", Integer.toString(r.nextInt(100))).add("startDate", "2024-0" + (1 + r.nextInt(9)) + "-01");
      }
      if (link[0].equals("Transfer")) {
        b.add("amount", Integer.toString(r.nextInt(1000)));
        if (r.nextBoolean()) {
          b.add("amount", Integer.toString(r.nextInt(1000))); // two amounts: their sum
        }
        b.add("date", "2023-1" + r.nextInt(3));
      }
      if (link[0].equals("SameAs") && r.nextBoolean()) {
        b.add("judgement", r.nextBoolean() ? "same" : "different");
      }
      entities.add(b.build());
      if (r.nextInt(8) == 0) {
        entities.add(b.build()); // the same link given twice
      }
    }
    List<Mention> mentions = new ArrayList<>();
    for (int i = r.nextInt(2 * n + 1); i > 0; i--) {
      Label label = SOURCES.get(r.nextInt(SOURCES.size())).label();
      mentions.add(new Mention("doc" + r.nextInt(4), i, i + 1, "x", PropertyType.NAME, "x",
          r.nextInt(6) == 0 ? Optional.empty() : Optional.of(id(r.nextInt(n + 1))), 1.0, label,
          Provenance.of("docs", "d" + i, "test", SourceGrading.UNGRADED)));
    }
    List<CoLocation> coLocations = new ArrayList<>();
    for (int i = r.nextInt(4); i > 0; i--) {
      EntityId a = id(r.nextInt(n + 1));
      EntityId b = id(r.nextInt(n + 1));
      List<String> times = List.of("2024-05-0" + (1 + r.nextInt(9)) + "T10:00:00Z");
      List<Statement> evidence = entities.get(r.nextInt(entities.size())).statements();
      coLocations.add(new CoLocation(a, b, times, evidence));
    }
    return new Input(entities, mentions, coLocations);
  }

  @Property(tries = 300)
  void theColumnarBuilderEqualsTheOneItReplaced(@ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int n,
      @ForAll boolean collapse, @ForAll @IntRange(min = 2, max = 6) int maxGroup) {
    Input in = input(seed, n);
    NetworkBuilder ours = Network.builder(Graphs.SCHEMA).maxGroup(maxGroup).collapseSameAs(collapse);
    ReferenceNetworkBuilder reference = new ReferenceNetworkBuilder(Graphs.SCHEMA).maxGroup(maxGroup)
        .collapseSameAs(collapse);
    in.feed(ours);
    reference.addAll(in.entities()).addMentions(in.mentions());
    in.coLocations().forEach(c -> reference.addCoLocation(c.a(), c.b(), c.times(), c.evidence()));
    Network expected = reference.build();
    Network actual = ours.build();
    assertEquals(expected.nodes(), actual.nodes());
    assertEquals(expected.edges(), actual.edges());
    assertEquals(expected.notes(), actual.notes());
    assertEquals(expected.label(), actual.label());
  }

  /**
   * A hub: one node the source of more links than a short run's insertion sort takes (the links' edges are made by
   * sorting the links by source, then each source's run by target and type), of every type, to few targets so many
   * merge into one edge, in random order and some to its own smaller-id neighbours (undirected same-as links swap
   * their ends); with the random input around it, against the builder it replaced.
   */
  @Property(tries = 60)
  void aHubsManyLinksEqualTheOneItReplaced(@ForAll long seed, @ForAll @IntRange(min = 2, max = 12) int n,
      @ForAll @IntRange(min = 33, max = 150) int hubLinks, @ForAll boolean collapse) {
    Input base = input(seed, n);
    List<Entity> entities = new ArrayList<>(base.entities());
    java.util.SplittableRandom r = new java.util.SplittableRandom(seed ^ 0x5DEECE66DL);
    int hub = n / 2;
    for (int i = 0; i < hubLinks; i++) {
      String[] link = LINKS.get(r.nextInt(LINKS.size()));
      Dataset ds = SOURCES.get(r.nextInt(SOURCES.size()));
      boolean reversed = r.nextInt(4) == 0;
      String other = id(r.nextInt(n + 1)).value();
      EntityBuilder b = ds.entity(link[0], "h" + i).id(EntityId.of("h" + i))
          .add(link[1], reversed ? other : id(hub).value()).add(link[2], reversed ? id(hub).value() : other);
      if (link[0].equals("Transfer")) {
        b.add("amount", Integer.toString(r.nextInt(1000))).add("date", "2023-1" + r.nextInt(3));
      }
      entities.add(r.nextInt(3) == 0 ? 0 : entities.size(), b.build());
    }
    Input in = new Input(entities, base.mentions(), base.coLocations());
    NetworkBuilder ours = Network.builder(Graphs.SCHEMA).collapseSameAs(collapse);
    ReferenceNetworkBuilder reference = new ReferenceNetworkBuilder(Graphs.SCHEMA).collapseSameAs(collapse);
    in.feed(ours);
    reference.addAll(in.entities()).addMentions(in.mentions());
    in.coLocations().forEach(c -> reference.addCoLocation(c.a(), c.b(), c.times(), c.evidence()));
    assertSameNetwork(reference.build(), ours.build());
  }

  /**
   * The statement feed (a scan's statements, in any order, no entities assembled) equals the entity feed of the same
   * entities: every statement of every entity, shuffled or grouped by entity as a scan gives them, against each
   * entity given whole. Some link ids also carry a node type's statement (an entity of mixed types: the builder keeps
   * node and link ids in two maps, and such an id must still be one entity, typed as {@link Entity#of} types it).
   */
  @Property(tries = 200)
  void statementsInAnyOrderEqualTheirEntities(@ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int n,
      @ForAll boolean collapse, @ForAll @IntRange(min = 2, max = 6) int maxGroup, @ForAll boolean shuffled) {
    Input in = input(seed, n);
    java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
    List<Entity> whole = new ArrayList<>();
    for (Entity e : in.byId()) {
      if (Graphs.SCHEMA.type(e.schema()).isEdge() && r.nextInt(6) == 0) {
        List<Statement> mixed = new ArrayList<>(e.statements());
        Statement name = SOURCES.get(0).entity("Person", "x").id(e.id()).add("name", "Mixed").build().statements()
            .get(0);
        mixed.add(r.nextBoolean() ? 0 : mixed.size(), name); // the node type's statement first or last
        e = Entity.of(e.id(), mixed, Graphs.SCHEMA);
      }
      whole.add(e);
    }
    List<Statement> statements = new ArrayList<>();
    whole.forEach(e -> statements.addAll(e.statements()));
    if (shuffled) {
      java.util.Collections.shuffle(statements, new java.util.Random(seed));
    }
    NetworkBuilder byEntity = Network.builder(Graphs.SCHEMA).maxGroup(maxGroup).collapseSameAs(collapse)
        .addAll(whole).addMentions(in.mentions());
    NetworkBuilder byStatement = Network.builder(Graphs.SCHEMA).maxGroup(maxGroup).collapseSameAs(collapse)
        .addStatements(statements).addMentions(in.mentions());
    in.coLocations(byEntity);
    in.coLocations(byStatement);
    assertSameNetwork(byEntity.build(), byStatement.build());
  }

  /**
   * A built network finds each node by id and every pair's edges without a map of ids or pairs (a binary search over
   * the ids in order, a search in the source's run of edges): {@code node} and {@code edgesBetween} agree with a scan
   * of {@code nodes()} and {@code edges()} for every pair of nodes, both ways round, and an id that is not a node is
   * found nowhere.
   */
  @Property(tries = 150)
  void lookupsAgreeWithAScan(@ForAll long seed, @ForAll @IntRange(min = 1, max = 30) int n, @ForAll boolean collapse) {
    Input in = input(seed, n);
    NetworkBuilder b = Network.builder(Graphs.SCHEMA).maxGroup(4).collapseSameAs(collapse);
    in.feed(b);
    Network net = b.build();
    for (GraphNode x : net.nodes()) {
      assertEquals(Optional.of(x), net.node(x.id()));
      for (GraphNode y : net.nodes()) {
        List<GraphEdge> expected = net.edges().stream().filter(e -> e.source().equals(x.id())
            && e.target().equals(y.id()) || e.source().equals(y.id()) && e.target().equals(x.id())).toList();
        assertEquals(expected, net.edgesBetween(x.id(), y.id()));
      }
    }
    assertEquals(Optional.empty(), net.node(EntityId.of("zzz-not-a-node")));
    assertEquals(Optional.empty(), net.node(EntityId.of("e-not-a-node")));
  }

  /**
   * A builder built, copied and given more equals a fresh builder given everything at once, and building the copy
   * leaves the original's network as it was: the way a cached graph grows.
   */
  @Property(tries = 200)
  void aCopyGivenMoreEqualsAFreshBuild(@ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int n,
      @ForAll boolean collapse, @ForAll @IntRange(min = 0, max = 100) int percent) {
    Input in = input(seed, n);
    List<Statement> statements = new ArrayList<>();
    in.byId().forEach(e -> statements.addAll(e.statements()));
    java.util.Collections.shuffle(statements, new java.util.Random(seed));
    int cut = statements.size() * percent / 100;
    int mentionCut = in.mentions().size() * percent / 100;
    NetworkBuilder first = Network.builder(Graphs.SCHEMA).maxGroup(3).collapseSameAs(collapse)
        .addStatements(statements.subList(0, cut)).addMentions(in.mentions().subList(0, mentionCut));
    Network before = first.build();
    NetworkBuilder grown = first.copy().addStatements(statements.subList(cut, statements.size()))
        .addMentions(in.mentions().subList(mentionCut, in.mentions().size()));
    NetworkBuilder fresh = Network.builder(Graphs.SCHEMA).maxGroup(3).collapseSameAs(collapse)
        .addStatements(statements).addMentions(in.mentions());
    assertSameNetwork(fresh.build(), grown.build());
    assertSameNetwork(before, first.build());
  }

  private static void assertSameNetwork(Network expected, Network actual) {
    assertEquals(expected.nodes(), actual.nodes());
    assertEquals(expected.edges(), actual.edges());
    assertEquals(expected.notes(), actual.notes());
    assertEquals(expected.label(), actual.label());
  }

  private static EntityId id(int i) {
    return EntityId.of(String.format(java.util.Locale.ROOT, "e%03d", i));
  }
}
