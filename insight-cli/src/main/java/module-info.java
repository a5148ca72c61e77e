/** The insight command. */
module org.insight.cli {
  // SessionOptions is public (insight spark mixes it in): its Opened names the workspace and its session
  requires transitive org.insight.workspace;
  requires org.insight.report;
  requires org.insight.examples;
  // MatchCsvOptions is public (insight spark reuses it): its signatures name these modules' types
  requires transitive info.picocli;
  requires transitive org.insight.match;
  requires com.fasterxml.jackson.databind;
  requires org.apache.commons.csv;
  requires me.tongfei.progressbar;

  // picocli reads the commands' annotated fields by reflection
  opens org.insight.cli to info.picocli;
  // Main.run: the command run in-process (the messy link bench runs it as a user types it)
  exports org.insight.cli;
}
