package org.insight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.insight.core.EntityId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, finding 4, through the command: {@code insight add} whose audit entry cannot be written stores nothing.
 *
 * <p>The log is made unwritable the way a full disk would: the command runs in its own JVM under a file-size limit
 * ({@code ulimit -f}) just below the audit log's length, so the log's next append fails with EFBIG while the small
 * files a one-record write would give the index stay under the limit. (Root ignores file modes, so a read-only log
 * would not do.)
 */
class AuditBeforeWriteCommandTest {
  @TempDir Path dir;

  private String ws() {
    return dir.resolve("ws").toString();
  }

  @Test
  void anAddWhoseAuditEntryCannotBeWrittenStoresNothing() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash for ulimit");
    assertEquals(0, CliRun.of("add", "--workspace", ws(), "--auths", "OPEN", "--dataset", "hr", "--label", "OPEN",
        "--type", "Person", "--record", "seed", "name=Seed Person").code());
    String seed = EntityId.fromSource("hr", "seed").value();
    Path log = dir.resolve("ws").resolve("audit").resolve("audit.log");
    while (Files.size(log) < 32 * 1024) { // reads lengthen the log past any file one small write gives the index
      assertEquals(0, CliRun.of("entity", seed, "--workspace", ws(), "--auths", "OPEN").code());
    }
    long before = Files.size(log);

    Process p = limited(before / 1024, "add", "--workspace", ws(), "--auths", "OPEN", "--dataset", "hr", "--label",
        "OPEN", "--type", "Person", "--record", "2", "name=Nadia Unaudited");
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the command finished");
    assertNotEquals(0, p.exitValue(), "the write was refused: " + err);
    assertTrue(err.toLowerCase(java.util.Locale.ROOT).contains("audit"), "the error names the audit log: " + err);
    assertEquals(before, Files.size(log), "the failed append left the log as it was");

    CliRun audit = CliRun.of("audit", "verify", "--workspace", ws());
    assertEquals(0, audit.code(), audit.err());
    CliRun lookup = CliRun.of("entity", EntityId.fromSource("hr", "2").value(), "--workspace", ws(), "--auths", "OPEN");
    assertEquals(1, lookup.code(), "the record was not stored: " + lookup.out());
    CliRun search = CliRun.of("search", "Nadia", "--workspace", ws(), "--auths", "OPEN");
    assertEquals(0, search.code(), search.err());
    assertTrue(!search.out().contains("Unaudited"), search.out());

    // the same command with room for one more entry succeeds: the limit, not the command, made it fail
    Process roomy = limited(before / 1024 + 64, "add", "--workspace", ws(), "--auths", "OPEN", "--dataset", "hr",
        "--label", "OPEN", "--type", "Person", "--record", "2", "name=Nadia Unaudited");
    String roomyErr = new String(roomy.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(roomy.waitFor(120, TimeUnit.SECONDS), "the command finished");
    assertEquals(0, roomy.exitValue(), roomyErr);
    assertEquals(0, CliRun.of("entity", EntityId.fromSource("hr", "2").value(), "--workspace", ws(), "--auths",
        "OPEN").code(), "stored once audited");
  }

  /** {@code insight ARGS} in a new JVM whose files may not grow past {@code kib} KiB. */
  private static Process limited(long kib, String... args) throws IOException {
    List<String> java = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:-UsePerfData", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    java.addAll(List.of(args));
    StringBuilder command = new StringBuilder("ulimit -f " + kib + " && exec");
    for (String a : java) {
      command.append(" '").append(a.replace("'", "'\\''")).append('\'');
    }
    return new ProcessBuilder("/bin/bash", "-c", command.toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
  }
}
