package org.insight.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "report", mixinStandardHelpOptions = true,
    description = {"Analytical products of what this session may see, each one self-contained offline HTML file"
        + " labelled at top and bottom with the conjunction of the labels of everything in it (and its audit id):"
        + " a subject profile, a network chart, a map. (A trends dashboard is in the Reports API; its command waits"
        + " for the trends analysis.)"},
    subcommands = {ReportProfileCommand.class, ReportNetworkCommand.class, ReportMapCommand.class,
        ReportTrendsCommand.class, ReportCaseCommand.class})
final class ReportCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
