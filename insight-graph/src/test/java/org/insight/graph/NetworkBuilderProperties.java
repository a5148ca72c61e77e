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

  @Property(tries = 300)
  void theColumnarBuilderEqualsTheOneItReplaced(@ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int n,
      @ForAll boolean collapse, @ForAll @IntRange(min = 2, max = 6) int maxGroup) {
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
    NetworkBuilder ours = Network.builder(Graphs.SCHEMA).maxGroup(maxGroup).collapseSameAs(collapse);
    ReferenceNetworkBuilder reference = new ReferenceNetworkBuilder(Graphs.SCHEMA).maxGroup(maxGroup)
        .collapseSameAs(collapse);
    ours.addAll(entities).addMentions(mentions);
    reference.addAll(entities).addMentions(mentions);
    for (int i = r.nextInt(4); i > 0; i--) {
      EntityId a = id(r.nextInt(n + 1));
      EntityId b = id(r.nextInt(n + 1));
      List<String> times = List.of("2024-05-0" + (1 + r.nextInt(9)) + "T10:00:00Z");
      List<Statement> evidence = entities.get(r.nextInt(entities.size())).statements();
      ours.addCoLocation(a, b, times, evidence);
      reference.addCoLocation(a, b, times, evidence);
    }
    Network expected = reference.build();
    Network actual = ours.build();
    assertEquals(expected.nodes(), actual.nodes());
    assertEquals(expected.edges(), actual.edges());
    assertEquals(expected.notes(), actual.notes());
    assertEquals(expected.label(), actual.label());
  }

  private static EntityId id(int i) {
    return EntityId.of(String.format(java.util.Locale.ROOT, "e%03d", i));
  }
}
