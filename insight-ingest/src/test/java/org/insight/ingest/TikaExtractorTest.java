package org.insight.ingest;

import static org.insight.ingest.Corpus.entries;
import static org.insight.ingest.Corpus.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.insight.core.ContentHash;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every supported format through the worker processes: text, metadata, children and their bytes. */
@Tag("slow") // forks processes: quick loop with -DexcludedGroups=slow
class TikaExtractorTest {
  @TempDir static Path dir;
  static TikaExtractor extractor;

  @BeforeAll
  static void start() {
    extractor = TikaExtractor.builder().workers(2).timeout(Duration.ofSeconds(60)).build();
  }

  @AfterAll
  static void stop() {
    extractor.close();
  }

  static Path file(String name, byte[] bytes) throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, bytes);
    return p;
  }

  static Extraction child(Extraction e, String name) {
    return e.children().stream().filter(c -> c.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no child " + name + " in " + names(e)));
  }

  static List<String> names(Extraction e) {
    return e.children().stream().map(Extraction::name).toList();
  }

  @Test
  void plainTextIsIngestedWithItsHash() throws IOException {
    byte[] bytes = utf8("Suspect seen near the harbour at 22:40.\n");
    Extraction e = extractor.extract(file("note.txt", bytes));
    assertTrue(e.outcome().isIngested(), e.outcome().toString());
    assertEquals("text/plain", e.mediaType());
    assertEquals("tika:TextAndCSVParser", e.parser());
    assertTrue(e.text().contains("harbour at 22:40"), e.text());
    assertEquals(ContentHash.of(bytes), e.contentHash());
    assertEquals(bytes.length, e.size());
    assertEquals(Optional.empty(), e.ocr());
    assertTrue(e.children().isEmpty());
  }

  @Test
  void htmlGivesBodyTextAndTitle() throws IOException {
    Extraction e = extractor.extract(file("page.html",
        Corpus.html("Operation Heron", "J. Martin", "The blue van was registered in Lyon.")));
    assertTrue(e.outcome().isIngested(), e.outcome().toString());
    assertEquals("text/html", e.mediaType());
    assertTrue(e.text().contains("blue van was registered in Lyon"), e.text());
    assertEquals(Optional.of("Operation Heron"), e.metadata().title());
  }

  @Test
  void pdfWithTextLayerIsNotOcrd() throws IOException {
    Extraction e = extractor.extract(file("report.pdf", Corpus.pdf("Inspector Lestrade", "First page about Baker Street",
        "Second page about the Thames")));
    assertTrue(e.outcome().isIngested(), e.outcome().toString());
    assertEquals("application/pdf", e.mediaType());
    assertEquals("tika:PDFParser", e.parser());
    assertTrue(e.text().contains("Baker Street") && e.text().contains("the Thames"), e.text());
    assertEquals(Optional.of("Inspector Lestrade"), e.metadata().author());
    assertTrue(e.metadata().created().isPresent());
    assertEquals(Optional.empty(), e.ocr(), "a text layer exists on every page: no OCR");
  }

  @Test
  void docxGivesTextAuthorAndTitle() throws IOException {
    Extraction e = extractor.extract(file("memo.docx", Corpus.docx("Ana Ruiz", "Memo 17", "Meeting at the cafe on Rue Cler")));
    assertTrue(e.outcome().isIngested(), e.outcome().toString());
    assertTrue(e.mediaType().contains("wordprocessingml"), e.mediaType());
    assertTrue(e.text().contains("Rue Cler"), e.text());
    assertEquals(Optional.of("Ana Ruiz"), e.metadata().author());
    assertEquals(Optional.of("Memo 17"), e.metadata().title());
  }

  @Test
  void emailAttachmentsAreChildrenWithTheirBytes() throws IOException {
    byte[] attachedText = utf8("Transfer of 9,500 EUR to account 4471.");
    byte[] attachedZip = Corpus.zip(entries("inner.txt", utf8("Inner note: meet at dawn.")));
    byte[] eml = Corpus.eml("Informant <source7@example.org>", "Weekly report", "See the attached files.",
        entries("transfer.txt", attachedText, "bundle.zip", attachedZip));
    Map<String, byte[]> received = new HashMap<>();
    Extraction e = extractor.extract(file("message.eml", eml), OcrOptions.OFF,
        (item, bytes) -> received.put(item.path(), bytes.readAllBytes()));
    assertTrue(e.outcome().isIngested(), e.outcome().toString());
    assertEquals("message/rfc822", e.mediaType());
    assertTrue(e.text().contains("See the attached files"), e.text());
    assertEquals(Optional.of("Weekly report"), e.metadata().title());
    assertTrue(e.metadata().author().orElse("").contains("source7@example.org"), e.metadata().toString());

    Extraction transfer = child(e, "transfer.txt");
    assertTrue(transfer.outcome().isIngested());
    assertTrue(transfer.text().contains("9,500 EUR"), transfer.text());
    assertEquals(List.of("message.eml"), transfer.containers());
    assertEquals(ContentHash.of(attachedText), transfer.contentHash());
    assertArrayEquals(attachedText, received.get("message.eml!/transfer.txt"));

    Extraction bundle = child(e, "bundle.zip");
    assertEquals(ContentHash.of(attachedZip), bundle.contentHash());
    Extraction inner = child(bundle, "inner.txt");
    assertEquals(List.of("message.eml", "bundle.zip"), inner.containers());
    assertEquals("message.eml!/bundle.zip!/inner.txt", inner.path());
    assertTrue(inner.text().contains("meet at dawn"), inner.text());
    assertArrayEquals(utf8("Inner note: meet at dawn."), received.get(inner.path()));
    // the sink got every child that has bytes, and each one hashes to its extraction's hash
    e.flatten().skip(1).forEach(c -> assertEquals(c.contentHash(), ContentHash.of(received.get(c.path())), c.path()));
  }

  @Test
  void mboxMessagesAreChildren() throws IOException {
    Extraction e = extractor.extract(file("box.mbox", Corpus.mbox("First body: the courier arrives Monday.",
        "Second body: the courier left Tuesday.")));
    assertTrue(e.outcome().isIngested(), e.outcome().toString());
    assertEquals(2, e.children().size(), names(e).toString());
    String all = e.children().get(0).text() + "|" + e.children().get(1).text();
    assertTrue(all.contains("arrives Monday") && all.contains("left Tuesday"), all);
    e.children().forEach(c -> assertTrue(c.outcome().isIngested(), c.outcome().toString()));
  }

  @Test
  void nestedArchivesAreExtractedRecursively() throws IOException {
    byte[] tgz = Corpus.tarGz(entries("deep/b.txt", utf8("Bottom of the tarball: container 88.")));
    byte[] zip = Corpus.zip(entries("a.txt", utf8("Top level note."), "logs.tar.gz", tgz));
    List<String> sunk = new ArrayList<>();
    Extraction e = extractor.extract(file("evidence.zip", zip), OcrOptions.OFF, (item, bytes) -> sunk.add(item.path()));
    assertTrue(e.outcome().isIngested(), e.outcome().toString());
    assertEquals("application/zip", e.mediaType());
    assertTrue(child(e, "a.txt").text().contains("Top level note"));
    Extraction gz = child(e, "logs.tar.gz");
    assertEquals(ContentHash.of(tgz), gz.contentHash());
    Extraction b = gz.flatten().filter(x -> x.name().endsWith("b.txt")).findFirst()
        .orElseThrow(() -> new AssertionError(gz.flatten().map(Extraction::path).toList().toString()));
    assertTrue(b.text().contains("container 88"), b.text());
    assertTrue(b.depth() >= 2, b.path());
    assertEquals(e.flatten().skip(1).map(Extraction::path).toList(), sunk, "parents before children, each once");
  }

  @Test
  void sevenZipEntriesAreChildren() throws IOException {
    Extraction e = extractor.extract(file("pack.7z", Corpus.sevenZip(entries("ledger.txt", utf8("Ledger: 12 crates, Antwerp."),
        "inner.zip", Corpus.zip(entries("deep.txt", utf8("Deep inside the 7z")))))));
    assertTrue(e.outcome().isIngested(), e.outcome().toString());
    assertEquals("application/x-7z-compressed", e.mediaType());
    assertTrue(child(e, "ledger.txt").text().contains("12 crates, Antwerp"));
    assertTrue(child(child(e, "inner.zip"), "deep.txt").text().contains("Deep inside the 7z"));
  }

  @Test
  void ocrLanguageIsChosenPerCall() throws IOException {
    byte[] png = Corpus.png(Corpus.textImage(1600, 300, 48, "Le témoin a vu la voiture près du café"));
    Extraction e = extractor.extract(file("fr.png", png), OcrOptions.languages("fra"), EmbeddedSink.DISCARD);
    assertTrue(e.outcome().isIngested(), e.outcome().toString());
    assertEquals("fra", e.ocr().orElseThrow().languages());
    for (String word : List.of("témoin", "voiture", "près", "café")) {
      assertTrue(e.text().contains(word), "missing " + word + " in " + e.text());
    }
  }

  @Test
  void textInAnImageIsOcrd() throws IOException {
    byte[] png = Corpus.png(Corpus.textImage(1400, 400, 48, "INTERPOL NOTICE HERON", "Lyon harbour 2024"));
    Extraction e = extractor.extract(file("photo.png", png));
    assertTrue(e.outcome().isIngested(), e.outcome().toString());
    assertEquals("image/png", e.mediaType());
    OcrFacts ocr = e.ocr().orElseThrow(() -> new AssertionError("no OCR on an image"));
    assertTrue(ocr.engine().startsWith("tesseract@5"), ocr.engine());
    assertEquals("eng", ocr.languages());
    assertEquals(1, ocr.pages());
    assertTrue(ocr.meanConfidence() > 0.6, "confidence " + ocr.meanConfidence());
    for (String word : List.of("INTERPOL", "NOTICE", "HERON", "Lyon", "harbour", "2024")) {
      assertTrue(e.text().contains(word), "missing " + word + " in " + e.text());
    }
    assertTrue(e.method().contains("ocr:tesseract@5"), e.method());

    Extraction off = extractor.extract(file("photo2.png", png), OcrOptions.OFF, EmbeddedSink.DISCARD);
    assertEquals(Optional.empty(), off.ocr());
    assertFalse(off.text().contains("INTERPOL"));
  }

  @Test
  void scannedPdfPageIsOcrd() throws IOException {
    Extraction e = extractor.extract(file("scan.pdf", Corpus.scannedPdf("WITNESS STATEMENT", "The red car left at noon")));
    assertTrue(e.outcome().isIngested(), e.outcome().toString());
    OcrFacts ocr = e.ocr().orElseThrow(() -> new AssertionError("a page without text layer must be OCR'd"));
    assertEquals(1, ocr.pages());
    for (String word : List.of("WITNESS", "STATEMENT", "red", "car", "noon")) {
      assertTrue(e.text().contains(word), "missing " + word + " in " + e.text());
    }
  }

  @Test
  void missingOcrLanguageQuarantinesWithThePackageToInstall() throws IOException {
    byte[] png = Corpus.png(Corpus.textImage(800, 200, 40, "Guten Tag"));
    Extraction e = extractor.extract(file("de.png", png), OcrOptions.languages("xyz"), EmbeddedSink.DISCARD);
    assertEquals(Optional.of(QuarantineReason.OCR_UNAVAILABLE), e.outcome().reason());
    assertTrue(e.outcome().message().contains("tesseract-ocr-xyz"), e.outcome().message());
  }

  @Test
  void streamsAreExtractedLikeFiles() {
    byte[] bytes = utf8("From a stream: vessel MV Aurora.");
    Extraction e = extractor.extract(new ByteArrayInputStream(bytes), "stream.txt");
    assertTrue(e.text().contains("MV Aurora"));
    assertEquals("stream.txt", e.name());
    assertEquals(ContentHash.of(bytes), e.contentHash());
  }

  /**
   * Small embedded items travel back over the pipe with the result: while the sink receives them, no temporary
   * directory exists for the item. One over the in-memory threshold (1 MiB) is spilled to a file, still delivered
   * whole, and the directory is gone once the call returns.
   */
  @Test
  void smallEmbeddedItemsNeedNoTemporaryFilesLargeOnesAreSpilled() throws IOException {
    Path temp = Files.createDirectories(dir.resolve("worker-temp"));
    byte[] large = new byte[3 * 1024 * 1024 / 2];
    java.util.Random random = new java.util.Random(5);
    for (int i = 0; i < large.length; i++) {
      large[i] = (byte) ('a' + random.nextInt(26));
    }
    byte[] small = utf8("Small note: the courier waits at gate 4.");
    byte[] eml = Corpus.eml("Informant <source7@example.org>", "Two files", "Body of the message.",
        entries("small.txt", small, "bundle.zip", Corpus.zip(entries("inner.txt", utf8("Inner: crate 19.")))));
    byte[] zip = Corpus.zip(entries("small.txt", small, "large.txt", large));
    try (TikaExtractor own = TikaExtractor.builder().workers(1).tempDirectory(temp).noOcr().build()) {
      Map<String, byte[]> received = new HashMap<>();
      List<String> tempDuringSink = new ArrayList<>();
      EmbeddedSink sink = (item, bytes) -> {
        received.put(item.path(), bytes.readAllBytes());
        try (var listing = Files.list(temp)) {
          listing.forEach(p -> tempDuringSink.add(item.path() + " -> " + temp.relativize(p)));
        }
      };
      Extraction mail = own.extract(file("two.eml", eml), OcrOptions.OFF, sink);
      assertTrue(mail.outcome().isIngested(), mail.outcome().toString());
      assertEquals(3, mail.flatten().count() - 1, mail.flatten().map(Extraction::path).toList().toString());
      assertTrue(mail.text().contains("Body of the message"), mail.text());
      assertArrayEquals(small, received.get("two.eml!/small.txt"));
      assertEquals(List.of(), tempDuringSink, "small embedded items create no temporary directory or file");

      received.clear();
      Extraction archive = own.extract(file("mixed.zip", zip), OcrOptions.OFF, sink);
      assertTrue(archive.outcome().isIngested(), archive.outcome().toString());
      assertArrayEquals(small, received.get("mixed.zip!/small.txt"));
      assertArrayEquals(large, received.get("mixed.zip!/large.txt"));
      assertEquals(ContentHash.of(large), child(archive, "large.txt").contentHash());
      assertTrue(tempDuringSink.stream().anyMatch(t -> t.startsWith("mixed.zip!/large.txt -> insight-extract-")),
          "the large item was spilled to the item's work directory: " + tempDuringSink);
      try (var listing = Files.list(temp)) {
        assertEquals(List.of(), listing.toList(), "the work directory is deleted after the call");
      }
    }
  }

  @Test
  void missingFileIsACallerError() {
    ExtractionException x = assertThrows(ExtractionException.class, () -> extractor.extract(dir.resolve("nope.pdf")));
    assertTrue(x.getMessage().contains("nope.pdf"), x.getMessage());
  }

  @Test
  void optionsAreValidated() {
    assertThrows(IllegalArgumentException.class, () -> OcrOptions.languages("english; rm -rf"));
    assertThrows(IllegalArgumentException.class, () -> TikaExtractor.builder().maxDepth(0));
    assertThrows(IllegalArgumentException.class, () -> TikaExtractor.builder().timeout(Duration.ZERO));
    assertEquals("eng+fra", OcrOptions.languages("eng+fra").languages());
  }

  static byte[] concat(byte[]... parts) {
    int n = Arrays.stream(parts).mapToInt(p -> p.length).sum();
    byte[] out = new byte[n];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }
}
