package org.insight.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code insight trends}: series, alarms, comparisons and new co-occurrences of events. */
@Command(name = "trends", mixinStandardHelpOptions = true,
    description = {"Trends of the events a session may see (--type TYPE --by PROPERTY), or of a CSV file (--events FILE"
        + " --time COL --category COL): counts per category and day/week/month with a seasonal expectation, alarms"
        + " when recent counts break from their history, period comparisons and new co-occurrences.",
        "Method and statistics: docs/trends.md."},
    subcommands = {TrendsSeriesCommand.class, TrendsAlarmsCommand.class, TrendsCompareCommand.class,
        TrendsNewCommand.class})
final class TrendsCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
