package org.insight.match.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The inverted index behind {@link org.insight.match.Screening}: entries live in slots (primitive arrays, reused
 * after removal); each key has a posting list of slots. Keys are held as 64-bit hashes in an open-addressing table
 * (a million entries have millions of distinct keys; a collision would only merge two posting lists, and every
 * candidate is rescored by the model anyway). Not thread-safe: the owner locks. Not API.
 *
 * <p>A query is a set of keys in <em>groups</em>: the keys of one query name token form a group, the keys of one
 * compared property another. A slot gets, per group, the best evidence among the group's keys it holds (a word that
 * meets an entry's token by spelling, by sound and by skeleton counts once, at its best), summed separately for
 * name groups (estimated token similarities) and other groups (model weights). The owner turns the two sums into an
 * estimate of the model's weight; the best {@code limit} slots by estimate (ties by a hash of the entry id, then the
 * id) are rescored. Keys are visited in group and key order, so a slot's sums do not depend on slot numbers or
 * insertion order. What is read: name keys held by at most 2% of the entries (a three-letter deletion is not read),
 * other keys up to 2% open candidates, commoner ones (a country) only add to slots already found, keys held by more
 * than a fifth (a gender) are not read. When that finds fewer than {@code limit} slots, everything is read. The work
 * per query is bounded by the lists of its rarer keys: a few tens of thousands of postings at a million entries.
 */
public final class ScreeningIndex {

  private String[] ids = new String[16];
  private String[] packed = new String[16];
  private int[][] keysOf = new int[16][];
  private long[] presence = new long[16];
  private byte[] nameTokens = new byte[16];
  private int[] idHash = new int[16];
  private int slots;
  private int[] free = new int[16];
  private int freeCount;
  private int live;
  private final Map<String, Integer> slotOf = new HashMap<>();
  private final KeyTable keyIds = new KeyTable();
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

  /**
   * Adds an entry (its id must not be present) with its distinct keys, a bit per comparison it has values for, and
   * the number of tokens of its shortest name; returns its slot.
   */
  public int add(String id, String packedValues, List<String> keys, long presenceBits, int tokens) {
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
        presence = Arrays.copyOf(presence, n);
        nameTokens = Arrays.copyOf(nameTokens, n);
        idHash = Arrays.copyOf(idHash, n);
      }
      slot = slots++;
    }
    int[] k = new int[keys.size()];
    int distinct = 0;
    for (String key : keys) {
      int id0 = keyId(key);
      boolean seen = false;
      for (int i = 0; i < distinct; i++) {
        seen |= k[i] == id0;
      }
      if (seen) {
        continue; // two keys with one hash: one posting
      }
      k[distinct++] = id0;
      int size = postingSize[id0];
      int[] list = postings[id0];
      if (list == null) {
        list = new int[2];
      } else if (size == list.length) {
        list = Arrays.copyOf(list, size + Math.max(2, size >> 1));
      }
      list[size] = slot;
      postings[id0] = list;
      postingSize[id0] = size + 1;
    }
    ids[slot] = id;
    packed[slot] = packedValues;
    keysOf[slot] = distinct == k.length ? k : Arrays.copyOf(k, distinct);
    presence[slot] = presenceBits;
    nameTokens[slot] = (byte) Math.min(127, tokens);
    idHash[slot] = id.hashCode();
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
    int id = keyIds.getOrAdd(Hash64.of(key));
    if (id == postings.length) {
      postings = Arrays.copyOf(postings, id * 2);
      postingSize = Arrays.copyOf(postingSize, id * 2);
    }
    return id;
  }


  /** A query: keys in groups, each with its evidence. Build it, then pass it to {@link #candidates}. */
  public static final class Query {
    final List<String> keys = new ArrayList<>();
    int[] group = new int[16];
    float[] value = new float[16];
    private boolean[] nameGroup = new boolean[4];
    private boolean[] skipped = new boolean[4];
    private int groups;
    private int nameGroups;
    boolean nameKeySkipped;

    /** A new group; name groups add to the name sum, others to the weight sum. Returns its number. */
    public int group(boolean name) {
      if (groups == nameGroup.length) {
        nameGroup = Arrays.copyOf(nameGroup, groups * 2);
        skipped = Arrays.copyOf(skipped, groups * 2);
      }
      nameGroup[groups] = name;
      nameGroups += name ? 1 : 0;
      return groups++;
    }

    /** Adds a key of a group with its evidence (a key twice in one group keeps the better evidence). */
    public void key(int g, String key, float evidence) {
      int n = keys.size();
      if (n == group.length) {
        group = Arrays.copyOf(group, n * 2);
        value = Arrays.copyOf(value, n * 2);
      }
      keys.add(key);
      group[n] = g;
      value[n] = evidence;
    }

    /** Whether some key of this group was too common to read (its evidence is unknown for every slot). */
    public boolean skipped(int g) {
      return skipped[g];
    }
  }

  /** Turns a slot's sums into the estimate its candidates are ranked by. */
  public interface Estimator {
    float estimate(float nameSum, float weightSum, long presence, int nameTokens);
  }

  /**
   * Candidate slots, best estimate first, with their estimates and whether every name group met its best evidence
   * (for a name: every query token met an entry token exactly; true for all when a name key went unread).
   */
  public record Candidates(int[] slots, float[] estimates, boolean[] allNameGroups, int touched) {}

  /**
   * The best {@code limit} candidate slots for a query by estimate, best first, ties by entry id; slots that share no
   * key with the query are not candidates.
   */
  public Candidates candidates(Query q, Estimator estimator, int limit) {
    if (live == 0 || q.keys.isEmpty()) {
      return new Candidates(new int[0], new float[0], new boolean[0], 0);
    }
    Integer[] order = new Integer[q.keys.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> q.group[a] != q.group[b] ? Integer.compare(q.group[a], q.group[b])
        : q.keys.get(a).compareTo(q.keys.get(b)));
    int[] keyId = new int[order.length];
    for (int i = 0; i < order.length; i++) {
      keyId[i] = keyIds.get(Hash64.of(q.keys.get(i)));
    }
    Accumulator acc = accumulators.get();
    acc.ensure(slots);
    try {
      // a key held by more than a fifth of the list (a gender, a country in a national list) is not read when rarer
      // keys find enough candidates; the evidence of its group is then unknown for every slot, so the group's other
      // keys are not read either and the owner leaves its comparison out
      boolean skip = live >= 1000 && accumulate(q, order, keyId, acc, true) >= limit;
      if (!skip) {
        acc.clear();
        Arrays.fill(q.skipped, false);
        q.nameKeySkipped = false;
        accumulate(q, order, keyId, acc, false);
      }
      int n = acc.touched;
      float[] est = new float[n];
      boolean[] all = new boolean[n];
      float full = q.nameGroups - 1e-3f;
      for (int i = 0; i < n; i++) {
        int s = acc.slots[i];
        float name = acc.name(s);
        est[i] = estimator.estimate(name, acc.weight(s), presence[s], nameTokens[s]);
        all[i] = q.nameKeySkipped || name >= full;
      }
      return select(acc.slots, est, all, n, limit);
    } finally {
      acc.clear();
    }
  }

  /** Reads the query's posting lists into the accumulator; returns the number of slots touched. */
  private int accumulate(Query q, Integer[] order, int[] keyId, Accumulator acc, boolean skipCommon) {
    int common = live / 5;
    // a name key held by more than 2% of the list (a three-letter deletion, a short skeleton) adds little to what the
    // word's own keys find, and would be most of the reading
    int commonName = Math.max(1000, live / 50);
    if (skipCommon) {
      for (int i = 0; i < order.length; i++) {
        int k = keyId[i];
        if (k >= 0 && postingSize[k] > common && !q.nameGroup[q.group[i]]) {
          q.skipped[q.group[i]] = true;
        }
      }
    }
    // a non-name key held by more than 2% of the list (a country) only ranks slots that rarer keys found: read
    // after them, each such group first re-marks what its rarer keys gave (already counted) so a slot still gets the
    // group's best evidence once
    int opens = Math.max(1000, live / 50);
    boolean[] rankOnly = new boolean[q.groups];
    boolean[] read = new boolean[order.length];
    for (int idx : order) {
      int k = keyId[idx];
      int g = q.group[idx];
      if (k < 0 || postingSize[k] == 0
          || skipCommon && (q.skipped[g] || postingSize[k] > (q.nameGroup[g] ? commonName : common))) {
        if (k >= 0 && postingSize[k] > 0 && q.nameGroup[g]) {
          q.nameKeySkipped = true;
        }
        continue;
      }
      read[idx] = true;
      if (skipCommon && !q.nameGroup[g] && postingSize[k] > opens) {
        rankOnly[g] = true;
      } else {
        acc.read(postings[k], postingSize[k], g + 1, q.value[idx], q.nameGroup[g], Accumulator.OPEN);
      }
    }
    acc.group = q.groups + 1;
    for (int g = 0; g < q.groups; g++) {
      if (!rankOnly[g]) {
        continue;
      }
      acc.group++; // a fresh mark: first what the group's rarer keys gave (counted already), then the common keys
      for (int mode = Accumulator.MARK; mode >= Accumulator.RANK; mode--) {
        for (int idx : order) {
          int k = keyId[idx];
          if (q.group[idx] != g || !read[idx]) {
            continue;
          }
          boolean common1 = postingSize[k] > opens;
          if (common1 == (mode == Accumulator.RANK)) {
            acc.read(postings[k], postingSize[k], acc.group, q.value[idx], false, mode);
          }
        }
      }
    }
    return acc.touched;
  }

  /**
   * The best {@code limit} of the touched slots by estimate, ties by entry id. Ranked by a primitive key (the estimate,
   * then a hash of the id) so that thousands of ties cost no string comparison; the few chosen are then sorted by
   * estimate and id.
   */
  private Candidates select(int[] touched, float[] est, boolean[] all, int n, int limit) {
    long threshold = Long.MAX_VALUE;
    if (n > limit) {
      long[] keys = new long[n];
      for (int i = 0; i < n; i++) {
        keys[i] = rankKey(est[i], idHash[touched[i]]);
      }
      threshold = kthSmallest(keys, limit);
    }
    List<Integer> chosen = new ArrayList<>(Math.min(n, limit) + 16);
    for (int i = 0; i < n; i++) {
      if (n <= limit || Long.compareUnsigned(rankKey(est[i], idHash[touched[i]]), threshold) <= 0) {
        chosen.add(i);
      }
    }
    chosen.sort((a, b) -> {
      int c = Float.compare(est[b], est[a]);
      return c != 0 ? c : ids[touched[a]].compareTo(ids[touched[b]]);
    });
    int m = chosen.size(); // more than limit only when ids' hashes collide at the threshold: all are kept
    int[] out = new int[m];
    float[] outEst = new float[m];
    boolean[] outAll = new boolean[m];
    for (int i = 0; i < m; i++) {
      out[i] = touched[chosen.get(i)];
      outEst[i] = est[chosen.get(i)];
      outAll[i] = all[chosen.get(i)];
    }
    return new Candidates(out, outEst, outAll, n);
  }

  /** Smaller is better: the estimate descending (as sortable bits), then the id's hash. */
  private static long rankKey(float estimate, int hash) {
    int bits = Float.floatToIntBits(estimate);
    bits = bits < 0 ? ~bits : bits | 0x80000000; // ascending unsigned order of floats
    long desc = 0xFFFFFFFFL - (bits & 0xFFFFFFFFL);
    return desc << 32 | (hash & 0xFFFFFFFFL);
  }

  /** The k-th smallest value (1-based) of a; reorders a. */
  static long kthSmallest(long[] a, int k) {
    int lo = 0;
    int hi = a.length - 1;
    int target = k - 1;
    while (lo < hi) {
      long pivot = a[(lo + hi) >>> 1];
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (Long.compareUnsigned(a[i], pivot) < 0) {
          i++;
        }
        while (Long.compareUnsigned(a[j], pivot) > 0) {
          j--;
        }
        if (i <= j) {
          long t = a[i];
          a[i] = a[j];
          a[j] = t;
          i++;
          j--;
        }
      }
      if (target <= j) {
        hi = j;
      } else if (target >= i) {
        lo = i;
      } else {
        return a[target];
      }
    }
    return a[target];
  }

  /**
   * Per-thread dense sums with the list of touched slots, cleared after each query. A slot's four values (name sum,
   * weight sum, best evidence in the current group, current group + 1) sit side by side: one cache line per posting.
   */
  private static final class Accumulator {
    static final int NAME = 0;
    static final int WEIGHT = 1;
    static final int BEST = 2;
    static final int GROUP = 3;
    float[] cells = new float[0];
    int[] slots = new int[1024];
    int touched;

    void ensure(int capacity) {
      if (cells.length < capacity * 4) {
        cells = new float[Math.max(capacity, cells.length / 2) * 4];
      }
    }

    float name(int s) {
      return cells[s * 4 + NAME];
    }

    float weight(int s) {
      return cells[s * 4 + WEIGHT];
    }

    static final int OPEN = 0;
    static final int RANK = 1;
    static final int MARK = 2;
    /** The mark of the last group read in the ranking pass (above every group + 1 of the first pass). */
    int group;

    /**
     * One posting list of the group marked {@code g1} with this evidence: a slot keeps its best per group. OPEN
     * touches new slots; RANK adds only to touched ones; MARK records the evidence as already counted.
     */
    void read(int[] list, int df, int g1, float v, boolean isName, int mode) {
      float[] c = cells;
      int sum = isName ? NAME : WEIGHT;
      float group = g1; // exact: marks stay far below 2^24
      for (int i = 0; i < df; i++) {
        int s = list[i];
        int base = s * 4;
        float l = c[base + GROUP];
        if (l != group) {
          if (l == 0) {
            if (mode == RANK) {
              continue;
            }
            if (touched == slots.length) {
              slots = Arrays.copyOf(slots, touched * 2);
            }
            slots[touched++] = s;
          }
          c[base + GROUP] = group;
          c[base + BEST] = v;
          if (mode != MARK) {
            c[base + sum] += v;
          }
        } else if (v > c[base + BEST]) {
          if (mode != MARK) {
            c[base + sum] += v - c[base + BEST];
          }
          c[base + BEST] = v;
        }
      }
    }

    void clear() {
      float[] c = cells;
      for (int i = 0; i < touched; i++) {
        int base = slots[i] * 4;
        c[base] = 0;
        c[base + 1] = 0;
        c[base + 2] = 0;
        c[base + 3] = 0;
      }
      touched = 0;
      group = 0;
    }
  }

  /** An open-addressing table from 64-bit key hashes to dense key ids. */
  private static final class KeyTable {
    private long[] hashes = new long[1 << 10];
    private int[] values = new int[1 << 10];
    private boolean[] used = new boolean[1 << 10];
    private int size;

    int get(long h) {
      int mask = hashes.length - 1;
      for (int i = (int) (h ^ (h >>> 32)) & mask; used[i]; i = (i + 1) & mask) {
        if (hashes[i] == h) {
          return values[i];
        }
      }
      return -1;
    }

    int getOrAdd(long h) {
      int mask = hashes.length - 1;
      int i = (int) (h ^ (h >>> 32)) & mask;
      for (; used[i]; i = (i + 1) & mask) {
        if (hashes[i] == h) {
          return values[i];
        }
      }
      hashes[i] = h;
      values[i] = size;
      used[i] = true;
      size++;
      if (size * 2 > hashes.length) {
        grow();
      }
      return size - 1;
    }

    private void grow() {
      long[] oh = hashes;
      int[] ov = values;
      boolean[] ou = used;
      hashes = new long[oh.length * 2];
      values = new int[oh.length * 2];
      used = new boolean[oh.length * 2];
      int mask = hashes.length - 1;
      for (int j = 0; j < oh.length; j++) {
        if (ou[j]) {
          int i = (int) (oh[j] ^ (oh[j] >>> 32)) & mask;
          while (used[i]) {
            i = (i + 1) & mask;
          }
          hashes[i] = oh[j];
          values[i] = ov[j];
          used[i] = true;
        }
      }
    }
  }
}
