package org.insight.match;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A log line of a record or a screening hit shows ids and labels, never the values they compare. */
class ToStringTest {
  @Test
  void recordsAndHitsHideTheirValues() {
    MatchRecord entry = MatchRecord.of("w-1", "watch", Map.of("name", List.of("Zebulon Quarrington"), "birthDate",
        List.of("1975-03-14")));
    assertFalse(entry.toString().contains("Zebulon") || entry.toString().contains("1975"), entry.toString());
    assertTrue(entry.toString().contains("w-1") && entry.toString().contains("birthDate"), entry.toString());

    List<ScreeningHit> hits = Screening.of(List.of(entry)).candidates(ScreeningQuery.of("Zebulon Quarrington"), 5);
    assertFalse(hits.isEmpty());
    String hit = hits.get(0).toString();
    assertFalse(hit.contains("Zebulon") || hit.contains("1975") || hit.contains("zebulon"), hit);
    assertTrue(hit.contains("w-1"), hit);
    String explained = hits.get(0).explanation().toString(); // its comparisons name the values that decided them
    assertFalse(explained.contains("Zebulon") || explained.contains("zebulon") || explained.contains("1975"), explained);
    assertTrue(explained.contains("name"), explained);
  }
}
