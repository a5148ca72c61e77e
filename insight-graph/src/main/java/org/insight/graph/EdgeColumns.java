package org.insight.graph;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.insight.core.EntityId;
import org.insight.policy.Label;

/**
 * A built network's edges as columns (the ends in edge order, the rest in the order the builder made the edges,
 * reached through {@code row}); a {@link GraphEdge} record is made from them each time one is asked for, so a
 * million-edge network holds primitive arrays and one flat column of statement ids (each id the statement's own
 * string, shared by every edge it backs; an edge's ids sorted and deduplicated when it is read) instead of a million
 * records with their lists and options.
 */
final class EdgeColumns extends Edges {
  private final EntityId[] nodeIds;
  private final int[] from;
  private final int[] to;
  /** Each edge position's row in the columns below, which stay in the order the edges were made. */
  private final int[] row;
  private final int[] ktv;
  private final EdgeKind[] kindOf;
  private final String[] typeOf;
  private final String[] valueOf;
  private final boolean[] directedOf;
  private final int[] count;
  private final double[] amount;
  private final double[] duration;
  private final String[] start;
  private final String[] end;
  private final int[] evidenceStart;
  private final String[] evidence;
  private final Map<Integer, List<String>> documents;
  private final int[] labelSet;
  private final Label[] foldedSets;
  private final Collection<Label> labels;

  /**
   * @param nodeIds the node ids by node index; {@code from}, {@code to} index them
   * @param from the source node index by edge position
   * @param to the target node index by edge position
   * @param row each edge position's row in {@code ktv}, {@code count}, {@code amount}, {@code duration},
   *     {@code start}, {@code end} and {@code labelSet}
   * @param evidenceStart where each edge's statement ids start in {@code evidence} (one more entry than edges), in any
   *     order and possibly repeated
   * @param documents the documents of the edges that have any, by edge position
   * @param labelSet each edge's label set, a number into {@code foldedSets}
   * @param labels the distinct labels of the edges
   */
  EdgeColumns(EntityId[] nodeIds, int[] from, int[] to, int[] row, int[] ktv, EdgeKind[] kindOf, String[] typeOf,
      String[] valueOf, boolean[] directedOf, int[] count, double[] amount, double[] duration, String[] start,
      String[] end, int[] evidenceStart, String[] evidence, Map<Integer, List<String>> documents, int[] labelSet,
      Label[] foldedSets, Collection<Label> labels) {
    this.nodeIds = nodeIds;
    this.from = from;
    this.to = to;
    this.row = row;
    this.ktv = ktv;
    this.kindOf = kindOf;
    this.typeOf = typeOf;
    this.valueOf = valueOf;
    this.directedOf = directedOf;
    this.count = count;
    this.amount = amount;
    this.duration = duration;
    this.start = start;
    this.end = end;
    this.evidenceStart = evidenceStart;
    this.evidence = evidence;
    this.documents = documents;
    this.labelSet = labelSet;
    this.foldedSets = foldedSets;
    this.labels = labels;
  }

  @Override
  public GraphEdge get(int i) {
    Objects.checkIndex(i, from.length);
    int r = row[i];
    int k = ktv[r];
    return new GraphEdge(nodeIds[from[i]], nodeIds[to[i]], kindOf[k], typeOf[k], valueOf[k], directedOf[k], count[r],
        amount[r], duration[r], Optional.ofNullable(start[r]), Optional.ofNullable(end[r]),
        statements(i), documents.getOrDefault(i, List.of()), foldedSets[labelSet[r]]);
  }

  /** Edge {@code i}'s statement ids, sorted, each once (a statement given twice backs its edge once). */
  private List<String> statements(int i) {
    String[] ids = Arrays.copyOfRange(evidence, evidenceStart[i], evidenceStart[i + 1]);
    if (ids.length < 2) {
      return List.of(ids);
    }
    Arrays.sort(ids);
    int kept = 1;
    for (int j = 1; j < ids.length; j++) {
      if (!ids[j].equals(ids[kept - 1])) {
        ids[kept++] = ids[j];
      }
    }
    return List.of(kept == ids.length ? ids : Arrays.copyOf(ids, kept));
  }

  /** The source node index of every edge, in edge order. */
  int[] fromColumn() {
    return from;
  }

  /** The target node index of every edge, in edge order. */
  int[] toColumn() {
    return to;
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
    return labels;
  }
}
