package org.insight.test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.insight.core.ContentHash;
import org.insight.core.EvidenceStore;
import org.insight.core.StoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link EvidenceStore} promises: content addressed by its SHA-256, stored once, read back verified, an
 * unknown address a {@link StoreException}, durable once {@code put} returns (a reopened store has it), thread-safe.
 * An implementation's test extends this and says how to open the store in a directory.
 */
@ExtendWith(SeededRandom.class)
public abstract class EvidenceStoreContract {
  protected EvidenceStoreContract() {}

  /** The directory the store under test lives in. */
  @TempDir protected Path directory;

  /** Opens (or reopens) the store kept in {@code dir}. */
  protected abstract EvidenceStore open(Path dir);

  private static byte[] bytes(Random random, int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }

  @Test
  void contentIsAddressedByItsHashAndReadsBackVerified(Random random) throws Exception {
    EvidenceStore store = open(directory);
    for (int n : new int[] {0, 1, 4096, 300_000}) {
      byte[] b = bytes(random, n);
      ContentHash h = store.put(b);
      assertEquals(ContentHash.of(b), h);
      assertTrue(store.contains(h));
      assertEquals(n, store.size(h));
      assertArrayEquals(b, store.read(h));
      try (InputStream in = store.open(h)) {
        assertArrayEquals(b, in.readAllBytes());
      }
    }
  }

  @Test
  void aStreamAndAnArrayOfTheSameBytesAreOneContent(Random random) {
    EvidenceStore store = open(directory);
    byte[] b = bytes(random, 70_000);
    ContentHash fromArray = store.put(b);
    assertEquals(fromArray, store.put(new ByteArrayInputStream(b)));
    assertEquals(fromArray, store.put(b.clone()));
    assertArrayEquals(b, store.read(fromArray));
  }

  @Test
  void anUnknownAddressIsAStoreException(Random random) {
    EvidenceStore store = open(directory);
    ContentHash missing = ContentHash.of(bytes(random, 32));
    assertFalse(store.contains(missing));
    assertThrows(StoreException.class, () -> store.read(missing));
    assertThrows(StoreException.class, () -> store.size(missing));
    assertThrows(StoreException.class, () -> store.open(missing).close());
  }

  @Test
  void whatPutReturnedIsThereAfterReopening(Random random) {
    byte[] b = bytes(random, 10_000);
    ContentHash h = open(directory).put(b);
    EvidenceStore again = open(directory);
    assertTrue(again.contains(h));
    assertArrayEquals(b, again.read(h));
  }

  @Test
  void concurrentPutsOfOneContentAgree(Random random) throws Exception {
    EvidenceStore store = open(directory);
    byte[] b = bytes(random, 200_000);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<ContentHash>> puts = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        puts.add(pool.submit(() -> store.put(b.clone())));
      }
      for (Future<ContentHash> f : puts) {
        assertEquals(ContentHash.of(b), f.get());
      }
    } finally {
      pool.shutdownNow();
    }
    assertArrayEquals(b, store.read(ContentHash.of(b)));
  }
}
