package org.insight.trends.internal;

import org.insight.trends.Comparison;

/** Test access to one comparison from counts, without building events. */
public final class ComparisonsAccess {
  private ComparisonsAccess() {}

  public static Comparison of(long before, long after, long beforeDays, long afterDays, double alpha) {
    return Comparisons.of("c", before, after, beforeDays, afterDays, alpha);
  }
}
