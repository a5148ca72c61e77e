package org.insight.match;

/**
 * How a {@link Linker} run did against labelled pairs of its records ({@link Linker#evaluate}). Precision and recall
 * are measured on the labelled pairs only: a pair nobody labelled counts neither way.
 *
 * @param matches labelled matches
 * @param nonMatches labelled non-matches
 * @param blockedMatches labelled matches that blocking made candidate pairs (compared at all)
 * @param pairedMatches labelled matches among the run's pairs (at or above the threshold)
 * @param pairedNonMatches labelled non-matches among the run's pairs
 * @param clusteredMatches labelled matches whose records ended in one cluster
 * @param clusteredNonMatches labelled non-matches whose records ended in one cluster
 */
public record LinkEvaluation(int matches, int nonMatches, int blockedMatches, int pairedMatches, int pairedNonMatches,
    int clusteredMatches, int clusteredNonMatches) {

  /** The share of labelled matches blocking compared: the recall no threshold can exceed. */
  public double blockingRecall() {
    return ratio(blockedMatches, matches);
  }

  /** Of the labelled pairs among the run's pairs, the share that are matches. */
  public double precision() {
    return ratio(pairedMatches, pairedMatches + pairedNonMatches);
  }

  /** The share of labelled matches among the run's pairs. */
  public double recall() {
    return ratio(pairedMatches, matches);
  }

  /** The harmonic mean of {@link #precision} and {@link #recall}. */
  public double f1() {
    double p = precision();
    double r = recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  /** {@link #precision} for records put in one cluster (chaining can join a pair the model kept apart). */
  public double clusterPrecision() {
    return ratio(clusteredMatches, clusteredMatches + clusteredNonMatches);
  }

  /** {@link #recall} for records put in one cluster. */
  public double clusterRecall() {
    return ratio(clusteredMatches, matches);
  }

  private static double ratio(int part, int whole) {
    return whole == 0 ? Double.NaN : part / (double) whole;
  }
}
