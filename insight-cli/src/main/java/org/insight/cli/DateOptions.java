package org.insight.cli;

import org.insight.core.DateParser;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** How a source writes its dates: {@code --date-order} and {@code --date-pivot}, for the commands that read CSV files. */
final class DateOptions {
  @Option(names = "--date-order", paramLabel = "dmy|mdy|ymd",
      description = {"The order of day and month in all-numeric dates whose year is not first: dmy (14/03/1975, the"
          + " default), mdy (03/14/1975) or ymd (75/03/14). A date that only reads the other way is reported, never"
          + " swapped. ISO (1975-03-14, 19750314, 197503, 1975-W11-5, 1975-073) and month names are read whatever"
          + " the order."})
  String order;

  @Option(names = "--date-pivot", paramLabel = "YEAR",
      description = "Read two-digit years into the hundred years from YEAR (1930: 30-99 are 1930-1999, 00-29 are"
          + " 2000-2029). Without it a two-digit year is reported.")
  Integer pivot;

  /** The parser these options describe; a usage error (exit 2) for a bad order or pivot. */
  DateParser parser(CommandSpec spec) {
    DateParser.Builder b = DateParser.builder();
    try {
      if (order != null) {
        b.order(DateParser.Order.forId(order));
      }
      if (pivot != null) {
        b.pivot(pivot);
      }
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    return b.build();
  }
}
