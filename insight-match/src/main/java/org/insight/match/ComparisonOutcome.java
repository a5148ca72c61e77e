package org.insight.match;

/**
 * One comparison of a pair, in an {@link Explanation}.
 *
 * @param comparison the comparison's name (usually the property)
 * @param level the level reached ({@code "null"} when either side lacks the property)
 * @param left the left record's value that decided the level (empty for null)
 * @param right the right record's value that decided the level (empty for null)
 * @param m P(level | match)
 * @param u P(level | non-match), term-frequency adjusted when {@code tfAdjusted}
 * @param weight {@code log2(m / u)}, 0 for the null level
 * @param tfAdjusted whether u is the frequency of the shared value rather than the level's average
 */
public record ComparisonOutcome(
    String comparison, String level, String left, String right, double m, double u, double weight, boolean tfAdjusted) {

  /** The comparison, level and weights, never the two values: a log line must not bypass the records' labels. */
  @Override
  public String toString() {
    return "ComparisonOutcome[comparison=" + comparison + ", level=" + level + ", m=" + m + ", u=" + u + ", weight="
        + weight + ", tfAdjusted=" + tfAdjusted + "]";
  }
}
