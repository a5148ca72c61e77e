package org.insight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.insight.graph.EdgeList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code insight graph ... --edges FILE}: a plain edge list analysed without a workspace, in every export format. */
class GraphEdgesCommandTest {
  @TempDir Path dir;

  private Path calls() throws Exception {
    Path f = dir.resolve("calls.csv");
    Files.writeString(f, "caller,callee,seconds\n"
        + "Alice,Bob,60\n"
        + "Bob,Carol,30\n"
        + "Carol,Alice,10\n"
        + "Carol,Dave,5\n"
        + "Dave,,5\n"
        + "Dave,Erin,lots\n"
        + "Dave,Erin,7\n", StandardCharsets.UTF_8);
    return f;
  }

  private String[] args(Path f, String... command) {
    String[] out = new String[command.length + 8];
    System.arraycopy(command, 0, out, 0, command.length);
    System.arraycopy(new String[] {"--edges", f.toString(), "--source", "caller", "--target", "callee", "--weight",
        "seconds"}, 0, out, command.length, 8);
    return out;
  }

  @Test
  void pathsBrokersAndCommunitiesOfAnEdgeListWithBadRowsReported() throws Exception {
    Path f = calls();
    CliRun paths = CliRun.of(args(f, "graph", "paths", "Alice", "Erin", "--json"));
    assertEquals(0, paths.code(), paths.err());
    JsonNode p = JsonSchemas.valid("graph-paths", paths.out());
    assertEquals(3, p.get("paths").get(0).get("hops").size(), p.toString());
    assertTrue(paths.err().contains("calls.csv:6: left out: missing callee"), paths.err());
    assertTrue(paths.err().contains("calls.csv:7: left out: weight \"lots\""), paths.err());
    CliRun brokers = CliRun.of(args(f, "graph", "brokers", "--json"));
    assertEquals(0, brokers.code(), brokers.err());
    JsonSchemas.valid("graph-brokers", brokers.out());
    CliRun parallel = CliRun.of(args(f, "graph", "brokers", "--json", "--threads", "3"));
    assertEquals(brokers.out(), parallel.out(), "the same scores on 3 threads");
    assertEquals(2, CliRun.of(args(f, "graph", "brokers", "--threads", "0")).code());
    assertTrue(brokers.out().contains(EdgeList.id("Carol").value())
        && brokers.out().contains(EdgeList.id("Dave").value()), brokers.out());
    CliRun communities = CliRun.of(args(f, "graph", "communities", "--json"));
    assertEquals(0, communities.code(), communities.err());
    JsonSchemas.valid("graph-communities", communities.out());
    CliRun seeded = CliRun.of(args(f, "graph", "communities", "--method", "leiden", "--seed", "7", "--json"));
    assertEquals(0, seeded.code(), seeded.err());
    assertEquals(communities.out(), seeded.out(), "a graph this small has one best partition, whatever the seed");
    CliRun bogus = CliRun.of(args(f, "graph", "communities", "--method", "spectral"));
    assertEquals(2, bogus.code());
    assertTrue(bogus.err().contains("--method is leiden, louvain or label-propagation"), bogus.err());
    CliRun neighbours = CliRun.of(args(f, "graph", "neighbours", "Dave", "--hops", "1"));
    assertEquals(0, neighbours.code(), neighbours.err());
    assertTrue(neighbours.out().contains("Erin") && !neighbours.out().contains("Alice"), neighbours.out());
  }

  @Test
  void everyExportFormatOfAnEdgeListParses() throws Exception {
    Path f = calls();
    for (String format : new String[] {"graphml", "gexf", "cytoscape", "dot", "html"}) {
      Path out = dir.resolve("calls." + format);
      CliRun r = CliRun.of(args(f, "graph", "export", "--format", format, "--out", out.toString(), "--directed",
          "--json"));
      assertEquals(0, r.code(), format + ": " + r.err());
      JsonNode j = JsonSchemas.valid("graph-export", r.out());
      assertEquals(5, j.get("nodes").asInt());
      assertEquals(5, j.get("edges").asInt());
      String text = Files.readString(out);
      switch (format) {
        case "graphml", "gexf" -> assertEquals(5, DocumentBuilderFactory.newInstance().newDocumentBuilder()
            .parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))).getElementsByTagName("edge")
            .getLength());
        case "cytoscape" -> assertEquals(5, new ObjectMapper().readTree(text).path("elements").path("edges").size());
        case "dot" -> assertEquals(5, text.split(" -> ", -1).length - 1, text);
        default -> assertTrue(text.contains("Alice"), text);
      }
    }
  }

  @Test
  void edgeListOptionsNeedEachOther() throws Exception {
    Path f = calls();
    CliRun noColumns = CliRun.of("graph", "communities", "--edges", f.toString());
    assertEquals(2, noColumns.code());
    assertTrue(noColumns.err().contains("--source COL and --target COL"), noColumns.err());
    CliRun noEdges = CliRun.of("graph", "communities", "--source", "a", "--workspace", dir.toString());
    assertEquals(2, noEdges.code());
    assertTrue(noEdges.err().contains("--edges FILE"), noEdges.err());
    CliRun badColumn = CliRun.of("graph", "communities", "--edges", f.toString(), "--source", "from", "--target",
        "callee");
    assertEquals(1, badColumn.code());
    assertTrue(badColumn.err().contains("no column \"from\""), badColumn.err());
  }

  @Test
  void weightedPathsFollowTheStrongestTies() throws Exception {
    Path f = calls();
    // Alice-Carol talked 10 s; Alice-Bob 60 s and Bob-Carol 30 s: 1/60 + 1/30 < 1/10
    CliRun fewest = CliRun.of(args(f, "graph", "paths", "Alice", "Carol", "--k", "1", "--json"));
    assertEquals(2, new ObjectMapper().readTree(fewest.out()).get("paths").get(0).get("nodes").size(), fewest.out());
    CliRun strongest = CliRun.of(args(f, "graph", "paths", "Alice", "Carol", "--weighted", "amount", "--json"));
    assertEquals(0, strongest.code(), strongest.err());
    JsonNode p = JsonSchemas.valid("graph-paths", strongest.out()).get("paths");
    assertEquals(1, p.size());
    assertEquals(EdgeList.id("Bob").value(), p.get(0).get("nodes").get(1).asText(), p.toString());
    assertEquals(1.0 / 60 + 1.0 / 30, p.get(0).get("cost").asDouble(), 1e-9);
    CliRun text = CliRun.of(args(f, "graph", "paths", "Alice", "Carol", "--weighted", "amount"));
    assertTrue(text.out().contains("cost 0.0500000 (1/amount per hop)"), text.out());
    assertEquals(2, CliRun.of(args(f, "graph", "paths", "Alice", "Carol", "--weighted", "size")).code());
    assertEquals(2, CliRun.of(args(f, "graph", "paths", "Alice", "Carol", "--weighted", "count", "--max-length", "2"))
        .code());
    CliRun two = CliRun.of(args(f, "graph", "paths", "Alice", "Carol", "--weighted", "amount", "--k", "2", "--json"));
    assertEquals(0, two.code(), two.err());
    JsonNode both = JsonSchemas.valid("graph-paths", two.out()).get("paths");
    assertEquals(2, both.size(), both.toString());
    assertEquals(1.0 / 60 + 1.0 / 30, both.get(0).get("cost").asDouble(), 1e-9);
    assertEquals(1.0 / 10, both.get(1).get("cost").asDouble(), 1e-9, "then the direct call, dearer");
    assertEquals(2, both.get(1).get("nodes").size(), both.toString());
    CliRun none = CliRun.of(args(f, "graph", "paths", "Alice", "Carol", "--weighted", "duration"));
    assertEquals(1, none.code(), "edge lists carry no durations: no edge may be used");
    assertTrue(none.out().contains("no path with duration on every hop"), none.out());
  }
}
