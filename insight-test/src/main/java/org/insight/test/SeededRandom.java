package org.insight.test;

import java.util.Random;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * The one seeded source of randomness for example tests: {@code @ExtendWith(SeededRandom.class)} and take a
 * {@link Random} parameter. Each test gets its own seed, {@code -Dinsight.seed=N} when set (to replay a failure),
 * else a fresh one; a failing test prints its seed and the flag that replays it. jqwik properties report their own.
 */
public final class SeededRandom implements ParameterResolver, TestWatcher {
  /** The system property that fixes the seed. */
  public static final String PROPERTY = "insight.seed";

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SeededRandom.class);

  /** Made by JUnit from {@code @ExtendWith(SeededRandom.class)}. */
  public SeededRandom() {}

  /** The seed a run uses: {@code -Dinsight.seed} when set, else a fresh one. */
  public static long seed() {
    Long fixed = Long.getLong(PROPERTY);
    return fixed != null ? fixed : new Random().nextLong();
  }

  /** The message that says how to replay a run with {@code seed}. */
  public static String replay(long seed) {
    return "random seed " + seed + "; replay with -D" + PROPERTY + "=" + seed;
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Random.class;
  }

  @Override
  public Random resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return new Random(context.getStore(NAMESPACE).getOrComputeIfAbsent("seed", k -> seed(), Long.class));
  }

  /** The seed the test used, when it asked for one. */
  static Long seedOf(ExtensionContext context) {
    return context.getStore(NAMESPACE).get("seed", Long.class);
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    Long seed = seedOf(context);
    if (seed != null) {
      // stderr on purpose: the line must reach whoever reads the failure, whatever logging the test run has
      System.err.println(context.getDisplayName() + " failed with " + replay(seed));
    }
  }
}
