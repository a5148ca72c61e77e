package org.insight.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.insight.core.Document;
import org.insight.policy.AuditVerification;
import org.insight.policy.Principal;
import org.insight.policy.Purpose;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A watched inbox survives kill -9: files are dropped (whole by rename, or written in two pieces in place) before,
 * while and between runs of a child JVM ({@link WatchChild}) that we kill with SIGKILL at random moments and
 * restart; at the end one clean run is stopped by SIGTERM (its shutdown hook). Every file must then be in the
 * workspace exactly once — one document per file, none missing, none twice — with the index intact and the audit
 * chain valid. Runs {@code insight.watch.kills} kills (default 3; more by system property).
 */
@Tag("slow") // forks processes
class WatcherKillTest {
  @TempDir Path dir;

  @Test
  void everyDroppedFileIsIngestedExactlyOnceAcrossKillDashNine() throws Exception {
    long seed = Long.getLong("insight.watch.seed", System.nanoTime());
    Random random = new Random(seed);
    int kills = Integer.getInteger("insight.watch.kills", 3);
    Path ws = dir.resolve("ws");
    Path inbox = Files.createDirectories(dir.resolve("inbox"));
    Path staging = Files.createDirectories(dir.resolve("staging"));
    int next = 0;
    for (int run = 0; run < kills; run++) {
      next = drop(inbox, staging, next, 1 + random.nextInt(4), random);
      Path log = dir.resolve("child-" + run + ".out");
      Process child = start(ws, inbox, log);
      awaitLine(child, log, "READY");
      // more files while it runs, then a kill at a random moment: between, inside or after a batch
      next = drop(inbox, staging, next, random.nextInt(6), random);
      Thread.sleep(random.nextInt(1500));
      child.destroyForcibly(); // SIGKILL
      assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the killed child did not exit, seed=" + seed);
      next = drop(inbox, staging, next, random.nextInt(3), random); // while it is down
    }
    // a last run that sees everything, stopped cleanly by SIGTERM
    Path log = dir.resolve("child-last.out");
    Process child = start(ws, inbox, log);
    awaitLine(child, log, "READY");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (documents(ws) < next && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    child.destroy(); // SIGTERM: the shutdown hook stops the watcher after its batch
    assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child did not stop on SIGTERM, seed=" + seed);
    String rest = Files.readString(log, StandardCharsets.UTF_8);
    assertTrue(rest.contains("STOPPED"), "a clean stop prints STOPPED, seed=" + seed + ": " + rest);

    try (Workspace w = Workspace.builder(ws).readOnly().open()) {
      Session s = w.session(Principal.of("checker", "A"), Purpose.CRIMINAL_INVESTIGATION);
      List<Document> docs = s.documents(0, 10_000).items();
      Map<String, Integer> perText = new HashMap<>();
      docs.forEach(d -> perText.merge(d.text().strip(), 1, Integer::sum));
      for (int i = 0; i < next; i++) {
        assertEquals(1, perText.getOrDefault(text(i).strip(), 0), "file " + i + " must be ingested exactly once, seed=" + seed);
      }
      assertEquals(next, docs.size(), "no other documents, seed=" + seed);
      AuditVerification audit = w.verifyAudit();
      assertTrue(audit.valid(), audit.message() + ", seed=" + seed);
    }
    System.out.printf(java.util.Locale.ROOT, "WatcherKillTest: %d files, %d kills, seed=%d%n", next, kills, seed);
  }

  /** Drops {@code n} files: half moved in whole, half written in place in two pieces (a growing file). */
  private static int drop(Path inbox, Path staging, int next, int n, Random random) throws Exception {
    for (int k = 0; k < n; k++, next++) {
      Path sub = Files.createDirectories(inbox.resolve("d" + (next % 3)));
      String text = text(next);
      if (random.nextBoolean()) {
        Path tmp = staging.resolve("f" + next + ".txt");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, sub.resolve("f" + next + ".txt"), StandardCopyOption.ATOMIC_MOVE);
      } else {
        Path f = sub.resolve("f" + next + ".txt");
        int half = text.length() / 2;
        Files.writeString(f, text.substring(0, half), StandardCharsets.UTF_8);
        Thread.sleep(random.nextInt(150));
        Files.writeString(f, text, StandardCharsets.UTF_8);
      }
    }
    return next;
  }

  private static String text(int i) {
    return "watched file number " + i + " " + "x".repeat(i % 7);
  }

  private static long documents(Path ws) {
    if (!Files.exists(ws.resolve("workspace.properties"))) {
      return 0;
    }
    try (Workspace w = Workspace.builder(ws).readOnly().open()) {
      return w.session(Principal.of("checker", "A"), Purpose.CRIMINAL_INVESTIGATION).documents(0, 1).total();
    } catch (RuntimeException e) {
      return 0;
    }
  }

  private static Process start(Path ws, Path inbox, Path log) throws Exception {
    return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), WatchChild.class.getName(), ws.toString(), inbox.toString())
        .redirectError(ProcessBuilder.Redirect.DISCARD).redirectOutput(log.toFile()).start();
  }

  private static void awaitLine(Process child, Path log, String wanted) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (Files.exists(log) && Files.readAllLines(log, StandardCharsets.UTF_8).contains(wanted)) {
        return;
      }
      if (!child.isAlive()) {
        break;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the child did not print " + wanted + ": "
        + (Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : ""));
  }
}
