package org.insight.ingest;

import static org.insight.ingest.Corpus.entries;
import static org.insight.ingest.Corpus.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import org.insight.core.ContentHash;
import org.insight.ingest.internal.TikaWorker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile and broken inputs: each ends quarantined with the right reason, the host JVM survives, and the
 * extractor keeps working afterwards (a killed worker is replaced).
 *
 * <p>The hang and out-of-memory cases use the worker's test hooks ({@link TikaWorker#TEST_HOOKS}), which are
 * off unless that system property is set: a file named {@code *.hang-test} makes the worker sleep forever, one
 * named {@code *.oom-test} makes it fill its heap.
 */
@Tag("slow") // forks processes: quick loop with -DexcludedGroups=slow
class HostileInputTest {
  @TempDir static Path dir;
  static TikaExtractor extractor;

  @BeforeAll
  static void start() {
    System.setProperty(TikaWorker.TEST_HOOKS, "true");
    extractor = TikaExtractor.builder()
        .workers(1)
        .timeout(Duration.ofSeconds(30)) // generous: a loaded CI machine is slow, and only the hang test waits it out
        .workerHeapMb(256)
        .maxBytes(8L * 1024 * 1024)
        .maxDepth(5)
        .maxEmbedded(50)
        .maxCompressionRatio(100)
        .noOcr()
        .build();
  }

  @AfterAll
  static void stop() {
    extractor.close();
    System.clearProperty(TikaWorker.TEST_HOOKS);
  }

  static Path file(String name, byte[] bytes) throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, bytes);
    return p;
  }

  static void assertQuarantined(Extraction e, QuarantineReason reason) {
    assertEquals(Optional.of(reason), e.outcome().reason(), e.outcome().toString());
    assertTrue(!e.outcome().message().isBlank(), "a quarantined item says why");
  }

  /** The extractor still works: a plain file extracts normally. */
  static void stillWorks() throws IOException {
    Extraction ok = extractor.extract(file("after.txt", utf8("still alive")));
    assertTrue(ok.outcome().isIngested(), ok.outcome().toString());
    assertTrue(ok.text().contains("still alive"));
  }

  @Test
  void zipBombIsStoppedByTheCompressionRatio() throws IOException {
    byte[] bomb = Corpus.zipBomb(64); // 64 MiB of zeros in ~64 KiB
    Extraction e = extractor.extract(file("bomb.zip", bomb));
    assertQuarantined(e, QuarantineReason.LIMIT_EXCEEDED);
    assertTrue(e.outcome().message().contains("compression ratio"), e.outcome().message());
    assertEquals(ContentHash.of(bomb), e.contentHash(), "the bomb itself is still hashed, so it can be kept");
    assertEquals(QuarantineReason.LIMIT_EXCEEDED, e.children().get(0).outcome().reason().orElseThrow());
    stillWorks();
  }

  @Test
  void billionLaughsIsNotExpanded() throws IOException {
    Extraction e = extractor.extract(file("lol.xml", Corpus.billionLaughs()));
    assertTrue(e.outcome().isQuarantined(), "entity expansion must be refused, got " + e.outcome());
    assertTrue(e.text().length() < 100_000, "the entities were expanded: " + e.text().length() + " chars");
    assertTrue(e.outcome().reason().orElseThrow() == QuarantineReason.LIMIT_EXCEEDED
        || e.outcome().reason().orElseThrow() == QuarantineReason.CORRUPT, e.outcome().toString());
    stillWorks();
  }

  @Test
  void truncatedPdfIsCorrupt() throws IOException {
    byte[] pdf = Corpus.pdf("x", "a page that will be cut");
    Extraction e = extractor.extract(file("cut.pdf", Arrays.copyOf(pdf, pdf.length / 3)));
    assertQuarantined(e, QuarantineReason.CORRUPT);
    stillWorks();
  }

  @Test
  void garbagePdfIsCorrupt() throws IOException {
    byte[] junk = new byte[20_000];
    new Random(42).nextBytes(junk);
    byte[] head = utf8("%PDF-1.7\n");
    System.arraycopy(head, 0, junk, 0, head.length);
    Extraction e = extractor.extract(file("junk.pdf", junk));
    assertQuarantined(e, QuarantineReason.CORRUPT);
    assertEquals("application/pdf", e.mediaType());
  }

  @Test
  void encryptedPdfIsEncrypted() throws IOException {
    Extraction e = extractor.extract(file("locked.pdf", Corpus.encryptedPdf("secret plan")));
    assertQuarantined(e, QuarantineReason.ENCRYPTED);
    assertTrue(!e.text().contains("secret plan"));
  }

  @Test
  void unknownBinaryIsUnsupported() throws IOException {
    byte[] junk = new byte[4096];
    new Random(7).nextBytes(junk);
    Extraction e = extractor.extract(file("blob.bin", junk));
    assertQuarantined(e, QuarantineReason.UNSUPPORTED);
  }

  @Test
  void deeplyNestedZipStopsAtTheMaximumDepth() throws IOException {
    Extraction e = extractor.extract(file("nest.zip", Corpus.nestedZip(12, "the bottom")));
    assertTrue(e.outcome().isIngested(), "the top is fine; only the too-deep item is quarantined: " + e.outcome());
    Extraction deepest = e.flatten().reduce((a, b) -> b.depth() > a.depth() ? b : a).orElseThrow();
    assertEquals(6, deepest.depth(), deepest.path());
    assertQuarantined(deepest, QuarantineReason.LIMIT_EXCEEDED);
    assertTrue(deepest.outcome().message().contains("depth"), deepest.outcome().message());
    assertTrue(e.flatten().noneMatch(x -> x.text().contains("the bottom")));
  }

  @Test
  void tooManyEmbeddedItemsQuarantineTheContainer() throws IOException {
    Object[] many = new Object[120];
    for (int i = 0; i < 60; i++) {
      many[2 * i] = "f" + i + ".txt";
      many[2 * i + 1] = utf8("file " + i);
    }
    Extraction e = extractor.extract(file("many.zip", Corpus.zip(entries(many))));
    assertQuarantined(e, QuarantineReason.LIMIT_EXCEEDED);
    assertTrue(e.outcome().message().contains("more than 50 embedded"), e.outcome().message());
    assertEquals(50, e.children().size());
  }

  @Test
  void tooLargeFileIsNotParsed() throws IOException {
    byte[] big = new byte[9 * 1024 * 1024];
    Arrays.fill(big, (byte) 'a');
    Extraction e = extractor.extract(file("big.txt", big));
    assertQuarantined(e, QuarantineReason.TOO_LARGE);
    assertEquals(big.length, e.size());
    assertEquals(ContentHash.of(big), e.contentHash());
    assertEquals("", e.text());
  }

  @Test
  void tooLargeAttachmentIsQuarantinedWhileItsContainerIsIngested() throws IOException {
    byte[] big = new byte[9 * 1024 * 1024];
    Random random = new Random(3);
    for (int i = 0; i < big.length; i++) {
      big[i] = (byte) ('a' + random.nextInt(26)); // compresses about 2:1: the zip stays under the limit
    }
    Extraction e = extractor.extract(file("with-big.zip", Corpus.zip(entries("small.txt", utf8("small one"), "big.bin", big))));
    assertTrue(e.outcome().isIngested(), e.outcome().toString());
    assertTrue(e.children().get(0).outcome().isIngested());
    assertQuarantined(e.children().get(1), QuarantineReason.TOO_LARGE);
    assertEquals(ContentHash.of(big), e.children().get(1).contentHash());
  }

  @Test
  void hangingParserTimesOutAndTheWorkerIsReplaced() throws IOException {
    try (TikaExtractor impatient = TikaExtractor.builder().workers(1).timeout(Duration.ofSeconds(10)).noOcr().build()) {
      long start = System.nanoTime();
      Extraction e = impatient.extract(file("stuck.hang-test", utf8("whatever")));
      long seconds = (System.nanoTime() - start) / 1_000_000_000L;
      assertQuarantined(e, QuarantineReason.TIMEOUT);
      assertTrue(seconds < 40, "the timeout is 10 s, took " + seconds);
      assertEquals(ContentHash.of(utf8("whatever")), e.contentHash());
      Extraction ok = impatient.extract(file("after-hang.txt", utf8("alive after the hang")));
      assertTrue(ok.outcome().isIngested() && ok.text().contains("alive after the hang"), ok.outcome().toString());
    }
  }

  @Test
  void workerOutOfMemoryIsACrashAndTheWorkerIsReplaced() throws IOException {
    Extraction e = extractor.extract(file("greedy.oom-test", utf8("whatever")));
    assertQuarantined(e, QuarantineReason.CRASHED);
    assertTrue(e.outcome().message().contains("out of memory"), e.outcome().message());
    stillWorks();
  }

  @Test
  void missingTesseractDataQuarantinesOcrItemsWithTheFix() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("no-tessdata"));
    try (TikaExtractor noData = TikaExtractor.builder().workers(1).tessdata(empty).inProcess(true).build()) {
      Extraction e = noData.extract(file("img.png", Corpus.png(Corpus.textImage(600, 200, 40, "hello"))));
      assertQuarantined(e, QuarantineReason.OCR_UNAVAILABLE);
      assertTrue(e.outcome().message().contains("apt") || e.outcome().message().contains("tesseract-ocr-eng"),
          e.outcome().message());
      // with OCR off the same image is ingested (metadata only)
      Extraction off = noData.extract(file("img2.png", Corpus.png(Corpus.textImage(600, 200, 40, "hello"))),
          OcrOptions.OFF, EmbeddedSink.DISCARD);
      assertTrue(off.outcome().isIngested(), off.outcome().toString());
    }
  }
}
