package org.insight.workspace;

/**
 * How {@link Session#graph} builds a graph.
 *
 * @param collapseSameAs whether records resolved as one (same-as links) become one node
 * @param coMentions whether entities mentioned in one document are joined (reads every visible mention)
 * @param maxGroup a value shared by, or a document mentioning, more entities than this joins none of them (a hub,
 *     not a clue); at least 2
 */
public record GraphOptions(boolean collapseSameAs, boolean coMentions, int maxGroup) {
  public GraphOptions {
    if (maxGroup < 2) {
      throw new IllegalArgumentException("maxGroup needs at least 2 (a pair), got " + maxGroup);
    }
  }

  /** Same-as links as edges, co-mentions on, groups of up to 100. */
  public static GraphOptions defaults() {
    return new GraphOptions(false, true, 100);
  }

  public GraphOptions withCollapseSameAs(boolean collapse) {
    return new GraphOptions(collapse, coMentions, maxGroup);
  }

  public GraphOptions withCoMentions(boolean on) {
    return new GraphOptions(collapseSameAs, on, maxGroup);
  }

  public GraphOptions withMaxGroup(int max) {
    return new GraphOptions(collapseSameAs, coMentions, max);
  }
}
