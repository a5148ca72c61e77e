package org.insight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.insight.core.json.ModelJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestCommandTest {
  @TempDir Path dir;

  CliRun run(String... args) {
    return CliRun.of(args);
  }

  @Test
  void ingestsADirectoryReportsQuarantineAsJsonAndSkipsWhatItHasOnTheSecondRun() throws Exception {
    Path in = dir.resolve("in");
    Files.createDirectories(in.resolve("sub"));
    Files.writeString(in.resolve("report.txt"), "The blue van left the harbour at dawn.", StandardCharsets.UTF_8);
    Files.writeString(in.resolve("sub/note.html"), "<html><body><p>Second sighting at pier 4.</p></body></html>");
    Files.write(in.resolve("sub/broken.pdf"), "%PDF-1.7\ngarbage".getBytes(StandardCharsets.US_ASCII));
    Files.writeString(in.resolve("sub/skip.tmp"), "scratch");
    String ws = dir.resolve("ws").toString();
    String[] args = {"ingest", in.toString(), "--workspace", ws, "--dataset", "heron", "--label", "FR&POLICE",
        "--purposes", "criminal-investigation", "--originator", "FR-NCB", "--grading", "B2", "--exclude", "*.tmp",
        "--no-ocr", "--in-process", "--auths", "FR,POLICE", "--json"};
    CliRun first = run(args);
    assertEquals(1, first.code(), "a quarantined item makes exit code 1: " + first.err());
    JsonNode r = ModelJson.read(first.out());
    assertEquals(3, r.get("found").asInt());
    assertEquals(2, r.get("ingested").asInt());
    assertEquals(1, r.get("quarantined").asInt());
    assertEquals("sub/broken.pdf", r.get("failures").get(0).get("path").asText());
    assertEquals("corrupt", r.get("failures").get(0).get("reason").asText());

    CliRun again = run(args);
    JsonNode r2 = ModelJson.read(again.out());
    assertEquals(0, r2.get("ingested").asInt());
    assertEquals(2, r2.get("unchanged").asInt());

    CliRun search = run("search", "pier", "--workspace", ws, "--auths", "FR,POLICE", "--json");
    assertEquals(0, search.code(), search.err());
    assertTrue(search.out().contains("note.html"), search.out());
    CliRun hidden = run("count", "--workspace", ws, "--auths", "FR", "--json");
    assertEquals("{\"format\":1,\"entities\":0,\"documents\":0}", hidden.out().trim());
  }

  @Test
  void aWriterWithoutTheLabelsClearanceGetsAClearErrorAndTheHumanReportOtherwise() throws Exception {
    Path f = dir.resolve("a.txt");
    Files.writeString(f, "hello");
    String ws = dir.resolve("ws").toString();
    CliRun refused = run("ingest", f.toString(), "--workspace", ws, "--dataset", "d", "--label", "FR&POLICE", "--in-process");
    assertEquals(1, refused.code());
    assertTrue(refused.err().contains("could not see documents labelled"), refused.err());
    CliRun ok = run("ingest", f.toString(), "--workspace", ws, "--dataset", "d", "--label", "FR&POLICE", "--in-process",
        "--auths", "FR,POLICE");
    assertEquals(0, ok.code(), ok.err());
    assertTrue(ok.out().startsWith("d: 1 found, 1 ingested (1 documents), 0 unchanged, 0 quarantined"), ok.out());
    CliRun usage = run("ingest", "--workspace", ws, f.toString());
    assertEquals(2, usage.code());
  }

  @Test
  void withEnrichTheNewDocumentsArriveWithTheirSelectorsAsMentions() throws Exception {
    Path f = dir.resolve("tip.txt");
    Files.writeString(f, "Call +33 6 12 34 56 78 about the transfer to FR76 3000 6000 0112 3456 7890 189 before Friday.");
    String ws = dir.resolve("ws").toString();
    CliRun r = run("ingest", f.toString(), "--workspace", ws, "--dataset", "d", "--label", "FR", "--in-process",
        "--auths", "FR", "--enrich", "selectors", "--region", "FR", "--json");
    assertEquals(0, r.code(), r.err());
    JsonNode e = ModelJson.read(r.out()).get("enrichment");
    assertEquals(1, e.get("documents").asInt(), r.out());
    assertEquals("selectors", e.get("steps").get(0).get("name").asText());
    assertEquals(2, e.get("steps").get(0).get("mentions").asInt(), r.out());
    CliRun unknown = run("ingest", f.toString(), "--workspace", ws, "--dataset", "d", "--label", "FR", "--in-process",
        "--auths", "FR", "--enrich", "magic");
    assertEquals(2, unknown.code(), unknown.err());
    assertTrue(unknown.err().contains("unknown step 'magic'"), unknown.err());
  }
}
