package org.insight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrendsCommandTest {
  @TempDir static Path dir;
  static String csv;

  @BeforeAll
  static void file() throws Exception {
    csv = TrendsCsv.write(dir.resolve("events.csv")).toString();
  }

  @Test
  void theSpikeAlarmsInItsWeek() {
    CliRun r = CliRun.of("trends", "alarms", "--events", csv, "--time", "reported", "--category", "offence",
        "--no-progress");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("1 alarm(s) over 3 categories"), r.out());
    assertTrue(r.out().contains("ALARM fraud                    from " + TrendsCsv.SPIKE + " to " + TrendsCsv.SPIKE),
        r.out());
    assertTrue(r.out().contains("label: (none: unlabelled input)"), r.out());
  }

  @Test
  void aComparisonDefaultsToTheSameDaysAYearBefore() {
    CliRun r = CliRun.of("trends", "compare", "--events", csv, "--time", "reported", "--category", "offence",
        "--after", "2025-12-01..2025-12-28", "--no-progress");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("2025-12-01..2025-12-28 against 2024-12-01..2024-12-28"), r.out());
    assertTrue(r.out().lines().anyMatch(l -> l.startsWith("fraud") && l.contains("ratio    1.")), r.out());
  }

  @Test
  void badRowsAreNamedByFileAndLineAndLeftOut() throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.csv"), "day,type\n2025-01-06,a\nnot a day,a\n2025-01-07,\n"
        + "2025-01-08,a\n");
    CliRun r = CliRun.of("trends", "series", "--events", bad.toString(), "--time", "day", "--category", "type",
        "--granularity", "day", "--no-progress");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().contains("insight: bad.csv:3: column 'day' value \"not a day\" is not a day"), r.err());
    assertTrue(r.err().contains("insight: bad.csv:4: column 'type' is empty"), r.err());
    assertTrue(r.out().startsWith("a: 2 event(s) in 3 period(s)"), r.out());
  }

  @Test
  void badInputIsAUsageErrorThatSaysWhatToDo() {
    CliRun column = CliRun.of("trends", "series", "--events", csv, "--time", "when", "--category", "offence");
    assertEquals(2, column.code(), column.err());
    assertTrue(column.err().contains("no time column 'when'; its columns are id, reported, offence, country, phone"),
        column.err());
    CliRun granularity = CliRun.of("trends", "series", "--events", csv, "--time", "reported", "--category", "offence",
        "--granularity", "fortnight");
    assertEquals(2, granularity.code());
    assertTrue(granularity.err().contains("--granularity fortnight: use day, week or month"), granularity.err());
    CliRun noFile = CliRun.of("trends", "series", "--time", "reported", "--category", "offence");
    assertEquals(2, noFile.code());
    assertTrue(noFile.err().contains("give --events FILE too"), noFile.err());
    CliRun range = CliRun.of("trends", "compare", "--events", csv, "--time", "reported", "--category", "offence",
        "--after", "2025-12-01");
    assertEquals(2, range.code());
    assertTrue(range.err().contains("write FROM..TO"), range.err());
    CliRun missing = CliRun.of("trends", "series", "--events", dir.resolve("none.csv").toString(), "--time", "a",
        "--category", "b");
    assertEquals(2, missing.code());
    assertTrue(missing.err().contains("none.csv"), missing.err());
  }

  @Test
  void aPhoneKnownInFranceTurningUpInGermanyIsNew() {
    CliRun r = CliRun.of("trends", "new", "--events", csv, "--time", "reported", "--category", "country", "--value",
        "phone", "--since", "2025-12-01", "--no-progress");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("NEW +33600000001             in DE"), r.out());
  }
}
