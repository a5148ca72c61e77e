package org.insight.policy.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The canonical form of an access expression: its minimal satisfying token sets.
 *
 * <p>Access expressions have only AND and OR over tokens (no negation, no constants), so they are monotone
 * boolean formulas. A monotone formula is determined exactly by the family of its minimal satisfying token sets
 * (its prime implicants), and that family is unique. Printed as a disjunction of conjunctions in a fixed order,
 * it is a canonical text: two expressions have the same text if and only if they grant access to exactly the
 * same authorization sets. Accumulo Access's own normalisation only sorts and removes duplicates
 * ({@code A|(A&B)} and {@code A} stay different), which is not enough for a label that is used as an index term
 * and compared for equality; hence this class.
 *
 * <p>Immutable. Terms are sorted token lists; the term list is sorted (lexicographically by token, a prefix
 * first) and minimal (no term contains another). Bounds: at most {@value #MAX_TERMS} terms, and at most
 * {@value #MAX_CANDIDATES} candidate terms while expanding a conjunction.
 */
public final class Dnf {
  /** The most alternative terms a canonical form may have. */
  public static final int MAX_TERMS = 511;
  /** The most candidate terms a single conjunction may produce before absorption. */
  public static final int MAX_CANDIDATES = 65_536;

  static final Comparator<List<String>> TERM_ORDER = (a, b) -> {
    int n = Math.min(a.size(), b.size());
    for (int i = 0; i < n; i++) {
      int c = a.get(i).compareTo(b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  };

  private final List<List<String>> terms;

  private Dnf(List<List<String>> terms) {
    this.terms = terms;
  }

  /** The form of a single token. */
  public static Dnf token(String token) {
    return new Dnf(List.of(List.of(token)));
  }

  /** The minimal terms, each a sorted immutable list of tokens, in canonical order. */
  public List<List<String>> terms() {
    return terms;
  }

  /** All tokens that occur, sorted. */
  public SortedSet<String> tokens() {
    TreeSet<String> all = new TreeSet<>();
    for (List<String> t : terms) {
      all.addAll(t);
    }
    return Collections.unmodifiableSortedSet(all);
  }

  /** Disjunction. */
  public Dnf or(Dnf other) {
    List<List<String>> candidates = new ArrayList<>(terms.size() + other.terms.size());
    candidates.addAll(terms);
    candidates.addAll(other.terms);
    return minimise(candidates);
  }

  /** Conjunction (distributes, then absorbs). */
  public Dnf and(Dnf other) {
    long product = (long) terms.size() * other.terms.size();
    if (product > MAX_CANDIDATES) {
      throw tooComplex(product + " combinations to expand");
    }
    List<List<String>> candidates = new ArrayList<>((int) product);
    for (List<String> a : terms) {
      for (List<String> b : other.terms) {
        TreeSet<String> union = new TreeSet<>(a);
        union.addAll(b);
        candidates.add(new ArrayList<>(union));
      }
    }
    return minimise(candidates);
  }

  /** Direct evaluation, used to cross-check the Accumulo evaluator. */
  public boolean satisfiedBy(Set<String> authorizations) {
    for (List<String> t : terms) {
      if (authorizations.containsAll(t)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The canonical text in Accumulo grammar: tokens joined by {@code &} inside a term, terms joined by
   * {@code |}, multi-token terms in parentheses when there is more than one term, tokens quoted when needed.
   */
  public String print() {
    StringBuilder sb = new StringBuilder();
    boolean parens = terms.size() > 1;
    for (int i = 0; i < terms.size(); i++) {
      if (i > 0) {
        sb.append('|');
      }
      List<String> t = terms.get(i);
      boolean wrap = parens && t.size() > 1;
      if (wrap) {
        sb.append('(');
      }
      for (int j = 0; j < t.size(); j++) {
        if (j > 0) {
          sb.append('&');
        }
        sb.append(AccumuloAccess.quote(t.get(j)));
      }
      if (wrap) {
        sb.append(')');
      }
    }
    return sb.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Dnf d && d.terms.equals(terms);
  }

  @Override
  public int hashCode() {
    return terms.hashCode();
  }

  @Override
  public String toString() {
    return print();
  }

  private static TooComplexException tooComplex(String what) {
    return new TooComplexException("the label is too complex: its canonical form (an OR of AND-terms) would need "
        + what + ", and at most " + MAX_TERMS + " terms are allowed. Simplify it, for example by giving a"
        + " frequently combined group of authorizations a single token of its own");
  }

  /** Keeps the minimal candidates (absorption), sorted canonically. */
  private static Dnf minimise(List<List<String>> candidates) {
    TreeSet<String> universe = new TreeSet<>();
    for (List<String> c : candidates) {
      universe.addAll(c);
    }
    String[] names = universe.toArray(new String[0]);
    int words = (names.length + 63) >>> 6;
    long[][] sets = new long[candidates.size()][];
    int[] size = new int[candidates.size()];
    Integer[] order = new Integer[candidates.size()];
    for (int i = 0; i < sets.length; i++) {
      long[] bits = new long[words];
      for (String tok : candidates.get(i)) {
        int k = Arrays.binarySearch(names, tok);
        bits[k >>> 6] |= 1L << (k & 63);
      }
      sets[i] = bits;
      size[i] = candidates.get(i).size();
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingInt(i -> size[i]));
    List<long[]> kept = new ArrayList<>();
    List<Integer> keptIdx = new ArrayList<>();
    for (int i : order) {
      long[] cand = sets[i];
      boolean absorbed = false;
      for (long[] k : kept) {
        if (subset(k, cand)) {
          absorbed = true;
          break;
        }
      }
      if (!absorbed) {
        if (kept.size() == MAX_TERMS) {
          throw tooComplex("more than " + MAX_TERMS + " alternative terms");
        }
        kept.add(cand);
        keptIdx.add(i);
      }
    }
    List<List<String>> result = new ArrayList<>(keptIdx.size());
    for (int i : keptIdx) {
      result.add(List.copyOf(candidates.get(i)));
    }
    result.sort(TERM_ORDER);
    return new Dnf(List.copyOf(result));
  }

  private static boolean subset(long[] a, long[] b) {
    for (int w = 0; w < a.length; w++) {
      if ((a[w] & ~b[w]) != 0) {
        return false;
      }
    }
    return true;
  }
}
