package org.insight.graph.internal;

import java.util.Arrays;

/**
 * A map from strings to non-negative int values, open addressing with linear probing: entity ids to unit numbers for
 * a million statements without a {@code HashMap} node and a boxed {@code Integer} per id. A slot is one long (the
 * key's hash and where its entry starts) and each entry — the value, the key's length and its characters — is copied
 * into one flat arena, so a lookup reads two arrays the size of the ids themselves instead of chasing each stored
 * {@code String}, its bytes and a boxed value: at a million ids those are the cache misses that dominated the build.
 */
public final class StringIntMap {
  /** Per slot the key's hash and where its entry starts in {@link #arena}, + 1 ({@code hash << 32 | start + 1}). */
  private long[] slots;
  /** The entries: the value as two chars, the key's length as two chars, the key's chars. */
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
    arena = Arrays.copyOf(other.arena, Math.max(64, other.used));
    used = other.used;
    mask = other.mask;
    size = other.size;
  }

  private void allocate(int n) {
    slots = new long[n];
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
      if ((int) (slot >>> 32) == h) {
        int at = (int) slot - 1;
        if (matches(at + 2, key)) {
          return arena[at] << 16 | arena[at + 1];
        }
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
    if (value < 0) {
      throw new IllegalArgumentException("values are non-negative, got " + value);
    }
    if ((size + 1) * 2 > slots.length) {
      grow();
    }
    int length = key.length();
    if ((long) used + length + 4 >= Integer.MAX_VALUE) {
      throw new IllegalStateException("the keys' characters exceed what one arena holds (" + used + " chars)");
    }
    if (used + length + 4 > arena.length) {
      arena = Arrays.copyOf(arena, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(2L * arena.length,
          used + length + 4)));
    }
    int at = used;
    arena[used++] = (char) (value >>> 16);
    arena[used++] = (char) value;
    arena[used++] = (char) (length >>> 16);
    arena[used++] = (char) length;
    key.getChars(0, length, arena, used);
    used += length;
    int h = key.hashCode();
    int i = spread(h) & mask;
    while (slots[i] != 0) {
      i = (i + 1) & mask;
    }
    slots[i] = (long) h << 32 | (at + 1);
    size++;
  }

  private void grow() {
    long[] oldSlots = slots;
    allocate(oldSlots.length * 2);
    for (int j = 0; j < oldSlots.length; j++) {
      if (oldSlots[j] != 0) {
        int i = spread((int) (oldSlots[j] >>> 32)) & mask;
        while (slots[i] != 0) {
          i = (i + 1) & mask;
        }
        slots[i] = oldSlots[j];
      }
    }
  }

  public int size() {
    return size;
  }
}
