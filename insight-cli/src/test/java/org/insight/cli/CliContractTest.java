package org.insight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.insight.core.json.ModelJson;
import org.insight.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract every command keeps: what a read may do to the disk, exit codes, and errors for machines. */
class CliContractTest {
  @TempDir Path dir;

  /** Every command that only reads a workspace, with the arguments it needs. */
  static final List<String[]> READS = List.of(
      new String[] {"count"}, new String[] {"entities"}, new String[] {"entity", "ent-1"},
      new String[] {"document"}, new String[] {"document", "doc-1"}, new String[] {"search", "petrov"},
      new String[] {"suggest", "pe"}, new String[] {"screen", "Ivan Petrov"}, new String[] {"flags"},
      new String[] {"match", "events"}, new String[] {"match", "show", "ent-1"}, new String[] {"audit", "verify"},
      new String[] {"audit", "checkpoint"}, new String[] {"geo", "reverse"}, new String[] {"geo", "hotspots"},
      new String[] {"geo", "colocation"});

  static String[] with(String[] command, String... more) {
    return Stream.concat(Stream.of(command), Stream.of(more)).toArray(String[]::new);
  }

  @Test
  void aReadPointedAtAPathWithNoWorkspaceRefusesInOneLineAndCreatesNothing() {
    Path missing = dir.resolve("nonexistent/x");
    for (String[] read : READS) {
      String name = String.join(" ", read);
      CliRun r = CliRun.of(with(read, "--workspace", missing.toString()));
      assertEquals(Main.USAGE, r.code(), name + ": " + r.err());
      assertEquals(1, r.err().lines().count(), name + ": one line: " + r.err());
      assertTrue(r.err().startsWith("insight: there is no workspace in " + missing.toAbsolutePath()), r.err());
      assertTrue(r.err().contains("--workspace") && r.err().contains("insight ingest"), "and what to do: " + r.err());
      assertEquals("", r.out(), name);
      assertFalse(Files.exists(dir.resolve("nonexistent")), name + " created " + missing);

      CliRun json = CliRun.of(with(read, "--workspace", missing.toString(), "--json"));
      JsonNode error = ModelJson.read(json.err());
      assertEquals(Main.USAGE, error.get("exit").asInt(), name);
      assertEquals(1, error.get("format").asInt(), name);
      assertTrue(error.get("error").asText().contains(missing.getFileName().toString()), json.err());
    }
  }

  @Test
  void aCommandThatWritesCreatesTheWorkspace() {
    Path ws = dir.resolve("new/ws");
    CliRun add = CliRun.of("add", "--workspace", ws.toString(), "--dataset", "d", "--label", "FR", "--auths", "FR",
        "--type", "Person", "--record", "1", "name=Jean Dupont");
    assertEquals(Main.OK, add.code(), add.err());
    assertTrue(Files.exists(ws.resolve("workspace.properties")));
    CliRun count = CliRun.of("count", "--workspace", ws.toString(), "--auths", "FR", "--json");
    assertEquals(1, ModelJson.read(count.out()).get("entities").asInt(), count.err());
  }

  @Test
  void readsWorkBesideAnApplicationHoldingTheWorkspaceOpenForWriting() {
    Path ws = dir.resolve("ws");
    assertEquals(Main.OK, CliRun.of("demo", "--workspace", ws.toString()).code());
    try (Workspace writer = Workspace.open(ws)) {
      for (String[] read : READS) {
        CliRun r = CliRun.of(with(read, "--workspace", ws.toString(), "--auths", "INTERPOL", "--read-only"));
        assertFalse(r.err().contains("already open"), String.join(" ", read) + ": " + r.err());
        assertTrue(r.code() == Main.OK || r.err().contains("is visible to this session"), r.err());
      }
      CliRun plain = CliRun.of("count", "--workspace", ws.toString(), "--auths", "INTERPOL");
      assertEquals(Main.OK, plain.code(), "reads are read-only without the flag too: " + plain.err());
      CliRun write = CliRun.of("add", "--workspace", ws.toString(), "--dataset", "d", "--label", "FR", "--type",
          "Person", "--record", "1", "name=Jean Dupont");
      assertEquals(Main.FAILED, write.code(), "only one writer at a time");
      assertTrue(write.err().contains("already open"), write.err());
      assertTrue(writer.session(org.insight.policy.Principal.of("app"), org.insight.policy.Purpose.CRIMINAL_INVESTIGATION)
          .count(null) == 0, "the application's session is unaffected (and sees nothing without clearances)");
    }
  }

  @Test
  void aCommandThatWritesRefusesReadOnly() {
    Path ws = dir.resolve("ws");
    CliRun r = CliRun.of("add", "--workspace", ws.toString(), "--read-only", "--dataset", "d", "--label", "FR", "--type",
        "Person", "--record", "1", "name=Jean Dupont");
    assertEquals(Main.USAGE, r.code(), r.err());
    assertTrue(r.err().contains("'insight add' writes to the workspace, so it cannot run with --read-only"), r.err());
    assertFalse(Files.exists(ws), "nothing written");
    assertEquals(Main.USAGE, CliRun.of("flags", "--workspace", ws.toString(), "--review", "f-1", "--status", "confirmed",
        "--read-only").code(), "flags reads, but reviewing one writes");
  }

  @Test
  void exitCodesAreAsDocumented() {
    Path ws = dir.resolve("ws");
    assertEquals(Main.OK, CliRun.of("demo", "--workspace", ws.toString()).code());
    String[] at = {"--workspace", ws.toString()};
    assertEquals(Main.OK, CliRun.of(with(new String[] {"count"}, at)).code());
    // failed or found problems
    assertEquals(Main.FAILED, CliRun.of(with(new String[] {"entity", "no-such-id"}, at)).code());
    assertEquals(Main.FAILED, CliRun.of("label", "A&B", "--auths", "A").code(), "denied is a finding");
    // usage: unknown option, bad argument, bad query, bad label, bad purpose, bad grading
    assertEquals(Main.USAGE, CliRun.of(with(new String[] {"count", "--no-such-option"}, at)).code());
    assertEquals(Main.USAGE, CliRun.of(with(new String[] {"entities", "--limit", "many"}, at)).code());
    assertEquals(Main.USAGE, CliRun.of(with(new String[] {"search", "name:(Ivan"}, at)).code());
    assertEquals(Main.USAGE, CliRun.of(with(new String[] {"search", "x", "--sort", "sideways"}, at)).code());
    assertEquals(Main.USAGE, CliRun.of("label", "A&|B").code());
    assertEquals(Main.USAGE, CliRun.of(with(new String[] {"count", "--purpose", "Not A Purpose!"}, at)).code());
    assertEquals(Main.USAGE, CliRun.of("add", "--workspace", ws.toString(), "--dataset", "d", "--label", "FR&",
        "--type", "Person", "--record", "1", "name=X").code(), "bad label");
    assertEquals(Main.USAGE, CliRun.of("add", "--workspace", ws.toString(), "--dataset", "d", "--label", "FR",
        "--grading", "Z9", "--type", "Person", "--record", "1", "name=X").code(), "bad grading");
    assertEquals(Main.USAGE, CliRun.of("ingest", dir.resolve("no-such-file").toString(), "--workspace", ws.toString(),
        "--dataset", "d", "--label", "FR").code(), "a path that is not there");
  }

  @Test
  void withJsonEveryErrorIsOneJsonObjectOnStandardError() {
    Path ws = dir.resolve("ws");
    assertEquals(Main.OK, CliRun.of("demo", "--workspace", ws.toString()).code());
    List<String[]> failing = List.of(
        new String[] {"entity", "no-such-id", "--workspace", ws.toString(), "--json"},
        new String[] {"search", "name:(Ivan", "--workspace", ws.toString(), "--json"},
        new String[] {"count", "--no-such-option", "--json"},
        new String[] {"label", "A&|B", "--json"});
    for (String[] args : failing) {
      CliRun r = CliRun.of(args);
      assertEquals("", r.out(), String.join(" ", args));
      assertEquals(1, r.err().lines().count(), r.err());
      JsonNode error = ModelJson.read(r.err());
      assertEquals(r.code(), error.get("exit").asInt(), r.err());
      assertFalse(error.get("error").asText().isBlank(), r.err());
      assertFalse(error.get("error").asText().startsWith("insight:"), r.err());
    }
  }
}
