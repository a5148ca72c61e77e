package org.insight.graph;

import static org.insight.graph.Graphs.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.insight.core.Entity;
import org.insight.core.EntityId;
import org.junit.jupiter.api.Test;

/**
 * Closeness, harmonic and eigenvector centrality, label propagation, link prediction and time windows on classic
 * small graphs, every expected value computed by hand.
 */
class CentralityTest {

  private static List<int[]> star(int leaves) {
    List<int[]> edges = new ArrayList<>();
    for (int i = 1; i <= leaves; i++) {
      edges.add(new int[] {0, i});
    }
    return edges;
  }

  private static List<int[]> ring(int n) {
    List<int[]> edges = new ArrayList<>(Graphs.path(n));
    edges.add(new int[] {n - 1, 0});
    return edges;
  }

  private static List<int[]> bridgedCliques() {
    List<int[]> edges = new ArrayList<>(Graphs.clique(0, 5));
    edges.addAll(Graphs.clique(5, 5));
    edges.add(new int[] {4, 5});
    return edges;
  }

  @Test
  void onAPathClosenessAndHarmonicFallTowardsTheEnds() {
    Network path = Graphs.network(5, Graphs.path(5));
    // node 0: distances 1+2+3+4 = 10 to 4 nodes; node 2: 1+1+2+2 = 6
    assertEquals(4.0 / 10, path.closeness().of(id(0)), 1e-12);
    assertEquals(4.0 / 6, path.closeness().of(id(2)), 1e-12);
    assertEquals((1 + 1.0 / 2 + 1.0 / 3 + 1.0 / 4) / 4, path.harmonic().of(id(0)), 1e-12);
    assertEquals((1 + 1 + 1.0 / 2 + 1.0 / 2) / 4, path.harmonic().of(id(2)), 1e-12);
  }

  @Test
  void aStarsCentreIsClosestAndItsEigenvectorIsKnown() {
    Network star = Graphs.network(7, star(6));
    assertEquals(1.0, star.closeness().of(id(0)), 1e-12);
    assertEquals(6.0 / 11, star.closeness().of(id(3)), 1e-12);
    assertEquals(1.0, star.harmonic().of(id(0)), 1e-12);
    assertEquals((1 + 5.0 / 2) / 6, star.harmonic().of(id(3)), 1e-12);
    // leading eigenvalue sqrt(6): leaves are centre/sqrt(6); L2 norm 1 gives centre 1/sqrt(2), leaf 1/sqrt(12)
    assertEquals(1 / Math.sqrt(2), star.eigenvector().of(id(0)), 1e-8);
    assertEquals(1 / Math.sqrt(12), star.eigenvector().of(id(4)), 1e-8);
  }

  @Test
  void onARingEveryNodeIsAlike() {
    Network ring = Graphs.network(8, ring(8));
    for (Score s : ring.eigenvector().all()) {
      assertEquals(1 / Math.sqrt(8), s.value(), 1e-9);
      assertEquals(7.0 / 16, ring.closeness().of(s.id()), 1e-12, "distances 1,1,2,2,3,3,4");
      assertEquals((2 + 1 + 2.0 / 3 + 1.0 / 4) / 7, ring.harmonic().of(s.id()), 1e-12);
    }
  }

  @Test
  void theBridgeEndsAreClosestBetweenTwoCliques() {
    Network g = Graphs.network(10, bridgedCliques());
    // node 4: 5 nodes at 1 (its clique and 5), 4 at 2; node 0: 4 at 1, 1 at 2, 4 at 3
    assertEquals(9.0 / 13, g.closeness().of(id(4)), 1e-12);
    assertEquals(9.0 / 18, g.closeness().of(id(0)), 1e-12);
    assertEquals((5 + 4 / 2.0) / 9, g.harmonic().of(id(4)), 1e-12);
    assertEquals(List.of(id(4), id(5)), g.eigenvector().top(2).stream().map(Score::id).sorted().toList());
    assertEquals(g.eigenvector().of(id(4)), g.eigenvector().of(id(5)), 1e-9, "symmetric");
  }

  @Test
  void closenessIsCorrectedForDisconnectedGraphsAsNetworkxDoes() {
    Network g = Graphs.network(3, List.of(new int[] {0, 1}));
    // one node reachable at distance 1, out of n-1 = 2: (1/1)·(1/2)
    assertEquals(0.5, g.closeness().of(id(0)), 1e-12);
    assertEquals(0.0, g.closeness().of(id(2)), 1e-12);
    assertEquals(0.5, g.harmonic().of(id(0)), 1e-12);
    assertEquals(0.0, g.harmonic().of(id(2)), 1e-12);
  }

  @Test
  void labelPropagationFindsTheTwoCliquesTheSameWayEveryTime() {
    Network g = Graphs.network(10, bridgedCliques());
    Communities c = g.labelPropagation(42);
    assertEquals(List.of(List.of(id(0), id(1), id(2), id(3), id(4)), List.of(id(5), id(6), id(7), id(8), id(9))),
        c.groups());
    assertEquals(2 * (10.0 / 21 - 0.25), c.modularity(), 1e-12);
    for (long seed = 0; seed < 20; seed++) {
      assertEquals(g.labelPropagation(seed), g.labelPropagation(seed), "deterministic for a seed");
    }
  }

  @Test
  void linkPredictionScoresTheShapeComputedByHand() {
    // 0-1, 0-2, 1-3, 2-3, 3-4: degrees 2,2,2,3,1
    Network g = Graphs.network(5, List.of(new int[] {0, 1}, new int[] {0, 2}, new int[] {1, 3}, new int[] {2, 3},
        new int[] {3, 4}));
    List<PredictedLink> cn = g.predictLinks(LinkMeasure.COMMON_NEIGHBOURS, 10);
    assertEquals(List.of(List.of(id(0), id(3)), List.of(id(1), id(2)), List.of(id(1), id(4)), List.of(id(2), id(4))),
        cn.stream().map(p -> List.of(p.a(), p.b())).toList(), "every non-adjacent pair at distance 2, ties by pair");
    PredictedLink p03 = cn.get(0);
    assertEquals(2, p03.commonNeighbours());
    assertEquals(2.0 / 3, p03.jaccard(), 1e-12);
    assertEquals(2 / Math.log(2), p03.adamicAdar(), 1e-12);
    assertEquals(1.0, p03.resourceAllocation(), 1e-12);
    assertEquals(List.of(id(1), id(2)), p03.shared());
    PredictedLink p12 = cn.get(1);
    assertEquals(1.0, p12.jaccard(), 1e-12);
    assertEquals(1 / Math.log(2) + 1 / Math.log(3), p12.adamicAdar(), 1e-12);
    assertEquals(1.0 / 2 + 1.0 / 3, p12.resourceAllocation(), 1e-12);
    assertEquals(List.of(id(0), id(3)), p12.shared());
    assertEquals(List.of(id(3)), cn.get(2).shared());
    assertEquals(id(1), g.predictLinks(LinkMeasure.JACCARD, 1).get(0).a(), "Jaccard puts (1,2) first");
    assertEquals(List.of(id(0), id(1)), g.predictLinks(LinkMeasure.RESOURCE_ALLOCATION, 2).stream()
        .map(PredictedLink::a).toList());
    assertEquals(id(3), g.predictLinks(LinkMeasure.ADAMIC_ADAR, 1).get(0).b());
    assertEquals(List.of(), g.predictLinks(LinkMeasure.JACCARD, 0));
    assertThrows(IllegalArgumentException.class, () -> g.predictLinks(LinkMeasure.JACCARD, -1));
  }

  private static Entity dated(int a, int b, String date) {
    return Graphs.DS.entity("Associate", "l" + a + "-" + b).id(EntityId.of("l" + a + "-" + b))
        .add("person", id(a).value()).add("associate", id(b).value()).add("startDate", date).build();
  }

  @Test
  void aWindowKeepsTheEdgesWhoseTimeOverlapsItAndSinceFindsNewBridges() {
    NetworkBuilder b = Network.builder(Graphs.SCHEMA);
    for (int i = 0; i < 5; i++) {
      b.add(Graphs.person(i));
    }
    // a triangle 0-1-2 from 2019, a bridge 2-3 in 2021-06, and an undated 3-4
    b.add(dated(0, 1, "2019-01-05")).add(dated(1, 2, "2019-03")).add(dated(0, 2, "2019")).add(dated(2, 3, "2021-06-10"))
        .add(Graphs.associate(3, 4));
    Network g = b.build();
    Network in2019 = g.window("2019-02-01", "2019-12-31");
    assertEquals(List.of(List.of(id(0), id(2)), List.of(id(1), id(2))), in2019.edges().stream()
        .map(e -> List.of(e.source(), e.target())).toList(), "2019 (the whole year) and 2019-03 overlap; 2019-01-05 not");
    assertTrue(in2019.notes().stream().anyMatch(n -> n.startsWith("1 edges without a date")), in2019.notes().toString());
    assertEquals(5, in2019.nodes().size(), "the same nodes");
    assertEquals(1, g.window("2021", "2021").edges().size());
    GraphChanges changes = g.since("2021");
    assertEquals(1, changes.newEdges().size());
    assertEquals(id(3), changes.newEdges().get(0).target());
    assertEquals(List.of(List.of(id(2), id(3))), changes.newBridges(), "3-4 is a bridge but undated, so not new");
    assertEquals(List.of(), g.since("2022").newEdges());
    assertThrows(IllegalArgumentException.class, () -> g.window("2021", "2020"));
    assertThrows(IllegalArgumentException.class, () -> g.since("yesterday"));
  }
}
