package org.insight.spark.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The candidate job's primitive block table groups entries as a map of lists would: every block of 2 to the maximum
 * entries, each in arrival order, and no block that passed the maximum (also past the table's growth and with keys
 * that collide in its slots).
 */
class BlocksProperties {

  @Property(tries = 200)
  void groupsAsAMapOfListsWould(@ForAll long seed, @ForAll @IntRange(min = 1, max = 6000) int entries,
      @ForAll @IntRange(min = 2, max = 8) int max) {
    Random r = new Random(seed);
    int distinct = 1 + r.nextInt(3000);
    Candidates.Blocks blocks = new Candidates.Blocks(max);
    Map<Long, List<String>> reference = new LinkedHashMap<>();
    for (int i = 0; i < entries; i++) {
      // keys 1,024 apart share a slot in a small table; a few are negative
      long key = (r.nextInt(distinct) * (r.nextBoolean() ? 1024L : 1L)) * (r.nextInt(10) == 0 ? -1 : 1);
      int side = r.nextInt(2);
      String id = "r" + r.nextInt(entries);
      blocks.add(key, side, id);
      reference.computeIfAbsent(key, k -> new ArrayList<>()).add(side + ":" + id);
    }
    Map<String, Integer> expected = new HashMap<>();
    reference.values().stream().filter(b -> b.size() >= 2 && b.size() <= max)
        .forEach(b -> expected.merge(String.join(",", b), 1, Integer::sum));
    Map<String, Integer> actual = new HashMap<>();
    blocks.forEachUsable((sides, ids, size) -> {
      List<String> b = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        b.add(sides[i] + ":" + ids[i]);
      }
      actual.merge(String.join(",", b), 1, Integer::sum);
    });
    assertEquals(expected, actual);
  }
}
