package org.insight.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.insight.match.internal.Blocker;
import org.junit.jupiter.api.Test;

/** A run's result does not depend on its thread count, and streamed blocking gives exactly the pairs of key maps. */
class LinkerParallelTest {

  @Test
  void oneAndTwoThreadsGiveTheSameDedupe() {
    List<MatchRecord> records = Persons.generator(99L).generate(3_000, 0.3).records();
    LinkResult one = Linker.builder().threads(1).build().dedupe(records);
    LinkResult two = Linker.builder().threads(2).build().dedupe(records);
    assertSame(one, two);
    assertTrue(one.pairs().size() > 100, "pairs " + one.pairs().size());
  }

  @Test
  void oneAndThreeThreadsGiveTheSameLink() {
    List<MatchRecord> records = Persons.generator(5L).generate(3_000, 0.3).records();
    List<MatchRecord> left = records.subList(0, 1_500);
    List<MatchRecord> right = records.subList(1_500, 3_000);
    LinkResult one = Linker.builder().threads(1).build().link(left, right);
    LinkResult three = Linker.builder().threads(3).build().link(left, right);
    assertSame(one, three);
  }

  private static void assertSame(LinkResult a, LinkResult b) {
    assertEquals(a.blocking(), b.blocking());
    assertEquals(a.parameters(), b.parameters());
    assertEquals(a.clusters(), b.clusters());
    assertEquals(a.pairs().size(), b.pairs().size());
    for (int q = 0; q < a.pairs().size(); q++) {
      MatchPair x = a.pairs().get(q);
      MatchPair y = b.pairs().get(q);
      assertEquals(x.leftId() + "|" + x.rightId(), y.leftId() + "|" + y.rightId());
      assertEquals(Double.doubleToLongBits(x.weight()), Double.doubleToLongBits(y.weight()));
      assertEquals(Double.doubleToLongBits(x.probability()), Double.doubleToLongBits(y.probability()));
    }
  }

  @Test
  void blockingGivesEachPairOfSharedKeysOnce() {
    List<MatchRecord> records = Persons.generator(11L).generate(1_500, 0.3).records();
    List<Comparison> comparisons = Comparison.personDefaults();
    for (int split : new int[] {-1, 700}) {
      for (int max : new int[] {3, 500}) {
        // the reference: blocks as string-keyed lists, pairs in a set
        Map<String, List<Integer>> blocks = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
          for (String k : Blocker.keys(records.get(i), comparisons)) {
            blocks.computeIfAbsent(k, x -> new ArrayList<>()).add(i);
          }
        }
        long n = records.size();
        Set<Long> expected = new TreeSet<>();
        int skipped = 0;
        for (List<Integer> block : blocks.values()) {
          if (block.size() > max) {
            skipped++;
            continue;
          }
          for (int a = 0; a < block.size(); a++) {
            for (int b = a + 1; b < block.size(); b++) {
              int i = block.get(a);
              int j = block.get(b);
              if (split < 0 || (i < split) != (j < split)) {
                expected.add(Math.min(i, j) * n + Math.max(i, j));
              }
            }
          }
        }
        Blocker.Result got = Blocker.block(records, comparisons, max, split);
        List<Long> actual = new ArrayList<>();
        for (long p : got.pairs()) {
          actual.add(p);
        }
        assertEquals(new ArrayList<>(expected), actual, "split " + split + " max " + max);
        assertEquals(blocks.size(), got.stats().keys());
        assertEquals(skipped, got.stats().skippedBlocks());
        assertTrue(max > 3 || skipped > 0, "the small maximum skips blocks");
      }
    }
  }
}
