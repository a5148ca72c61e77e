package org.insight.cli;

import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Progress on a terminal: one bar per stage with the count, the rate and the time left (me.tongfei progressbar). */
final class ProgressBars implements ProgressDisplay {
  private final PrintStream terminal;
  private String stage;
  private ProgressBar bar;

  ProgressBars(PrintStream terminal) {
    this.terminal = terminal;
  }

  @Override
  public synchronized void progress(String stage, long done, long total) {
    if (!stage.equals(this.stage)) {
      close();
      this.stage = stage;
      bar = new ProgressBarBuilder().setTaskName(stage).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
          .showSpeed().setUpdateIntervalMillis(250).setConsumer(new ConsoleProgressBarConsumer(terminal)).build();
    }
    bar.maxHint(total);
    bar.stepTo(done);
  }

  @Override
  public synchronized void close() {
    if (bar != null) {
      bar.close(); // draws the last state: the count it ended at, not an erased line
      bar = null;
      stage = null;
    }
  }
}
