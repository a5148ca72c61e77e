package org.insight.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rule 5 for the case journal, the hard way (as {@link DurabilityKillTest} does for the index): a child JVM
 * ({@link CaseJournalKillWriter}) appends case items and reports each acknowledged one; it is killed with SIGKILL at a
 * random moment (often inside an append: each line is a few kB); the journal is then reopened for writing and must
 * hold every acknowledged item whole, end on a complete line (a torn tail is discarded with a warning) and hold no
 * unreadable line. {@code insight.kill.caseRuns} kills (default 20, about half a second each).
 */
@Tag("slow") // forks processes: quick loop with -DexcludedGroups=slow
class CaseJournalKillTest {
  @TempDir Path dir;

  @Test
  void everyAcknowledgedCaseItemSurvivesKillDashNineAndNoTornLineStays() throws Exception {
    int runs = Integer.getInteger("insight.kill.caseRuns", 20);
    long seed = Long.getLong("insight.seed", System.nanoTime());
    Random random = new Random(seed);
    TreeSet<Integer> acked = new TreeSet<>();
    int next = 0;
    int torn = 0;
    Path file = dir.resolve("cases").resolve("journal.jsonl");
    for (int run = 0; run < runs; run++) {
      String context = "run " + run + " seed=" + seed;
      int killAfter = random.nextInt(40);
      Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), "-Xmx64m", "-XX:TieredStopAtLevel=1",
          CaseJournalKillWriter.class.getName(), dir.toString(), Integer.toString(next))
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      int before = acked.size();
      try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
          StandardCharsets.UTF_8))) {
        int count = 0;
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          int i = Integer.parseInt(line.substring(4));
          acked.add(i);
          next = Math.max(next, i + 1);
          if (++count > killAfter) {
            break;
          }
        }
        TimeUnit.MICROSECONDS.sleep(random.nextInt(3_000)); // somewhere inside the next append, or after it
        child.destroyForcibly();
        assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the killed child did not exit, " + context);
      }
      assertTrue(acked.size() > before, "the child acknowledged nothing; did it start? " + context);
      next += 1000; // the killed append may or may not have landed: never reuse its item
      byte[] bytes = Files.readAllBytes(file);
      if (bytes.length > 0 && bytes[bytes.length - 1] != '\n') {
        torn++;
      }
      // reopened for writing: a torn tail is cut, every acknowledged item is there whole
      Map<String, List<CaseJournal.Entry>> items = new CaseJournal(dir, false).read(CaseJournalKillWriter.CASE);
      for (int i : acked) {
        List<CaseJournal.Entry> versions = items.get("note-" + i);
        assertTrue(versions != null, "acknowledged item " + i + " lost, " + context);
        assertEquals(List.of(CaseJournalKillWriter.entry(i)), versions, "item " + i + " torn, " + context);
      }
      byte[] after = Files.readAllBytes(file);
      assertTrue(after.length == 0 || after[after.length - 1] == '\n', "a torn line stayed, " + context);
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        assertTrue(line.startsWith("{") && line.endsWith("}"), "an unreadable line stayed, " + context);
      }
    }
    System.out.printf(java.util.Locale.ROOT, "CaseJournalKillTest: %d kills, %d left a torn tail, %d items acked,"
        + " seed=%d%n", runs, torn, acked.size(), seed);
  }

  @Test
  void aTornTailIsDiscardedOnAWritableOpenAndOnlyThen() throws Exception {
    CaseJournal.Entry e = CaseJournalKillWriter.entry(1);
    new CaseJournal(dir, false).write(CaseJournalKillWriter.CASE, items -> new CaseJournal.Planned(List.of(e), "x"));
    Path file = dir.resolve("cases").resolve("journal.jsonl");
    long whole = Files.size(file);
    Files.write(file, "{\"f\":1,\"case\":\"case-kill\",\"item\":\"note-2\",\"ki".getBytes(StandardCharsets.UTF_8),
        StandardOpenOption.APPEND);
    assertEquals(Map.of("note-1", List.of(e)), new CaseJournal(dir, true).read(CaseJournalKillWriter.CASE),
        "a reader skips the torn tail");
    assertTrue(Files.size(file) > whole, "a reader leaves the file alone");
    assertEquals(Map.of("note-1", List.of(e)), new CaseJournal(dir, false).read(CaseJournalKillWriter.CASE));
    assertEquals(whole, Files.size(file), "a writable open cut the torn tail");
  }

  @Test
  void aTombstoneACrashLeftBeforeTheRewriteIsCompletedOnTheNextWritableOpen() throws Exception {
    CaseJournal.Entry keep = CaseJournalKillWriter.entry(1);
    CaseJournal.Entry gone = CaseJournalKillWriter.entry(2);
    new CaseJournal(dir, false).write(CaseJournalKillWriter.CASE,
        items -> new CaseJournal.Planned(List.of(keep, gone), "x"));
    Path file = dir.resolve("cases").resolve("journal.jsonl");
    CaseJournal.Entry tomb = new CaseJournal.Entry(gone.caseId(), gone.itemId(), gone.kind(), 2, gone.label(), "eraser",
        gone.at(), CaseJournal.ERASED, Map.of());
    Files.writeString(file, CaseJournal.toJson(tomb) + "\n", StandardOpenOption.APPEND); // the crash: no rewrite
    assertEquals(Map.of("note-1", List.of(keep)), new CaseJournal(dir, true).read(CaseJournalKillWriter.CASE),
        "a reader already hides the tombstoned item");
    assertTrue(Files.readString(file).contains("note 2 "), "a reader does not rewrite");
    assertEquals(Map.of("note-1", List.of(keep)), new CaseJournal(dir, false).read(CaseJournalKillWriter.CASE));
    assertEquals(CaseJournal.toJson(keep) + "\n", Files.readString(file), "the rewrite left only the kept item");
  }
}
