package org.insight.trends.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.insight.trends.NewCooccurrence;
import org.insight.trends.Occurrence;

/**
 * Values that appeared in a context for the first time on or after {@code since}, having been seen before that day in
 * at least one other context: a phone number known from one country's reports turning up in another's.
 */
final class Cooccurrences {
  private Cooccurrences() {}

  static List<NewCooccurrence> find(List<Occurrence> occurrences, LocalDate since) {
    // value → context → first day
    Map<String, Map<String, LocalDate>> first = new HashMap<>();
    for (Occurrence o : occurrences) {
      first.computeIfAbsent(o.value(), v -> new HashMap<>())
          .merge(o.context(), o.day(), (a, b) -> a.isBefore(b) ? a : b);
    }
    List<NewCooccurrence> out = new ArrayList<>();
    for (Map.Entry<String, Map<String, LocalDate>> value : first.entrySet()) {
      Map<String, LocalDate> contexts = value.getValue();
      for (Map.Entry<String, LocalDate> context : contexts.entrySet()) {
        LocalDate day = context.getValue();
        if (day.isBefore(since)) {
          continue;
        }
        int known = 0;
        for (Map.Entry<String, LocalDate> other : contexts.entrySet()) {
          if (!other.getKey().equals(context.getKey()) && other.getValue().isBefore(day)) {
            known++;
          }
        }
        if (known > 0) {
          out.add(new NewCooccurrence(value.getKey(), context.getKey(), day, known));
        }
      }
    }
    out.sort(Comparator.comparing(NewCooccurrence::firstSeen).thenComparing(NewCooccurrence::value)
        .thenComparing(NewCooccurrence::context));
    return out;
  }
}
