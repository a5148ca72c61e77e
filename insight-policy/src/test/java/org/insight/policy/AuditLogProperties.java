package org.insight.policy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterTry;
import net.jqwik.api.lifecycle.BeforeTry;
import org.insight.policy.internal.AuditJson;

/** Laws of the audit log: round trips, and no single-byte change goes unnoticed. */
class AuditLogProperties {

  private Path dir;
  private Path file;

  @BeforeTry
  void makeDirectory() throws IOException {
    dir = Files.createTempDirectory("audit-props");
    file = dir.resolve("audit.log");
  }

  @AfterTry
  void removeDirectory() throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  @Provide
  Arbitrary<AuditEvent> events() {
    // every char, including controls and unpaired surrogates, plus a bias towards the awkward ones
    Arbitrary<String> text =
        Arbitraries.oneOf(
            Arbitraries.strings().all().ofMaxLength(12),
            Arbitraries.strings().withChars("\"\\/\n\r\t\b\f\u0000\u001f\u007f\u2028é€محمد👮").ofMaxLength(8),
            Arbitraries.strings().alpha().ofMaxLength(8));
    Arbitrary<Instant> at =
        Combinators.combine(
                Arbitraries.longs().between(-62_000_000_000L, 253_000_000_000L),
                Arbitraries.integers().between(0, 999_999_999))
            .as(Instant::ofEpochSecond);
    return Combinators.combine(at, text, text, text, text, text.list().ofMaxSize(3), text)
        .as(AuditEvent::new);
  }

  @Property
  void everyEventSurvivesTheLineEncoding(@ForAll("events") AuditEvent event) throws Exception {
    AuditRecord r = AuditJson.chain(7, event, AuditJson.sha256("prev"));
    String line = AuditJson.line(r);
    if (line.chars().anyMatch(c -> c < 0x20)) {
      throw new AssertionError("raw control character in " + line);
    }
    // through bytes, as on disk
    String back = new String(line.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    AuditRecord parsed = AuditJson.parse(back);
    assertEquals(r, parsed);
    assertEquals(line, AuditJson.line(parsed));
  }

  @Property(tries = 40)
  void writeThenVerifyIsValidAndReadsBackTheSameEvents(
      @ForAll @Size(max = 12) List<@From("events") AuditEvent> events) {
    AuditCheckpoint cp;
    try (AuditLog log = AuditLog.open(file)) {
      events.forEach(log::append);
      cp = log.checkpoint();
    }
    AuditVerification v = AuditLog.verify(file, cp);
    assertTrue(v.valid(), v.message());
    assertEquals((long) events.size(), v.entriesChecked());
    try (AuditLog log = AuditLog.open(file)) {
      assertEquals((long) events.size(), log.size());
      List<AuditEvent> back = log.tail(events.size()).stream().map(AuditRecord::event).toList();
      assertEquals(events, back);
    }
  }

  @Property(tries = 120)
  void anySingleByteChangeIsCaught(
      @ForAll @Size(min = 1, max = 6) List<@From("events") AuditEvent> events,
      @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE - 1) int where,
      @ForAll @IntRange(min = 1, max = 255) int delta)
      throws IOException {
    AuditCheckpoint cp;
    try (AuditLog log = AuditLog.open(file)) {
      events.forEach(log::append);
      cp = log.checkpoint();
    }
    byte[] bytes = Files.readAllBytes(file);
    int at = where % bytes.length;
    bytes[at] = (byte) (bytes[at] + delta); // delta in 1..255 never gives back the same byte
    Files.write(file, bytes);

    AuditVerification offline = AuditLog.verify(file);
    assertTrue(!offline.valid(), "byte " + at + " changed but verify passed");
    assertTrue(!AuditLog.verify(file, cp).valid(), "byte " + at + " changed but the checkpoint passed");
    // opening may cut the last line off as a torn append (when its line end was the byte changed),
    // but the checkpoint still catches it
    try (AuditLog log = AuditLog.open(file)) {
      AuditVerification v = log.verify(cp);
      assertTrue(!v.valid(), "byte " + at + " changed, log reopened, but the checkpoint passed");
    }
  }

  private static void assertTrue(boolean condition, String message) {
    if (!condition) {
      throw new AssertionError(message);
    }
  }

  private static void assertEquals(Object expected, Object actual) {
    if (!expected.equals(actual)) {
      throw new AssertionError("expected " + expected + " but was " + actual);
    }
  }
}
