package org.insight.graph;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.insight.core.EntityId;
import org.insight.graph.internal.LongIntMap;
import org.insight.graph.internal.StringIntMap;
import org.insight.policy.Label;

/**
 * The accepted rows of an edge list ({@link EdgeList}), taken in one at a time and assembled into a {@link Network}:
 * each distinct cell value is numbered once (its node id made once, not per row), rows between the same two nodes
 * are one edge found through a primitive pair map, and the rows' line numbers are kept as longs. The network gets its
 * nodes already in id order and its edges already in edge order, with their records made on demand
 * ({@link EdgeListEdges}), as a built network does.
 */
final class EdgeRows {
  private final boolean directed;
  private final Label label;
  private final Function<String, EntityId> idOf;
  /** Cell value to node number: a value's id is made the first time it is seen. */
  private final StringIntMap values = new StringIntMap(1 << 10);
  /** Node id to node number: two values with one id (a plain id and a value deriving it) are one node. */
  private final StringIntMap ids = new StringIntMap(1 << 10);
  private EntityId[] nodeId = new EntityId[1 << 10];
  /** The value a node is shown by: the first accepted row's, null while no accepted row has used the node. */
  private String[] caption = new String[1 << 10];
  private int nodes;
  /** Node pair ({@code u << 32 | v}, the smaller number first unless directed) to edge number. */
  private final LongIntMap pairs = new LongIntMap(1 << 10);
  private int[] edgeU = new int[1 << 10];
  private int[] edgeV = new int[1 << 10];
  private int[] count = new int[1 << 10];
  private double[] amount = new double[1 << 10];
  private int edges;
  /** Per accepted row, in file order: its edge and the line it starts on. */
  private int[] rowEdge = new int[1 << 10];
  private long[] rowLine = new long[1 << 10];
  private int rows;

  EdgeRows(boolean directed, Label label, Function<String, EntityId> idOf) {
    this.directed = directed;
    this.label = label;
    this.idOf = idOf;
  }

  /** The node number of a cell's value; the node exists in the network only once an accepted row uses it. */
  int node(String value) {
    int u = values.get(value);
    if (u >= 0) {
      return u;
    }
    EntityId id = idOf.apply(value);
    u = ids.get(id.value());
    if (u < 0) {
      u = nodes++;
      if (u == nodeId.length) {
        nodeId = Arrays.copyOf(nodeId, u * 2);
        caption = Arrays.copyOf(caption, u * 2);
      }
      nodeId[u] = id;
      ids.putNew(id.value(), u);
    }
    values.putNew(value, u);
    return u;
  }

  /** An accepted row from node {@code u} (shown by {@code a}) to node {@code v} (shown by {@code b}), u ≠ v. */
  void add(int u, String a, int v, String b, double weight, long line) {
    if (caption[u] == null) {
      caption[u] = a;
    }
    if (caption[v] == null) {
      caption[v] = b;
    }
    long key = directed || u < v ? (long) u << 32 | v : (long) v << 32 | u;
    int e = pairs.putIfAbsent(key, edges);
    if (e == edges) {
      if (e == edgeU.length) {
        edgeU = Arrays.copyOf(edgeU, e * 2);
        edgeV = Arrays.copyOf(edgeV, e * 2);
        count = Arrays.copyOf(count, e * 2);
        amount = Arrays.copyOf(amount, e * 2);
      }
      edgeU[e] = (int) (key >>> 32);
      edgeV[e] = (int) key;
      edges++;
    }
    count[e]++;
    amount[e] += weight;
    if (rows == rowEdge.length) {
      rowEdge = Arrays.copyOf(rowEdge, rows * 2);
      rowLine = Arrays.copyOf(rowLine, rows * 2);
    }
    rowEdge[rows] = e;
    rowLine[rows++] = line;
  }

  /** The network of the rows taken in. */
  Network network(List<String> notes) {
    // the nodes some accepted row used, in id order (ids are distinct), and each one's index in that order
    int[] rank = new int[nodes];
    Arrays.fill(rank, -1);
    EntityId[] sortedIds = new EntityId[nodes];
    int n = 0;
    for (int u = 0; u < nodes; u++) {
      if (caption[u] != null) {
        sortedIds[n++] = nodeId[u];
      }
    }
    sortedIds = Arrays.copyOf(sortedIds, n);
    Arrays.sort(sortedIds);
    GraphNode[] sortedNodes = new GraphNode[n];
    for (int i = 0; i < n; i++) {
      int u = ids.get(sortedIds[i].value());
      rank[u] = i;
      sortedNodes[i] = new GraphNode(sortedIds[i], "Node", caption[u], List.of(sortedIds[i]), label);
    }
    // edges in edge order: by source index (a counting sort), then by target index within a source's run; an
    // undirected edge's source is its end with the smaller id
    int m = edges;
    int[] start = new int[n + 1];
    int[] source = new int[m];
    int[] target = new int[m];
    for (int e = 0; e < m; e++) {
      int s = rank[edgeU[e]];
      int t = rank[edgeV[e]];
      if (!directed && s > t) {
        int x = s;
        s = t;
        t = x;
      }
      source[e] = s;
      target[e] = t;
      start[s + 1]++;
    }
    for (int i = 0; i < n; i++) {
      start[i + 1] += start[i];
    }
    long[] byTarget = new long[m]; // target index << 32 | edge number: one sort per source run orders both
    int[] fill = Arrays.copyOf(start, n);
    for (int e = 0; e < m; e++) {
      byTarget[fill[source[e]]++] = (long) target[e] << 32 | e;
    }
    int[] from = new int[m];
    int[] to = new int[m];
    int[] row = new int[m];
    for (int s = 0; s < n; s++) {
      Arrays.sort(byTarget, start[s], start[s + 1]); // no two edges of one source share a target
      for (int i = start[s]; i < start[s + 1]; i++) {
        from[i] = s;
        to[i] = (int) (byTarget[i] >>> 32);
        row[i] = (int) byTarget[i];
      }
    }
    // each edge's lines, grouped by edge number, in file order
    int[] lineStart = new int[m + 1];
    for (int r = 0; r < rows; r++) {
      lineStart[rowEdge[r] + 1]++;
    }
    for (int e = 0; e < m; e++) {
      lineStart[e + 1] += lineStart[e];
    }
    long[] lines = new long[rows];
    int[] next = Arrays.copyOf(lineStart, m);
    for (int r = 0; r < rows; r++) {
      lines[next[rowEdge[r]]++] = rowLine[r];
    }
    return new Network(sortedNodes, new EdgeListEdges(sortedIds, from, to, row, directed,
        Arrays.copyOf(count, m), Arrays.copyOf(amount, m), lineStart, lines, label), from, to, notes);
  }
}
