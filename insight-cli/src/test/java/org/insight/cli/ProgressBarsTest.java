package org.insight.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressBarsTest {
  @Test
  void eachStageGetsABarThatEndsAtItsTotalWithTheRate() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ProgressBars bars = new ProgressBars(new PrintStream(bytes, true, StandardCharsets.UTF_8))) {
      for (int i = 0; i <= 200; i += 50) {
        bars.progress("ingest", i, 200);
      }
      bars.progress("enrich", 3, 3);
    }
    String shown = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(shown.contains("ingest") && shown.contains("200/200"), shown);
    assertTrue(shown.contains("enrich") && shown.contains("3/3"), "a new stage, a new bar: " + shown);
    assertTrue(shown.contains("/s"), "with the rate: " + shown);
  }
}
