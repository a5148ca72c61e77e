package org.insight.ingest.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The spool gives back exactly the bytes written, in memory only within the item and budget bounds. */
class SpoolProperties {

  @Property(tries = 60)
  void spoolKeepsTheBytesAndSpillsOnlyBeyondItsBounds(@ForAll @IntRange(min = 0, max = 3 * Spool.ITEM_MAX / 2) int size,
      @ForAll @IntRange(min = 1, max = 200_000) int chunk, @ForAll @IntRange(min = 0, max = 2 * Spool.ITEM_MAX) int left,
      @ForAll long seed) throws IOException {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    Path work = Files.createTempDirectory("spool-test").resolve("work");
    Spool.Budget budget = new Spool.Budget();
    budget.left = left;
    Spool.Bytes kept;
    try (Spool spool = new Spool(budget, work, "e1.bin")) {
      for (int off = 0; off < size; off += chunk) {
        spool.write(bytes, off, Math.min(chunk, size - off));
      }
      kept = spool.finish();
    }
    boolean fits = size <= Spool.ITEM_MAX && size <= left;
    assertEquals(fits, kept.inMemory(), "in memory iff it fits the item maximum and the budget");
    assertEquals(fits, !Files.exists(work), "the work directory exists only after a spill");
    try (var in = kept.stream()) {
      assertArrayEquals(bytes, in.readAllBytes());
    }
    assertEquals(fits ? left - size : left, budget.left, "only bytes held in memory use the budget");
    kept.delete();
    if (Files.exists(work)) {
      Files.delete(work);
    }
    Files.delete(work.getParent());
  }
}
