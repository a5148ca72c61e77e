package org.insight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressLinesTest {
  long now;
  final StringWriter text = new StringWriter();
  final ProgressLines lines = new ProgressLines(new PrintWriter(text, true), Duration.ofSeconds(5), () -> now);

  void at(double seconds, String stage, long done, long total) {
    now = (long) (seconds * 1e9);
    lines.progress(stage, done, total);
  }

  List<String> printed() {
    return text.toString().lines().toList();
  }

  @Test
  void aLineEveryFiveSecondsWithCountRateAndTimeLeftThenALastLine() {
    at(0, "ingest", 0, 200);
    at(2, "ingest", 20, 200); // too soon for a line
    at(5, "ingest", 50, 200);
    at(6, "ingest", 60, 200);
    at(10.5, "ingest", 137, 200);
    at(15.2, "ingest", 200, 200); // 4.7 s after the last line: none
    now = 15_400_000_000L;
    lines.close();
    assertEquals(List.of(
        "insight: ingest 50/200 (25%), 10.0/s, 15 s left",
        "insight: ingest 137/200 (69%), 13.0/s, 5 s left",
        "insight: ingest 200/200 done in 15 s, 13.0/s"), printed());
  }

  @Test
  void aShortJobPrintsNothing() {
    at(0, "score", 0, 10);
    at(1, "score", 10, 10);
    lines.close();
    assertEquals(List.of(), printed(), "done before the first interval: nothing to say");
  }

  @Test
  void anUnknownTotalShowsCountAndRateAndTheNextStageEndsThePrevious() {
    at(0, "compare", 0, -1);
    at(6, "compare", 300, -1);
    at(7, "score", 0, 4);
    at(12, "score", 2, 4);
    assertEquals(List.of("insight: compare 300, 50.0/s", "insight: compare 300 done in 7 s, 42.9/s",
        "insight: score 2/4 (50%), 0.33/s, 6 s left"), printed(), "score started at compare's last report, 6 s");
  }

  @Test
  void theRateCountsFromTheStartOfTheJobNotFromAFirstReportThatCameLate() {
    now = 0; // the job starts; its first report comes after a batch of 64, 4 s later
    ProgressLines late = new ProgressLines(new PrintWriter(text, true), Duration.ofSeconds(5), () -> now);
    now = 4_000_000_000L;
    late.progress("ingest", 64, 200);
    now = 8_000_000_000L;
    late.progress("ingest", 128, 200);
    assertEquals(List.of("insight: ingest 128/200 (64%), 16.0/s, 5 s left"), printed());
  }

  @Test
  void noTimeLeftIsGuessedFromTheFirstTwentiethWhichIncludesStartUp() {
    at(0, "ingest", 0, 200);
    at(6, "ingest", 9, 200);
    at(12, "ingest", 10, 200);
    assertEquals(List.of("insight: ingest 9/200 (5%), 1.5/s", "insight: ingest 10/200 (5%), 0.83/s, 3 min 48 s left"),
        printed());
  }

  @Test
  void longJobsSayMinutesAndHours() {
    assertEquals("59 s", ProgressLines.duration(59.4));
    assertEquals("2 min 05 s", ProgressLines.duration(125));
    assertEquals("3 h 20 min", ProgressLines.duration(12_000));
  }
}
