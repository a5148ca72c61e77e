package org.insight.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Peak heap in use as the maximum of single samples of {@link MemoryMXBean#getHeapMemoryUsage()} taken every 20 ms by
 * a daemon thread. The sum of the memory pools' own peaks overstates it (each pool peaks at a different moment: eden
 * full just before a young collection, old generation after it), so benchmarks report this instead. A sample can miss
 * a peak shorter than 20 ms; the heap in use just before a collection is what it mostly catches.
 */
public final class PeakHeap implements AutoCloseable {

  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final Thread sampler;
  private volatile long peak;
  private volatile boolean running = true;

  private PeakHeap() {
    sampler = new Thread(() -> {
      while (running) {
        sample();
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "peak-heap");
    sampler.setDaemon(true);
  }

  /** Starts sampling. */
  public static PeakHeap start() {
    PeakHeap p = new PeakHeap();
    p.sample();
    p.sampler.start();
    return p;
  }

  private void sample() {
    long used = memory.getHeapMemoryUsage().getUsed();
    if (used > peak) {
      peak = used;
    }
  }

  /** The largest heap in use sampled since the start or the last {@link #reset}. */
  public long peakBytes() {
    sample();
    return peak;
  }

  /** Starts a new peak from the heap in use now. */
  public void reset() {
    peak = memory.getHeapMemoryUsage().getUsed();
  }

  @Override
  public void close() {
    running = false;
    sampler.interrupt();
  }
}
