package org.insight.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress for a standard error that is not a terminal (a log, a CI job): a plain line every few seconds with the
 * count, the rate and the time left, and a last line per stage when it ends. A job shorter than the interval prints
 * nothing.
 */
final class ProgressLines implements ProgressDisplay {
  private final PrintWriter err;
  private final long everyNanos;
  private final LongSupplier clock;
  private String stage;
  private long lastReport; // a new stage starts where the last one (or the job) was: its first report may be late
  private long started;
  private long lastLine;
  private long done;
  private long total;
  private boolean shown;

  ProgressLines(PrintWriter err, Duration every, LongSupplier nanoClock) {
    this.err = err;
    this.everyNanos = every.toNanos();
    this.clock = nanoClock;
    this.lastReport = nanoClock.getAsLong();
  }

  @Override
  public synchronized void progress(String stage, long done, long total) {
    long now = clock.getAsLong();
    if (!stage.equals(this.stage)) {
      end(now);
      this.stage = stage;
      started = lastReport;
      lastLine = lastReport;
      shown = false;
    }
    lastReport = now;
    this.done = done;
    this.total = total;
    if (now - lastLine >= everyNanos) {
      lastLine = now;
      shown = true;
      err.println(line(now));
      err.flush();
    }
  }

  /** {@code insight: ingest 137/200 (68%), 9.1/s, 7 s left}; without a known total, the count and rate only. */
  String line(long now) {
    double seconds = Math.max(1e-9, (now - started) / 1e9);
    double rate = done / seconds;
    StringBuilder b = new StringBuilder("insight: ").append(stage).append(' ').append(done);
    if (total >= 0) {
      b.append('/').append(total)
          .append(String.format(Locale.ROOT, " (%d%%)", total == 0 ? 100 : Math.round(100.0 * done / total)));
    }
    b.append(", ").append(rate(rate));
    // the first items include start-up (worker processes, models), so an earlier estimate would only mislead
    if (total >= 0 && done < total && rate > 0 && done * 20 >= total) {
      b.append(", ").append(duration((total - done) / rate)).append(" left");
    }
    return b.toString();
  }

  /** The last line of a stage that showed any: how many, how long, how fast. */
  private void end(long now) {
    if (stage != null && shown) {
      double seconds = (now - started) / 1e9;
      err.println(String.format(Locale.ROOT, "insight: %s %d%s done in %s, %s", stage, done,
          total >= 0 ? "/" + total : "", duration(seconds), rate(done / Math.max(1e-9, seconds))));
      err.flush();
    }
  }

  static String rate(double perSecond) {
    return String.format(Locale.ROOT, perSecond < 1 ? "%.2f/s" : "%.1f/s", perSecond);
  }

  static String duration(double seconds) {
    long s = Math.round(seconds);
    return s < 60 ? s + " s" : s < 3600 ? String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60)
        : String.format(Locale.ROOT, "%d h %02d min", s / 3600, s % 3600 / 60);
  }

  @Override
  public synchronized void close() {
    end(clock.getAsLong());
    stage = null;
  }
}
