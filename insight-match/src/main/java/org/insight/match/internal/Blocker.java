package org.insight.match.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.insight.match.BlockingStats;
import org.insight.match.Comparison;
import org.insight.match.MatchRecord;
import org.insight.names.Names;
import org.insight.names.Nicknames;

/**
 * Candidate pairs from several blocking keys per record:
 *
 * <ul>
 *   <li>{@code pp:} the sorted pair of Double Metaphone codes of two tokens of one name (robust to spelling variants,
 *       token order and added middle names);
 *   <li>{@code ty:} a normalised (transliterated) name token and the birth year (robust to a typo in the other
 *       token);
 *   <li>{@code py:} a token's phonetic code and the birth year;
 *   <li>{@code id:}, {@code ph:}, {@code em:} each identifier, the last eight digits of each phone, each e-mail
 *       after provider normalisation.
 * </ul>
 *
 * Blocks larger than the maximum size are skipped and counted. Each pair is produced once however many keys its
 * records share. In link mode only pairs with one record on each side are produced. Not API.
 */
public final class Blocker {

  /** The prefix of the keys built from names alone (no date): pairs sharing one are not shaped on their dates. */
  public static final String NAME_ONLY_PREFIX = "pp:";

  private Blocker() {}

  /** Candidate pairs (as {@code i * n + j} with {@code i < j}) and stats. */
  public record Result(long[] pairs, BlockingStats stats) {}

  /**
   * Blocks {@code records} into a list of pairs; when {@code split >= 0}, records before {@code split} are the left
   * side and only left–right pairs are produced. For small inputs and tests: a run streams the pairs of an
   * {@link #index} instead of holding them.
   */
  public static Result block(List<MatchRecord> records, List<Comparison> comparisons, int maxBlockSize, int split) {
    try (Workers workers = new Workers(1)) {
      Index index = index(records, comparisons, maxBlockSize, split, workers);
      long n = records.size();
      long[][] out = {new long[16]};
      int[] size = {0};
      index.forEachPair(workers, () -> Boolean.TRUE, (a, i, j) -> {
        if (size[0] == out[0].length) {
          out[0] = java.util.Arrays.copyOf(out[0], size[0] * 2);
        }
        out[0][size[0]++] = i * n + j;
      });
      long[] pairs = java.util.Arrays.copyOf(out[0], size[0]);
      java.util.Arrays.sort(pairs);
      return new Result(pairs, index.stats(pairs.length));
    }
  }

  /**
   * The blocks of {@code records}, without string maps: every blocking key is hashed to 64 bits, (hash, record)
   * entries are sorted and runs of one hash are the blocks. The record index takes the low bits of an entry, so the
   * hash keeps {@code 64 - ceil(log2 n)} bits (43 at two million records): two distinct keys of a run share a block
   * with probability about {@code keys² / 2^44}, a handful of extra candidate pairs at most.
   */
  public static Index index(List<MatchRecord> records, List<Comparison> comparisons, int maxBlockSize, int split,
      Workers workers) {
    int n = records.size();
    int indexBits = Math.max(1, 64 - Long.numberOfLeadingZeros(Math.max(1, n - 1)));
    long indexMask = (1L << indexBits) - 1;
    long[][] keys = new long[n][];
    long[][] nameOnly = new long[n][];
    long[][] identifier = new long[n][];
    workers.forRange(n, i -> {
      Set<String> ks = keys(records.get(i), comparisons);
      long[] all = new long[ks.size()];
      long[] pp = new long[ks.size()];
      long[] id = new long[ks.size()];
      int a = 0;
      int p = 0;
      int d = 0;
      for (String k : ks) {
        long h = Hash64.of(k) & ~indexMask;
        all[a++] = h;
        if (k.startsWith(NAME_ONLY_PREFIX)) {
          pp[p++] = h;
        } else if (isIdentifierKey(k)) {
          id[d++] = h;
        }
      }
      keys[i] = distinctSorted(all, a);
      nameOnly[i] = distinctSorted(pp, p);
      identifier[i] = distinctSorted(id, d);
    });
    long total = 0;
    for (long[] k : keys) {
      total += k.length;
    }
    if (total > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException("too many blocking keys (" + total + ") for one run; link fewer records");
    }
    long[] entries = new long[(int) total];
    int e = 0;
    for (int i = 0; i < n; i++) {
      for (long h : keys[i]) {
        entries[e++] = h | i;
      }
      keys[i] = null;
    }
    if (workers.threads() > 1) {
      java.util.Arrays.parallelSort(entries);
    } else {
      java.util.Arrays.sort(entries);
    }
    // runs of one hash: count keys, blocks, skipped blocks; keep the usable ones (2..maxBlockSize records)
    int distinct = 0;
    int blocks = 0;
    int skipped = 0;
    int largest = 0;
    int usable = 0;
    long usableMembers = 0;
    int[] perRecord = new int[n + 1];
    for (int s = 0; s < entries.length; ) {
      long h = entries[s] & ~indexMask;
      int t = s + 1;
      while (t < entries.length && (entries[t] & ~indexMask) == h) {
        t++;
      }
      int size = t - s;
      distinct++;
      if (size >= 2) {
        blocks++;
        if (size > maxBlockSize) {
          skipped++;
        } else {
          usable++;
          usableMembers += size;
          largest = Math.max(largest, size);
          for (int q = s; q < t; q++) {
            perRecord[(int) (entries[q] & indexMask) + 1]++;
          }
        }
      }
      s = t;
    }
    Index index = new Index(n, split, usable, (int) usableMembers);
    for (int i = 0; i < n; i++) {
      perRecord[i + 1] += perRecord[i];
    }
    index.keyStart = perRecord;
    index.keys = new long[(int) usableMembers];
    int[] fill = java.util.Arrays.copyOf(perRecord, n);
    int b = 0;
    int m = 0;
    for (int s = 0; s < entries.length; ) {
      long h = entries[s] & ~indexMask;
      int t = s + 1;
      while (t < entries.length && (entries[t] & ~indexMask) == h) {
        t++;
      }
      if (t - s >= 2 && t - s <= maxBlockSize) {
        index.blockHash[b] = h;
        index.blockStart[b] = m;
        for (int q = s; q < t; q++) {
          int i = (int) (entries[q] & indexMask);
          index.members[m++] = i; // ascending: entries sort by record within a hash
          index.keys[fill[i]++] = h; // ascending per record: blocks are walked in hash order
        }
        b++;
      }
      s = t;
    }
    index.blockStart[usable] = m;
    index.nameOnlyStart = new int[n + 1];
    index.nameOnly = flatten(nameOnly, index.nameOnlyStart);
    index.identifierStart = new int[n + 1];
    index.identifier = flatten(identifier, index.identifierStart);
    index.distinctKeys = distinct;
    index.blocks = blocks;
    index.skipped = skipped;
    index.largest = largest;
    index.chunk(Math.max(64, workers.threads() * 64));
    return index;
  }

  /** Receives candidate pairs ({@code i < j}). */
  public interface PairVisitor<A> {
    void pair(A accumulator, int i, int j);

    /**
     * Called before the pairs of chunk {@code chunk} (a fixed group of blocks whose pairs always come in the same
     * order, whatever the thread count).
     */
    default void chunk(A accumulator, int chunk) {}
  }

  /**
   * The usable blocks of a run and, per record, the hashes of its usable blocks (sorted), so that a pair of records
   * sharing several keys is produced once: by the block of the smallest hash they share. No set of all pairs is held.
   */
  public static final class Index {
    private final int n;
    private final int split;
    final long[] blockHash;
    final int[] blockStart;
    final int[] members;
    int[] keyStart;
    long[] keys;
    int[] nameOnlyStart;
    long[] nameOnly;
    int[] identifierStart;
    long[] identifier;
    int distinctKeys;
    int blocks;
    int skipped;
    int largest;
    private int[] chunkStart;

    Index(int n, int split, int usableBlocks, int usableMembers) {
      this.n = n;
      this.split = split;
      this.blockHash = new long[usableBlocks];
      this.blockStart = new int[usableBlocks + 1];
      this.members = new int[usableMembers];
    }

    /** Groups consecutive blocks into about {@code target} chunks of similar work (pairs), the unit of threads. */
    void chunk(int target) {
      int count = blockHash.length;
      double total = 0;
      for (int b = 0; b < count; b++) {
        total += work(b);
      }
      double per = Math.max(1, total / target);
      List<Integer> starts = new ArrayList<>();
      double acc = 0;
      for (int b = 0; b < count; b++) {
        if (starts.isEmpty() || acc >= per) {
          starts.add(b);
          acc = 0;
        }
        acc += work(b);
      }
      chunkStart = new int[starts.size() + 1];
      for (int q = 0; q < starts.size(); q++) {
        chunkStart[q] = starts.get(q);
      }
      chunkStart[starts.size()] = count;
    }

    private double work(int b) {
      double size = blockStart[b + 1] - blockStart[b];
      return size * (size - 1) / 2 + 1;
    }

    /** The number of chunks {@link #forEachPair} visits. */
    public int chunks() {
      return chunkStart.length - 1;
    }

    /** What blocking did, given the number of distinct pairs a walk produced. */
    public BlockingStats stats(long candidatePairs) {
      return new BlockingStats(n, distinctKeys, blocks, skipped, largest, candidatePairs);
    }

    /** Whether a walk visits the pair {@code i < j}: they share a block that was not skipped (and sit on both sides). */
    public boolean isCandidate(int i, int j) {
      if (split >= 0 && (i >= split || j < split)) {
        return false;
      }
      return firstCommon(keys, keyStart, i, j) >= 0;
    }

    /** Whether two records share a name-only ({@value #NAME_ONLY_PREFIX}) key, whatever its block's size. */
    public boolean sharesNameOnlyKey(int i, int j) {
      return firstCommon(nameOnly, nameOnlyStart, i, j) >= 0;
    }

    /** Whether two records share an identifier, phone or e-mail key (neither names nor dates shaped such a pair). */
    public boolean sharesIdentifierKey(int i, int j) {
      return firstCommon(identifier, identifierStart, i, j) >= 0;
    }

    /**
     * Visits every candidate pair once, in parallel over chunks of blocks, each thread with its own accumulator;
     * returns the accumulators.
     */
    public <A> List<A> forEachPair(Workers workers, java.util.function.Supplier<A> accumulator,
        PairVisitor<A> visitor) {
      int chunks = chunkStart.length - 1;
      return workers.run(chunks, accumulator, (acc, c) -> {
        visitor.chunk(acc, c);
        for (int b = chunkStart[c]; b < chunkStart[c + 1]; b++) {
          visitBlock(b, acc, visitor);
        }
      });
    }

    private <A> void visitBlock(int b, A acc, PairVisitor<A> visitor) {
      int s = blockStart[b];
      int e = blockStart[b + 1];
      long h = blockHash[b];
      if (split >= 0) {
        int mid = s;
        while (mid < e && members[mid] < split) {
          mid++;
        }
        for (int x = s; x < mid; x++) {
          for (int y = mid; y < e; y++) {
            emit(h, members[x], members[y], acc, visitor);
          }
        }
      } else {
        for (int x = s; x < e; x++) {
          for (int y = x + 1; y < e; y++) {
            emit(h, members[x], members[y], acc, visitor);
          }
        }
      }
    }

    private <A> void emit(long h, int i, int j, A acc, PairVisitor<A> visitor) {
      int first = firstCommon(keys, keyStart, i, j);
      if (first >= 0 && keys[first] == h) {
        visitor.pair(acc, i, j);
      }
    }

    /** Where in {@code hashes} the smallest hash of both records' sorted lists is, or -1. */
    private static int firstCommon(long[] hashes, int[] start, int i, int j) {
      int a = start[i];
      int ae = start[i + 1];
      int b = start[j];
      int be = start[j + 1];
      while (a < ae && b < be) {
        long x = hashes[a];
        long y = hashes[b];
        if (x == y) {
          return a;
        }
        if (x < y) {
          a++;
        } else {
          b++;
        }
      }
      return -1;
    }
  }

  /** The lists one after another; {@code start} (length n + 1) receives where each begins. */
  private static long[] flatten(long[][] lists, int[] start) {
    for (int i = 0; i < lists.length; i++) {
      start[i + 1] = start[i] + lists[i].length;
    }
    long[] out = new long[start[lists.length]];
    for (int i = 0; i < lists.length; i++) {
      System.arraycopy(lists[i], 0, out, start[i], lists[i].length);
    }
    return out;
  }

  private static long[] distinctSorted(long[] values, int size) {
    long[] v = java.util.Arrays.copyOf(values, size);
    java.util.Arrays.sort(v);
    int d = 0;
    for (int q = 0; q < v.length; q++) {
      if (d == 0 || v[q] != v[d - 1]) {
        v[d++] = v[q];
      }
    }
    return d == v.length ? v : java.util.Arrays.copyOf(v, d);
  }


  /**
   * The blocking keys of one record as {@link #index} holds them in a run of {@code n} records: hashed, truncated to
   * the bits the run leaves beside the record index, distinct and sorted. Two records of such a run share a block
   * exactly when they share one of these.
   */
  public static long[] hashes(MatchRecord r, List<Comparison> comparisons, long n) {
    int indexBits = Math.max(1, 64 - Long.numberOfLeadingZeros(Math.max(1, n - 1)));
    long indexMask = (1L << indexBits) - 1;
    Set<String> ks = keys(r, comparisons);
    long[] all = new long[ks.size()];
    int a = 0;
    for (String k : ks) {
      all[a++] = Hash64.of(k) & ~indexMask;
    }
    return distinctSorted(all, a);
  }

  /**
   * The name-only ({@value #NAME_ONLY_PREFIX}) and the identifier, phone and e-mail keys of one record, hashed as
   * {@link #hashes} hashes them (whatever their block's size): two records of a run share such a key exactly when
   * {@link Index#sharesNameOnlyKey} (or {@link Index#sharesIdentifierKey}) says so.
   */
  public static long[][] ruleHashes(MatchRecord r, List<Comparison> comparisons, long n) {
    int indexBits = Math.max(1, 64 - Long.numberOfLeadingZeros(Math.max(1, n - 1)));
    long indexMask = (1L << indexBits) - 1;
    Set<String> ks = keys(r, comparisons);
    long[] pp = new long[ks.size()];
    long[] id = new long[ks.size()];
    int p = 0;
    int d = 0;
    for (String k : ks) {
      long h = Hash64.of(k) & ~indexMask;
      if (k.startsWith(NAME_ONLY_PREFIX)) {
        pp[p++] = h;
      } else if (isIdentifierKey(k)) {
        id[d++] = h;
      }
    }
    return new long[][] {distinctSorted(pp, p), distinctSorted(id, d)};
  }

  private static boolean isIdentifierKey(String k) {
    return k.startsWith("id:") || k.startsWith("ph:") || k.startsWith("em:");
  }

  /** The blocking keys of one record. */
  public static Set<String> keys(MatchRecord r, List<Comparison> comparisons) {
    Set<String> keys = new LinkedHashSet<>();
    List<String> years = new ArrayList<>();
    for (Comparison c : comparisons) {
      if (c.kind() == Comparison.Kind.DATE) {
        for (String p : c.properties()) {
          List<String> dates = new ArrayList<>(r.get(p));
          dates.addAll(r.get(p + MatchRecord.UNCHECKED)); // a corrupted date's year still blocks
          for (String d : dates) {
            if (d.length() >= 4) {
              years.add(d.substring(0, 4));
            }
            if (d.length() == 10) {
              // month and day without the year, so a year off by one (or mistyped) still blocks with the name
              years.add("md" + d.substring(5));
            }
          }
        }
      }
    }
    for (Comparison c : comparisons) {
      for (String p : c.properties()) {
        for (String v : r.get(p)) {
          switch (c.kind()) {
            case NAME -> {
              nameKeys(v, years, keys);
              String canonical = Nicknames.canonicalName(v);
              if (!canonical.equals(v)) {
                nameKeys(canonical, years, keys); // Bill Smith and William Smith share blocks
              }
            }
            case IDENTIFIER -> keys.add("id:" + v);
            case PHONE -> keys.add("ph:" + Contacts.phoneKey(v)); // +44 7911 123456 meets 07911 123456
            case EMAIL -> keys.add("em:" + Contacts.emailNormalised(v));
            default -> { }
          }
        }
      }
    }
    return keys;
  }

  private static void nameKeys(String name, List<String> years, Set<String> keys) {
    List<String> tokens = Names.tokens(name);
    List<String> codes = new ArrayList<>();
    for (String t : tokens) {
      if (Names.isParticle(t) || t.length() < 2) {
        continue;
      }
      String primary = Names.phoneticKey(t); // of a normalised token, without re-tokenising
      String code = primary.isEmpty() ? t : primary;
      codes.add(code);
      for (String y : years) {
        keys.add("ty:" + t + "|" + y);
        keys.add("py:" + code + "|" + y);
      }
    }
    for (int i = 0; i < codes.size(); i++) {
      for (int j = i + 1; j < codes.size(); j++) {
        String a = codes.get(i);
        String b = codes.get(j);
        keys.add(a.compareTo(b) <= 0 ? "pp:" + a + "|" + b : "pp:" + b + "|" + a);
      }
    }
    if (codes.size() == 1 && years.isEmpty()) {
      keys.add("p1:" + codes.get(0));
    }
  }
}
