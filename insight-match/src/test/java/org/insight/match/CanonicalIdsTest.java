package org.insight.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalIdsTest {

  static Cluster c(String... ids) {
    return new Cluster("ignored", List.of(ids));
  }

  static String idOf(CanonicalIds.Assignment a, String record) {
    return a.clusters().stream().filter(c -> c.recordIds().contains(record)).findFirst().orElseThrow().id();
  }

  @Test
  void aNewClusterOfLoneRecordsIsAMergeNamedAfterItsSmallestMember() {
    CanonicalIds.Assignment a = CanonicalIds.assign(Map.of(), List.of(c("b", "a"), c("x")));
    assertEquals(CanonicalIds.singletonId("a"), idOf(a, "b"));
    assertEquals(CanonicalIds.singletonId("x"), idOf(a, "x"));
    assertEquals(1, a.events().size());
    ClusterEvent e = a.events().get(0);
    assertEquals(ClusterEvent.Kind.MERGE, e.kind());
    assertEquals(List.of(CanonicalIds.singletonId("a"), CanonicalIds.singletonId("b")), List.copyOf(e.parts().keySet()));
    assertEquals(Map.of("a", idOf(a, "a"), "b", idOf(a, "a")), a.mapping());
  }

  @Test
  void idsSurviveARerunAndGrowth() {
    CanonicalIds.Assignment first = CanonicalIds.assign(Map.of(), List.of(c("m", "n"), c("p", "q")));
    // a new record "a" sorts before every member: the id must not follow the smallest member
    CanonicalIds.Assignment second = CanonicalIds.assign(first.mapping(), List.of(c("a", "m", "n"), c("p", "q")));
    assertEquals(idOf(first, "m"), idOf(second, "a"));
    assertEquals(idOf(first, "p"), idOf(second, "q"));
    assertEquals(1, second.events().size(), "the newcomer joining is a merge");
    CanonicalIds.Assignment third = CanonicalIds.assign(second.mapping(), List.of(c("a", "m", "n"), c("p", "q")));
    assertTrue(third.events().isEmpty());
    assertEquals(second.clusters(), third.clusters());
  }

  @Test
  void aMergeKeepsTheLargerClustersId() {
    CanonicalIds.Assignment first = CanonicalIds.assign(Map.of(), List.of(c("a", "b"), c("x", "y", "z")));
    CanonicalIds.Assignment second = CanonicalIds.assign(first.mapping(), List.of(c("a", "b", "x", "y", "z")));
    assertEquals(idOf(first, "x"), idOf(second, "a"));
    ClusterEvent merge = second.events().get(0);
    assertEquals(ClusterEvent.Kind.MERGE, merge.kind());
    assertEquals(idOf(first, "x"), merge.cluster());
    assertEquals(List.of(idOf(first, "x"), idOf(first, "a")), List.copyOf(merge.parts().keySet()));
    assertEquals(List.of("x", "y", "z"), merge.parts().get(idOf(first, "x")));
  }

  @Test
  void aSplitKeepsTheIdForTheLargerPartAndGivesTheRestNewIds() {
    CanonicalIds.Assignment first = CanonicalIds.assign(Map.of(), List.of(c("a", "b", "c", "d")));
    String old = idOf(first, "a");
    CanonicalIds.Assignment second = CanonicalIds.assign(first.mapping(), List.of(c("a"), c("b", "c", "d")));
    assertEquals(old, idOf(second, "b"));
    assertNotEquals(old, idOf(second, "a"));
    assertEquals(1, second.events().size());
    ClusterEvent split = second.events().get(0);
    assertEquals(ClusterEvent.Kind.SPLIT, split.kind());
    assertEquals(old, split.cluster());
    assertEquals(List.of("b", "c", "d"), split.parts().get(old));
    assertEquals(List.of("a"), split.parts().get(idOf(second, "a")));
    // old was the singleton id of "a": "a" alone must not take it back
    assertEquals(2, second.clusters().stream().map(Cluster::id).distinct().count());
  }

  @Test
  void idsAreUniqueAndEveryRecordIsInOneCluster() {
    java.util.Random random = new java.util.Random(7);
    Map<String, String> previous = new HashMap<>();
    for (int run = 0; run < 30; run++) {
      List<String> records = new java.util.ArrayList<>();
      for (int i = 0; i < 40; i++) {
        records.add("r" + i);
      }
      java.util.Collections.shuffle(records, random);
      List<Cluster> clusters = new java.util.ArrayList<>();
      for (int i = 0; i < records.size(); ) {
        int size = 1 + random.nextInt(4);
        clusters.add(new Cluster("x", records.subList(i, Math.min(records.size(), i + size))));
        i += size;
      }
      CanonicalIds.Assignment a = CanonicalIds.assign(previous, clusters);
      assertEquals(a.clusters().size(), a.clusters().stream().map(Cluster::id).distinct().count());
      assertEquals(40, a.clusters().stream().mapToInt(x -> x.recordIds().size()).sum());
      previous = a.mapping();
    }
  }
}
