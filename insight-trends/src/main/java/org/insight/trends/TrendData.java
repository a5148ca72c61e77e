package org.insight.trends;

import java.util.List;

/**
 * What a trends analysis reads: the events to count, the occurrences to search for new co-occurrences (may be
 * empty), and notes on what was left out while they were gathered (bad rows of a file), carried into the report.
 */
public record TrendData(List<TrendEvent> events, List<Occurrence> occurrences, List<String> notes) {
  public TrendData {
    events = List.copyOf(events);
    occurrences = List.copyOf(occurrences);
    notes = List.copyOf(notes);
  }

  /** Only events. */
  public static TrendData of(List<TrendEvent> events) {
    return new TrendData(events, List.of(), List.of());
  }
}
