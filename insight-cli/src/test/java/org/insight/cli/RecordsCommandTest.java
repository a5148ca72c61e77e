package org.insight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.insight.core.json.ModelJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordsCommandTest {
  @TempDir Path dir;

  CliRun run(String... args) {
    return CliRun.of(args);
  }

  @Test
  void checkShowsWhatWouldLoadAndEveryBadRow() throws Exception {
    Path csv = dir.resolve("calls.csv");
    Files.writeString(csv, "caller,callee,start_time,duration\r\n"
        + "+33612345678,+447700900123,2026-03-14 10:22:05,65\r\n"
        + "+33612345678,+447700900123,yesterday,30\r\n"
        + "+447700900123,+33612345678,2026-03-14T11:00:00,5\r\n");
    CliRun r = run("records", "check", csv.toString(), "--mapping", "cdr", "--json");
    assertEquals(1, r.code(), r.err());
    JsonNode n = ModelJson.read(r.out());
    assertEquals(3, n.get("rows").asInt());
    assertEquals(3, n.get("loaded").asInt(), "values, not rows: line 3 loads without its start time");
    assertEquals(6, n.get("entities").asInt());
    assertEquals(5, n.get("distinct").asInt(), "two phones and three calls");
    assertEquals(1, n.get("problems").size());
    assertEquals(3, n.get("problems").get(0).get("line").asInt());
    assertEquals("start_time", n.get("problems").get(0).get("column").asText());
    assertEquals("yesterday", n.get("problems").get(0).get("value").asText());
    assertEquals("+33612345678",
        n.get("records").get(0).get("entities").get(0).get("properties").get("number").get(0).asText());

    CliRun text = run("records", "check", csv.toString(), "--mapping", "cdr");
    assertEquals(1, text.code());
    assertTrue(text.out().contains("calls.csv:3: column 'start_time': value left out: call.startTime (first of fields"
        + " [start_time, startTime,"), text.out());
    assertTrue(text.out().contains("'yesterday' does not match the date-time format 'iso' or"), text.out());
  }

  @Test
  void aCleanFileExitsZeroAndABadMappingNameExitsOneWithTheChoices() throws Exception {
    Path csv = dir.resolve("p.tsv");
    Files.writeString(csv, "name\tbirth_date\nIvan PETROV\t1975-03-14\n");
    CliRun ok = run("records", "check", csv.toString(), "--mapping", "persons");
    assertEquals(0, ok.code(), ok.err());
    assertTrue(ok.out().contains("1 rows, 1 loaded"), ok.out());

    CliRun bad = run("records", "check", csv.toString(), "--mapping", "person");
    assertEquals(1, bad.code());
    assertTrue(bad.err().contains("did you mean 'persons'"), bad.err());
  }
}
