package org.insight.match.internal;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The elapsed time and heap of a linkage run's phases, at debug level on the {@code org.insight.match.Linker} logger
 * (for benchmarks: with slf4j-simple, {@code -Dorg.slf4j.simpleLogger.log.org.insight.match.Linker=debug}).
 */
public final class PhaseLog {
  private static final Logger LOG = LoggerFactory.getLogger("org.insight.match.Linker");

  private PhaseLog() {}

  /** Logs that {@code phase} is done, with the seconds since {@code t0} (a {@link System#nanoTime()}). */
  public static void done(String phase, long t0) {
    if (LOG.isDebugEnabled()) {
      Runtime rt = Runtime.getRuntime();
      LOG.debug(String.format(Locale.ROOT, "[link] %s done at %.1f s, heap in use %,d MB", phase,
          (System.nanoTime() - t0) / 1e9, (rt.totalMemory() - rt.freeMemory()) >> 20));
    }
  }
}
