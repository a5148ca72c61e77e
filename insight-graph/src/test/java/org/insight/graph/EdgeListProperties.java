package org.insight.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.insight.policy.Label;

/**
 * The columnar edge-list read ({@link EdgeList}, {@link EdgeRows}) equals the read it replaced
 * ({@link ReferenceEdgeList}) on random CSV files: values that are plain ids, values that are not (case, spaces,
 * phone numbers), a derived id written out literally (two values, one node), rows in both directions between the
 * same nodes, rows joining a node to itself, missing cells, bad and good weights, blank lines, quoted cells with a
 * delimiter or a line break, surrounding spaces; directed or not, weighted or not. Same nodes and captions, same
 * edges in the same order with the same counts, amounts and lines, same label, notes and rejected rows, and the same
 * compact graph underneath (every edge found between its ends, same degrees and PageRank).
 */
class EdgeListProperties {
  private static final Label LABEL = Label.of("LOCAL");

  @Property(tries = 300)
  void aReadEqualsTheReadItReplaced(@ForAll long seed, @ForAll boolean directed, @ForAll boolean weighted) {
    String text = file(new SplittableRandom(seed));
    EdgeList.Columns columns = EdgeList.Columns.of("a", "b").withDirected(directed);
    if (weighted) {
      columns = columns.withWeight("w");
    }
    EdgeList read = EdgeList.read(new StringReader(text), ',', columns, LABEL, "f.csv");
    ReferenceEdgeList.Result reference = ReferenceEdgeList.read(new StringReader(text), ',', columns, LABEL, "f.csv");
    Network n = read.network();
    Network r = reference.network();
    assertEquals(r.nodes(), n.nodes(), text);
    assertEquals(r.edges(), n.edges(), text);
    assertEquals(List.copyOf(r.edges()), List.copyOf(n.edges()), text);
    assertEquals(r.label(), n.label());
    assertEquals(r.notes(), n.notes());
    assertEquals(reference.rejected(), read.rejected());
    for (GraphEdge e : n.edges()) {
      assertEquals(r.edgesBetween(e.source(), e.target()), n.edgesBetween(e.source(), e.target()), text);
    }
    assertEquals(r.degree().all(), n.degree().all(), text);
    assertEquals(r.pageRank().all(), n.pageRank().all(), text);
  }

  private static String file(SplittableRandom random) {
    List<String> values = new ArrayList<>(List.of("p1", "p2", "p3", "p4", "p5", "p6", "P1", "Alice", "alice smith",
        "+33 6 12 34 56 78", "\"q,1\""));
    values.add(EdgeList.id("Alice").value()); // the id "Alice" derives, written out: one node for both values
    List<String> weights = List.of("1", "2.5", "0", "7", "-1", "heavy", "NaN", "", "1e3");
    StringBuilder out = new StringBuilder("a,b,w\n");
    int rows = random.nextInt(40);
    for (int i = 0; i < rows; i++) {
      int shape = random.nextInt(20);
      String a = values.get(random.nextInt(values.size()));
      String b = values.get(random.nextInt(values.size()));
      String w = weights.get(random.nextInt(weights.size()));
      switch (shape) {
        case 0 -> out.append('\n');
        case 1 -> out.append(a).append('\n');
        case 2 -> out.append(a).append(",,").append(w).append('\n');
        case 3 -> out.append("\"multi\nline\",").append(b).append(',').append(w).append('\n');
        case 4 -> out.append(' ').append(a).append(" , ").append(b).append(" ,").append(w).append('\n');
        case 5 -> out.append(a).append(',').append(a).append(',').append(w).append('\n');
        case 6 -> out.append(a).append(',').append(b).append('\n');
        default -> out.append(a).append(',').append(b).append(',').append(w).append('\n');
      }
    }
    return out.toString();
  }
}
