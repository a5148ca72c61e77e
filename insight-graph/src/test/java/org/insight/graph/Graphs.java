package org.insight.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.insight.core.Dataset;
import org.insight.core.Entity;
import org.insight.core.EntityId;
import org.insight.core.Schema;
import org.insight.policy.Label;
import org.insight.policy.SourceGrading;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;

/** Small graphs for tests: persons p000.. joined by Associate links, and the same graph in JGraphT. */
final class Graphs {
  static final Schema SCHEMA = Schema.defaults();
  static final Dataset DS = Dataset.of("ds", Label.of("A"), SourceGrading.UNGRADED);

  private Graphs() {}

  static EntityId id(int i) {
    return EntityId.of(String.format(Locale.ROOT, "p%03d", i));
  }

  static Entity person(int i) {
    return DS.entity("Person", "r" + i).id(id(i)).add("name", "Person " + i).build();
  }

  static Entity associate(int a, int b) {
    return DS.entity("Associate", "l" + a + "-" + b).id(EntityId.of("l" + a + "-" + b))
        .add("person", id(a).value()).add("associate", id(b).value()).build();
  }

  /** A network of n persons with an Associate link per pair (self-pairs are ignored by the network). */
  static Network network(int n, List<int[]> edges) {
    NetworkBuilder b = Network.builder(SCHEMA);
    for (int i = 0; i < n; i++) {
      b.add(person(i));
    }
    for (int[] e : edges) {
      b.add(associate(e[0], e[1]));
    }
    return b.build();
  }

  static Graph<EntityId, DefaultEdge> jgrapht(int n, List<int[]> edges) {
    Graph<EntityId, DefaultEdge> g = new SimpleGraph<>(DefaultEdge.class);
    for (int i = 0; i < n; i++) {
      g.addVertex(id(i));
    }
    for (int[] e : edges) {
      if (e[0] != e[1] && !g.containsEdge(id(e[0]), id(e[1]))) {
        g.addEdge(id(e[0]), id(e[1]));
      }
    }
    return g;
  }

  static List<int[]> path(int n) {
    List<int[]> out = new ArrayList<>();
    for (int i = 0; i + 1 < n; i++) {
      out.add(new int[] {i, i + 1});
    }
    return out;
  }

  static List<int[]> clique(int from, int size) {
    List<int[]> out = new ArrayList<>();
    for (int i = from; i < from + size; i++) {
      for (int j = i + 1; j < from + size; j++) {
        out.add(new int[] {i, j});
      }
    }
    return out;
  }
}
