package org.insight.match;

import org.insight.policy.Label;

/**
 * One watch-list candidate for a screening query.
 *
 * @param id the watch-list entry's id
 * @param dataset the watch list it came from
 * @param probability the model's match probability in [0,1]
 * @param weight the match weight (the rank order: higher first, ties by id)
 * @param explanation each comparison's level, values and weight ({@code leftId} is the query's id)
 * @param label the entry's label, or null when it has none
 * @param entry the entry's compared values
 */
public record ScreeningHit(String id, String dataset, double probability, double weight, Explanation explanation,
    Label label, MatchRecord entry) {

  /** Ids, scores and the label, never the compared values: a log line must not bypass the label. */
  @Override
  public String toString() {
    return "ScreeningHit[id=" + id + ", dataset=" + dataset + ", probability=" + probability + ", weight=" + weight
        + ", label=" + label + "]";
  }
}
