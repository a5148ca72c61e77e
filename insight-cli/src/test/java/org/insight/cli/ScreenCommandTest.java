package org.insight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.insight.core.EntityId;
import org.insight.core.json.ModelJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScreenCommandTest {
  @TempDir Path dir;

  CliRun run(String... args) {
    return CliRun.of(args);
  }

  @Test
  void screensTheDemoWatchListAsTheSessionMaySeeIt() {
    String ws = dir.resolve("ws").toString();
    assertEquals(0, run("demo", "--workspace", ws).code());
    CliRun r = run("screen", "Петров Иван", "--dob", "1975", "--workspace", ws, "--auths", "INTERPOL", "--json");
    assertEquals(0, r.code(), r.err());
    JsonNode hits = ModelJson.read(r.out()).get("items");
    assertEquals(EntityId.fromSource("interpol-notices", "2026/4411").value(), hits.get(0).get("id").asText());
    assertTrue(hits.get(0).get("explanation").size() > 0);

    CliRun none = run("screen", "Петров Иван", "--workspace", ws, "--json"); // no clearances: nothing to screen against
    assertEquals(0, ModelJson.read(none.out()).get("items").size(), none.out());

    CliRun explained = run("screen", "Ivan Petrov", "--id", "72-441-0981", "--explain", "--workspace", ws, "--auths",
        "INTERPOL");
    assertTrue(explained.out().contains("passportNumber:exact"), explained.out());

    CliRun flags = run("flags", "--workspace", ws, "--auths", "INTERPOL,FR,POLICE", "--json");
    assertEquals(1, ModelJson.read(flags.out()).get("items").size(), flags.out());
    assertEquals(0, ModelJson.read(run("flags", "--workspace", ws, "--auths", "INTERPOL", "--json").out()).get("items").size());
  }

  @Test
  void screensAgainstAWatchListCsvInBatch() throws Exception {
    Path list = dir.resolve("list.csv");
    Files.writeString(list, "\uFEFFref, full_name, dob, passport\n"
        + "W1, Ivan PETROV, 1975-03-14, 724410981\n"
        + "W2, \"HADDAD, Amina\", 1988-07-02,\n"
        + "W3, Marco Rossi, 31/02/1969,\n", StandardCharsets.UTF_8);
    Path queries = dir.resolve("q.csv");
    Files.writeString(queries, "id,name,dob,identifier\nq1,Петров Иван,1975,\nq2,Amina Hadad,,\nq3,,,\n",
        StandardCharsets.UTF_8);
    Path out = dir.resolve("hits.jsonl");
    CliRun r = run("screen", "--watchlist", list.toString(), "--watchlist-id", "ref", "--map", "full_name=name", "--map",
        "dob=birthDate", "--map", "passport=passportNumber", "--queries", queries.toString(), "--out", out.toString(),
        "--limit", "1");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().contains("line 4"), "the impossible date is reported: " + r.err());
    assertTrue(r.err().contains("q.csv line 4"), "the row without a name is reported: " + r.err());
    List<String> lines = Files.readAllLines(out);
    assertEquals(2, lines.size(), lines.toString());
    assertEquals("W1", ModelJson.read(lines.get(0)).get("id").asText());
    assertEquals("q1", ModelJson.read(lines.get(0)).get("query_id").asText());
    assertEquals("W2", ModelJson.read(lines.get(1)).get("id").asText());

    CliRun usage = run("screen");
    assertEquals(2, usage.code());
  }
}
