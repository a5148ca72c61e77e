package org.insight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Call records ingested through the {@code cdr} record mapping become the graph's Phone nodes and Call edges, with
 * their durations: the example of docs/architecture.md ("Edge lists through ingest mappings").
 */
class GraphRecordsTest {
  @TempDir Path dir;

  @Test
  void callRecordsThroughTheCdrMappingAreWeightedEdges() throws Exception {
    Path csv = Files.writeString(dir.resolve("calls.csv"), "caller,callee,start_time,duration\n"
        + "+33 6 12 34 56 78,+33 7 98 76 54 32,2026-04-02T10:00:00Z,600\n"
        + "+33 7 98 76 54 32,+33 6 55 44 33 22,2026-04-03T11:00:00Z,300\n"
        + "+33 6 12 34 56 78,+33 6 55 44 33 22,2026-04-05T12:00:00Z,10\n", StandardCharsets.UTF_8);
    String ws = dir.resolve("ws").toString();
    CliRun ingest = CliRun.of("ingest", csv.toString(), "--workspace", ws, "--dataset", "fr-cdr", "--label", "FR",
        "--auths", "FR", "--in-process", "--mapping", "cdr");
    assertEquals(0, ingest.code(), ingest.err());
    Path export = dir.resolve("calls.cyjs");
    CliRun exported = CliRun.of("graph", "export", "--format", "cytoscape", "--out", export.toString(), "--workspace",
        ws, "--auths", "FR");
    assertEquals(0, exported.code(), exported.err());
    JsonNode elements = new ObjectMapper().readTree(export.toFile()).get("elements");
    Map<String, String> idOf = new HashMap<>();
    elements.get("nodes").forEach(n -> idOf.put(n.get("data").get("name").asText(), n.get("data").get("id").asText()));
    assertEquals(3, idOf.size(), elements.toString());
    int calls = 0;
    for (JsonNode e : elements.get("edges")) {
      if (e.get("data").get("type").asText().equals("Call")) {
        calls++;
        assertTrue(e.get("data").get("duration").asDouble() > 0, e.toString());
      }
    }
    assertEquals(3, calls, elements.toString());
    String a = id(idOf, "+33612345678");
    String c = id(idOf, "+33655443322");
    CliRun paths = CliRun.of("graph", "paths", a, c, "--weighted", "duration", "--k", "2", "--json", "--workspace", ws,
        "--auths", "FR");
    assertEquals(0, paths.code(), paths.err());
    JsonNode p = JsonSchemas.valid("graph-paths", paths.out()).get("paths");
    assertEquals(2, p.size(), p.toString());
    assertEquals(1.0 / 600 + 1.0 / 300, p.get(0).get("cost").asDouble(), 1e-9, "the long calls first");
    assertEquals(1.0 / 10, p.get(1).get("cost").asDouble(), 1e-9, "then the short direct call");
  }

  private static String id(Map<String, String> idOf, String number) {
    return idOf.entrySet().stream().filter(e -> e.getKey().replace(" ", "").equals(number)).findFirst()
        .orElseThrow(() -> new AssertionError(number + " not among " + idOf.keySet())).getValue();
  }
}
