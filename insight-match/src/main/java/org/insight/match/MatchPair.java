package org.insight.match;

import org.insight.policy.Label;

/**
 * A same-as link between two records.
 *
 * @param leftId left record id
 * @param rightId right record id
 * @param probability match probability (1 when an analyst judged SAME)
 * @param weight the model's match weight
 * @param explanation the comparison-by-comparison explanation
 * @param label the conjunction of the two records' labels ({@code left.and(right)}); the one label when only one
 *     record has a label; null when neither has
 */
public record MatchPair(String leftId, String rightId, double probability, double weight, Explanation explanation,
    Label label) {}
