package org.insight.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileEvidenceStoreTest {
  private static final long SEED = Long.getLong("tests.seed", System.nanoTime());

  static {
    System.out.println("FileEvidenceStoreTest seed: -Dtests.seed=" + SEED);
  }

  @TempDir Path dir;

  private static byte[] randomBytes(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  private List<Path> storedFiles() throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).filter(p -> !p.startsWith(dir.resolve("tmp"))).toList();
    }
  }

  private long tmpFiles() throws IOException {
    try (Stream<Path> s = Files.list(dir.resolve("tmp"))) {
      return s.count();
    }
  }

  private static void flipByte(Path file, long at) throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.seek(at);
      int b = f.read();
      f.seek(at);
      f.write(b ^ 0x01);
    }
  }

  @Test
  void roundTripAndLayout() throws IOException {
    FileEvidenceStore store = FileEvidenceStore.open(dir);
    byte[] content = "the original statement of witness 7".getBytes(StandardCharsets.UTF_8);
    ContentHash h = store.put(content);
    assertEquals(ContentHash.of(content), h);
    assertTrue(store.contains(h));
    assertArrayEquals(content, store.read(h));
    assertEquals(content.length, store.size(h));
    try (InputStream in = store.open(h)) {
      assertArrayEquals(content, in.readAllBytes());
    }
    String hex = h.hex();
    assertEquals(List.of(dir.toAbsolutePath().resolve(hex.substring(0, 2)).resolve(hex.substring(2, 4)).resolve(hex)),
        storedFiles());
    assertEquals(0, tmpFiles());
    // the empty content is content too
    ContentHash empty = store.put(new byte[0]);
    assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", empty.hex());
    assertEquals(0, store.read(empty).length);
  }

  @Test
  void unsyncedPutsAreStoredLikeOthersAndSyncedInOnePass() throws IOException {
    FileEvidenceStore store = FileEvidenceStore.open(dir);
    List<ContentHash> hashes = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      byte[] content = ("item " + i).getBytes(StandardCharsets.UTF_8);
      ContentHash h = store.putUnsynced(new java.io.ByteArrayInputStream(content));
      assertEquals(ContentHash.of(content), h);
      assertArrayEquals(content, store.read(h));
      hashes.add(h);
    }
    hashes.add(ContentHash.of(new byte[] {42})); // not stored: ignored
    store.sync(hashes);
    assertEquals(20, storedFiles().size());
    assertEquals(0, tmpFiles());
    // the same bytes again, synced or not, are still stored once
    store.put("item 3".getBytes(StandardCharsets.UTF_8));
    assertEquals(20, storedFiles().size());
  }

  @Test
  void deleteRemovesTheBlobForGoodAndIsIdempotent() {
    FileEvidenceStore store = FileEvidenceStore.open(dir);
    ContentHash h = store.put("to be erased".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    org.junit.jupiter.api.Assertions.assertTrue(store.delete(h));
    org.junit.jupiter.api.Assertions.assertFalse(store.contains(h));
    org.junit.jupiter.api.Assertions.assertFalse(store.delete(h), "nothing left to delete");
    org.junit.jupiter.api.Assertions.assertThrows(StoreException.class, () -> store.read(h));
  }

  @Test
  void sameBytesAreStoredOnce() throws IOException {
    FileEvidenceStore store = FileEvidenceStore.open(dir);
    byte[] content = randomBytes(100_000, SEED);
    ContentHash a = store.put(content);
    ContentHash b = store.put(new java.io.ByteArrayInputStream(content));
    ContentHash c = FileEvidenceStore.open(dir).put(content.clone());
    assertEquals(a, b);
    assertEquals(a, c);
    assertEquals(1, storedFiles().size());
    assertEquals(0, tmpFiles());
  }

  @Test
  void corruptionIsDetectedOnRead() throws IOException {
    FileEvidenceStore store = FileEvidenceStore.open(dir);
    byte[] content = randomBytes(10_000, SEED);
    ContentHash h = store.put(content);
    flipByte(storedFiles().get(0), 5_000);
    EvidenceCorruptedException e = assertThrows(EvidenceCorruptedException.class, () -> store.read(h));
    assertEquals(h, e.expected());
    assertFalse(h.equals(e.actual()));
    assertTrue(e.getMessage().contains(h.hex()) && e.getMessage().contains("restore"), e.getMessage());
    assertTrue(store.contains(h)); // contains does not verify; the size is unchanged too
  }

  @Test
  void corruptionIsDetectedAtTheEndOfAnOpenStream() throws IOException {
    FileEvidenceStore store = FileEvidenceStore.open(dir);
    byte[] content = randomBytes(200_000, SEED);
    ContentHash h = store.put(content);
    flipByte(storedFiles().get(0), 199_999);
    try (InputStream in = store.open(h)) {
      byte[] first = in.readNBytes(100_000); // reading part of it is not an error yet
      assertEquals(100_000, first.length);
      assertEquals(50_000, in.skip(50_000));
      assertThrows(EvidenceCorruptedException.class, in::readAllBytes);
      assertThrows(EvidenceCorruptedException.class, in::read); // and it stays failed
    }
  }

  @Test
  void aDamagedCopyIsRepairedByPuttingTheBytesAgain() throws IOException {
    FileEvidenceStore store = FileEvidenceStore.open(dir);
    byte[] content = randomBytes(1000, SEED);
    ContentHash h = store.put(content);
    Files.write(storedFiles().get(0), new byte[10]); // truncated: the size gives it away
    store.put(content);
    assertArrayEquals(content, store.read(h));
  }

  @Test
  void missingContentSaysWhichAndWhatToCheck() {
    FileEvidenceStore store = FileEvidenceStore.open(dir);
    ContentHash h = ContentHash.of(new byte[] {1, 2, 3});
    assertFalse(store.contains(h));
    for (var call : List.<org.junit.jupiter.api.function.Executable>of(
        () -> store.read(h), () -> store.open(h), () -> store.size(h))) {
      StoreException e = assertThrows(StoreException.class, call);
      assertFalse(e instanceof EvidenceCorruptedException);
      assertTrue(e.getMessage().contains(h.hex()) && e.getMessage().contains("check the hash"), e.getMessage());
    }
  }

  @Test
  void aFailingInputStoresNothing() throws IOException {
    FileEvidenceStore store = FileEvidenceStore.open(dir);
    InputStream failing = new InputStream() {
      int n;

      @Override
      public int read() throws IOException {
        if (n++ > 100_000) {
          throw new IOException("connection reset");
        }
        return 'x';
      }
    };
    StoreException e = assertThrows(StoreException.class, () -> store.put(failing));
    assertTrue(e.getMessage().contains("connection reset") && e.getMessage().contains("nothing was stored"));
    assertEquals(List.of(), storedFiles());
    assertEquals(0, tmpFiles());
  }

  @Test
  void concurrentPutsOfTheSameContentMakeOneFile() throws Exception {
    FileEvidenceStore store = FileEvidenceStore.open(dir);
    byte[] same = randomBytes(1 << 20, SEED);
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<ContentHash>> results = new ArrayList<>();
      for (int i = 0; i < threads * 4; i++) {
        int k = i;
        results.add(pool.submit(() -> {
          start.await();
          // half the puts stream the same bytes, a quarter store distinct content alongside
          return k % 4 == 3 ? store.put(randomBytes(10_000, SEED + k))
              : k % 2 == 0 ? store.put(same) : store.put(new java.io.ByteArrayInputStream(same));
        }));
      }
      start.countDown();
      Set<ContentHash> hashes = new HashSet<>();
      for (Future<ContentHash> f : results) {
        hashes.add(f.get());
      }
      assertEquals(1 + threads, hashes.size());
    } finally {
      pool.shutdownNow();
    }
    assertEquals(1 + threads, storedFiles().size());
    assertArrayEquals(same, store.read(ContentHash.of(same)));
    assertEquals(0, tmpFiles());
  }

  /** 50 MB produced on the fly and hashed as produced: neither side holds it in memory. */
  @Test
  void largeInputIsStreamed() throws Exception {
    long size = 50L * 1024 * 1024;
    MessageDigest expected = MessageDigest.getInstance("SHA-256");
    Random random = new Random(SEED);
    InputStream generated = new InputStream() {
      long left = size;
      final byte[] chunk = new byte[8192];

      @Override
      public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (left == 0) {
          return -1;
        }
        int n = (int) Math.min(Math.min(len, chunk.length), left);
        random.nextBytes(chunk);
        System.arraycopy(chunk, 0, b, off, n);
        expected.update(chunk, 0, n);
        left -= n;
        return n;
      }
    };
    FileEvidenceStore store = FileEvidenceStore.open(dir);
    ContentHash h = store.put(generated);
    assertEquals(HexFormat.of().formatHex(expected.digest()), h.hex());
    assertEquals(size, store.size(h));
    long read = 0;
    byte[] buf = new byte[1 << 16];
    try (InputStream in = store.open(h)) {
      for (int n; (n = in.read(buf)) != -1; ) {
        read += n;
      }
    }
    assertEquals(size, read);
  }

  @Test
  void contentHashParsingAndValidation() {
    String hex = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    assertEquals(new ContentHash(hex), ContentHash.parse("  SHA256:" + hex.toUpperCase(java.util.Locale.ROOT)));
    assertEquals(hex, ContentHash.parse(hex).toString());
    assertThrows(InvalidDataException.class, () -> new ContentHash(hex.toUpperCase(java.util.Locale.ROOT)));
    InvalidDataException e = assertThrows(InvalidDataException.class, () -> ContentHash.parse("abc"));
    assertTrue(e.getMessage().contains("'abc'") && e.getMessage().contains("64 hexadecimal"), e.getMessage());
  }
}
