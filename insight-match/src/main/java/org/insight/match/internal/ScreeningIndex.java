package org.insight.match.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The inverted index behind {@link org.insight.match.Screening}: entries live in slots (primitive arrays, reused
 * after removal); each key has a posting list of slots. Not thread-safe: the owner locks. Not API.
 *
 * <p>Candidate generation accumulates, per slot, the sum over the query's keys of {@code weight · idf}, with
 * {@code idf = ln(1 + N/df)}. Keys are visited in key order, so a slot's sum does not depend on slot numbers or
 * insertion order. Keys rarer than {@link #OPEN_LIMIT} postings may add new candidates; commoner ones only add to
 * candidates already found (they still rank them), and keys held by more than a fifth of the entries are skipped:
 * the work per query is bounded by the rare keys, not by the list's size. The best {@code limit} slots by sum (ties
 * by entry id) are returned for rescoring.
 */
public final class ScreeningIndex {

  /** Posting lists up to this size may open new candidates. */
  static final int OPEN_LIMIT = 20_000;

  private String[] ids = new String[16];
  private String[] packed = new String[16];
  private int[][] keysOf = new int[16][];
  private int slots;
  private int[] free = new int[16];
  private int freeCount;
  private int live;
  private final Map<String, Integer> slotOf = new HashMap<>();
  private final Map<String, Integer> keyIds = new HashMap<>();
  private final List<String> keyNames = new ArrayList<>();
  private int[][] postings = new int[16][];
  private int[] postingSize = new int[16];

  // shared by every index: a query clears what it touched before it returns
  private static final ThreadLocal<Accumulator> accumulators = ThreadLocal.withInitial(Accumulator::new);

  /** The number of live entries. */
  public int size() {
    return live;
  }

  /** The slot of an entry id, or -1. */
  public int slot(String id) {
    Integer s = slotOf.get(id);
    return s == null ? -1 : s;
  }

  public String id(int slot) {
    return ids[slot];
  }

  public String packed(int slot) {
    return packed[slot];
  }

  /** Every live slot, in no particular order. */
  public int[] liveSlots() {
    int[] out = new int[live];
    int n = 0;
    for (int s = 0; s < slots; s++) {
      if (ids[s] != null) {
        out[n++] = s;
      }
    }
    return out;
  }

  /** Adds an entry (its id must not be present) with its distinct keys; returns its slot. */
  public int add(String id, String packedValues, List<String> keys) {
    if (slotOf.containsKey(id)) {
      throw new IllegalStateException("entry " + id + " is already indexed; remove it first");
    }
    int slot;
    if (freeCount > 0) {
      slot = free[--freeCount];
    } else {
      if (slots == ids.length) {
        int n = ids.length * 2;
        ids = Arrays.copyOf(ids, n);
        packed = Arrays.copyOf(packed, n);
        keysOf = Arrays.copyOf(keysOf, n);
      }
      slot = slots++;
    }
    int[] k = new int[keys.size()];
    for (int i = 0; i < k.length; i++) {
      int key = keyId(keys.get(i));
      k[i] = key;
      int size = postingSize[key];
      int[] list = postings[key];
      if (list == null) {
        list = new int[2];
      } else if (size == list.length) {
        list = Arrays.copyOf(list, size + Math.max(2, size >> 1));
      }
      list[size] = slot;
      postings[key] = list;
      postingSize[key] = size + 1;
    }
    ids[slot] = id;
    packed[slot] = packedValues;
    keysOf[slot] = k;
    slotOf.put(id, slot);
    live++;
    return slot;
  }

  /** Removes an entry; returns its slot (now free) or -1 when it was not there. */
  public int remove(String id) {
    Integer boxed = slotOf.remove(id);
    if (boxed == null) {
      return -1;
    }
    int slot = boxed;
    for (int key : keysOf[slot]) {
      int[] list = postings[key];
      int size = postingSize[key];
      for (int i = 0; i < size; i++) {
        if (list[i] == slot) {
          list[i] = list[size - 1];
          break;
        }
      }
      postingSize[key] = size - 1;
    }
    ids[slot] = null;
    packed[slot] = null;
    keysOf[slot] = null;
    if (freeCount == free.length) {
      free = Arrays.copyOf(free, free.length * 2);
    }
    free[freeCount++] = slot;
    live--;
    return slot;
  }

  private int keyId(String key) {
    Integer k = keyIds.get(key);
    if (k != null) {
      return k;
    }
    int id = keyNames.size();
    keyIds.put(key, id);
    keyNames.add(key);
    if (id == postings.length) {
      postings = Arrays.copyOf(postings, id * 2);
      postingSize = Arrays.copyOf(postingSize, id * 2);
    }
    return id;
  }

  /**
   * The best {@code limit} candidate slots for the query's keys (key → weight, each key once), best first, ties by
   * entry id.
   */
  public int[] candidates(Map<String, Float> queryKeys, int limit) {
    if (live == 0) {
      return new int[0];
    }
    List<String> keys = new ArrayList<>(queryKeys.keySet());
    keys.sort(null);
    Accumulator acc = accumulators.get();
    acc.ensure(slots);
    double n = live;
    try {
      // rare keys open candidates, common ones only rank them: two passes in key order each
      for (int pass = 0; pass < 2; pass++) {
        for (String key : keys) {
          Integer k = keyIds.get(key);
          if (k == null) {
            continue;
          }
          int df = postingSize[k];
          if (df == 0 || df > live / 5 && live >= 1000) {
            continue;
          }
          boolean open = df <= OPEN_LIMIT;
          if (open != (pass == 0)) {
            continue;
          }
          float w = (float) (queryKeys.get(key) * Math.log(1 + n / df));
          int[] list = postings[k];
          for (int i = 0; i < df; i++) {
            int s = list[i];
            if (open) {
              acc.add(s, w);
            } else if (acc.score[s] != 0) {
              acc.score[s] += w;
            }
          }
        }
      }
      PriorityQueue<Integer> worst = new PriorityQueue<>((a, b) -> better(acc, b, a));
      for (int i = 0; i < acc.touched; i++) {
        int s = acc.slots[i];
        if (worst.size() < limit) {
          worst.add(s);
        } else if (better(acc, s, worst.peek()) < 0) {
          worst.poll();
          worst.add(s);
        }
      }
      int[] out = new int[worst.size()];
      for (int i = out.length - 1; i >= 0; i--) {
        out[i] = worst.poll();
      }
      return out;
    } finally {
      acc.clear();
    }
  }

  /** Negative when slot a ranks before slot b: higher sum first, then smaller id. */
  private int better(Accumulator acc, int a, int b) {
    int c = Float.compare(acc.score[b], acc.score[a]);
    return c != 0 ? c : ids[a].compareTo(ids[b]);
  }

  /** Per-thread dense scores with the list of touched slots, cleared after each query. */
  private static final class Accumulator {
    float[] score = new float[0];
    int[] slots = new int[1024];
    int touched;

    void ensure(int capacity) {
      if (score.length < capacity) {
        score = new float[Math.max(capacity, score.length * 2)];
      }
    }

    void add(int slot, float w) {
      if (score[slot] == 0) {
        if (touched == slots.length) {
          slots = Arrays.copyOf(slots, touched * 2);
        }
        slots[touched++] = slot;
      }
      score[slot] += w;
    }

    void clear() {
      for (int i = 0; i < touched; i++) {
        score[slots[i]] = 0;
      }
      touched = 0;
    }
  }
}
