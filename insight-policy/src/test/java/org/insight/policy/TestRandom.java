package org.insight.policy;

import java.util.Random;

/**
 * The one seeded source of randomness for example tests. The seed comes from the system property
 * {@code insight.test.seed} when set (to replay a failure), else from the clock; it is always printed.
 */
final class TestRandom {
  private TestRandom() {}

  static Random create(String testName) {
    String prop = System.getProperty("insight.test.seed");
    long seed = prop != null ? Long.parseLong(prop) : System.nanoTime();
    System.out.println("[" + testName + "] random seed " + seed + " (replay with -Dinsight.test.seed=" + seed + ")");
    return new Random(seed);
  }
}
