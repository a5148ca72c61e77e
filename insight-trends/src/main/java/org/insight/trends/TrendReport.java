package org.insight.trends;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.insight.policy.Label;

/**
 * Everything a trends analysis found: the series, the alarms, the period comparisons and the new co-occurrences,
 * with the conjunction of the labels of every event it used ({@code label}, empty when it read unlabelled input such
 * as a CSV file) and notes on what it left out (bad dates, empty categories).
 */
public record TrendReport(Granularity granularity, List<Series> series, List<Alarm> alarms,
    List<Comparison> comparisons, List<NewCooccurrence> newCooccurrences, Optional<Label> label,
    List<String> notes) {
  public TrendReport {
    Objects.requireNonNull(granularity, "granularity");
    series = List.copyOf(series);
    alarms = List.copyOf(alarms);
    comparisons = List.copyOf(comparisons);
    newCooccurrences = List.copyOf(newCooccurrences);
    Objects.requireNonNull(label, "label");
    notes = List.copyOf(notes);
  }
}
