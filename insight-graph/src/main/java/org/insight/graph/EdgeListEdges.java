package org.insight.graph;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.insight.core.EntityId;
import org.insight.policy.Label;

/**
 * An edge list's edges as columns ({@link EdgeRows}): the ends in edge order, the counts, amounts and line numbers by
 * edge number (through {@code row}); a {@link GraphEdge} record, its evidence the rows' lines ({@code line:12}, in
 * file order), is made each time one is asked for.
 */
final class EdgeListEdges extends Edges {
  private final EntityId[] nodeIds;
  private final int[] from;
  private final int[] to;
  private final int[] row;
  private final boolean directed;
  private final int[] count;
  private final double[] amount;
  private final int[] lineStart;
  private final long[] lines;
  private final Label label;

  /**
   * @param nodeIds the node ids by node index; {@code from}, {@code to} index them
   * @param row each edge position's edge number, which indexes {@code count}, {@code amount} and {@code lineStart}
   * @param lineStart where each edge number's lines start in {@code lines} (one more entry than edges)
   */
  EdgeListEdges(EntityId[] nodeIds, int[] from, int[] to, int[] row, boolean directed, int[] count, double[] amount,
      int[] lineStart, long[] lines, Label label) {
    this.nodeIds = nodeIds;
    this.from = from;
    this.to = to;
    this.row = row;
    this.directed = directed;
    this.count = count;
    this.amount = amount;
    this.lineStart = lineStart;
    this.lines = lines;
    this.label = label;
  }

  @Override
  public GraphEdge get(int i) {
    Objects.checkIndex(i, from.length);
    int e = row[i];
    String[] evidence = new String[lineStart[e + 1] - lineStart[e]];
    for (int j = 0; j < evidence.length; j++) {
      evidence[j] = "line:" + lines[lineStart[e] + j];
    }
    return new GraphEdge(nodeIds[from[i]], nodeIds[to[i]], EdgeKind.LINK, "edge", "", directed, count[e], amount[e],
        0, Optional.empty(), Optional.empty(), List.of(evidence), List.of(), label);
  }

  @Override
  public int size() {
    return from.length;
  }

  @Override
  int count(int i) {
    return count[row[i]];
  }

  @Override
  Collection<Label> labels() {
    return from.length == 0 ? List.of() : List.of(label);
  }
}
