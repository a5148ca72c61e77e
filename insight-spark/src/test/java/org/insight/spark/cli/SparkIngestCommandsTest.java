package org.insight.spark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

  private static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
