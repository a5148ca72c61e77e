package org.insight.trends;

import java.util.Objects;

/**
 * One category in two periods of equal standing (this quarter against the same quarter last year): the counts in
 * each, the rate ratio {@code after / before} and its confidence interval {@code [low, high]} at the level asked for,
 * and the two-sided p-value of "no change".
 */
public record Comparison(String category, long before, long after, double ratio, double low, double high,
    double p) {
  public Comparison {
    Objects.requireNonNull(category, "category");
  }
}
