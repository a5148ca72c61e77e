package org.insight.cli;

import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The {@code --progress} option of the commands that run long jobs, and the display it picks. */
final class ProgressOptions {
  /** How often the plain line is printed when standard error is not a terminal. */
  static final Duration EVERY = Duration.ofSeconds(5);

  @Option(names = "--progress", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Show progress on standard error: a bar with count, rate and time left on a terminal, otherwise a"
          + " line every 5 s (default: on; --no-progress for none).")
  boolean progress = true;

  /** The display for one run; close it when the job ends. */
  ProgressDisplay start(CommandSpec spec) {
    if (!progress) {
      return ProgressDisplay.NONE;
    }
    // Java 17 has a console only when standard input and output are terminals: the best sign of a person watching
    return System.console() != null ? new ProgressBars(System.err)
        : new ProgressLines(spec.commandLine().getErr(), EVERY, System::nanoTime);
  }
}
