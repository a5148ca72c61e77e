package org.insight.match;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.insight.match.internal.ExpectationMaximisation;

/**
 * A model from labelled pairs instead of EM (see {@link Linker#train}): m and u are the level frequencies among the
 * matches and the non-matches, add-one smoothed and clamped; λ is the matches' share.
 */
final class PairTraining {

  private PairTraining() {}

  /** The model of {@code comparisons} that {@code pairs} teach; term frequencies from the pairs' records. */
  static MatchModel train(List<Comparison> comparisons, List<LabelledPair> pairs) {
    if (pairs.isEmpty()) {
      throw new IllegalArgumentException("no labelled pairs to train on; give at least one match and one non-match");
    }
    int c = comparisons.size();
    double[][] mc = new double[c][];
    double[][] uc = new double[c][];
    for (int k = 0; k < c; k++) {
      mc[k] = new double[comparisons.get(k).levels().size()];
      uc[k] = new double[mc[k].length];
      Arrays.fill(mc[k], 1);
      Arrays.fill(uc[k], 1);
    }
    MatchModel blank = blankModel(comparisons);
    int matches = 0;
    List<MatchRecord> seen = new ArrayList<>();
    for (LabelledPair p : pairs) {
      int[] lv = blank.levels(p.left(), p.right());
      for (int k = 0; k < c; k++) {
        (p.match() ? mc : uc)[k][lv[k]]++;
      }
      matches += p.match() ? 1 : 0;
      seen.add(p.left());
      seen.add(p.right());
    }
    for (int k = 0; k < c; k++) {
      mc[k][0] = 1;
      uc[k][0] = 1;
      ExpectationMaximisation.clamp(mc[k]);
      ExpectationMaximisation.clamp(uc[k]);
    }
    double lambda = Math.min(1 - 1e-6, Math.max(1e-6, matches / (double) pairs.size()));
    return new MatchModel(comparisons, mc, uc, lambda, MatchModel.frequencies(comparisons, seen), 0, true, List.of());
  }

  /** A model whose only use is computing levels. */
  private static MatchModel blankModel(List<Comparison> comparisons) {
    double[][] ones = new double[comparisons.size()][];
    for (int k = 0; k < ones.length; k++) {
      ones[k] = new double[comparisons.get(k).levels().size()];
      Arrays.fill(ones[k], 0.5);
    }
    return new MatchModel(comparisons, ones, ones, 0.5, MatchModel.frequencies(comparisons, List.of()), 0, false,
        List.of());
  }
}
