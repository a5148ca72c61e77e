package org.insight.match;

import java.util.List;
import java.util.Optional;

/**
 * Why two records scored as they did. {@code weight} is the sum of the comparisons' weights (in that order); the
 * probability adds the prior: {@code odds = 2^weight · λ/(1-λ)}, {@code probability = odds / (1 + odds)}, where λ is
 * the learned proportion of matches among candidate pairs. A judgement, when present, overrides the probability of
 * the {@link MatchPair} (1 for SAME) but not this model view.
 *
 * @param leftId left record id
 * @param rightId right record id
 * @param comparisons one outcome per comparison
 * @param weight total match weight (sum of the comparison weights)
 * @param probability the model's match probability in [0,1]
 * @param judgement the analyst judgement on this pair, if any
 */
public record Explanation(
    String leftId, String rightId, List<ComparisonOutcome> comparisons, double weight, double probability,
    Optional<Judgement> judgement) {
  public Explanation {
    comparisons = List.copyOf(comparisons);
  }
}
