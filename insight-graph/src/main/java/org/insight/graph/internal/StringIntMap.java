package org.insight.graph.internal;

import java.util.Arrays;

/**
 * A map from strings to non-negative int values, open addressing with linear probing: entity ids to unit numbers for
 * a million statements without a {@code HashMap} node and a boxed {@code Integer} per id. A slot is one long (the
 * key's hash and its value) and the keys' characters are copied into one flat arena, so a lookup reads two arrays the
 * size of the ids themselves instead of chasing each stored {@code String} and its bytes: at a million ids those are
 * the cache misses that dominated the graph build.
 */
public final class StringIntMap {
  /** Per slot the key's hash and its value + 1 ({@code hash << 32 | value + 1}; 0: empty). */
  private long[] slots;
  /** Per slot where its key starts in {@link #arena}: its length as two chars, then its chars. */
  private int[] starts;
  private char[] arena;
  private int used;
  private int mask;
  private int size;

  public StringIntMap(int capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException("capacity must be zero or more, got " + capacity);
    }
    allocate(Integer.highestOneBit(Math.max(8, capacity * 2 - 1)) << 1);
    arena = new char[Math.max(64, capacity * 10)];
  }

  private StringIntMap(StringIntMap other) {
    slots = other.slots.clone();
    starts = other.starts.clone();
    arena = Arrays.copyOf(other.arena, Math.max(64, other.used));
    used = other.used;
    mask = other.mask;
    size = other.size;
  }

  private void allocate(int n) {
    slots = new long[n];
    starts = new int[n];
    mask = n - 1;
  }

  /** A copy that changes independently of this map. */
  public StringIntMap copy() {
    return new StringIntMap(this);
  }

  private static int spread(int h) {
    h *= 0x9e3779b9; // String.hashCode of similar ids differs in the low bits only: spread it over the table
    return h ^ h >>> 16;
  }

  /** The value of {@code key}, -1 when absent. */
  public int get(String key) {
    int h = key.hashCode();
    long[] table = slots;
    for (int i = spread(h) & mask;; i = (i + 1) & mask) {
      long slot = table[i];
      if (slot == 0) {
        return -1;
      }
      if ((int) (slot >>> 32) == h && matches(starts[i], key)) {
        return (int) slot - 1;
      }
    }
  }

  private boolean matches(int at, String key) {
    char[] a = arena;
    int length = a[at] << 16 | a[at + 1];
    if (length != key.length()) {
      return false;
    }
    for (int j = 0, x = at + 2; j < length; j++, x++) {
      if (a[x] != key.charAt(j)) {
        return false;
      }
    }
    return true;
  }

  /** Puts {@code value} (non-negative) for a key known to be absent. */
  public void putNew(String key, int value) {
    if (value < 0 || value == Integer.MAX_VALUE) {
      throw new IllegalArgumentException("values are non-negative and below Integer.MAX_VALUE, got " + value);
    }
    if ((size + 1) * 2 > slots.length) {
      grow();
    }
    int length = key.length();
    if (used + length + 2 > arena.length) {
      arena = Arrays.copyOf(arena, Math.max(arena.length * 2, used + length + 2));
    }
    int at = used;
    arena[used++] = (char) (length >>> 16);
    arena[used++] = (char) length;
    key.getChars(0, length, arena, used);
    used += length;
    int h = key.hashCode();
    int i = spread(h) & mask;
    while (slots[i] != 0) {
      i = (i + 1) & mask;
    }
    slots[i] = (long) h << 32 | (value + 1);
    starts[i] = at;
    size++;
  }

  private void grow() {
    long[] oldSlots = slots;
    int[] oldStarts = starts;
    allocate(oldSlots.length * 2);
    for (int j = 0; j < oldSlots.length; j++) {
      if (oldSlots[j] != 0) {
        int i = spread((int) (oldSlots[j] >>> 32)) & mask;
        while (slots[i] != 0) {
          i = (i + 1) & mask;
        }
        slots[i] = oldSlots[j];
        starts[i] = oldStarts[j];
      }
    }
  }

  public int size() {
    return size;
  }
}
