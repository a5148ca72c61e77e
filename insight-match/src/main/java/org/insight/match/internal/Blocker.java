package org.insight.match.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.insight.match.BlockingStats;
import org.insight.match.Comparison;
import org.insight.match.Record;
import org.insight.nlp.Names;

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
 * Blocks larger than the maximum size are skipped and counted. Pairs are deduplicated. In link mode only pairs with
 * one record on each side are produced. Not API.
 */
public final class Blocker {

  /** The prefix of the keys built from names alone (no date): pairs sharing one are not shaped on their dates. */
  public static final String NAME_ONLY_PREFIX = "pp:";

  private Blocker() {}

  /** Candidate pairs (as {@code i * n + j} with {@code i < j}) and stats. */
  public record Result(long[] pairs, BlockingStats stats) {}

  /**
   * Blocks {@code records}; when {@code split >= 0}, records before {@code split} are the left side and only
   * left–right pairs are produced.
   */
  public static Result block(List<Record> records, List<Comparison> comparisons, int maxBlockSize, int split) {
    Map<String, List<Integer>> blocks = new HashMap<>();
    for (int i = 0; i < records.size(); i++) {
      for (String key : keys(records.get(i), comparisons)) {
        blocks.computeIfAbsent(key, k -> new ArrayList<>(2)).add(i);
      }
    }
    long n = records.size();
    PairSet pairs = new PairSet();
    int used = 0;
    int skipped = 0;
    int largest = 0;
    for (List<Integer> block : blocks.values()) {
      if (block.size() < 2) {
        continue;
      }
      if (block.size() > maxBlockSize) {
        skipped++;
        continue;
      }
      used++;
      largest = Math.max(largest, block.size());
      for (int a = 0; a < block.size(); a++) {
        for (int b = a + 1; b < block.size(); b++) {
          int i = block.get(a);
          int j = block.get(b);
          if (split >= 0 && (i < split) == (j < split)) {
            continue;
          }
          pairs.add(Math.min(i, j) * n + Math.max(i, j));
        }
      }
    }
    long[] out = pairs.toSortedArray();
    return new Result(out, new BlockingStats(records.size(), blocks.size(), used + skipped, skipped, largest,
        out.length));
  }

  /** The blocking keys of one record. */
  public static Set<String> keys(Record r, List<Comparison> comparisons) {
    Set<String> keys = new LinkedHashSet<>();
    List<String> years = new ArrayList<>();
    for (Comparison c : comparisons) {
      if (c.kind() == Comparison.Kind.DATE) {
        for (String p : c.properties()) {
          for (String d : r.get(p)) {
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
      List<String> k = Names.phoneticKeys(t);
      String code = k.isEmpty() ? t : k.get(0);
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

  /** An open-addressing set of non-negative longs. */
  static final class PairSet {
    private long[] table = new long[1 << 12];
    private int size;

    PairSet() {
      java.util.Arrays.fill(table, -1L);
    }

    void add(long v) {
      if (size * 2 >= table.length) {
        long[] old = table;
        table = new long[old.length * 2];
        java.util.Arrays.fill(table, -1L);
        size = 0;
        for (long o : old) {
          if (o >= 0) {
            add(o);
          }
        }
      }
      int mask = table.length - 1;
      int h = (int) (mix(v) & mask);
      while (table[h] >= 0) {
        if (table[h] == v) {
          return;
        }
        h = (h + 1) & mask;
      }
      table[h] = v;
      size++;
    }

    long[] toSortedArray() {
      long[] out = new long[size];
      int k = 0;
      for (long v : table) {
        if (v >= 0) {
          out[k++] = v;
        }
      }
      java.util.Arrays.sort(out);
      return out;
    }

    private static long mix(long v) {
      v ^= v >>> 33;
      v *= 0xff51afd7ed558ccdL;
      v ^= v >>> 33;
      return v;
    }
  }
}
