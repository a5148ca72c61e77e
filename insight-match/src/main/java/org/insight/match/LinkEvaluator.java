package org.insight.match;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.insight.match.internal.Blocker;
import org.insight.match.internal.Workers;

/**
 * Measures a run against labelled pairs (see {@link Linker#evaluate(List, LinkResult, Collection)}): blocking recall,
 * recomputed with the run's settings, and precision and recall of the run's pairs and clusters on the labelled pairs.
 */
final class LinkEvaluator {

  private LinkEvaluator() {}

  /** Evaluates a run of {@code input} ({@code split} as in {@link LinkRun#run}). */
  static LinkEvaluation evaluate(LinkSettings settings, List<MatchRecord> input, int split, LinkResult result,
      Collection<LabelledPair> truth) {
    List<MatchRecord> records = LinkRun.inIdOrder(input, split);
    Map<String, Integer> at = new HashMap<>();
    for (int i = 0; i < records.size(); i++) {
      at.put(records.get(i).id(), i);
    }
    Set<String> paired = new HashSet<>();
    for (MatchPair p : result.pairs()) {
      paired.add(pairKey(p.leftId(), p.rightId()));
    }
    Map<String, String> clusterOf = new HashMap<>();
    for (Cluster c : result.clusters()) {
      c.recordIds().forEach(id -> clusterOf.put(id, c.id()));
    }
    int matches = 0;
    int nonMatches = 0;
    int blocked = 0;
    int pairedMatches = 0;
    int pairedNonMatches = 0;
    int clusteredMatches = 0;
    int clusteredNonMatches = 0;
    try (Workers workers = new Workers(settings.threads())) {
      Blocker.Index blocks = Blocker.index(records, settings.comparisons(), settings.maxBlockSize(), split,
          workers);
      for (LabelledPair p : truth) {
        Integer i = at.get(p.left().id());
        Integer j = at.get(p.right().id());
        if (i == null || j == null || i.equals(j)) {
          throw new IllegalArgumentException("labelled pair (" + p.left().id() + ", " + p.right().id() + ") "
              + (i == null || j == null ? "names a record that is not among the run's records"
                  : "pairs a record with itself") + "; label pairs of the records that were linked");
        }
        if (split >= 0 && (i < split) == (j < split)) {
          throw new IllegalArgumentException("labelled pair (" + p.left().id() + ", " + p.right().id() + ") joins two"
              + " records of one side; a link run only pairs a left record with a right one");
        }
        boolean same = Objects.equals(clusterOf.get(p.left().id()), clusterOf.get(p.right().id()))
            && clusterOf.containsKey(p.left().id());
        boolean inPairs = paired.contains(pairKey(p.left().id(), p.right().id()));
        if (p.match()) {
          matches++;
          blocked += blocks.isCandidate(Math.min(i, j), Math.max(i, j)) ? 1 : 0;
          pairedMatches += inPairs ? 1 : 0;
          clusteredMatches += same ? 1 : 0;
        } else {
          nonMatches++;
          pairedNonMatches += inPairs ? 1 : 0;
          clusteredNonMatches += same ? 1 : 0;
        }
      }
    }
    return new LinkEvaluation(matches, nonMatches, blocked, pairedMatches, pairedNonMatches, clusteredMatches,
        clusteredNonMatches);
  }

  private static String pairKey(String a, String b) {
    return a.compareTo(b) < 0 ? a + '\u0000' + b : b + '\u0000' + a;
  }
}
