package org.insight.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * The peak of used heap as one sample: a daemon thread reads {@link MemoryMXBean#getHeapMemoryUsage()} every ~20 ms
 * and keeps the largest. Unlike the sum of the pools' own peaks (each reached at a different moment), this is a heap
 * size the process actually had.
 */
final class HeapSampler {

  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final Thread thread;
  private volatile boolean running = true;
  private volatile long peak;

  private HeapSampler() {
    thread = new Thread(() -> {
      while (running) {
        sample();
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "heap-sampler");
    thread.setDaemon(true);
  }

  static HeapSampler start() {
    HeapSampler s = new HeapSampler();
    s.sample();
    s.thread.start();
    return s;
  }

  private void sample() {
    long used = memory.getHeapMemoryUsage().getUsed();
    if (used > peak) {
      peak = used;
    }
  }

  /** Stops sampling; the largest used heap seen, in bytes. */
  long stop() {
    sample();
    running = false;
    thread.interrupt();
    return peak;
  }
}
