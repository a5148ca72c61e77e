package org.insight.match.internal;

import java.util.Map;
import java.util.SortedMap;

/**
 * Distinct level patterns with how many pairs have each, in pattern-code order: the sufficient statistics EM iterates
 * over ({@link ModelFitting#parameters}). The order matters, bitwise: EM sums over the patterns in it.
 *
 * @param patterns the levels of each pattern, one per comparison
 * @param counts how many pairs have each
 */
public record Patterns(int[][] patterns, long[] counts) {

  /**
   * The patterns of {@code counts} (pattern code to count, as {@link #code} packs them) for comparisons with
   * {@code levels} levels each.
   */
  public static Patterns of(SortedMap<Long, Long> counts, int[] levels) {
    int[][] patterns = new int[counts.size()][];
    long[] n = new long[counts.size()];
    int q = 0;
    for (Map.Entry<Long, Long> e : counts.entrySet()) {
      patterns[q] = unpack(e.getKey(), levels);
      n[q++] = e.getValue();
    }
    return new Patterns(patterns, n);
  }

  /** The levels of a pair as one number: mixed radix, comparison 0 least significant ({@link RecordTable#pattern}). */
  public static long code(int[] pattern, int[] levels) {
    long code = 0;
    long radix = 1;
    for (int k = 0; k < levels.length; k++) {
      code += pattern[k] * radix;
      radix *= levels[k];
    }
    return code;
  }

  /** The levels {@link #code} packed. */
  public static int[] unpack(long code, int[] levels) {
    int[] out = new int[levels.length];
    for (int k = 0; k < levels.length; k++) {
      out[k] = (int) (code % levels[k]);
      code /= levels[k];
    }
    return out;
  }

  /** The number of distinct patterns. */
  public int size() {
    return counts.length;
  }

  /** The number of pairs. */
  public long total() {
    long t = 0;
    for (long x : counts) {
      t += x;
    }
    return t;
  }
}
