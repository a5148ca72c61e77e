package org.insight.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.insight.policy.internal.AuditJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Entries written ahead of an access ({@link AuditLog#appendAhead}: synced in the background while the access runs)
 * and lazily ({@link AuditLog#appendLazily}: durable with the next sync), and {@link AuditLog#awaitDurable}.
 */
class AuditAheadTest {

  @TempDir Path dir;
  Path file;
  Random random;

  @BeforeEach
  void setUp() {
    file = dir.resolve("audit.log");
    random = new Random(AuditTestFiles.SEED);
  }

  private static AuditEvent event(String outcome, String... items) {
    return new AuditEvent(null, "alice", "investigation", "search", "blue van", List.of(items), outcome);
  }

  /** Waits (at most 10 s, far beyond the lazy delay) for the log to report {@code sequence} durable. */
  private static boolean becomesDurable(AuditLog log, long sequence) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (log.syncedSequence() >= sequence) {
        return true;
      }
      Thread.sleep(5);
    }
    return false;
  }

  @Test
  void anEntryWrittenAheadIsSyncedWithoutTheCallerWaitingAndAwaitReturnsOnceItIsDurable() throws Exception {
    try (AuditLog log = AuditLog.open(file)) {
      AuditRecord ahead = log.appendAhead(event("started"));
      // nobody calls awaitDurable or appends: the background sync alone makes it durable
      assertTrue(becomesDurable(log, ahead.sequence()), "the sync started by appendAhead never ran");
      log.awaitDurable(ahead); // already covered: returns at once
      AuditRecord next = log.appendAhead(event("started"));
      log.awaitDurable(next);
      assertTrue(log.syncedSequence() >= next.sequence());
    }
    AuditVerification v = AuditLog.verify(file);
    assertTrue(v.valid(), v.message());
    assertEquals(2, v.entriesChecked());
  }

  @Test
  void aLazyEntryIsDurableWithTheNextAppendsSync() {
    try (AuditLog log = AuditLog.open(file)) {
      AuditRecord request = log.appendAhead(event("started"));
      AuditRecord lazy = log.appendLazily(event("ok", "doc-1", "doc-2"));
      log.awaitDurable(request);
      AuditRecord write = log.append(event("ok")); // an acknowledged access: its sync covers every entry before it
      assertTrue(log.syncedSequence() >= write.sequence());
      assertTrue(log.syncedSequence() >= lazy.sequence(), "the lazy entry was not covered by the next sync");
      assertEquals(lazy.sequence() + 1, write.sequence(), "one chain, in order");
      assertEquals(lazy.hash(), write.previousHash());
    }
  }

  @Test
  void aLazyEntryNobodyFollowsIsSyncedWithinTheLazyDelay() throws Exception {
    try (AuditLog log = AuditLog.open(file)) {
      log.append(event("ok")); // durable, so the lazy entry alone is left to sync
      long t0 = System.nanoTime();
      AuditRecord lazy = log.appendLazily(event("ok", "doc-7"));
      assertTrue(log.syncedSequence() < lazy.sequence(), "appendLazily must not wait for a sync");
      assertTrue(becomesDurable(log, lazy.sequence()), "the lazy entry was never synced");
      long waitedMs = (System.nanoTime() - t0) / 1_000_000;
      assertTrue(waitedMs >= AuditLog.LAZY_SYNC_MS - 5, "synced after " + waitedMs + " ms, before the lazy delay");
    }
  }

  @Test
  void closingSyncsTheLazyEntries() throws IOException {
    AuditRecord lazy;
    try (AuditLog log = AuditLog.open(file)) {
      log.append(event("ok"));
      lazy = log.appendLazily(event("ok", "doc-9"));
    }
    AuditVerification v = AuditLog.verify(file);
    assertTrue(v.valid(), v.message());
    assertEquals(2, v.entriesChecked());
    assertEquals(AuditJson.line(lazy), AuditTestFiles.lines(file).get(1));
  }

  @Test
  void awaitingAnEntryWhoseSyncFailedIsRefusedAndTheLogRefusesWhatFollows() throws IOException {
    try (AuditLog log = AuditLog.open(file)) {
      AuditTestFiles.appendRandom(log, random, 1); // opens the sync channel
      AuditTestFiles.breakSync(log);
      AuditRecord request = log.appendAhead(event("started"));
      AuditException e = assertThrows(AuditException.class, () -> log.awaitDurable(request));
      assertTrue(e.getMessage().contains("the access was refused"), e.getMessage());
      assertThrows(AuditException.class, () -> log.appendLazily(event("ok", "doc-1")));
      assertThrows(AuditException.class, () -> log.appendAhead(event("started")));
      assertThrows(AuditException.class, () -> log.awaitDurable(request));
    }
  }

  @Test
  void afterCloseNothingIsWrittenAhead() {
    AuditLog log = AuditLog.open(file);
    log.close();
    assertThrows(AuditException.class, () -> log.appendAhead(event("started")));
    assertThrows(AuditException.class, () -> log.appendLazily(event("ok")));
  }
}
