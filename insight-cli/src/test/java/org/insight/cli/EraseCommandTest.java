package org.insight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.insight.core.EntityId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code insight erase} and {@code insight retention}: refusal without a reason, no oracle, and what is left after. */
class EraseCommandTest {
  @TempDir Path dir;

  private String ws() {
    return dir.resolve("ws").toString();
  }

  @Test
  void erasingNeedsAReasonAndSomethingToErase() {
    assertEquals(2, CliRun.of("erase", "x", "--workspace", ws()).code());
    assertEquals(2, CliRun.of("erase", "--reason", "r", "--workspace", ws()).code());
    assertEquals(2, CliRun.of("erase", "x", "--reason", " ", "--workspace", ws()).code());
  }

  @Test
  void anInvisibleEntityIsErasedExactlyAsAMissingOneIsThatIsNotAtAll() {
    assertEquals(0, CliRun.of("add", "--workspace", ws(), "--auths", "SECRET", "--dataset", "hr", "--label", "SECRET", "--type", "Person",
        "--record", "1", "name=Nadia Secretova").code());
    String id = EntityId.fromSource("hr", "1").value();
    CliRun invisible = CliRun.of("erase", id, "--reason", "probe", "--workspace", ws(), "--auths", "OPEN");
    CliRun missing = CliRun.of("erase", "no-such-entity", "--reason", "probe", "--workspace", ws(), "--auths", "OPEN");
    assertEquals(1, invisible.code());
    assertEquals(missing.code(), invisible.code());
    assertEquals(missing.err(), invisible.err());
    assertEquals(0, CliRun.of("entity", id, "--workspace", ws(), "--auths", "SECRET").code(), "still there");

    CliRun erased = CliRun.of("erase", id, "--reason", "court order", "--workspace", ws(), "--auths", "SECRET");
    assertEquals(0, erased.code(), erased.err());
    assertTrue(erased.out().contains("erased 1 statement(s) of 1 entity"), erased.out());
    assertEquals(1, CliRun.of("entity", id, "--workspace", ws(), "--auths", "SECRET").code(), "gone");
    CliRun audit = CliRun.of("audit", "verify", "--workspace", ws());
    assertEquals(0, audit.code(), audit.err());
  }

  @Test
  void retentionDueAndPurgeOnAnEmptyWorkspaceSayNothingIsDue() {
    assertEquals(0, CliRun.of("add", "--workspace", ws(), "--auths", "A", "--dataset", "d", "--label", "A", "--type", "Person",
        "--record", "1", "name=Someone").code());
    CliRun due = CliRun.of("retention", "due", "--workspace", ws(), "--auths", "A");
    assertEquals(0, due.code(), due.err());
    assertTrue(due.out().contains("0 entities, 0 document(s)"), due.out());
    CliRun purge = CliRun.of("retention", "purge", "--workspace", ws(), "--auths", "A");
    assertEquals(0, purge.code(), purge.err());
    assertTrue(purge.out().startsWith("purged 0 statement(s)"), purge.out());
  }
}
