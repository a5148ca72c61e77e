package org.insight.spark.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaSparkContext;
import org.insight.spark.SparkTestSession;
import scala.Tuple2;

/**
 * Both ways of finding the components of a match graph — union-find on the driver, large-star/small-star rounds on
 * the executors — give the components a breadth-first search gives, on random graphs of chains, stars and repeated
 * edges (ids of varying length, so string order differs from number order); the distributed one names each
 * component by its smallest node. Each try runs a few Spark jobs, so the tries are few.
 */
class StarComponentsProperties {

  @Property(tries = 15)
  void bothFindTheComponentsOfABreadthFirstSearch(@ForAll("graphs") List<String[]> edges) {
    Set<Set<String>> expected = breadthFirst(edges);
    assertEquals(expected, groups(UnionFindComponents.of(edges)));
    List<Tuple2<String, String>> pairs = new ArrayList<>();
    edges.forEach(e -> pairs.add(new Tuple2<>(e[0], e[1])));
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(SparkTestSession.get().sparkContext());
    Map<String, String> star = new HashMap<>();
    StarComponents.of(jsc.parallelizePairs(pairs, 2), new HashPartitioner(2)).collect()
        .forEach(t -> assertEquals(null, star.put(t._1(), t._2()), "one component per node: " + t._1()));
    assertEquals(expected, groups(star));
    star.forEach((node, component) -> assertEquals(new TreeSet<>(members(star, component)).first(), component));
  }

  @Provide
  Arbitrary<List<String[]>> graphs() {
    Arbitrary<String> node = Arbitraries.integers().between(0, 60).map(i -> "n" + i);
    Arbitrary<String[]> edge = node.tuple2().filter(t -> !t.get1().equals(t.get2()))
        .map(t -> new String[] {t.get1(), t.get2()});
    return edge.list().ofMaxSize(70);
  }

  private static Set<String> members(Map<String, String> component, String c) {
    Set<String> out = new HashSet<>();
    component.forEach((n, x) -> {
      if (x.equals(c)) {
        out.add(n);
      }
    });
    return out;
  }

  private static Set<Set<String>> groups(Map<String, String> component) {
    Map<String, Set<String>> by = new HashMap<>();
    component.forEach((n, c) -> by.computeIfAbsent(c, x -> new HashSet<>()).add(n));
    return new HashSet<>(by.values());
  }

  private static Set<Set<String>> breadthFirst(List<String[]> edges) {
    Map<String, List<String>> near = new HashMap<>();
    for (String[] e : edges) {
      near.computeIfAbsent(e[0], x -> new ArrayList<>()).add(e[1]);
      near.computeIfAbsent(e[1], x -> new ArrayList<>()).add(e[0]);
    }
    Set<String> seen = new HashSet<>();
    Set<Set<String>> out = new HashSet<>();
    for (String start : near.keySet()) {
      if (!seen.add(start)) {
        continue;
      }
      Set<String> component = new HashSet<>(List.of(start));
      ArrayDeque<String> queue = new ArrayDeque<>(List.of(start));
      while (!queue.isEmpty()) {
        for (String v : near.get(queue.poll())) {
          if (seen.add(v)) {
            component.add(v);
            queue.add(v);
          }
        }
      }
      out.add(component);
    }
    return out;
  }
}
