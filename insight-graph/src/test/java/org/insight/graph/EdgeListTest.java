package org.insight.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.insight.InsightException;
import org.insight.core.EntityId;
import org.insight.policy.Label;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plain edge lists: the network they describe, bad rows reported with their line and left out. */
class EdgeListTest {
  private static final Label LOCAL = Label.of("LOCAL");

  private static EdgeList csv(String text, EdgeList.Columns columns) {
    return EdgeList.read(new StringReader(text), ',', columns, LOCAL, "calls.csv");
  }

  @Test
  void rowsBecomeNodesAndEdgesWithParallelRowsMerged() {
    EdgeList e = csv("caller,callee,seconds\n"
        + "Alice,Bob,60\n"
        + "Bob,Alice,30\n"
        + "bob,carol,5\n"
        + "carol,dave,1\n", EdgeList.Columns.of("caller", "callee").withWeight("seconds"));
    Network n = e.network();
    assertEquals(List.of(), e.rejected());
    assertEquals(5, n.nodes().size(), "Alice, Bob and bob are different values; carol, dave");
    assertEquals(3, n.edges().size());
    GraphEdge ab = n.edgesBetween(EdgeList.id("Alice"), EdgeList.id("Bob")).get(0);
    assertEquals(2, ab.count());
    assertEquals(90.0, ab.amount());
    assertEquals(List.of("line:2", "line:3"), ab.statements().stream().sorted().toList());
    assertEquals("Alice", n.node(EdgeList.id("Alice")).orElseThrow().caption());
    assertEquals(EntityId.of("carol"), EdgeList.id("carol"), "a plain id is its own id");
    assertEquals(LOCAL, n.label().orElseThrow());
    assertTrue(n.shortestPath(EntityId.of("bob"), EntityId.of("dave")).isPresent());
    assertTrue(n.shortestPath(EdgeList.id("Alice"), EntityId.of("dave")).isEmpty(), "Bob is not bob");
  }

  @Test
  void badRowsAreReportedWithLineAndReasonAndLeftOut() {
    EdgeList e = csv("a,b,w\n"
        + "x,y,1\n"
        + "x,,2\n"
        + "\n"
        + "y,z,heavy\n"
        + "y,z,-1\n"
        + "z,z,1\n"
        + "z\n"
        + "\"multi\nline\",x,3\n"
        + "z,x,NaN\n", EdgeList.Columns.of("a", "b").withWeight("w"));
    assertEquals(List.of(3L, 5L, 6L, 7L, 8L, 11L), e.rejected().stream().map(EdgeList.Rejected::line).toList(),
        e.rejected().toString());
    assertTrue(e.rejected().get(0).reason().contains("missing b"), e.rejected().toString());
    assertTrue(e.rejected().get(1).reason().contains("heavy"));
    assertTrue(e.rejected().get(3).reason().contains("itself"));
    assertEquals(2, e.network().edges().size(), "x-y and the multi-line row");
    assertEquals(1, e.network().notes().size());
  }

  @Test
  void directedKeepsTheOrderAndTsvIsReadByExtension(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("t.tsv");
    Files.writeString(f, "from\tto\nb\ta\nb\ta\na\tb\n", StandardCharsets.UTF_8);
    EdgeList e = EdgeList.read(f, EdgeList.Columns.of("from", "to").withDirected(true), LOCAL);
    assertEquals(2, e.network().edges().size());
    assertTrue(e.network().edges().stream().allMatch(GraphEdge::directed));
    GraphEdge ba = e.network().edges().stream().filter(x -> x.source().value().equals("b")).findFirst().orElseThrow();
    assertEquals(2, ba.count());
    EdgeList u = EdgeList.read(f, EdgeList.Columns.of("from", "to"), LOCAL);
    assertEquals(1, u.network().edges().size());
    assertEquals(3, u.network().edges().get(0).count());
  }

  @Test
  void aMissingColumnOrEmptyFileIsAnErrorThatNamesTheColumns() {
    InsightException ex = assertThrows(InsightException.class,
        () -> csv("caller,callee\nx,y\n", EdgeList.Columns.of("caller", "target")));
    assertTrue(ex.getMessage().contains("no column \"target\"") && ex.getMessage().contains("[caller, callee]"),
        ex.getMessage());
    assertThrows(InsightException.class, () -> csv("", EdgeList.Columns.of("a", "b")));
  }
}
