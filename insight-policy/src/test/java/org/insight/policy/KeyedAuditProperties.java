package org.insight.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterTry;
import net.jqwik.api.lifecycle.BeforeTry;
import org.insight.policy.AuditVerification.Integrity;
import org.insight.policy.internal.AuditJson;

/**
 * The keyed chain's law: whatever someone without the key does to the file after a checkpoint (alter, delete,
 * swap, duplicate, forge an append, rewrite the chain from any entry, unkeyed or under a key of their own), the
 * verification with the key and the checkpoint fails; untouched, it passes.
 */
class KeyedAuditProperties {

  /** What the attacker does. */
  enum Tamper { NONE, ALTER, DELETE, SWAP, DUPLICATE, FORGE_UNKEYED, FORGE_OTHER_KEY, FORGE_CLAIMED_ID, REWRITE_UNKEYED,
    REWRITE_OTHER_KEY }

  private static final AuditKey KEY = AuditKey.generate();
  private static final AuditKey ATTACKER = AuditKey.generate();

  private Path dir;

  @BeforeTry
  void makeDirectory() throws IOException {
    dir = Files.createTempDirectory("keyed-audit-props");
  }

  @AfterTry
  void removeDirectory() throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  @Property(tries = 150)
  void everyTamperFailsWithTheKeyAndUntouchedPasses(
      @ForAll @IntRange(min = 1, max = 25) int entries,
      @ForAll @IntRange(min = 0, max = 3) int unkeyedPrefix,
      @ForAll Tamper tamper,
      @ForAll @IntRange(min = 0, max = 10_000) int at,
      @ForAll long seed) throws Exception {
    Path file = dir.resolve("audit.log");
    Random random = new Random(seed);
    if (unkeyedPrefix > 0) {
      try (AuditLog log = AuditLog.open(file)) {
        AuditTestFiles.appendRandom(log, random, unkeyedPrefix);
      }
    }
    AuditCheckpoint cp;
    try (AuditLog log = AuditLog.open(file, KEY)) {
      AuditTestFiles.appendRandom(log, random, entries);
      cp = log.checkpoint();
    }
    List<String> lines = AuditTestFiles.lines(file);
    List<AuditRecord> records = new ArrayList<>();
    for (String line : lines) {
      records.add(AuditJson.parse(line));
    }
    int n = lines.size();
    int i = at % n;
    AuditEvent forged = new AuditEvent(Instant.ofEpochSecond(1_800_000_000L + at), "mallory", "criminal-investigation",
        "search", "nothing to see " + at, List.of(), "ok");
    AuditRecord head = records.get(n - 1);
    switch (tamper) {
      case NONE -> { }
      case ALTER -> {
        AuditRecord r = records.get(i);
        lines.set(i, AuditJson.line(new AuditRecord(r.sequence(), forged, r.previousHash(), r.hash(), r.keyId())));
      }
      case DELETE -> lines.remove(i);
      case SWAP -> {
        if (n < 2) {
          lines.remove(0);
        } else {
          int j = (i + 1) % n;
          String a = lines.get(i);
          lines.set(i, lines.get(j));
          lines.set(j, a);
        }
      }
      case DUPLICATE -> lines.add(i, lines.get(i));
      case FORGE_UNKEYED -> lines.add(AuditJson.line(AuditJson.chain(n + 1, forged, head.hash())));
      case FORGE_OTHER_KEY -> lines.add(AuditJson.line(AuditJson.chain(n + 1, forged, head.hash(), ATTACKER)));
      case FORGE_CLAIMED_ID -> lines.add(AuditJson.line(new AuditRecord(n + 1, forged, head.hash(),
          ATTACKER.hmacHex(head.hash() + AuditJson.canonical(n + 1, forged, KEY.id())), KEY.id())));
      case REWRITE_UNKEYED, REWRITE_OTHER_KEY -> {
        AuditKey with = tamper == Tamper.REWRITE_UNKEYED ? null : ATTACKER;
        String prev = records.get(i).previousHash();
        for (int k = i; k < n; k++) {
          AuditEvent e = k == i ? forged : records.get(k).event();
          AuditRecord c = AuditJson.chain(k + 1, e, prev, with);
          lines.set(k, AuditJson.line(c));
          prev = c.hash();
        }
      }
      default -> throw new AssertionError(tamper);
    }
    AuditTestFiles.writeLines(file, lines);
    AuditVerification v = AuditLog.verify(file, KEY, cp);
    if (tamper == Tamper.NONE) {
      assertTrue(v.valid(), v.message());
      assertEquals(Integrity.KEYED, v.integrity());
      assertEquals(unkeyedPrefix, v.unkeyedEntries());
    } else {
      assertFalse(v.valid(), tamper + " at line " + (i + 1) + " of " + n + " went unnoticed: " + v.message());
    }
  }
}
