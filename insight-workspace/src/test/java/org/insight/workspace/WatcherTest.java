package org.insight.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.insight.policy.Label;
import org.insight.policy.Principal;
import org.insight.policy.Purpose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WatcherTest {
  @TempDir Path dir;

  @Test
  void filesArrivingInTheTreeAreIngestedOnceCompleteAndRaiseAlerts() throws Exception {
    Path inbox = Files.createDirectories(dir.resolve("inbox"));
    try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
      Session s = ws.session(Principal.of("watcher", "A"), Purpose.CRIMINAL_INVESTIGATION);
      Session alice = ws.session(Principal.of("alice", "A"), Purpose.CRIMINAL_INVESTIGATION);
      alice.alerts().save("heron", "op heron", Label.of("A"));
      List<Watcher.Progress> seen = new CopyOnWriteArrayList<>();
      Watcher w = Watcher.builder(s, WatchChild.INBOX).directory(inbox).pollInterval(Duration.ofMillis(100))
          .request(b -> b.extractor(new TestMailExtractor()).workers(1)).progress(seen::add).build();
      Thread t = new Thread(w::run);
      t.start();
      Files.writeString(inbox.resolve("a.txt"), "the heron flies", StandardCharsets.UTF_8);
      Files.createDirectories(inbox.resolve("sub"));
      Files.writeString(inbox.resolve("sub/b.txt"), "a sparrow", StandardCharsets.UTF_8);
      Files.writeString(inbox.resolve(".c.txt.part"), "not yet", StandardCharsets.UTF_8);
      awaitDocuments(s, 2);
      assertEquals(2, s.documents(0, 10).total(), "a partial download is never taken");
      assertThrows(IllegalStateException.class, w::run, "one run at a time");
      assertTrue(w.stop(Duration.ofSeconds(10)), "stops cleanly");
      t.join(10_000);
      assertEquals(2, w.progress().files());
      assertTrue(!seen.isEmpty());
      assertEquals(1, alice.alerts().list(null).size(), "the heron document raised one alert");
    }
  }

  @Test
  void aRestartedWatcherIngestsWhatArrivedWhileItWasDownAndNothingTwice() throws Exception {
    Path inbox = Files.createDirectories(dir.resolve("inbox"));
    for (int round = 0; round < 2; round++) {
      Files.writeString(inbox.resolve("r" + round + ".txt"), "round " + round, StandardCharsets.UTF_8);
      try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
        Session s = ws.session(Principal.of("watcher", "A"), Purpose.CRIMINAL_INVESTIGATION);
        Watcher w = Watcher.builder(s, WatchChild.INBOX).directory(inbox).pollInterval(Duration.ofMillis(100))
            .request(b -> b.extractor(new TestMailExtractor()).workers(1)).build();
        Thread t = new Thread(w::run);
        t.start();
        awaitDocuments(s, round + 1);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (w.progress().files() + w.progress().unchanged() < round + 1 && System.nanoTime() < deadline) {
          Thread.sleep(50);
        }
        assertTrue(w.stop(Duration.ofSeconds(10)));
        t.join(10_000);
        assertEquals(1, w.progress().files(), "only the new file is ingested in round " + round);
        assertEquals(round, w.progress().unchanged(), "the ledger skips what an earlier run ingested");
        assertEquals(round + 1, s.documents(0, 10).total());
      }
    }
  }

  static void awaitDocuments(Session s, long n) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (s.documents(0, 1).total() < n && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertEquals(n, s.documents(0, 1).total(), "documents ingested in time");
  }
}
