package org.insight.match;

import java.util.List;

/**
 * The Fellegi–Sunter parameters of a model.
 *
 * @param lambda prior probability that two records match: for a model fitted on a run of 10,000 records or more,
 *     EM's share of matches among the candidate pairs × candidate pairs / all pairs of the run (u and term
 *     frequencies are random-pair rates, so the weights need a random-pair prior); on smaller runs EM's share among
 *     the candidate pairs; for a trained model, the share of matches among the labelled pairs
 * @param comparisons per comparison, per level (the null level excluded: it has no weight)
 * @param iterations EM iterations run (0 when trained from labels or given)
 * @param converged whether EM stopped because the largest parameter change fell below the tolerance
 * @param logLikelihood the log-likelihood after each EM iteration (non-decreasing up to clamping)
 */
public record ModelParameters(
    double lambda, List<ComparisonParameters> comparisons, int iterations, boolean converged,
    List<Double> logLikelihood) implements java.io.Serializable {

  public ModelParameters {
    comparisons = List.copyOf(comparisons);
    logLikelihood = List.copyOf(logLikelihood);
  }

  /**
   * The parameters of one comparison.
   *
   * @param comparison its name
   * @param levels its non-null levels, best first
   */
  public record ComparisonParameters(String comparison, List<LevelParameters> levels)
      implements java.io.Serializable {
    public ComparisonParameters {
      levels = List.copyOf(levels);
    }
  }

  /**
   * One level.
   *
   * @param level its name
   * @param m P(level | match)
   * @param u P(level | non-match)
   */
  public record LevelParameters(String level, double m, double u) implements java.io.Serializable {
    /** {@code log2(m / u)}. */
    public double weight() {
      return Math.log(m / u) / Math.log(2);
    }
  }
}
