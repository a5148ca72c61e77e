package org.insight.match.internal;

import java.util.Arrays;
import java.util.function.BiConsumer;

/** Counts per non-negative long key, open addressing (one increment per candidate pair must not allocate). */
final class LongCounts {
  private long[] keys = new long[64];
  private long[] counts = new long[64];
  private int size;

  LongCounts() {
    Arrays.fill(keys, -1L);
  }

  void add(long key) {
    int mask = keys.length - 1;
    int h = (int) (mix(key) & mask);
    while (keys[h] != -1L && keys[h] != key) {
      h = (h + 1) & mask;
    }
    if (keys[h] == -1L) {
      keys[h] = key;
      if (++size * 2 > keys.length) {
        counts[h]++;
        grow();
        return;
      }
    }
    counts[h]++;
  }

  private void grow() {
    long[] oldKeys = keys;
    long[] oldCounts = counts;
    keys = new long[oldKeys.length * 2];
    counts = new long[oldKeys.length * 2];
    Arrays.fill(keys, -1L);
    int mask = keys.length - 1;
    for (int q = 0; q < oldKeys.length; q++) {
      if (oldKeys[q] != -1L) {
        int h = (int) (mix(oldKeys[q]) & mask);
        while (keys[h] != -1L) {
          h = (h + 1) & mask;
        }
        keys[h] = oldKeys[q];
        counts[h] = oldCounts[q];
      }
    }
  }

  void forEach(BiConsumer<Long, Long> each) {
    for (int q = 0; q < keys.length; q++) {
      if (keys[q] != -1L) {
        each.accept(keys[q], counts[q]);
      }
    }
  }

  private static long mix(long v) {
    v ^= v >>> 33;
    v *= 0xff51afd7ed558ccdL;
    v ^= v >>> 33;
    return v;
  }
}
