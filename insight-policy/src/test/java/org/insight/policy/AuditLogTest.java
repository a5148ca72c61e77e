package org.insight.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.insight.policy.AuditTestFiles.appendRandom;
import static org.insight.policy.AuditTestFiles.lines;
import static org.insight.policy.AuditTestFiles.writeLines;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.insight.policy.AuditVerification.Problem;
import org.insight.policy.internal.AuditJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {

  @TempDir Path dir;
  Path file;
  Random random;

  @BeforeAll
  static void logSeed() {
    System.out.println("AuditLogTest seed: " + AuditTestFiles.SEED + " (-Dinsight.test.seed=N)");
  }

  @BeforeEach
  void setUp() {
    file = dir.resolve("nested/dir/audit.log");
    random = new Random(AuditTestFiles.SEED);
  }

  /** Writes {@code n} entries, closes the log and returns the checkpoint after the last. */
  private AuditCheckpoint writeClosed(int n) {
    try (AuditLog log = AuditLog.open(file)) {
      appendRandom(log, random, n);
      return log.checkpoint();
    }
  }

  private static void assertProblem(
      AuditVerification v, Problem problem, long sequence, int line, String messagePart) {
    assertFalse(v.valid(), v.toString());
    assertEquals(problem, v.problem(), v.message());
    assertEquals(sequence, v.firstBadSequence(), v.message());
    assertEquals(line, v.firstBadLine(), v.message());
    assertTrue(v.message().contains(messagePart), v.message());
    assertFalse(v.message().contains("\n"), "one line: " + v.message());
  }

  // ---- writing and reading back -------------------------------------------------------------------

  @Test
  void appendedEntriesFormAValidChainFromSequenceOne() throws IOException {
    List<AuditRecord> written;
    AuditCheckpoint cp;
    try (AuditLog log = AuditLog.open(file)) {
      assertEquals(0, log.size());
      assertTrue(log.verify().valid());
      written = appendRandom(log, random, 20);
      cp = log.checkpoint();
      assertEquals(20, log.size());
      AuditVerification v = log.verify();
      assertTrue(v.valid(), v.message());
      assertEquals(20, v.entriesChecked());
      assertEquals(Problem.NONE, v.problem());
      assertEquals(written, log.tail(20));
    }
    assertEquals(AuditJson.ZERO_HASH, written.get(0).previousHash());
    for (int i = 0; i < written.size(); i++) {
      AuditRecord r = written.get(i);
      assertEquals(i + 1, r.sequence());
      if (i > 0) {
        assertEquals(written.get(i - 1).hash(), r.previousHash());
      }
      assertEquals(AuditJson.sha256(r.previousHash() + AuditJson.canonical(r.sequence(), r.event())),
          r.hash());
      assertTrue(r.hash().matches("[0-9a-f]{64}"));
    }
    assertEquals(new AuditCheckpoint(20, written.get(19).hash()), cp);
    List<String> lines = lines(file);
    assertEquals(20, lines.size());
    assertTrue(lines.get(0).startsWith("{\"seq\":1,\"at\":\""), lines.get(0));
    assertTrue(lines.get(0).contains(",\"prev\":\"" + AuditJson.ZERO_HASH + "\",\"hash\":\""));
    assertTrue(AuditLog.verify(file, cp).valid());
  }

  @Test
  void lineLayoutIsTheDocumentedJson() {
    AuditEvent e =
        new AuditEvent(Instant.parse("2024-05-01T10:15:30Z"), "alice", "investigation", "search",
            "blue van", List.of("doc-1", "doc-2"), "ok");
    AuditRecord r = AuditJson.chain(1, e, AuditJson.ZERO_HASH);
    assertEquals(
        "{\"seq\":1,\"at\":\"2024-05-01T10:15:30Z\",\"principal\":\"alice\",\"purpose\":\"investigation\","
            + "\"operation\":\"search\",\"query\":\"blue van\",\"items\":[\"doc-1\",\"doc-2\"],"
            + "\"outcome\":\"ok\",\"prev\":\"" + AuditJson.ZERO_HASH + "\",\"hash\":\"" + r.hash() + "\"}",
        AuditJson.line(r));
  }

  @Test
  void reopeningContinuesTheChain() {
    AuditRecord fifth;
    try (AuditLog log = AuditLog.open(file)) {
      fifth = appendRandom(log, random, 5).get(4);
    }
    try (AuditLog log = AuditLog.open(file)) {
      assertEquals(5, log.size());
      assertEquals(new AuditCheckpoint(5, fifth.hash()), log.checkpoint());
      AuditRecord sixth = log.append(AuditTestFiles.event(random, 6));
      assertEquals(6, sixth.sequence());
      assertEquals(fifth.hash(), sixth.previousHash());
      appendRandom(log, random, 2);
      AuditVerification v = log.verify();
      assertTrue(v.valid(), v.message());
      assertEquals(8, v.entriesChecked());
    }
  }

  @Test
  void tailReturnsTheLastEntriesOldestFirst() {
    try (AuditLog log = AuditLog.open(file)) {
      assertEquals(List.of(), log.tail(5));
      List<AuditRecord> all = appendRandom(log, random, 10);
      assertEquals(all.subList(7, 10), log.tail(3));
      assertEquals(all, log.tail(100));
      assertEquals(List.of(), log.tail(0));
      assertThrows(AuditException.class, () -> log.tail(-1));
    }
  }

  @Test
  void tailReadsAcrossBufferBoundaries() {
    try (AuditLog log = AuditLog.open(file)) {
      List<AuditRecord> all = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        // ~5 KB per entry: the tail must stitch several 64 KB reads together
        all.add(log.append(new AuditEvent(null, "p", "q", "search", "x".repeat(5000 + i), List.of(),
            "ok")));
      }
      assertEquals(all.subList(25, 40), log.tail(15));
      assertEquals(all, log.tail(40));
    }
  }

  @Test
  void nastyStringsSurviveTheRoundTrip() throws IOException {
    List<String> nasty =
        List.of(
            "quote \" and backslash \\ and \\\" both",
            "new\nline\r\nand\ttab",
            "controls \u0000 \u0001 \u001f \u007f \b \f",
            "emoji 👮‍♀️🚓 and flag 🇫🇷",
            "Arabic محمد بن عبد الله",
            "lone surrogates \ud800 x \udfff",
            "line separators \u2028 \u2029",
            "json-ish {\"seq\":1,\"hash\":\"00\"}\n{\"seq\":2}",
            "");
    List<AuditEvent> events = new ArrayList<>();
    try (AuditLog log = AuditLog.open(file)) {
      for (String s : nasty) {
        AuditEvent e = new AuditEvent(Instant.parse("2024-02-29T23:59:59.123456789Z"), s, s, s, s,
            List.of(s, s + "2"), s);
        events.add(e);
        log.append(e);
      }
    }
    try (AuditLog log = AuditLog.open(file)) {
      List<AuditEvent> back = log.tail(nasty.size()).stream().map(AuditRecord::event).toList();
      assertEquals(events, back);
      assertTrue(log.verify().valid());
    }
    String text = Files.readString(file, StandardCharsets.UTF_8);
    assertEquals(nasty.size(), text.chars().filter(c -> c == '\n').count(), "one line per entry");
    assertTrue(text.contains("محمد"), "Arabic is written as UTF-8, not escaped");
    assertTrue(text.contains("👮"), "emoji is written as UTF-8, not escaped");
    assertTrue(text.contains("\\u0000") && text.contains("\\u001f") && text.contains("\\ud800"));
  }

  @Test
  void eventIsNullSafeAndImmutable() {
    List<String> items = new ArrayList<>(Collections.singletonList(null));
    AuditEvent e = new AuditEvent(null, null, null, null, null, items, null);
    assertNotEquals(null, e.at());
    assertEquals("", e.principal());
    assertEquals("", e.outcome());
    assertEquals(List.of(""), e.items());
    items.add("late");
    assertEquals(1, e.items().size());
    assertThrows(UnsupportedOperationException.class, () -> e.items().add("x"));
    assertEquals(List.of(), new AuditEvent(null, "a", "b", "c", "d", null, "ok").items());
  }

  // ---- tampering --------------------------------------------------------------------------------

  @Test
  void oneEditedCharacterInAFieldIsAnAlteredEntry() throws IOException {
    writeClosed(10);
    List<String> lines = lines(file);
    String line = lines.get(6);
    int at = line.indexOf("\"principal\":\"") + "\"principal\":\"".length() + 2;
    char c = line.charAt(at);
    lines.set(6, line.substring(0, at) + (c == 'x' ? 'y' : 'x') + line.substring(at + 1));
    writeLines(file, lines);
    assertProblem(AuditLog.verify(file), Problem.ALTERED, 7, 7,
        "entry 7 (line 7) was altered: its hash does not match its content");
  }

  @Test
  void anEditThatKeepsTheValueButChangesTheTextIsAnAlteredEntry() throws IOException {
    writeClosed(4);
    List<String> lines = lines(file);
    // "seq":2 -> "seq":02 decodes to the same number, but is not what the log wrote
    lines.set(1, lines.get(1).replace("{\"seq\":2,", "{\"seq\":02,"));
    writeLines(file, lines);
    assertProblem(AuditLog.verify(file), Problem.ALTERED, 2, 2, "not in the form the log writes");
  }

  @Test
  void anEditedHashIsAnAlteredEntry() throws IOException {
    writeClosed(6);
    List<String> lines = lines(file);
    String line = lines.get(2);
    int at = line.length() - 5;
    lines.set(2, line.substring(0, at) + (line.charAt(at) == '0' ? '1' : '0') + line.substring(at + 1));
    writeLines(file, lines);
    assertProblem(AuditLog.verify(file), Problem.ALTERED, 3, 3, "entry 3 (line 3) was altered");
  }

  @Test
  void aDeletedEntryIsRemoved() throws IOException {
    writeClosed(10);
    List<String> lines = lines(file);
    lines.remove(4);
    writeLines(file, lines);
    assertProblem(AuditLog.verify(file), Problem.REMOVED, 5, 5,
        "entry 5 (line 5) was removed: line 5 holds entry 6");
  }

  @Test
  void severalDeletedEntriesAndTheFirstEntryAreRemoved() throws IOException {
    writeClosed(10);
    List<String> lines = lines(file);
    lines.subList(2, 5).clear();
    writeLines(file, lines);
    assertProblem(AuditLog.verify(file), Problem.REMOVED, 3, 3, "entries 3 to 5 are missing");

    writeClosed(0);
    Files.delete(file);
    writeClosed(3);
    lines = lines(file);
    lines.remove(0);
    writeLines(file, lines);
    assertProblem(AuditLog.verify(file), Problem.REMOVED, 1, 1, "entry 1 (line 1) was removed");
  }

  @Test
  void aCopiedLineIsAnInsertedEntry() throws IOException {
    writeClosed(10);
    List<String> lines = lines(file);
    lines.add(6, lines.get(2));
    writeLines(file, lines);
    assertProblem(AuditLog.verify(file), Problem.INSERTED, 3, 7,
        "entry 3 (line 7) was inserted: sequence 3 already appears at line 3");
  }

  @Test
  void aForgedSelfConsistentEntryThatBreaksTheChainIsInserted() throws IOException {
    writeClosed(10);
    List<String> lines = lines(file);
    String forgedPrev = AuditJson.sha256("not the real entry 5");
    AuditRecord forged = AuditJson.chain(6, AuditTestFiles.event(random, 99), forgedPrev);
    lines.add(5, AuditJson.line(forged));
    writeLines(file, lines);
    assertProblem(AuditLog.verify(file), Problem.INSERTED, 6, 6,
        "entry 6 (line 6) was inserted or replaced: it does not continue the chain from entry 5");
  }

  @Test
  void aForgedEntryWithAFarSequenceIsInsertedNotReordered() throws IOException {
    writeClosed(10);
    List<String> lines = lines(file);
    AuditRecord forged = AuditJson.chain(500, AuditTestFiles.event(random, 99), AuditJson.sha256("x"));
    lines.add(3, AuditJson.line(forged));
    writeLines(file, lines);
    assertProblem(AuditLog.verify(file), Problem.INSERTED, 500, 4,
        "entry 500 (line 4) was inserted: it does not belong to the chain, and entry 4 follows it");
  }

  @Test
  void twoSwappedEntriesAreReordered() throws IOException {
    writeClosed(10);
    List<String> lines = lines(file);
    Collections.swap(lines, 3, 4);
    writeLines(file, lines);
    assertProblem(AuditLog.verify(file), Problem.REORDERED, 5, 4,
        "entry 5 (line 4) is out of order: line 4 should hold entry 4");

    lines = lines(file);
    Collections.swap(lines, 3, 4); // back to intact
    Collections.swap(lines, 1, 8);
    writeLines(file, lines);
    assertProblem(AuditLog.verify(file), Problem.REORDERED, 9, 2, "entry 9 (line 2) is out of order");
  }

  @Test
  void aMovedEntryIsReordered() throws IOException {
    writeClosed(10);
    List<String> lines = lines(file);
    lines.add(7, lines.remove(2)); // entry 3 moved down to line 8
    writeLines(file, lines);
    assertProblem(AuditLog.verify(file), Problem.REORDERED, 4, 3, "entry 4 (line 3) is out of order");
  }

  @Test
  void aGarbageLineIsUnparsable() throws IOException {
    writeClosed(6);
    List<String> lines = lines(file);
    lines.set(3, "{\"seq\":4,\"at\":\"yesterday\"}");
    writeLines(file, lines);
    assertProblem(AuditLog.verify(file), Problem.UNPARSABLE, 4, 4,
        "line 4 (expected entry 4) cannot be read");

    lines.set(3, "");
    writeLines(file, lines);
    assertProblem(AuditLog.verify(file), Problem.UNPARSABLE, 4, 4, "line 4");

    byte[] bytes = Files.readAllBytes(file);
    int lineStart = 0;
    for (int i = 0, seen = 0; seen < 1; i++) {
      if (bytes[i] == '\n') {
        seen++;
        lineStart = i + 1;
      }
    }
    bytes[lineStart + 30] = (byte) 0xC3; // a lead byte without its continuation
    Files.write(file, bytes);
    assertProblem(AuditLog.verify(file), Problem.UNPARSABLE, 2, 2, "not valid UTF-8");
  }

  // ---- checkpoints ------------------------------------------------------------------------------

  @Test
  void truncationIsCaughtByACheckpoint() throws IOException {
    AuditCheckpoint cp = writeClosed(9);
    String saved = cp.toString();
    List<String> lines = lines(file);
    writeLines(file, lines.subList(0, 5));
    assertTrue(AuditLog.verify(file).valid(), "a truncated chain is still a chain");
    AuditVerification v = AuditLog.verify(file, AuditCheckpoint.parse(saved));
    assertProblem(v, Problem.TRUNCATED, 6, 6,
        "the log has 5 entries but the checkpoint saw 9: it was truncated or rolled back");
    assertEquals(5, v.entriesChecked());
    try (AuditLog log = AuditLog.open(file)) {
      assertProblem(log.verify(cp), Problem.TRUNCATED, 6, 6, "checkpoint saw 9");
    }
  }

  @Test
  void rollbackToAnOlderCopyIsCaughtByACheckpoint() throws IOException {
    Path older = dir.resolve("older.log");
    try (AuditLog log = AuditLog.open(file)) {
      appendRandom(log, random, 5);
      Files.copy(file, older);
      appendRandom(log, random, 4);
      AuditCheckpoint cp = log.checkpoint();
      assertTrue(log.verify(cp).valid());
      Files.copy(older, file, StandardCopyOption.REPLACE_EXISTING);
      // the file at the log's path is now the older copy: the open instance's check sees it too
      assertProblem(log.verify(cp), Problem.TRUNCATED, 6, 6, "the checkpoint saw 9");
    }
  }

  @Test
  void rollbackAndRollbackThenAppendAreCaught() throws IOException {
    Path older = dir.resolve("older.log");
    AuditCheckpoint cp;
    try (AuditLog log = AuditLog.open(file)) {
      appendRandom(log, random, 5);
      Files.copy(file, older);
      appendRandom(log, random, 4);
      cp = log.checkpoint();
    }
    assertTrue(AuditLog.verify(file, cp).valid());
    Files.copy(older, file, StandardCopyOption.REPLACE_EXISTING);
    assertTrue(AuditLog.verify(file).valid());
    assertProblem(AuditLog.verify(file, cp), Problem.TRUNCATED, 6, 6,
        "the log has 5 entries but the checkpoint saw 9");

    try (AuditLog log = AuditLog.open(file)) { // rolled back, then written past the checkpoint
      appendRandom(log, random, 6);
      assertTrue(log.verify().valid());
      assertProblem(log.verify(cp), Problem.REWRITTEN, 9, 9,
          "entry 9 (line 9) does not match the checkpoint");
    }
  }

  @Test
  void checkpointTextRoundTripsAndBadTextIsRefused() {
    AuditCheckpoint cp = new AuditCheckpoint(12, AuditJson.sha256("x"));
    assertEquals("insight-audit-checkpoint entries=12 head=" + cp.headHash(), cp.toString());
    assertEquals(cp, AuditCheckpoint.parse(cp.toString()));
    assertEquals(cp, AuditCheckpoint.parse("  " + cp.toString().toUpperCase(java.util.Locale.ROOT)
        .replace("INSIGHT-AUDIT-CHECKPOINT ENTRIES=", "insight-audit-checkpoint entries=")
        .replace(" HEAD=", " head=") + "\n"));
    AuditException e = assertThrows(AuditException.class, () -> AuditCheckpoint.parse("hello"));
    assertTrue(e.getMessage().contains("not an audit checkpoint: 'hello'"), e.getMessage());
    assertThrows(AuditException.class, () -> AuditCheckpoint.parse(null));
    assertThrows(AuditException.class,
        () -> AuditCheckpoint.parse("insight-audit-checkpoint entries=3 head=abc"));
    assertThrows(AuditException.class,
        () -> AuditCheckpoint.parse("insight-audit-checkpoint entries=99999999999999999999 head="
            + AuditJson.ZERO_HASH));
    assertThrows(AuditException.class, () -> new AuditCheckpoint(-1, AuditJson.ZERO_HASH));
    assertThrows(AuditException.class, () -> new AuditCheckpoint(0, AuditJson.sha256("x")));
    assertTrue(AuditLog.verify(writeEmpty(), new AuditCheckpoint(0, AuditJson.ZERO_HASH)).valid());
  }

  private Path writeEmpty() {
    try (AuditLog log = AuditLog.open(file)) {
      return log.file();
    }
  }

  // ---- crash repair and damage on open -----------------------------------------------------------

  @Test
  void aTornLastLineIsCutOffOnOpenAndTheRepairIsAudited() throws IOException {
    AuditCheckpoint before = writeClosed(5);
    String sixth = AuditJson.line(AuditJson.chain(6, AuditTestFiles.event(random, 6), before.headHash()));
    Files.writeString(file, sixth.substring(0, sixth.length() / 2), StandardOpenOption.APPEND);
    assertProblem(AuditLog.verify(file), Problem.UNPARSABLE, 6, 6, "it has no line end");

    try (AuditLog log = AuditLog.open(file)) {
      assertEquals(6, log.size());
      AuditRecord repair = log.tail(1).get(0);
      assertEquals("audit.repair", repair.event().operation());
      assertEquals(before.headHash(), repair.previousHash());
      assertTrue(repair.event().query().contains("interrupted append"), repair.event().query());
      assertTrue(log.verify().valid());
      assertTrue(log.verify(before).valid(), "nothing acknowledged was lost");
    }
    assertTrue(Files.readString(file).endsWith("}\n"));
    assertTrue(AuditLog.verify(file).valid());
  }

  @Test
  void aCompleteLastLineWithoutItsLineEndIsAlsoCutOff() throws IOException {
    AuditCheckpoint before = writeClosed(3);
    String fourth = AuditJson.line(AuditJson.chain(4, AuditTestFiles.event(random, 4), before.headHash()));
    Files.writeString(file, fourth, StandardOpenOption.APPEND);
    try (AuditLog log = AuditLog.open(file)) {
      assertEquals(4, log.size());
      assertEquals("audit.repair", log.tail(1).get(0).event().operation());
      assertTrue(log.verify(before).valid());
    }
  }

  @Test
  void otherDamageIsNotRepairedButReportedAndAppendsContinue() throws IOException {
    List<AuditRecord> written;
    try (AuditLog log = AuditLog.open(file)) {
      written = appendRandom(log, random, 10);
    }
    List<String> lines = lines(file);
    lines.set(2, lines.get(2).replace("\"outcome\":\"", "\"outcome\":\"x"));
    writeLines(file, lines);
    try (AuditLog log = AuditLog.open(file)) {
      assertEquals(10, log.size());
      AuditRecord next = log.append(AuditTestFiles.event(random, 11));
      assertEquals(11, next.sequence());
      assertEquals(written.get(9).hash(), next.previousHash());
      assertProblem(log.verify(), Problem.ALTERED, 3, 3, "entry 3 (line 3) was altered");
      assertEquals(11, lines(file).size(), "no line was dropped or added by the open");
    }
  }

  // ---- failing closed ---------------------------------------------------------------------------

  @Test
  void appendAfterCloseIsRefused() {
    AuditLog log = AuditLog.open(file);
    appendRandom(log, random, 2);
    log.close();
    log.close(); // idempotent
    AuditException e = assertThrows(AuditException.class, () -> log.append(AuditTestFiles.event(random, 3)));
    assertTrue(e.getMessage().contains("could not be written, so the access was refused"), e.getMessage());
    assertTrue(e.getMessage().contains("is closed"), e.getMessage());
    assertTrue(AuditLog.verify(file).valid());
  }

  @Test
  void aFailingWriteIsRefusedAndStaysRefused() throws IOException {
    List<AuditRecord> written;
    try (AuditLog log = AuditLog.open(file)) {
      written = appendRandom(log, random, 3);
      AuditTestFiles.breakDevice(log);
      AuditException e =
          assertThrows(AuditException.class, () -> log.append(AuditTestFiles.event(random, 4)));
      assertTrue(e.getMessage().contains("could not be written"), e.getMessage());
      assertTrue(e.getMessage().contains("the access was refused"), e.getMessage());
      assertTrue(e.getMessage().contains("disk space"), e.getMessage());
      assertTrue(e.getCause() instanceof IOException);
      AuditException again =
          assertThrows(AuditException.class, () -> log.append(AuditTestFiles.event(random, 5)));
      assertTrue(again.getMessage().contains("an earlier write"), again.getMessage());
      assertEquals(3, log.size());
    }
    AuditVerification v = AuditLog.verify(file);
    assertTrue(v.valid(), v.message());
    assertEquals(3, v.entriesChecked());
    try (AuditLog log = AuditLog.open(file)) {
      assertEquals(written.get(2).hash(), log.append(AuditTestFiles.event(random, 4)).previousHash());
    }
  }

  @Test
  void aFailingSyncIsRefusedAndStaysRefused() throws IOException {
    try (AuditLog log = AuditLog.open(file)) {
      appendRandom(log, random, 2);
      AuditTestFiles.breakSync(log); // the entry is written, but cannot be made durable
      AuditException e = assertThrows(AuditException.class, () -> log.append(AuditTestFiles.event(random, 3)));
      assertTrue(e.getMessage().contains("the access was refused"), e.getMessage());
      assertTrue(e.getCause() instanceof IOException, String.valueOf(e.getCause()));
      AuditException again = assertThrows(AuditException.class, () -> log.append(AuditTestFiles.event(random, 4)));
      assertTrue(again.getMessage().contains("an earlier write"), again.getMessage());
    }
    AuditVerification v = AuditLog.verify(file);
    assertTrue(v.valid(), v.message());
  }

  @Test
  void twoAppendersOfOneFileKeepOneChain() throws Exception {
    // a writer and a read-only reader of one workspace both append: each catches up with the other's entries
    try (AuditLog a = AuditLog.open(file); AuditLog b = AuditLog.open(file)) {
      List<Thread> threads = new ArrayList<>();
      for (AuditLog log : List.of(a, b, a, b)) {
        Thread t = new Thread(() -> {
          Random r = new Random(1);
          for (int i = 0; i < 50; i++) {
            log.append(AuditTestFiles.event(r, i));
          }
        });
        threads.add(t);
        t.start();
      }
      for (Thread t : threads) {
        t.join();
      }
      assertEquals(200, Math.max(a.size(), b.size()));
    }
    AuditVerification v = AuditLog.verify(file);
    assertTrue(v.valid(), v.message());
    assertEquals(200, v.entriesChecked());
  }


  @Test
  void verifyingAMissingFileSaysSo() {
    AuditException e = assertThrows(AuditException.class, () -> AuditLog.verify(dir.resolve("nope.log")));
    assertTrue(e.getMessage().contains("there is no audit log at"), e.getMessage());
  }

  @Test
  void anInterruptedAppenderDoesNotBreakTheLog() throws Exception {
    try (AuditLog log = AuditLog.open(file)) {
      Thread.currentThread().interrupt();
      try {
        log.append(AuditTestFiles.event(random, 1));
      } finally {
        assertTrue(Thread.interrupted(), "the interrupt flag is left alone");
      }
      log.append(AuditTestFiles.event(random, 2));
      assertEquals(2, log.size());
      assertTrue(log.verify().valid());
    }
  }

  // ---- concurrency ------------------------------------------------------------------------------

  @Test
  void concurrentAppendersGetOneGaplessChain() throws Exception {
    int threads = 4;
    int perThread = 200;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    ConcurrentLinkedQueue<AuditRecord> returned = new ConcurrentLinkedQueue<>();
    try (AuditLog log = AuditLog.open(file)) {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        futures.add(pool.submit(() -> {
          start.await();
          for (int i = 0; i < perThread; i++) {
            returned.add(log.append(new AuditEvent(null, "t" + thread, "test", "search", "q" + i,
                List.of("item-" + thread + "-" + i), "ok")));
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : futures) {
        f.get(60, TimeUnit.SECONDS);
      }
      assertEquals(800, log.size());
      AuditVerification v = log.verify();
      assertTrue(v.valid(), v.message());
      assertEquals(800, v.entriesChecked());
      List<AuditRecord> all = log.tail(800);
      for (int i = 0; i < 800; i++) {
        assertEquals(i + 1, all.get(i).sequence());
      }
    } finally {
      pool.shutdownNow();
    }
    Set<Long> sequences = new TreeSet<>();
    returned.forEach(r -> sequences.add(r.sequence()));
    assertEquals(800, sequences.size());
    assertEquals(1L, sequences.iterator().next());
    assertTrue(sequences.contains(800L));
    assertTrue(AuditLog.verify(file).valid());
  }

  @Test
  void concurrentAppendersShareSyncsAndLoseNoEntry() throws Exception {
    // group commit: an appender returns once a sync covers its entry, and one sync covers every entry written before
    // it, so concurrent appenders need fewer syncs than entries
    int threads = 8;
    int perThread = 60;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    ConcurrentLinkedQueue<AuditRecord> returned = new ConcurrentLinkedQueue<>();
    long syncs;
    try (AuditLog log = AuditLog.open(file)) {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        futures.add(pool.submit(() -> {
          start.await();
          for (int i = 0; i < perThread; i++) {
            returned.add(log.append(new AuditEvent(null, "t" + thread, "test", "entity.get", "q" + i,
                List.of("item-" + thread + "-" + i), "ok")));
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : futures) {
        f.get(120, TimeUnit.SECONDS);
      }
      syncs = log.syncs();
    } finally {
      pool.shutdownNow();
    }
    int total = threads * perThread;
    assertTrue(syncs < total, syncs + " syncs for " + total + " concurrent appends: no sync was shared");
    AuditVerification v = AuditLog.verify(file);
    assertTrue(v.valid(), v.message());
    assertEquals(total, v.entriesChecked());
    // every entry an appender was told is durable is in the file, exactly as returned
    Set<String> onDisk = new java.util.HashSet<>(AuditTestFiles.lines(file));
    assertEquals(total, returned.size());
    for (AuditRecord r : returned) {
      assertTrue(onDisk.contains(AuditJson.line(r)), "missing from the file: " + r);
    }
  }

  @Test
  void bytesOnDiskAreExactlyTheReturnedRecords() throws IOException {
    List<AuditRecord> written = writeClosedRecords(7);
    StringBuilder expected = new StringBuilder();
    for (AuditRecord r : written) {
      expected.append(AuditJson.line(r)).append('\n');
    }
    assertArrayEquals(expected.toString().getBytes(StandardCharsets.UTF_8), Files.readAllBytes(file));
  }

  private List<AuditRecord> writeClosedRecords(int n) {
    try (AuditLog log = AuditLog.open(file)) {
      return appendRandom(log, random, n);
    }
  }
}
