package org.insight.nlp.internal.selector;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.insight.nlp.Selector;
import org.insight.nlp.internal.selector.Candidates.Candidate;

/** Chooses among overlapping candidates: greedy by rank, then length, then confidence, then start. */
final class OverlapResolver {

  private static final Comparator<Candidate> ORDER = Comparator.comparingInt(Candidate::rank).reversed()
      .thenComparing(Comparator.comparingInt(Candidate::length).reversed())
      .thenComparing(c -> -c.selector().confidence())
      .thenComparingInt(c -> c.selector().start());

  private OverlapResolver() {}

  /**
   * The candidates kept, sorted by start: a candidate is kept when it overlaps no candidate kept before it. Sorts
   * {@code candidates} in place (stably, so equal candidates keep the order they were found in).
   */
  static List<Selector> resolve(List<Candidate> candidates) {
    candidates.sort(ORDER);
    TreeMap<Integer, Selector> kept = new TreeMap<>();
    for (Candidate c : candidates) {
      Selector s = c.selector();
      if (s.end() <= s.start()) {
        continue;
      }
      Map.Entry<Integer, Selector> before = kept.floorEntry(s.end() - 1);
      if (before != null && before.getValue().end() > s.start()) {
        continue;
      }
      kept.put(s.start(), s);
    }
    return List.copyOf(kept.values());
  }
}
