package org.insight.graph;

import static org.insight.graph.Graphs.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.insight.core.EntityId;
import org.junit.jupiter.api.Test;

/** Known results on classic small graphs, computed by hand. */
class NetworkTest {

  @Test
  void aPathHasItsMiddleAsTheBrokerAndEveryInnerNodeAsArticulationPoint() {
    Network path = Graphs.network(5, Graphs.path(5));
    // betweenness of node i on a path of n: i*(n-1-i) pairs over (n-1)(n-2)/2 = 6
    NodeScores b = path.betweenness();
    assertEquals(0.0, b.of(id(0)), 1e-12);
    assertEquals(3.0 / 6, b.of(id(1)), 1e-12);
    assertEquals(4.0 / 6, b.of(id(2)), 1e-12);
    assertEquals(List.of(id(1), id(2), id(3)), path.brokers().articulationPoints());
    assertEquals(4, path.brokers().bridges().size());
    GraphPath p = path.shortestPath(id(0), id(4)).orElseThrow();
    assertEquals(List.of(id(0), id(1), id(2), id(3), id(4)), p.nodes());
    assertEquals("Associate", p.hops().get(0).get(0).type());
    assertEquals(List.of(p), path.paths(id(0), id(4), 5, 10), "a path has exactly one path between its ends");
    assertEquals(List.of(), path.paths(id(0), id(4), 5, 3), "none within 3 hops");
  }

  @Test
  void aStarsCentreCarriesEveryPath() {
    List<int[]> edges = new ArrayList<>();
    for (int i = 1; i <= 6; i++) {
      edges.add(new int[] {0, i});
    }
    Network star = Graphs.network(7, edges);
    assertEquals(1.0, star.betweenness().of(id(0)), 1e-12);
    assertEquals(1.0, star.degree().of(id(0)), 1e-12);
    assertEquals(1.0 / 6, star.degree().of(id(3)), 1e-12);
    assertEquals(List.of(id(0)), star.brokers().articulationPoints());
    assertEquals(id(0), star.pageRank().top(1).get(0).id());
    assertEquals(7, star.neighbourhood(id(3), 2).nodes().size());
    assertEquals(2, star.neighbourhood(id(3), 1).nodes().size());
  }

  @Test
  void twoCliquesJoinedByABridgeAreTwoCommunitiesWithTheKnownModularity() {
    List<int[]> edges = new ArrayList<>(Graphs.clique(0, 5));
    edges.addAll(Graphs.clique(5, 5));
    edges.add(new int[] {4, 5});
    Network g = Graphs.network(10, edges);
    Communities c = g.communities();
    // m = 21; each clique: internal 10, total degree 21: Q = 2 (10/21 - (21/42)^2)
    assertEquals(2 * (10.0 / 21 - 0.25), c.modularity(), 1e-12);
    assertEquals(List.of(List.of(id(0), id(1), id(2), id(3), id(4)), List.of(id(5), id(6), id(7), id(8), id(9))),
        c.groups());
    assertEquals(List.of(List.of(id(4), id(5))), g.brokers().bridges());
    assertEquals(List.of(id(4), id(5)), g.brokers().articulationPoints());
    assertEquals(id(4), g.betweenness().top(2).get(0).id());
  }

  @Test
  void aRingOfCliquesSplitsIntoItsCliques() {
    List<int[]> edges = new ArrayList<>();
    int k = 6;
    for (int c = 0; c < k; c++) {
      edges.addAll(Graphs.clique(c * 5, 5));
      edges.add(new int[] {c * 5, ((c + 1) % k) * 5 + 1});
    }
    Communities c = Graphs.network(30, edges).communities();
    assertEquals(k, c.groups().size(), c.groups().toString());
    c.groups().forEach(g -> assertEquals(5, g.size()));
  }

  @Test
  void aRingHasNoBrokersAndOneComponent() {
    List<int[]> edges = new ArrayList<>(Graphs.path(8));
    edges.add(new int[] {7, 0});
    Network ring = Graphs.network(8, edges);
    assertTrue(ring.brokers().articulationPoints().isEmpty());
    assertTrue(ring.brokers().bridges().isEmpty());
    assertEquals(1, ring.components().size());
    assertEquals(2, ring.paths(id(0), id(4), 5, 8).size(), "two ways round");
    ring.pageRank().all().forEach(s -> assertEquals(1.0 / 8, s.value(), 1e-9));
  }

  @Test
  void aLongPathDoesNotOverflowTheStack() {
    int n = 300_000;
    Network path = Graphs.network(0, List.of());
    assertEquals(0, path.nodes().size());
    org.insight.graph.internal.IntGraph g = org.insight.graph.internal.IntGraph.of(n, n - 1,
        java.util.stream.IntStream.range(0, n - 1).toArray(), java.util.stream.IntStream.range(1, n).toArray(),
        new double[n - 1]);
    assertEquals(n - 2, org.insight.graph.internal.Biconnected.of(g).articulationPoints.length);
  }

  @Test
  void unknownNodesAreRefusedWithTheirId() {
    Network g = Graphs.network(2, Graphs.path(2));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> g.shortestPath(id(0), EntityId.of("nobody")));
    assertTrue(e.getMessage().contains("nobody"), e.getMessage());
  }

  @Test
  void theCheapestPathTakesTwoStrongTiesOverOneWeakOne() {
    // 0 -- 2 once (weak); 0 -- 1 and 1 -- 2 three times each (strong): at 1/count, 1/3 + 1/3 < 1
    NetworkBuilder b = Network.builder(Graphs.SCHEMA);
    for (int i = 0; i < 3; i++) {
      b.add(Graphs.person(i));
    }
    int[][] links = {{0, 2}, {0, 1}, {0, 1}, {0, 1}, {1, 2}, {1, 2}, {1, 2}};
    for (int k = 0; k < links.length; k++) {
      b.add(Graphs.DS.entity("Associate", "x" + k).id(EntityId.of("x" + k))
          .add("person", id(links[k][0]).value()).add("associate", id(links[k][1]).value()).build());
    }
    Network g = b.build();
    assertEquals(List.of(id(0), id(2)), g.shortestPath(id(0), id(2)).orElseThrow().nodes(), "fewest hops");
    WeightedPath strongest = g.cheapestPath(id(0), id(2), e -> 1.0 / e.count()).orElseThrow();
    assertEquals(List.of(id(0), id(1), id(2)), strongest.path().nodes());
    assertEquals(2.0 / 3, strongest.cost(), 1e-12);
    assertEquals(3, strongest.path().hops().get(0).get(0).count(), "each hop keeps its evidence");
    assertTrue(g.cheapestPath(id(0), id(2), e -> e.count() == 1 ? 0 : Double.POSITIVE_INFINITY).orElseThrow()
        .path().nodes().size() == 2, "a closed edge is not used");
    assertTrue(g.cheapestPath(id(0), id(2), e -> Double.POSITIVE_INFINITY).isEmpty(), "every edge closed: no path");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> g.cheapestPath(id(0), id(2), x -> -1));
    assertTrue(e.getMessage().contains("zero or more"), e.getMessage());
  }
}
