package org.insight.graph.internal;

import java.util.Arrays;

/**
 * A map from long keys to non-negative int values, open addressing with linear probing: node pairs to pair numbers
 * without boxing a {@code Long} per edge (whose hash, {@code u ^ v} for a pair, collides badly). Sized for
 * {@code capacity} keys, it doubles when more come.
 */
public final class LongIntMap {
  private long[] keys;
  private int[] values;
  private int mask;
  private int size;
  private int capacity;

  public LongIntMap(int capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException("capacity must be zero or more, got " + capacity);
    }
    allocate(capacity);
  }

  private void allocate(int capacity) {
    int slots = Integer.highestOneBit(Math.max(4, capacity * 2 - 1)) << 1;
    this.keys = new long[slots];
    this.values = new int[slots];
    Arrays.fill(values, -1);
    this.mask = slots - 1;
    this.capacity = capacity;
  }

  private int slot(long k) {
    // the finaliser of MurmurHash3: spreads node pairs over the table
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb9fe1a85ec53L;
    k ^= k >>> 33;
    return (int) k & mask;
  }

  /** The value of {@code key}, -1 when absent. */
  public int get(long key) {
    for (int i = slot(key);; i = (i + 1) & mask) {
      if (values[i] < 0 || keys[i] == key) {
        return values[i];
      }
    }
  }

  /** The value of {@code key}; when absent, puts {@code value} (non-negative) and returns it. */
  public int putIfAbsent(long key, int value) {
    for (int i = slot(key);; i = (i + 1) & mask) {
      if (values[i] < 0) {
        if (size == capacity) {
          grow();
          return putIfAbsent(key, value);
        }
        keys[i] = key;
        values[i] = value;
        size++;
        return value;
      }
      if (keys[i] == key) {
        return values[i];
      }
    }
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldValues = values;
    allocate(Math.max(4, capacity * 2));
    int kept = size;
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldValues[i] >= 0) {
        putIfAbsent(oldKeys[i], oldValues[i]);
      }
    }
    assert size == kept;
  }

  public int size() {
    return size;
  }
}
