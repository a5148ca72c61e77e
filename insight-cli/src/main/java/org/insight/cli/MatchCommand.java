package org.insight.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "match", mixinStandardHelpOptions = true,
    description = {"Record linkage: de-duplicate or link CSV files (pairs.csv, clusters.csv), or resolve the Person"
        + " entities of a workspace, judge pairs and review merge/split events."},
    subcommands = {MatchDedupeCommand.class, MatchLinkCommand.class, MatchJudgeCommand.class,
        MatchResolveCommand.class, MatchEventsCommand.class, MatchUndoCommand.class, MatchShowCommand.class})
final class MatchCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
