package org.insight.trends;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.insight.InsightException;
import org.insight.core.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvEventsTest {
  @TempDir Path dir;

  @Test
  void badRowsAreReportedWithTheirLineAndLeftOutTheRestKept() throws Exception {
    Path csv = Files.writeString(dir.resolve("events.csv"), "id,When,Offence,phone\n"
        + "1,2026-03-14,theft,+331\n"
        + "2,14/03/2026,theft,\n"
        + "3,2026-03-14T23:30:00-02:00,fraud,+331\n"
        + "4,yesterday,theft,\n"
        + "5,2026-03,theft,\n"
        + "6,2026-03-15 10:22:05,,\n"
        + "\n"
        + "7,\"14 March 2026\",\"arson, wilful\",\n");
    TrendData d = CsvEvents.read(csv, "when", "OFFENCE", "phone", ProgressListener.NONE);
    assertEquals(List.of("theft", "theft", "fraud", "arson, wilful"), d.events().stream().map(TrendEvent::category)
        .toList());
    assertEquals(LocalDate.of(2026, 3, 15), d.events().get(2).day(), "an instant counts on its UTC day");
    assertEquals("events.csv:2", d.events().get(0).source());
    assertEquals(2, d.occurrences().size());
    assertEquals(4, d.notes().size(), d.notes().toString());
    assertTrue(d.notes().get(0).startsWith("events.csv:5: column 'when' value \"yesterday\" is not a day"),
        d.notes().toString());
    assertTrue(d.notes().get(1).startsWith("events.csv:6:"), "a month is not a day: " + d.notes());
    assertTrue(d.notes().get(2).startsWith("events.csv:7: column 'OFFENCE' is empty"), d.notes().toString());
    assertEquals("events.csv: 3 row(s) left out, 4 event(s) read", d.notes().get(3));
  }

  @Test
  void progressIsReportedInBytesToTheEnd() throws Exception {
    StringBuilder text = new StringBuilder("day,type\n");
    for (int i = 0; i < 70_000; i++) {
      text.append("2026-01-01,a\n");
    }
    Path csv = Files.writeString(dir.resolve("big.csv"), text);
    List<long[]> calls = new java.util.ArrayList<>();
    CsvEvents.read(csv, "day", "type", null, (stage, done, total) -> calls.add(new long[] {done, total}));
    assertTrue(calls.size() >= 2, "one report per 65,536 rows and one at the end");
    assertEquals(Files.size(csv), calls.get(calls.size() - 1)[0]);
    assertTrue(calls.get(0)[0] > 0 && calls.get(0)[0] < calls.get(0)[1], "a report on the way");
  }

  @Test
  void aMissingColumnIsNamedWithTheColumnsTheFileHas() throws Exception {
    Path csv = Files.writeString(dir.resolve("e.csv"), "date,type\n2026-01-01,x\n");
    InsightException e = assertThrows(InsightException.class,
        () -> CsvEvents.read(csv, "time", "type", null, ProgressListener.NONE));
    assertTrue(e.getMessage().contains("no time column 'time'; its columns are date, type"), e.getMessage());
  }
}
