package org.insight.spark.cli;

import picocli.CommandLine;

/**
 * {@code insight spark …}: the launcher runs this class (with Spark, the CLI and this module on the class path and
 * Spark's {@code --add-opens}) for the {@code spark} commands only, so no other command needs Spark.
 */
public final class SparkMain {

  private SparkMain() {}

  /** Runs {@code insight spark ARGS} (the launcher drops the word {@code spark}); exits 0 ok, 1 failed, 2 usage. */
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command and returns its exit code. */
  public static int run(String... args) {
    return new CommandLine(new SparkCommand()).setExecutionExceptionHandler((e, cmd, parsed) -> {
      cmd.getErr().println("insight spark: " + e.getMessage());
      return 1;
    }).execute(args);
  }
}
