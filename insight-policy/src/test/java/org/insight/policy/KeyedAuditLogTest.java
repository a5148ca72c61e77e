package org.insight.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.insight.policy.AuditVerification.Integrity;
import org.insight.policy.AuditVerification.Problem;
import org.insight.policy.internal.AuditJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The keyed audit chain (issue 14, finding 5): each way someone who can write the log file but lacks the key
 * tampers with it is caught by verifying with the key.
 */
class KeyedAuditLogTest {

  @TempDir Path dir;

  private final AuditKey key = AuditKey.generate();
  private final Random random = new Random(AuditTestFiles.SEED);

  private Path keyedLog(int entries) {
    Path file = dir.resolve("audit.log");
    try (AuditLog log = AuditLog.open(file, key)) {
      AuditTestFiles.appendRandom(log, random, entries);
    }
    return file;
  }

  private static AuditEvent forgedEvent() {
    return new AuditEvent(Instant.parse("2026-01-01T00:00:00Z"), "mallory", "criminal-investigation", "search",
        "cover story", List.of(), "ok");
  }

  /** The last record of the file, as the attacker reads it. */
  private static AuditRecord last(Path file) throws Exception {
    List<String> lines = AuditTestFiles.lines(file);
    return AuditJson.parse(lines.get(lines.size() - 1));
  }

  private static void append(Path file, AuditRecord r) throws IOException {
    Files.writeString(file, AuditJson.line(r) + "\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
  }

  @Test
  void anIntactKeyedLogVerifiesWithTheKeyAndSaysSoWithout() {
    Path file = keyedLog(20);
    AuditVerification withKey = AuditLog.verify(file, key, null);
    assertTrue(withKey.valid(), withKey.message());
    assertEquals(Integrity.KEYED, withKey.integrity());
    assertEquals(20, withKey.entriesChecked());
    AuditVerification without = AuditLog.verify(file);
    assertTrue(without.valid(), without.message());
    assertEquals(Integrity.KEY_NOT_CHECKED, without.integrity());
    assertTrue(without.message().contains("NOT checked"), without.message());
  }

  @Test
  void aForgedAppendWithARecomputedSha256IsCaughtEvenWithoutTheKey() throws Exception {
    Path file = keyedLog(5);
    AuditRecord head = last(file);
    append(file, AuditJson.chain(head.sequence() + 1, forgedEvent(), head.hash()));
    AuditVerification v = AuditLog.verify(file, key, null);
    assertEquals(Problem.UNKEYED, v.problem(), v.message());
    assertEquals(6, v.firstBadSequence());
    assertEquals(Problem.UNKEYED, AuditLog.verify(file).problem());
  }

  @Test
  void aForgedAppendUnderTheLogsKeyIdButAnotherSecretIsCaught() throws Exception {
    Path file = keyedLog(5);
    AuditRecord head = last(file);
    AuditKey attacker = AuditKey.generate();
    // the attacker claims the log's key id but can only compute a MAC under a key of their own
    AuditEvent e = forgedEvent();
    String mac = attacker.hmacHex(head.hash() + AuditJson.canonical(6, e, key.id()));
    append(file, new AuditRecord(6, e, head.hash(), mac, key.id()));
    AuditVerification v = AuditLog.verify(file, key, null);
    assertEquals(Problem.ALTERED, v.problem(), v.message());
    assertEquals(6, v.firstBadSequence());
    assertEquals(5, v.entriesChecked());
    assertTrue(AuditLog.verify(file).valid(), "without the key only the order can be checked");
  }

  @Test
  void aForgedAppendUnderAnotherKeyIsCaught() throws Exception {
    Path file = keyedLog(5);
    AuditRecord head = last(file);
    append(file, AuditJson.chain(6, forgedEvent(), head.hash(), AuditKey.generate()));
    assertEquals(Problem.WRONG_KEY, AuditLog.verify(file, key, null).problem());
    assertEquals(Problem.WRONG_KEY, AuditLog.verify(file).problem(), "two key ids in one log show without the key");
  }

  @Test
  void aChainRewrittenUnkeyedOrUnderAnotherKeyIsCaught() throws Exception {
    Path file = keyedLog(8);
    List<AuditRecord> records = new ArrayList<>();
    for (String line : AuditTestFiles.lines(file)) {
      records.add(AuditJson.parse(line));
    }
    records.set(3, new AuditRecord(4, forgedEvent(), "x", "x"));
    for (AuditKey rewriter : new AuditKey[] {null, AuditKey.generate()}) {
      List<String> rewritten = new ArrayList<>();
      String prev = AuditJson.ZERO_HASH;
      for (AuditRecord r : records) {
        AuditRecord c = AuditJson.chain(r.sequence(), r.event(), prev, rewriter);
        rewritten.add(AuditJson.line(c));
        prev = c.hash();
      }
      AuditTestFiles.writeLines(file, rewritten);
      AuditVerification v = AuditLog.verify(file, key, null);
      assertFalse(v.valid(), "rewritten with " + rewriter);
      assertEquals(rewriter == null ? Problem.UNKEYED : Problem.WRONG_KEY, v.problem(), v.message());
      // plain verify cannot tell a consistent rewrite, and says the log is unkeyed or its key unchecked
      AuditVerification plain = AuditLog.verify(file);
      assertTrue(plain.valid());
      assertEquals(rewriter == null ? Integrity.UNKEYED : Integrity.KEY_NOT_CHECKED, plain.integrity());
    }
  }

  @Test
  void anEntryAlteredInPlaceAndRechainedWithTheRightKeyIdIsCaught() throws Exception {
    Path file = keyedLog(6);
    List<String> lines = AuditTestFiles.lines(file);
    AuditRecord third = AuditJson.parse(lines.get(2));
    AuditEvent altered = new AuditEvent(third.event().at(), "someone-else", third.event().purpose(),
        third.event().operation(), third.event().query(), third.event().items(), third.event().outcome());
    lines.set(2, AuditJson.line(new AuditRecord(3, altered, third.previousHash(), third.hash(), third.keyId())));
    AuditTestFiles.writeLines(file, lines);
    AuditVerification v = AuditLog.verify(file, key, null);
    assertEquals(Problem.ALTERED, v.problem());
    assertEquals(3, v.firstBadSequence());
  }

  @Test
  void truncationAfterACheckpointIsCaughtEvenWhenRefilledWithForgeries() throws Exception {
    Path file = keyedLog(10);
    AuditCheckpoint cp;
    try (AuditLog log = AuditLog.open(file, key)) {
      cp = log.checkpoint();
    }
    List<String> lines = AuditTestFiles.lines(file);
    AuditTestFiles.writeLines(file, lines.subList(0, 7));
    assertEquals(Problem.TRUNCATED, AuditLog.verify(file, key, cp).problem());
    // refilled to the checkpoint's count with unkeyed entries: the downgrade shows first
    AuditRecord head = last(file);
    String prev = head.hash();
    for (long seq = 8; seq <= 10; seq++) {
      AuditRecord r = AuditJson.chain(seq, forgedEvent(), prev);
      append(file, r);
      prev = r.hash();
    }
    assertFalse(AuditLog.verify(file, key, cp).valid());
    assertFalse(AuditLog.verify(file, null, cp).valid(), "the checkpoint's head differs");
  }

  @Test
  void deletingTheLogIsCaughtWhenACheckpointExists() throws Exception {
    Path file = keyedLog(3);
    AuditCheckpoint cp;
    try (AuditLog log = AuditLog.open(file, key)) {
      cp = log.checkpoint();
    }
    Files.delete(file);
    AuditVerification v = AuditLog.verify(file, key, cp);
    assertEquals(Problem.DELETED, v.problem(), v.message());
    assertTrue(v.message().contains("3 entries"), v.message());
    // a new log started in its place does not hold the checkpoint's history
    try (AuditLog log = AuditLog.open(file, key)) {
      AuditTestFiles.appendRandom(log, new Random(1), 4);
    }
    assertEquals(Problem.REWRITTEN, AuditLog.verify(file, key, cp).problem());
  }

  @Test
  void aSignedCheckpointVerifiesOnlyWithItsPublicKeyAndOnlyUnchanged() throws Exception {
    Path file = keyedLog(4);
    CheckpointKeys.generate(dir.resolve("cp.key"), dir.resolve("cp.pub"));
    AuditCheckpoint cp;
    try (AuditLog log = AuditLog.open(file, key)) {
      cp = log.checkpoint().signedWith(CheckpointKeys.readPrivate(dir.resolve("cp.key")));
    }
    AuditCheckpoint parsed = AuditCheckpoint.parse(cp.toString());
    assertEquals(cp, parsed);
    assertTrue(parsed.signatureValid(CheckpointKeys.readPublic(dir.resolve("cp.pub"))));
    // an attacker lowers the count (to hide a truncation) and keeps the signature
    AuditCheckpoint lowered = new AuditCheckpoint(3, last(file).previousHash(), cp.signature());
    assertFalse(lowered.signatureValid(CheckpointKeys.readPublic(dir.resolve("cp.pub"))));
    CheckpointKeys.generate(dir.resolve("other.key"), dir.resolve("other.pub"));
    assertFalse(parsed.signatureValid(CheckpointKeys.readPublic(dir.resolve("other.pub"))));
    assertFalse(new AuditCheckpoint(cp.entries(), cp.headHash()).signatureValid(
        CheckpointKeys.readPublic(dir.resolve("cp.pub"))));
  }

  @Test
  void anOldUnkeyedLogIsReadAndContinuesKeyedAndItsPrefixIsFixed() throws Exception {
    Path file = dir.resolve("audit.log");
    try (AuditLog log = AuditLog.open(file)) {
      AuditTestFiles.appendRandom(log, random, 4);
    }
    AuditVerification old = AuditLog.verify(file);
    assertTrue(old.valid());
    assertEquals(Integrity.UNKEYED, old.integrity());
    assertTrue(old.message().contains("UNKEYED"), old.message());
    assertEquals(Problem.UNKEYED, AuditLog.verify(file, key, null).problem(), "a key was given but nothing is keyed");
    try (AuditLog log = AuditLog.open(file, key)) {
      AuditTestFiles.appendRandom(log, random, 3);
    }
    AuditVerification v = AuditLog.verify(file, key, null);
    assertTrue(v.valid(), v.message());
    assertEquals(Integrity.KEYED, v.integrity());
    assertEquals(4, v.unkeyedEntries());
    // rewriting the unkeyed prefix consistently breaks the first keyed entry, which MACs the prefix's head
    List<String> lines = AuditTestFiles.lines(file);
    List<String> rewritten = new ArrayList<>();
    String prev = AuditJson.ZERO_HASH;
    for (int i = 0; i < 4; i++) {
      AuditRecord r = AuditJson.parse(lines.get(i));
      AuditEvent e = i == 1 ? forgedEvent() : r.event();
      AuditRecord c = AuditJson.chain(r.sequence(), e, prev);
      rewritten.add(AuditJson.line(c));
      prev = c.hash();
    }
    rewritten.addAll(lines.subList(4, lines.size()));
    AuditTestFiles.writeLines(file, rewritten);
    AuditVerification broken = AuditLog.verify(file, key, null);
    assertEquals(Problem.INSERTED, broken.problem(), broken.message());
    assertEquals(5, broken.firstBadSequence());
  }

  @Test
  void aKeyedLogRefusesToOpenWithoutItsKey() {
    Path file = keyedLog(2);
    AuditException none = assertThrows(AuditException.class, () -> AuditLog.open(file));
    assertTrue(none.getMessage().contains("--audit-key"), none.getMessage());
    AuditException other = assertThrows(AuditException.class, () -> AuditLog.open(file, AuditKey.generate()));
    assertTrue(other.getMessage().contains(key.id()), other.getMessage());
  }

  @Test
  void anAppenderThatOpenedBeforeTheLogWasKeyedIsRefusedRatherThanDowngradingIt() {
    Path file = dir.resolve("audit.log");
    try (AuditLog unkeyed = AuditLog.open(file)) {
      unkeyed.append(AuditTestFiles.event(random, 0));
      try (AuditLog keyed = AuditLog.open(file, key)) {
        keyed.append(AuditTestFiles.event(random, 1));
      }
      AuditException e = assertThrows(AuditException.class, () -> unkeyed.append(AuditTestFiles.event(random, 2)));
      assertTrue(e.getMessage().contains("keyed the audit log"), e.getMessage());
    }
    AuditVerification v = AuditLog.verify(file, key, null);
    assertTrue(v.valid(), v.message());
    assertEquals(2, v.entriesChecked());
  }

  @Test
  void weakKeysAndBadKeyFilesAreRefusedClearly() throws Exception {
    assertTrue(assertThrows(AuditException.class, () -> AuditKey.of(new byte[16])).getMessage().contains("32"));
    byte[] pattern = "passwordpasswordpasswordpassword".getBytes(StandardCharsets.US_ASCII);
    assertTrue(assertThrows(AuditException.class, () -> AuditKey.of(pattern)).getMessage().contains("not random"));
    Path typed = dir.resolve("typed.key");
    Files.writeString(typed, "correct horse battery staple\n");
    assertTrue(assertThrows(AuditException.class, () -> AuditKey.read(typed)).getMessage().contains("not an audit key file"));
    Path shortKey = dir.resolve("short.key");
    Files.writeString(shortKey, "insight-audit-key hmac-sha256 " + Base64.getEncoder().encodeToString(new byte[8]) + "\n");
    assertTrue(assertThrows(AuditException.class, () -> AuditKey.read(shortKey)).getMessage().contains("refused"));
    Path good = dir.resolve("good.key");
    key.write(good);
    assertEquals(key, AuditKey.read(good));
    assertEquals(key.id(), AuditKey.read(good).id());
    String secret = Files.readString(good).lines().filter(l -> !l.startsWith("#")).findFirst().orElseThrow()
        .substring("insight-audit-key hmac-sha256 ".length());
    assertFalse(key.toString().contains(secret), "toString never shows the secret");
    assertThrows(AuditException.class, () -> key.write(good), "never overwrites a key");
  }
}
