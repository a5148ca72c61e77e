package org.insight.match.internal;

import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/** One thread's counts of level patterns (as {@link RecordTable#pattern} codes). */
final class PatternCounts {
  final LongCounts all = new LongCounts();
  final LongCounts nameOnly = new LongCounts();
  final LongCounts identifier = new LongCounts();
  int chunk = -1;
  int[] codes = new int[256];
  int size;

  void record(int code) {
    if (size == codes.length) {
      codes = Arrays.copyOf(codes, size * 2);
    }
    codes[size++] = code;
  }

  /** Stores the finished chunk's codes if the budget allows, and starts afresh. */
  void keep(int[][] stored, AtomicLong budget) {
    if (stored != null && chunk >= 0 && budget.addAndGet(-size) >= 0) {
      stored[chunk] = Arrays.copyOf(codes, size);
    }
    size = 0;
    if (codes.length > 1 << 16) {
      codes = new int[256];
    }
  }

  /** Distinct patterns in code order with their counts, summed over threads. */
  static Patterns merge(List<PatternCounts> parts, Function<PatternCounts, LongCounts> which, RecordTable table) {
    TreeMap<Long, Long> sum = new TreeMap<>();
    for (PatternCounts p : parts) {
      which.apply(p).forEach((code, count) -> sum.merge(code, count, Long::sum));
    }
    return Patterns.of(sum, table.levelCounts());
  }
}
