package org.insight.cli;

import picocli.CommandLine.Command;

/** The root command: lists the sub-commands. */
@Command(
    name = "insight",
    mixinStandardHelpOptions = true,
    version = "INSIGHT SDK 0.1.0-SNAPSHOT",
    description = "Criminal-intelligence analysis over a workspace, honouring every access label.",
    subcommands = {
        DemoCommand.class,
        CaseCommand.class,
        ReleaseCommand.class,
        ProfileCommand.class,
        SubjectReportCommand.class,
        EntityCommand.class,
        EntitiesCommand.class,
        CountCommand.class,
        SearchCommand.class,
        SuggestCommand.class,
        MatchCommand.class,
        GeoCommand.class,
        GraphCommand.class,
        TrendsCommand.class,
        ReportCommand.class,
        RecordsCommand.class,
        ScreenCommand.class,
        FlagsCommand.class,
        EraseCommand.class,
        RetentionCommand.class,
        NlpCommand.class,
        EnrichCommand.class,
        DocumentCommand.class,
        AddCommand.class,
        IngestCommand.class,
        WatchCommand.class,
        AlertsCommand.class,
        ExportCommand.class,
        AuditCommand.class,
        LabelCommand.class,
        ExtractCommand.class,
        OcrCommand.class,
        picocli.CommandLine.HelpCommand.class
    })
final class InsightCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
