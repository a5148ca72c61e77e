package org.insight.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.insight.core.EntityId;
import org.insight.core.Statement;
import org.insight.graph.internal.LabelSets;
import org.insight.policy.Label;

/**
 * The edges under construction, as columns: an edge is a number; its key (source, target, and its kind-type-value
 * number) is found by open addressing over one long array, or, for the links, appended already merged
 * ({@link #append}); its count, sums, dates and label set are array cells; its
 * statement ids are appended to one pair of columns (edge, id) and grouped per edge once at the end
 * ({@link #freeze}).
 */
final class EdgeTable {
  final LabelSets labelSets;
  // kind-type-value combinations
  final List<EdgeKind> kindOf = new ArrayList<>();
  final List<String> typeOf = new ArrayList<>();
  final List<String> valueOf = new ArrayList<>();
  private boolean[] directedOf = new boolean[16];
  final Map<EdgeKind, Map<String, Integer>> plain = new EnumMap<>(EdgeKind.class);
  // the edges
  int size;
  int[] source;
  int[] target;
  int[] ktv;
  int[] count;
  double[] amount;
  double[] duration;
  String[] start;
  String[] end;
  int[] labels;
  final Map<Integer, TreeSet<String>> documents = new HashMap<>();
  private final Map<Integer, double[]> amountTerms = new HashMap<>();
  private final Map<Integer, double[]> durationTerms = new HashMap<>();
  private final BitSet amountSeen = new BitSet();
  private final BitSet durationSeen = new BitSet();
  /**
   * The open-addressing table: a slot is the key's 32-bit hash and the edge's number + 1 ({@code hash << 32 | edge +
   * 1}; 0: empty), 8 bytes, so the table is small enough to stay mostly in cache, and a probe reads the edge's key
   * columns only when the hash matches (a new edge, the common case, reads no column).
   */
  long[] slots;
  /** The edges in {@link #slots} (appended edges are not: see {@link #append}). */
  private int hashed;
  // the evidence: statement ids with their edge
  int evidence;
  int[] evidenceEdge;
  String[] evidenceId;

  /**
   * @param capacity the edges expected
   * @param hashedCapacity the edges expected through {@link #edge} (the rest are appended)
   * @param statements the statement ids expected as evidence (a million links bring two million: no doubling)
   */
  EdgeTable(int capacity, int hashedCapacity, int statements, LabelSets labelSets) {
    this.labelSets = labelSets;
    evidenceEdge = new int[Math.max(16, statements)];
    evidenceId = new String[Math.max(16, statements)];
    source = new int[capacity];
    target = new int[capacity];
    ktv = new int[capacity];
    count = new int[capacity];
    amount = new double[capacity];
    duration = new double[capacity];
    start = new String[capacity];
    end = new String[capacity];
    labels = new int[capacity];
    // at most half full at capacity: small, to stay cached
    slots = new long[Integer.highestOneBit(Math.max(16, hashedCapacity) * 2 - 1)];
  }

  // the last plain kind asked for: links of one type come in runs
  private EdgeKind lastKind;
  private String lastType;
  private int lastPlain;

  /** The kind-type number of a kind and type without a value, made once. */
  int plainKind(EdgeKind kind, String type, boolean directed) {
    if (kind == lastKind && type.equals(lastType)) {
      return lastPlain;
    }
    int k = plain.computeIfAbsent(kind, x -> new HashMap<>()).computeIfAbsent(type, t -> newKind(kind, t, "",
        directed));
    lastKind = kind;
    lastType = type;
    lastPlain = k;
    return k;
  }

  /** A new kind-type-value number for one shared value (each shared value is its own). */
  int sharedKind(String type, String value) {
    return newKind(EdgeKind.SHARED_IDENTIFIER, type, value, false);
  }

  private int newKind(EdgeKind kind, String type, String value, boolean directed) {
    kindOf.add(kind);
    typeOf.add(type);
    valueOf.add(value);
    int k = kindOf.size() - 1;
    if (k == directedOf.length) {
      directedOf = Arrays.copyOf(directedOf, k * 2);
    }
    directedOf[k] = directed;
    return k;
  }

  int edge(int a, int b, EdgeKind kind, String type, boolean directed) {
    return edge(a, b, plainKind(kind, type, directed));
  }

  /** Whether edges of a kind-type-value number are directed (an undirected one's source is its smaller end). */
  boolean directed(int k) {
    return directedOf[k];
  }

  /**
   * A new edge from s to t (s &lt;= t when undirected) of a kind-type-value, not entered into the slots: for a
   * kind whose edges all come at once, already merged by key (the links, sorted by {@code NetworkBuilder}), so no
   * later {@link #edge} call asks for that kind.
   */
  int append(int s, int t, int k) {
    int e = size++;
    if (e == source.length) {
      resize(e * 2);
    }
    source[e] = s;
    target[e] = t;
    ktv[e] = k;
    return e;
  }

  /** The edge between node numbers (by id rank) a and b of a kind-type-value, made when new. */
  int edge(int a, int b, int k) {
    boolean swap = !directedOf[k] && a > b;
    int s = swap ? b : a;
    int t = swap ? a : b;
    int h = hash(s, t, k);
    long[] table = slots;
    int mask = table.length - 1;
    for (int i = h & mask;; i = (i + 1) & mask) {
      long slot = table[i];
      if (slot == 0) {
        if (hashed > table.length >> 1) {
          grow();
          return edge(s, t, k);
        }
        int e = append(s, t, k);
        hashed++;
        table[i] = (long) h << 32 | (e + 1);
        return e;
      }
      if ((int) (slot >>> 32) == h) {
        int e = (int) slot - 1;
        if (source[e] == s && target[e] == t && ktv[e] == k) {
          return e;
        }
      }
    }
  }

  private static int hash(int s, int t, int k) {
    long h = ((long) s << 32 | t) * 0x9e3779b97f4a7c15L + k * 0xc2b2ae3d27d4eb4fL;
    h ^= h >>> 31;
    h *= 0xff51afd7ed558ccdL;
    return (int) (h ^ h >>> 32);
  }

  private void grow() {
    long[] old = slots;
    slots = new long[old.length * 2];
    int mask = slots.length - 1;
    for (long slot : old) {
      if (slot != 0) {
        int i = (int) (slot >>> 32) & mask;
        while (slots[i] != 0) {
          i = (i + 1) & mask;
        }
        slots[i] = slot;
      }
    }
  }

  private void resize(int capacity) {
    source = Arrays.copyOf(source, capacity);
    target = Arrays.copyOf(target, capacity);
    ktv = Arrays.copyOf(ktv, capacity);
    count = Arrays.copyOf(count, capacity);
    amount = Arrays.copyOf(amount, capacity);
    duration = Arrays.copyOf(duration, capacity);
    start = Arrays.copyOf(start, capacity);
    end = Arrays.copyOf(end, capacity);
    labels = Arrays.copyOf(labels, capacity);
  }

  void statement(int e, Statement s) {
    if (evidence == evidenceEdge.length) {
      evidenceEdge = Arrays.copyOf(evidenceEdge, evidence * 2);
      evidenceId = Arrays.copyOf(evidenceId, evidence * 2);
    }
    evidenceEdge[evidence] = e;
    evidenceId[evidence++] = s.id();
    labels[e] = labelSets.add(labels[e], s.label());
  }

  void label(int e, Label l) {
    labels[e] = labelSets.add(labels[e], l);
  }

  void document(int e, String doc) {
    documents.computeIfAbsent(e, k -> new TreeSet<>()).add(doc);
  }

  void date(int e, String d) {
    start[e] = start[e] == null || d.compareTo(start[e]) < 0 ? d : start[e];
    end[e] = end[e] == null || d.compareTo(end[e]) > 0 ? d : end[e];
  }

  /**
   * Adds {@code x} to edge {@code e}'s amount (or, with {@code durations}, its duration). An edge with more than one
   * term keeps them and sums them in value order at the end ({@link #freeze}), so the sum does not depend on the
   * order the links came in: a graph grown from a cached one equals a fresh build bit for bit.
   */
  void add(boolean durations, int e, double x) {
    if (x == 0) {
      return;
    }
    double[] sums = durations ? duration : amount;
    Map<Integer, double[]> terms = durations ? durationTerms : amountTerms;
    BitSet seen = durations ? durationSeen : amountSeen;
    if (!seen.get(e)) {
      seen.set(e);
      sums[e] = x;
      return;
    }
    double[] t = terms.get(e);
    if (t == null) {
      t = new double[] {2, sums[e], x, 0};
    } else {
      int n = (int) t[0];
      if (n + 1 == t.length) {
        t = Arrays.copyOf(t, t.length * 2);
      }
      t[n + 1] = x;
      t[0] = n + 1;
    }
    terms.put(e, t);
  }

  private static void sumInOrder(double[] sums, Map<Integer, double[]> terms) {
    terms.forEach((e, t) -> {
      int n = (int) t[0];
      Arrays.sort(t, 1, n + 1);
      double s = 0;
      for (int i = 1; i <= n; i++) {
        s += t[i];
      }
      sums[e] = s;
    });
  }

  /**
   * The edges as the network keeps them, in {@code order} ({@link #order()}): the ends permuted into that order, the
   * other columns kept in table order and read through it, each edge's
   * statement ids grouped into one flat column (sorted and deduplicated when the edge is read: comparing a million
   * strings here would cost more than the build's hashing), each label set folded once.
   *
   * @param nodeOf the network's node index of each table node number
   * @param nodeIds the network's node ids by node index
   */
  EdgeColumns freeze(int[] order, int[] nodeOf, EntityId[] nodeIds, Label[] foldedSets) {
    sumInOrder(amount, amountTerms);
    sumInOrder(duration, durationTerms);
    int m = size;
    int[] position = new int[m];
    for (int at = 0; at < m; at++) {
      position[order[at]] = at;
    }
    // only the ends are permuted into edge order (the network's adjacency needs them so); the other columns stay in
    // table order, read through the order when an edge is asked for: a random read of seven columns per edge saved
    int[] from = new int[m];
    int[] to = new int[m];
    for (int at = 0; at < m; at++) {
      int e = order[at];
      from[at] = nodeOf[source[e]];
      to[at] = nodeOf[target[e]];
    }
    boolean[] used = new boolean[foldedSets.length];
    for (int e = 0; e < m; e++) {
      used[labels[e]] = true;
    }
    // the statement ids, grouped by edge position
    int[] at = new int[m + 1];
    for (int i = 0; i < evidence; i++) {
      at[position[evidenceEdge[i]] + 1]++;
    }
    for (int e = 0; e < m; e++) {
      at[e + 1] += at[e];
    }
    String[] grouped = new String[evidence];
    int[] fill = Arrays.copyOf(at, m);
    for (int i = 0; i < evidence; i++) {
      grouped[fill[position[evidenceEdge[i]]]++] = evidenceId[i];
    }
    evidenceId = null; // the table is done with
    evidenceEdge = null;
    Map<Integer, List<String>> docs = new HashMap<>();
    documents.forEach((e, set) -> docs.put(position[e], List.copyOf(set)));
    int kinds = kindOf.size();
    boolean[] directed = Arrays.copyOf(directedOf, kinds);
    List<Label> distinct = new ArrayList<>();
    java.util.Set<Label> seen = new java.util.HashSet<>();
    for (int set = 0; set < used.length; set++) {
      if (used[set] && seen.add(foldedSets[set])) {
        distinct.add(foldedSets[set]);
      }
    }
    return new EdgeColumns(nodeIds, from, to, order, trim(ktv, m), kindOf.toArray(EdgeKind[]::new),
        typeOf.toArray(String[]::new), valueOf.toArray(String[]::new), directed, trim(count, m), trim(amount, m),
        trim(duration, m), trim(start, m), trim(end, m), at, grouped, docs, trim(labels, m), foldedSets,
        List.copyOf(distinct));
  }

  /** A column cut to its used length when the doubling left much room (the network keeps it). */
  private static int[] trim(int[] column, int m) {
    return column.length > m + m / 4 ? Arrays.copyOf(column, m) : column;
  }

  private static double[] trim(double[] column, int m) {
    return column.length > m + m / 4 ? Arrays.copyOf(column, m) : column;
  }

  private static String[] trim(String[] column, int m) {
    return column.length > m + m / 4 ? Arrays.copyOf(column, m) : column;
  }

  /** The edge numbers in edge order: source, target, kind, type, value (node numbers follow id order). */
  int[] order() {
    int k = kindOf.size();
    Integer[] kinds = new Integer[k];
    for (int i = 0; i < k; i++) {
      kinds[i] = i;
    }
    Arrays.sort(kinds, (a, b) -> {
      int c = kindOf.get(a).compareTo(kindOf.get(b));
      if (c == 0) {
        c = typeOf.get(a).compareTo(typeOf.get(b));
      }
      return c != 0 ? c : valueOf.get(a).compareTo(valueOf.get(b));
    });
    int[] kindRank = new int[k];
    for (int r = 0; r < k; r++) {
      kindRank[kinds[r]] = r;
    }
    // bucket by source, then sort each bucket (a node's few edges) by target and kind rank
    int maxSource = 0;
    for (int e = 0; e < size; e++) {
      maxSource = Math.max(maxSource, source[e]);
    }
    int[] bucket = new int[maxSource + 2];
    for (int e = 0; e < size; e++) {
      bucket[source[e] + 1]++;
    }
    for (int s = 0; s <= maxSource; s++) {
      bucket[s + 1] += bucket[s];
    }
    int[] out = new int[size];
    long[] key = new long[size];
    int[] fill = Arrays.copyOf(bucket, maxSource + 1);
    for (int e = 0; e < size; e++) {
      int at = fill[source[e]]++;
      out[at] = e;
      key[at] = (long) target[e] << 32 | kindRank[ktv[e]];
    }
    for (int s = 0; s <= maxSource; s++) {
      sortBucket(out, key, bucket[s], bucket[s + 1]);
    }
    return out;
  }

  private static void sortBucket(int[] out, long[] key, int from, int to) {
    if (to - from > 32) {
      long[] packed = new long[to - from];
      Integer[] idx = new Integer[to - from];
      for (int i = from; i < to; i++) {
        idx[i - from] = i;
        packed[i - from] = key[i];
      }
      Arrays.sort(idx, (a, b) -> Long.compare(key[a], key[b]));
      int[] sorted = new int[to - from];
      for (int i = 0; i < idx.length; i++) {
        sorted[i] = out[idx[i]];
        packed[i] = key[idx[i]];
      }
      System.arraycopy(sorted, 0, out, from, sorted.length);
      System.arraycopy(packed, 0, key, from, packed.length);
      return;
    }
    for (int i = from + 1; i < to; i++) {
      int e = out[i];
      long k = key[i];
      int j = i - 1;
      while (j >= from && key[j] > k) {
        out[j + 1] = out[j];
        key[j + 1] = key[j];
        j--;
      }
      out[j + 1] = e;
      key[j + 1] = k;
    }
  }
}
