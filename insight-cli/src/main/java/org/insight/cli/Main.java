package org.insight.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.Arrays;
import org.insight.InsightException;
import org.insight.core.json.ModelJson;
import org.insight.policy.LabelSyntaxException;
import org.insight.search.QuerySyntaxException;
import org.insight.workspace.NoSuchWorkspaceException;
import picocli.CommandLine;

/**
 * The {@code insight} command. Exit codes: 0 ok; 1 failed or found problems (a broken audit chain, an id that is not
 * there, a quarantined file); 2 usage error (an unknown option, a bad argument, query or label, a path with no
 * workspace). Errors are one line on standard error — with {@code --json}, one JSON object
 * {@code {"format":1,"error":"…","exit":N}} —; {@code --debug} adds the stack trace.
 */
public final class Main {
  static final int OK = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;

  private Main() {}

  public static void main(String[] args) {
    // the console's own encoding, named: a terminal shows what its platform charset encodes
    System.exit(run(args, console(System.out), console(System.err)));
  }

  private static PrintWriter console(java.io.PrintStream stream) {
    return new PrintWriter(new OutputStreamWriter(stream, Charset.defaultCharset()), true);
  }

  /** Runs the command line and returns its exit code; used by tests too. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    // read from the raw arguments so that even an error in parsing them is reported as JSON
    boolean json = Arrays.asList(args).contains("--json");
    CommandLine cli = new CommandLine(new InsightCommand());
    cli.setOut(out);
    cli.setErr(err);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      if (Arrays.asList(args).contains("--debug")) {
        e.printStackTrace(commandLine.getErr());
      }
      int exit = e instanceof CommandFailure f ? f.exit() : isUsage(e) ? USAGE : FAILED;
      String message = e instanceof InsightException || e instanceof IllegalArgumentException
          || e instanceof CommandFailure
          ? e.getMessage()
          : e.getClass().getSimpleName() + ": " + e.getMessage() + " (run with --debug for details)";
      return error(commandLine.getErr(), json, message, exit);
    });
    cli.setParameterExceptionHandler((e, a) -> {
      if (json) {
        return error(e.getCommandLine().getErr(), true, e.getMessage(), USAGE);
      }
      e.getCommandLine().getErr().println("insight: " + e.getMessage());
      e.getCommandLine().getErr().println("Try 'insight " + e.getCommandLine().getCommandName() + " --help'.");
      return USAGE;
    });
    return cli.execute(args);
  }

  /** What the person running the command got wrong, as opposed to what failed while it ran. */
  private static boolean isUsage(Exception e) {
    return e instanceof IllegalArgumentException || e instanceof QuerySyntaxException
        || e instanceof LabelSyntaxException || e instanceof NoSuchWorkspaceException;
  }

  /** Prints one error, as a line or as JSON, and returns its exit code. */
  static int error(PrintWriter err, boolean json, String message, int exit) {
    if (json) {
      var n = Render.versioned();
      n.put("error", message);
      n.put("exit", exit);
      err.println(ModelJson.write(n));
    } else {
      err.println("insight: " + message);
    }
    err.flush();
    return exit;
  }
}
