package org.insight.cli;

import java.io.PrintWriter;
import org.insight.InsightException;
import picocli.CommandLine;

/**
 * The {@code insight} command. Exit codes: 0 ok, 1 failure or findings (e.g. a broken audit chain, an id that is
 * not there), 2 usage error. Errors are one line; {@code --debug} adds the stack trace.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line and returns its exit code; used by tests too. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new InsightCommand());
    cli.setOut(out);
    cli.setErr(err);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      boolean debug = parseResult.hasMatchedOption("--debug")
          || (parseResult.subcommand() != null && parseResult.subcommand().hasMatchedOption("--debug"));
      if (debug) {
        e.printStackTrace(commandLine.getErr());
      }
      String message = e instanceof InsightException || e instanceof IllegalArgumentException
          ? e.getMessage()
          : e.getClass().getSimpleName() + ": " + e.getMessage() + " (run with --debug for details)";
      commandLine.getErr().println("insight: " + message);
      return 1;
    });
    cli.setParameterExceptionHandler((e, a) -> {
      e.getCommandLine().getErr().println("insight: " + e.getMessage());
      e.getCommandLine().getErr().println("Try 'insight " + e.getCommandLine().getCommandName() + " --help'.");
      return 2;
    });
    return cli.execute(args);
  }
}
