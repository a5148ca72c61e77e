package org.insight.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "graph", mixinStandardHelpOptions = true,
    description = {"Network analysis of what this session may see: entities joined by their links, the identifiers"
        + " they share, the documents that mention them together and resolution's same-as links."},
    subcommands = {GraphPathsCommand.class, GraphNeighboursCommand.class, GraphCommunitiesCommand.class,
        GraphBrokersCommand.class, GraphSharedCommand.class, GraphExportCommand.class,
        GraphMetricsCommand.class, GraphPredictCommand.class, GraphChangesCommand.class})
final class GraphCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
