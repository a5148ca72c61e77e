package org.insight.workspace;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link Session#graph} builds a graph.
 *
 * @param collapseSameAs whether records resolved as one (same-as links) become one node
 * @param coMentions whether entities mentioned in one document are joined (reads every visible mention)
 * @param maxGroup a value shared by, or a document mentioning, more entities than this joins none of them (a hub,
 *     not a clue); at least 2
 * @param coLocationMetres with {@code coLocationWindow}: entities seen within this distance (and that time) of each
 *     other are joined by a co-location edge (see {@link Geo#coLocations}); 0 for none
 * @param coLocationWindow the time window of a co-location; {@link Duration#ZERO} for none
 */
public record GraphOptions(boolean collapseSameAs, boolean coMentions, int maxGroup, double coLocationMetres,
    Duration coLocationWindow) {
  public GraphOptions {
    if (maxGroup < 2) {
      throw new IllegalArgumentException("maxGroup needs at least 2 (a pair), got " + maxGroup);
    }
    Objects.requireNonNull(coLocationWindow, "coLocationWindow");
    boolean off = coLocationMetres == 0 && coLocationWindow.isZero();
    if (!off && (!(coLocationMetres > 0) || Double.isInfinite(coLocationMetres) || coLocationWindow.isNegative()
        || coLocationWindow.isZero())) {
      throw new IllegalArgumentException("co-location needs a positive distance and a positive time window, got "
          + coLocationMetres + " m and " + coLocationWindow + " (0 and Duration.ZERO for none)");
    }
  }

  /** Without co-location edges. */
  public GraphOptions(boolean collapseSameAs, boolean coMentions, int maxGroup) {
    this(collapseSameAs, coMentions, maxGroup, 0, Duration.ZERO);
  }

  /** Whether co-location edges are asked for. */
  public boolean coLocation() {
    return coLocationMetres > 0;
  }

  /** The same, joining entities seen within {@code metres} and {@code window} of each other (geo's co-location). */
  public GraphOptions withCoLocation(double metres, Duration window) {
    return new GraphOptions(collapseSameAs, coMentions, maxGroup, metres, window);
  }

  /** Same-as links as edges, co-mentions on, groups of up to 100. */
  public static GraphOptions defaults() {
    return new GraphOptions(false, true, 100);
  }

  public GraphOptions withCollapseSameAs(boolean collapse) {
    return new GraphOptions(collapse, coMentions, maxGroup, coLocationMetres, coLocationWindow);
  }

  public GraphOptions withCoMentions(boolean on) {
    return new GraphOptions(collapseSameAs, on, maxGroup, coLocationMetres, coLocationWindow);
  }

  public GraphOptions withMaxGroup(int max) {
    return new GraphOptions(collapseSameAs, coMentions, max, coLocationMetres, coLocationWindow);
  }
}
