package org.insight.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.insight.core.Dataset;
import org.insight.policy.AuditLog;
import org.insight.policy.AuditVerification;
import org.insight.policy.Principal;
import org.insight.policy.Purpose;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A second process opens the workspace read-only while this one writes; both audit into one valid chain. */
@Tag("slow") // forks processes: quick loop with -DexcludedGroups=slow
class SecondProcessTest {
  @TempDir Path dir;

  @Test
  void aSecondProcessReadsWhileThisOneWrites() throws Exception {
    Dataset ds = Fixtures.dataset("ds", "A");
    try (Workspace ws = Workspace.open(dir)) {
      Session writer = ws.session(Fixtures.loader("writer"), Purpose.CRIMINAL_INVESTIGATION);
      writer.add(Fixtures.person(ds, "0", "Person 0"));
      Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), ReadOnlyReader.class.getName(), dir.toString())
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      try (PrintWriter toChild = new PrintWriter(child.getOutputStream(), true, StandardCharsets.UTF_8);
           BufferedReader fromChild = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        for (int i = 1; i <= 5; i++) {
          writer.add(Fixtures.person(ds, Integer.toString(i), "Person " + i));
          toChild.println(i);
          String answer = fromChild.readLine();
          assertEquals("COUNT " + (i + 1) + " SEARCH 1", answer, "the reader sees every committed write");
        }
        toChild.println("quit");
      }
      assertTrue(child.waitFor(60, TimeUnit.SECONDS));
      assertEquals(0, child.exitValue());
      writer.count(null); // and this process goes on appending after the other
    }
    AuditVerification v = AuditLog.verify(Workspace.auditFile(dir));
    assertTrue(v.valid(), v.message());
    assertEquals(6 + 10 + 1, v.entriesChecked(), "6 adds and 1 count here, 5 counts and 5 searches there, one chain");
  }
}
