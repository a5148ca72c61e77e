package org.insight.spark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.insight.policy.AuditKey;
import org.insight.policy.Principal;
import org.insight.policy.Purpose;
import org.insight.spark.SparkTestSession;
import org.insight.workspace.Session;
import org.insight.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code insight spark ingest} then {@code insight spark load}: the files arrive in the workspace, labelled. */
class SparkIngestCommandsTest {
  @TempDir Path tmp;

  @Test
  void ingestThenLoad() throws Exception {
    SparkTestSession.get(); // the commands run in the shared session and leave it running
    Path corpus = Files.createDirectories(tmp.resolve("in"));
    Files.writeString(corpus.resolve("a.txt"), "Write to ivan.petrov@example.org about the harbour.",
        StandardCharsets.UTF_8);
    String out = tmp.resolve("out").toString();
    StringWriter text = new StringWriter();
    int code = new CommandLine(new SparkIngestCommand()).setOut(new PrintWriter(text)).execute(corpus.toString(),
        "--dataset", "d", "--label", "FR&POLICE", "--grading", "B2", "--out", out, "--no-ocr", "--in-process");
    assertEquals(0, code, text.toString());
    assertTrue(text.toString().contains("1 documents, 1 mentions"), text.toString());
    Path ws = tmp.resolve("ws");
    StringWriter loaded = new StringWriter();
    code = new CommandLine(new SparkLoadCommand()).setOut(new PrintWriter(loaded)).execute(out, "--workspace",
        ws.toString(), "--user", "loader", "--auths", "FR,POLICE");
    assertEquals(0, code, loaded.toString());
    try (Workspace w = Workspace.open(ws); Session s = w.session(Principal.of("loader", "FR", "POLICE"),
        Purpose.CRIMINAL_INVESTIGATION)) {
      assertEquals(1, s.search("harbour").hits().size());
      assertEquals("loader", s.documents(0, 1).items().get(0).provenance().ingestedBy());
    }
    assertTrue(!SparkTestSession.get().sparkContext().isStopped(), "the shared session is left running");
    assertEquals(0, SparkMain.run("ingest", "--help"), "wired under insight spark");
    assertEquals(0, SparkMain.run("load", "--help"));
    assertEquals(2, SparkMain.run("load", "--no-such-option"));
    String[] base = {"ingest", corpus.toString(), "--dataset", "d", "--label", "FR", "--out",
        tmp.resolve("x").toString()};
    assertEquals(2, SparkMain.run(concat(base, "--format", "xml")), "one format: ftm");
    assertEquals(2, SparkMain.run(concat(base, "--format", "ftm", "--mapping", "cdr")), "a mapping or FtM, not both");
    assertEquals(2, SparkMain.run(concat(base, "--schema", "ext.json")), "--schema only with records");
    assertTrue(!Files.exists(tmp.resolve("x")), "refused before any job ran");
  }

  /**
   * The same source options as {@code insight ingest} (one mixin): a refused value is a usage error naming its option,
   * and the load takes the workspace options of every writing command: a keyed audit chain, a writers file.
   */
  @Test
  void sourceOptionsAreInsightIngestsAndTheLoadOpensAKeyedWorkspace() throws Exception {
    SparkTestSession.get();
    Path corpus = Files.createDirectories(tmp.resolve("in"));
    Files.writeString(corpus.resolve("b.txt"), "The trawler left the harbour at dawn.", StandardCharsets.UTF_8);
    String[] base = {"ingest", corpus.toString(), "--dataset", "d", "--out", tmp.resolve("x").toString()};
    StringWriter err = new StringWriter();
    int code = new CommandLine(new SparkIngestCommand()).setErr(new PrintWriter(err)).execute(corpus.toString(),
        "--dataset", "d", "--label", "FR", "--grading", "Z9", "--out", tmp.resolve("x").toString());
    assertEquals(2, code);
    assertTrue(err.toString().contains("--grading"), err.toString());
    assertEquals(2, SparkMain.run(concat(base, "--label", "FR&&POLICE")), "a malformed label is a usage error");
    assertTrue(!Files.exists(tmp.resolve("x")), "refused before any job ran");

    String out = tmp.resolve("out").toString();
    StringWriter extracted = new StringWriter();
    assertEquals(0, new CommandLine(new SparkIngestCommand()).setOut(new PrintWriter(extracted)).execute(
        corpus.toString(), "--dataset", "fleet", "--label", "FR", "--retain-until", "2099-01-01", "--originator",
        "FR-NCB", "--out", out, "--no-ocr", "--in-process", "--json"));
    assertEquals(1, valid("spark-ingest", extracted.toString()).get("documents").asInt());

    Path key = tmp.resolve("keys/audit.key");
    Files.createDirectories(key.getParent());
    AuditKey.generate().write(key);
    Path writers = tmp.resolve("writers.txt");
    Files.writeString(writers, "fleet = loader\n", StandardCharsets.UTF_8);
    Path ws = tmp.resolve("ws");
    try (Workspace w = Workspace.builder(ws).auditKey(AuditKey.read(key)).open();
        Session s = w.session(Principal.of("reader", "FR"), Purpose.CRIMINAL_INVESTIGATION)) {
      s.search("trawler"); // the chain is keyed from its first entry
    }
    assertEquals(1, SparkMain.run("load", out, "--workspace", ws.toString(), "--user", "loader", "--auths", "FR"),
        "a keyed workspace refuses a load without its key");
    assertEquals(1, SparkMain.run("load", out, "--workspace", ws.toString(), "--user", "mallory", "--auths", "FR",
        "--audit-key", key.toString(), "--writers", writers.toString()), "mallory is not a writer of fleet");
    try (Workspace w = Workspace.builder(ws).auditKey(AuditKey.read(key)).open();
        Session s = w.session(Principal.of("reader", "FR"), Purpose.CRIMINAL_INVESTIGATION)) {
      assertEquals(0, s.documents(0, 1).total(), "nothing of mallory's refused load is stored");
    }
    StringWriter loaded = new StringWriter();
    assertEquals(0, new CommandLine(new SparkLoadCommand()).setOut(new PrintWriter(loaded)).execute(out,
        "--workspace", ws.toString(), "--user", "loader", "--auths", "FR", "--audit-key", key.toString(), "--writers",
        writers.toString(), "--json"));
    assertEquals(1, valid("spark-load", loaded.toString()).get("documents").asInt());
    try (Workspace w = Workspace.builder(ws).auditKey(AuditKey.read(key)).open();
        Session s = w.session(Principal.of("reader", "FR"), Purpose.CRIMINAL_INVESTIGATION)) {
      assertEquals(1, s.search("trawler").hits().size());
      var label = s.documents(0, 1).items().get(0).label();
      assertEquals(java.util.Optional.of(java.time.LocalDate.of(2099, 1, 1)), label.deleteAfter());
      assertTrue(label.originators().contains("FR-NCB"), label.toString());
      assertTrue(w.verifyAudit().valid(), "the keyed chain verifies after the load");
    }
  }

  /** The one line of {@code text}, checked against {@code docs/json/NAME.schema.json}. */
  private static JsonNode valid(String name, String text) throws Exception {
    Path file = Path.of("..", "docs", "json", name + ".schema.json").toAbsolutePath().normalize();
    Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
        .getSchema(Files.readString(file, StandardCharsets.UTF_8));
    JsonNode node = new ObjectMapper().readTree(text.strip());
    assertEquals(List.of(), schema.validate(node), name + ": " + text);
    assertEquals(1, node.get("format").asInt(), "every JSON output carries its format");
    return node;
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
