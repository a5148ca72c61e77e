package org.insight.match;

import org.insight.policy.Label;

/**
 * One watch-list candidate for a screening query.
 *
 * @param id the watch-list entry's id
 * @param dataset the watch list it came from
 * @param probability the probability that the entry is the queried person, calibrated for the query's evidence and
 *     the list's size ({@link ScreeningCalibration}); the model's own probability is {@code explanation.probability()}
 * @param weight the match weight (the rank order: higher first, ties by id)
 * @param explanation each comparison's level, values and weight ({@code leftId} is the query's id)
 * @param label the entry's label, or null when it has none
 * @param entry the entry's compared values
 * @param evidence the query's evidence profile that chose the calibration curve ({@code name+date}; {@code model}
 *     when the model's probability is used)
 * @param listSize the number of entries screened against (the calibration's other input)
 */
public record ScreeningHit(String id, String dataset, double probability, double weight, Explanation explanation,
    Label label, MatchRecord entry, String evidence, int listSize) {

  /** Ids, scores and the label, never the compared values: a log line must not bypass the label. */
  @Override
  public String toString() {
    return "ScreeningHit[id=" + id + ", dataset=" + dataset + ", probability=" + probability + ", weight=" + weight
        + ", label=" + label + ", evidence=" + evidence + ", listSize=" + listSize + "]";
  }
}
