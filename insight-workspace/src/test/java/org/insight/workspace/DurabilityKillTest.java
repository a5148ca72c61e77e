package org.insight.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;
import org.insight.core.ContentHash;
import org.insight.core.Document;
import org.insight.core.Entity;
import org.insight.core.EntityId;
import org.insight.policy.AuditVerification;
import org.insight.policy.Principal;
import org.insight.policy.Purpose;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Rule 5, tested the hard way: a child JVM ({@link KillWriter}) writes and reports each acknowledged write; we kill it
 * with SIGKILL at a random point, reopen the workspace, and check that every acknowledged write is there, the index is
 * intact and the audit chain verifies. Three modes: adding records, ingesting files, and erasing (an erasure is all or
 * nothing across a kill: an acknowledged one left no trace — entity, document, blob, flag —, an interrupted one is
 * either not started or completed when the workspace is next opened, and unrelated acknowledged data is never lost).
 * Runs {@code insight.kill.runs} kills per mode (default 4; {@code insight.kill.runs.MODE} for one mode;
 * {@code ./run-soak} runs many more), only the modes in {@code insight.kill.modes} (default all: {@code
 * add,ingest,erase}). Each mode has its own directory, so with JUnit's parallel execution switched on ({@code
 * -Djunit.jupiter.execution.parallel.enabled=true}, as {@code ./run-soak} does) the modes run side by side.
 */
@Tag("slow") // forks processes: quick loop with -DexcludedGroups=slow
@Execution(ExecutionMode.CONCURRENT) // only when parallel execution is enabled; the regular run keeps one thread
class DurabilityKillTest {
  private static final Principal CHECKER = Principal.of("checker", "A");
  @TempDir Path dir;

  /** What the child said before it died. */
  private record Seen(List<Integer> acked, List<Integer> written, List<Integer> erased) {}

  /**
   * Every run checks everything the last child touched, a random sample of what earlier children left (a later write
   * or recovery could still damage it) and the index's segments new since the last check, and, every
   * {@link #FULL_CHECK_EVERY} runs and on the last, everything: so a
   * soak of thousands of kills stays linear in the kills instead of quadratic.
   */
  private static final int FULL_CHECK_EVERY = 100;
  private static final int SAMPLE = 50;

  @Test
  void everyAcknowledgedRecordSurvivesKillDashNine() throws Exception {
    killLoop("add", (ws, seen, context) -> {
      Session s = ws.session(CHECKER, Purpose.CRIMINAL_INVESTIGATION);
      for (int i : seen.acked()) {
        assertRecord(s, i, context);
      }
    });
  }

  @Test
  void everyAcknowledgedIngestSurvivesKillDashNine() throws Exception {
    killLoop("ingest", (ws, seen, context) -> {
      Session s = ws.session(CHECKER, Purpose.CRIMINAL_INVESTIGATION);
      for (int i : seen.acked()) {
        byte[] bytes = KillWriter.documentText(i).getBytes(StandardCharsets.UTF_8);
        ContentHash hash = ContentHash.of(bytes);
        var d = s.document(Document.idFor(KillWriter.DOCUMENTS.name(), KillWriter.DOCUMENTS.label(), hash));
        assertTrue(d.isPresent(), "acknowledged ingest of item " + i + " lost, " + context);
        assertEquals(KillWriter.documentText(i), d.get().text(), "item " + i + " torn, " + context);
        try (var in = s.evidence(hash).orElseThrow()) {
          assertEquals(bytes.length, in.readAllBytes().length, "evidence of item " + i + ", " + context);
        }
      }
    });
  }

  @Test
  void anErasureIsAllOrNothingAcrossKillDashNine() throws Exception {
    killLoop("erase", (ws, seen, context) -> {
      Session s = ws.session(CHECKER, Purpose.CRIMINAL_INVESTIGATION);
      assertFalse(Files.exists(ws.directory().resolve(Eraser.JOURNAL)), "an interrupted erasure was finished on open");
      for (int i : seen.acked()) {
        assertRecord(s, i, context);
      }
      for (int i : seen.written()) {
        Entity gone = KillWriter.doomed(i);
        ContentHash hash = ContentHash.of(KillWriter.documentText(i).getBytes(StandardCharsets.UTF_8));
        String doc = KillWriter.document(i, hash).id();
        boolean entity = s.entity(gone.id()).isPresent();
        boolean document = s.document(doc).isPresent();
        boolean blob = ws.evidence.contains(hash);
        if (seen.erased().contains(i)) {
          assertFalse(entity || document || blob, "an acknowledged erasure left entity=" + entity + " document="
              + document + " blob=" + blob + " of item " + i + ", " + context);
        } else {
          assertTrue(entity == document && document == blob, "an interrupted erasure was half done: entity=" + entity
              + " document=" + document + " blob=" + blob + " of item " + i + ", " + context);
          if (entity) {
            assertEquals(2, s.entity(gone.id()).get().statements().size(), "item " + i + " torn, " + context);
          }
        }
      }
      for (Flag f : s.flags(null, 0, 10_000).items()) {
        assertTrue(s.entity(EntityId.of(f.subjectId())).isPresent(), "a flag outlived its erased subject " + f.subjectId()
            + ", " + context);
      }
    });
  }

  @FunctionalInterface
  private interface Check {
    void check(Workspace ws, Seen seen, String context) throws Exception;
  }

  private void killLoop(String mode, Check check) throws Exception {
    String modes = System.getProperty("insight.kill.modes", "add,ingest,erase");
    if (!List.of(modes.split(",")).contains(mode)) {
      return;
    }
    int runs = Integer.getInteger("insight.kill.runs." + mode, Integer.getInteger("insight.kill.runs", 4));
    long seed = Long.getLong("insight.seed", System.nanoTime());
    System.out.println("DurabilityKillTest mode=" + mode + " seed=" + seed + " runs=" + runs);
    Random random = new Random(seed);
    int next = 0;
    Seen seen = new Seen(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    java.util.Set<String> checkedSegments = new java.util.HashSet<>();
    long started = System.nanoTime();
    for (int run = 0; run < runs; run++) {
      int killAfter = random.nextInt(mode.equals("add") ? 25 : 6);
      long extraDelayMicros = random.nextInt(20_000);
      // in erase mode the kill is aimed at the erasure: counted on WRITTEN lines, the erase follows them
      String trigger = mode.equals("erase") ? "WRITTEN " : "ACK ";
      Process child = new ProcessBuilder(javaBin(), "-cp", System.getProperty("java.class.path"),
          "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", KillWriter.class.getName(), dir.toString(), Integer.toString(next), mode)
          .redirectError(ProcessBuilder.Redirect.DISCARD)
          .start();
      int acksBefore = seen.acked().size();
      int writtenBefore = seen.written().size();
      try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        int count = 0;
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          int i = Integer.parseInt(line.substring(line.indexOf(' ') + 1));
          next = Math.max(next, i + 1);
          (line.startsWith("ACK ") ? seen.acked() : line.startsWith("WRITTEN ") ? seen.written() : seen.erased()).add(i);
          if (line.startsWith(trigger) && ++count > killAfter) {
            break;
          }
        }
        // kill somewhere inside the next write (or erasure): before, during or after its commit
        TimeUnit.MICROSECONDS.sleep(extraDelayMicros);
        child.destroyForcibly(); // SIGKILL on Unix; it also closes our end of its output
        assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the killed child did not exit, seed=" + seed);
      }
      assertTrue(seen.acked().size() > acksBefore, "the child acknowledged nothing in run " + run
          + "; did it start? seed=" + seed);
      next += 1000; // the killed write may or may not have landed; never reuse its id

      boolean full = (run + 1) % FULL_CHECK_EVERY == 0 || run == runs - 1;
      String context = "mode " + mode + " run " + run + (full ? " (full check)" : "") + " seed=" + seed;
      ByteArrayOutputStream report = new ByteArrayOutputStream();
      try (FSDirectory index = FSDirectory.open(dir.resolve("index")); CheckIndex checkIndex = new CheckIndex(index)) {
        checkIndex.setInfoStream(new PrintStream(report, true, StandardCharsets.UTF_8));
        // segments are written once: between full checks only those new since the last check are read
        List<String> segments = new ArrayList<>();
        for (SegmentCommitInfo info : SegmentInfos.readLatestCommit(index)) {
          segments.add(info.info.name);
        }
        List<String> fresh = segments.stream().filter(name -> !checkedSegments.contains(name)).toList();
        assertTrue(checkIndex.checkIndex(full ? null : fresh).clean, "index damaged after kill, " + context + "\n"
            + report);
        checkedSegments.addAll(segments);
      }
      try (Workspace ws = Workspace.open(dir)) {
        check.check(ws, full ? seen : selection(seen, acksBefore, writtenBefore, random), context);
        AuditVerification audit = ws.verifyAudit();
        assertTrue(audit.valid(), "audit chain broken after kill: " + audit.message() + ", " + context);
      }
      progress(mode, run + 1, runs, started);
    }
    System.out.printf(java.util.Locale.ROOT, "DurabilityKillTest mode=%s: %d kills in %.1f s (%.2f s per kill)%n", mode,
        runs, (System.nanoTime() - started) / 1e9, (System.nanoTime() - started) / 1e9 / Math.max(1, runs));
  }

  /** What the last child touched (everything from its first line on), plus a random sample of the earlier items. */
  private static Seen selection(Seen seen, int acksBefore, int writtenBefore, Random random) {
    return new Seen(recentAndSample(seen.acked(), acksBefore, random),
        recentAndSample(seen.written(), writtenBefore, random), seen.erased());
  }

  private static List<Integer> recentAndSample(List<Integer> all, int recentFrom, Random random) {
    List<Integer> chosen = new ArrayList<>(all.subList(recentFrom, all.size()));
    for (int k = 0; k < Math.min(SAMPLE, recentFrom); k++) {
      chosen.add(all.get(random.nextInt(recentFrom)));
    }
    return chosen;
  }

  private static void progress(String mode, int done, int runs, long started) {
    if (runs >= 50 && (done % 25 == 0 || done == runs)) {
      double seconds = (System.nanoTime() - started) / 1e9;
      System.out.printf(java.util.Locale.ROOT, "DurabilityKillTest mode=%s: %,d of %,d kills passed, %.2f s per kill,"
          + " about %.0f min to go%n", mode, done, runs, seconds / done, seconds / done * (runs - done) / 60);
    }
  }

  private static void assertRecord(Session s, int i, String context) {
    EntityId id = KillWriter.record(i).id();
    assertTrue(s.entity(id).isPresent(), "acknowledged record r" + i + " lost after kill, " + context);
    assertEquals(2, s.entity(id).get().statements().size(), "record r" + i + " torn, " + context);
  }

  private static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
