package org.insight.graph;

import static org.insight.graph.Graphs.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.insight.core.EntityId;
import org.junit.jupiter.api.Test;

/** Leiden and Louvain on graphs whose best partitions are published or computed by hand. */
class CommunitiesTest {
  /** Zachary's karate club (1977), the standard 34-node, 78-edge version (networkx's karate_club_graph, 0-based). */
  static final String KARATE = "0-1 0-2 0-3 0-4 0-5 0-6 0-7 0-8 0-10 0-11 0-12 0-13 0-17 0-19 0-21 0-31 1-2 1-3 1-7"
      + " 1-13 1-17 1-19 1-21 1-30 2-3 2-7 2-8 2-9 2-13 2-27 2-28 2-32 3-7 3-12 3-13 4-6 4-10 5-6 5-10 5-16 6-16 8-30"
      + " 8-32 8-33 9-33 13-33 14-32 14-33 15-32 15-33 18-32 18-33 19-33 20-32 20-33 22-32 22-33 23-25 23-27 23-29"
      + " 23-32 23-33 24-25 24-27 24-31 25-31 26-29 26-33 27-33 28-31 28-33 29-32 29-33 30-32 30-33 31-32 31-33 32-33";

  static List<int[]> karate() {
    List<int[]> edges = new ArrayList<>();
    for (String pair : KARATE.split(" ")) {
      String[] ends = pair.split("-");
      edges.add(new int[] {Integer.parseInt(ends[0]), Integer.parseInt(ends[1])});
    }
    return edges;
  }

  @Test
  void leidenFindsTheBestKnownPartitionOfTheKarateClub() {
    List<int[]> edges = karate();
    assertEquals(78, edges.size());
    Network g = Graphs.network(34, edges);
    Communities c = g.leiden(1L);
    // the maximum modularity of the karate club is 0.4198 (4 communities; Brandes et al. 2008 proved it optimal)
    assertEquals(0.4198, c.modularity(), 5e-5, c.groups().toString());
    assertEquals(4, c.groups().size(), c.groups().toString());
    // the optimum: {0,1,2,3,7,11,12,13,17,19,21}, {4,5,6,10,16}, {8,9,14,15,18,20,22,26,29,30,32,33},
    // {23,24,25,27,28,31}
    assertEquals(List.of(8, 9, 14, 15, 18, 20, 22, 26, 29, 30, 32, 33), indices(c.groups().get(0)));
    assertEquals(List.of(0, 1, 2, 3, 7, 11, 12, 13, 17, 19, 21), indices(c.groups().get(1)));
    assertEquals(List.of(23, 24, 25, 27, 28, 31), indices(c.groups().get(2)));
    assertEquals(List.of(4, 5, 6, 10, 16), indices(c.groups().get(3)));
    assertEquals(c, g.communities(), "Leiden is the default");
    assertTrue(c.modularity() >= g.louvain().modularity() - 1e-12, "at least as good as Louvain here");
  }

  @Test
  void leidenIsDeterministicForASeedAndGoodForEvery() {
    Network g = Graphs.network(34, karate());
    for (long seed = 0; seed < 20; seed++) {
      Communities c = g.leiden(seed);
      assertEquals(c, g.leiden(seed), "same seed, same communities");
      assertTrue(c.modularity() > 0.4150, "seed " + seed + ": " + c.modularity());
    }
  }

  @Test
  void twoCliquesJoinedByABridgeAreTwoCommunitiesByBothMethods() {
    List<int[]> edges = new ArrayList<>(Graphs.clique(0, 5));
    edges.addAll(Graphs.clique(5, 5));
    edges.add(new int[] {4, 5});
    Network g = Graphs.network(10, edges);
    List<List<EntityId>> expected = List.of(List.of(id(0), id(1), id(2), id(3), id(4)),
        List.of(id(5), id(6), id(7), id(8), id(9)));
    for (Communities c : List.of(g.leiden(1L), g.leiden(99L), g.louvain())) {
      assertEquals(2 * (10.0 / 21 - 0.25), c.modularity(), 1e-12);
      assertEquals(expected, c.groups());
    }
  }

  @Test
  void anEmptyGraphIsSingletons() {
    Network g = Graphs.network(4, List.of());
    assertEquals(4, g.leiden(1L).groups().size());
    assertEquals(0.0, g.leiden(1L).modularity());
    assertEquals(0, Graphs.network(0, List.of()).leiden(1L).groups().size());
  }

  private static List<Integer> indices(List<EntityId> ids) {
    return ids.stream().map(i -> Integer.parseInt(i.value().substring(1))).toList();
  }
}
