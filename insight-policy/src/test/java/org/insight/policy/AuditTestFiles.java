package org.insight.policy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Helpers for the audit tests: seeded events and line-level edits of a log file. */
final class AuditTestFiles {

  /** One seed for every random choice in {@link AuditLogTest}; override with -Dinsight.test.seed=N. */
  static final long SEED = Long.getLong("insight.test.seed", 0x1D5_16_47L);

  private AuditTestFiles() {}

  static AuditEvent event(Random random, int i) {
    String principal = "analyst" + (char) ('a' + random.nextInt(26)) + i;
    List<String> items = new ArrayList<>();
    for (int k = random.nextInt(4); k > 0; k--) {
      items.add("ent-" + random.nextInt(1000));
    }
    String[] ops = {"entity.get", "search", "add", "graph.paths"};
    return new AuditEvent(
        Instant.ofEpochSecond(1_700_000_000L + random.nextInt(10_000_000), random.nextInt(1_000_000_000)),
        principal,
        "criminal-investigation",
        ops[random.nextInt(ops.length)],
        random.nextBoolean() ? "blue van " + random.nextInt(100) : "",
        items,
        random.nextInt(10) == 0 ? "denied" : "ok");
  }

  static List<AuditRecord> appendRandom(AuditLog log, Random random, int count) {
    List<AuditRecord> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(log.append(event(random, i)));
    }
    return out;
  }

  /** The file's lines without their line ends (the file must end with one). */
  /**
   * Closes the log's file under it, so that writes fail as they would on a broken device. Reflection keeps this
   * test-only act out of the production class; the field is the log's one open file.
   */
  static void breakDevice(AuditLog log) throws IOException {
    try {
      Field out = AuditLog.class.getDeclaredField("out");
      out.setAccessible(true);
      ((RandomAccessFile) out.get(log)).close();
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("AuditLog no longer keeps its file in the field 'out'; update this helper", e);
    }
  }

  /** Makes the log's next sync fail, as a device that stops accepting writes would: closes its sync channel. */
  static void breakSync(AuditLog log) throws IOException {
    try {
      Field sync = AuditLog.class.getDeclaredField("syncChannel");
      sync.setAccessible(true);
      ((java.nio.channels.FileChannel) sync.get(log)).close();
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("AuditLog no longer keeps its sync channel in the field 'syncChannel'; update this helper", e);
    }
  }

  static List<String> lines(Path file) throws IOException {
    return new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
  }

  static void writeLines(Path file, List<String> lines) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (String line : lines) {
      sb.append(line).append('\n');
    }
    Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
  }
}
