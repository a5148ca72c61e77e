package org.insight.match;

import java.util.List;

/**
 * What a {@link Linker} run produced.
 *
 * @param pairs same-as pairs at or above the threshold (and every analyst SAME pair), strongest first; pairs judged
 *     DIFFERENT are never here
 * @param clusters every record in exactly one cluster (singletons included), sorted by id
 * @param blocking what blocking did
 * @param model the model used (its {@link MatchModel#parameters()} are the learned m, u and λ)
 * @param conflicts SAME judgements that were refused because they would join a DIFFERENT pair
 */
public record LinkResult(List<MatchPair> pairs, List<Cluster> clusters, BlockingStats blocking, MatchModel model,
    List<Judgement> conflicts) {

  public LinkResult {
    pairs = List.copyOf(pairs);
    clusters = List.copyOf(clusters);
    conflicts = List.copyOf(conflicts);
  }

  /** The learned parameters, shorthand for {@code model().parameters()}. */
  public ModelParameters parameters() {
    return model.parameters();
  }
}
