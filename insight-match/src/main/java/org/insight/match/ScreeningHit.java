package org.insight.match;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
 * @param attributes what the list says about the entry besides what was compared — FtM {@code topics}
 *     ({@code sanction}, {@code crime}, {@code wanted}, …), its {@code Sanction}s, the lists naming it — shown in
 *     explanations; empty when the list says nothing more
 */
public record ScreeningHit(String id, String dataset, double probability, double weight, Explanation explanation,
    Label label, MatchRecord entry, String evidence, int listSize, Map<String, List<String>> attributes) {

  public ScreeningHit {
    Map<String, List<String>> copy = new TreeMap<>();
    attributes.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    attributes = Collections.unmodifiableMap(copy);
  }

  /** A hit without attributes. */
  public ScreeningHit(String id, String dataset, double probability, double weight, Explanation explanation,
      Label label, MatchRecord entry, String evidence, int listSize) {
    this(id, dataset, probability, weight, explanation, label, entry, evidence, listSize, Map.of());
  }

  /** The same hit with these attributes. */
  public ScreeningHit withAttributes(Map<String, List<String>> a) {
    return new ScreeningHit(id, dataset, probability, weight, explanation, label, entry, evidence, listSize, a);
  }

  /** Ids, scores and the label, never the compared values: a log line must not bypass the label. */
  @Override
  public String toString() {
    return "ScreeningHit[id=" + id + ", dataset=" + dataset + ", probability=" + probability + ", weight=" + weight
        + ", label=" + label + ", evidence=" + evidence + ", listSize=" + listSize + "]";
  }
}
