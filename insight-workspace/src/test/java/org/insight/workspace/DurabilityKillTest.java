package org.insight.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.store.FSDirectory;
import org.insight.core.Dataset;
import org.insight.core.EntityId;
import org.insight.policy.AuditVerification;
import org.insight.policy.Label;
import org.insight.policy.Principal;
import org.insight.policy.Purpose;
import org.insight.policy.SourceGrading;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rule 5, tested the hard way: a child JVM adds records and reports each acknowledged one; we kill it with SIGKILL
 * at a random point, reopen the workspace, and check that every acknowledged record is there, the index is intact
 * and the audit chain verifies. Runs {@code insight.kill.runs} kills (default 4; the soak command runs many more).
 */
@Tag("slow") // forks processes: quick loop with -DexcludedGroups=slow
class DurabilityKillTest {
  @TempDir Path dir;

  @Test
  void everyAcknowledgedRecordSurvivesKillDashNine() throws Exception {
    int runs = Integer.getInteger("insight.kill.runs", 4);
    long seed = Long.getLong("insight.seed", System.nanoTime());
    System.out.println("DurabilityKillTest seed=" + seed + " runs=" + runs);
    Random random = new Random(seed);
    Dataset ds = Dataset.of("kill", Label.of("A"), SourceGrading.UNGRADED);
    int next = 0;
    List<Integer> acked = new ArrayList<>();
    for (int run = 0; run < runs; run++) {
      int killAfterAcks = random.nextInt(25);
      long extraDelayMicros = random.nextInt(20_000);
      Process child = new ProcessBuilder(javaBin(), "-cp", System.getProperty("java.class.path"),
          "-Xmx256m", KillWriter.class.getName(), dir.toString(), Integer.toString(next))
          .redirectError(ProcessBuilder.Redirect.DISCARD)
          .start();
      try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        int seen = 0;
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          if (line.startsWith("ACK ")) {
            int i = Integer.parseInt(line.substring(4));
            acked.add(i);
            next = Math.max(next, i + 1);
            if (++seen > killAfterAcks) {
              break;
            }
          }
        }
        // kill somewhere inside the next add: before, during or after its commit
        TimeUnit.MICROSECONDS.sleep(extraDelayMicros);
        child.destroyForcibly(); // SIGKILL on Unix; it also closes our end of its output
        assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the killed child did not exit, seed=" + seed);
      }
      assertTrue(seen(acked), "the child acknowledged nothing in run " + run + "; did it start? seed=" + seed);
      next += 1000; // the killed add may or may not have landed; never reuse its id

      ByteArrayOutputStream report = new ByteArrayOutputStream();
      try (FSDirectory index = FSDirectory.open(dir.resolve("index")); CheckIndex check = new CheckIndex(index)) {
        check.setInfoStream(new PrintStream(report, true, StandardCharsets.UTF_8));
        assertTrue(check.checkIndex().clean, "index damaged after kill in run " + run + " seed=" + seed + "\n" + report);
      }
      try (Workspace ws = Workspace.open(dir)) {
        Session s = ws.session(Principal.of("checker", "A"), Purpose.CRIMINAL_INVESTIGATION);
        for (int i : acked) {
          EntityId id = ds.entity("Person", "r" + i).add("name", "x").build().id();
          assertTrue(s.entity(id).isPresent(), "acknowledged record r" + i + " lost after kill, run " + run + " seed=" + seed);
          assertEquals(2, s.entity(id).get().statements().size(), "record r" + i + " torn, seed=" + seed);
        }
        AuditVerification audit = ws.verifyAudit();
        assertTrue(audit.valid(), "audit chain broken after kill: " + audit.message() + " seed=" + seed);
      }
    }
  }

  private static boolean seen(List<Integer> acked) {
    return !acked.isEmpty();
  }

  private static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
