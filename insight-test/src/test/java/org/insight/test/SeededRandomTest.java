package org.insight.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SeededRandom.class)
class SeededRandomTest {
  @Test
  void aTestsRandomIsTheOneItsSeedGives(Random random) {
    long first = random.nextLong();
    // the seed is not visible to the test, but a fixed -Dinsight.seed must replay the same sequence
    Long fixed = Long.getLong(SeededRandom.PROPERTY);
    if (fixed != null) {
      assertEquals(new Random(fixed).nextLong(), first);
    }
  }

  @Test
  void theSeedComesFromThePropertyWhenSet() {
    String old = System.getProperty(SeededRandom.PROPERTY);
    try {
      System.setProperty(SeededRandom.PROPERTY, "42");
      assertEquals(42L, SeededRandom.seed());
    } finally {
      if (old == null) {
        System.clearProperty(SeededRandom.PROPERTY);
      } else {
        System.setProperty(SeededRandom.PROPERTY, old);
      }
    }
  }

  @Test
  void theReplayMessageNamesTheFlag() {
    assertTrue(SeededRandom.replay(7).endsWith("-Dinsight.seed=7"), SeededRandom.replay(7));
  }
}
