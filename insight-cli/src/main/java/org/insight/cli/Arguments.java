package org.insight.cli;

import java.util.function.Supplier;
import org.insight.InsightException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Turns a value the library refuses into a usage error (exit 2) that names the option it came from. */
final class Arguments {
  private Arguments() {}

  static <T> T parse(CommandSpec spec, String option, Supplier<T> parser) {
    try {
      return parser.get();
    } catch (InsightException | IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), option + ": " + e.getMessage());
    }
  }
}
