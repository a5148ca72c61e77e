package org.insight.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import org.insight.trends.CsvEvents;
import org.insight.trends.Granularity;
import org.insight.trends.TrendAnalysis;
import org.insight.trends.TrendData;
import org.insight.trends.TrendReport;
import org.insight.workspace.Session;
import org.insight.workspace.TrendSource;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * What every {@code insight trends} command reads and how it counts: a workspace's events ({@code --type},
 * {@code --by}) as the session may see them, or a CSV file ({@code --events FILE --time COL --category COL}), by
 * {@code --granularity} from {@code --from} to {@code --to}.
 */
final class TrendsOptions {
  @Option(names = "--events", paramLabel = "FILE", description = "Read events from this CSV/TSV file instead of a"
      + " workspace (needs --time and --category).")
  Path file;

  @Option(names = "--time", paramLabel = "COL", description = "With --events: the column of each event's day or"
      + " time (2026-03-14, 14/03/2026, 2026-03-14T10:22:05Z).")
  String timeColumn;

  @Option(names = "--category", paramLabel = "COL", description = "With --events: the column of each event's"
      + " category.")
  String categoryColumn;

  @Option(names = "--type", paramLabel = "TYPE", defaultValue = "Event", description = "In a workspace: the entity"
      + " type to count, sub-types included, or 'documents' for documents (default: ${DEFAULT-VALUE}).")
  String type;

  @Option(names = "--by", paramLabel = "PROPERTY", defaultValue = "dataset", description = "In a workspace: the"
      + " category: 'dataset', 'type', or a property (country, callType, ...) (default: ${DEFAULT-VALUE}).")
  String by;

  @Option(names = "--time-property", paramLabel = "PROPERTY", description = "In a workspace: the property that dates"
      + " an event (default: the first of startTime, date, startDate it has; documents: created, date).")
  String timeProperty;

  @Option(names = "--granularity", paramLabel = "day|week|month", defaultValue = "week",
      description = "The length of a period (default: ${DEFAULT-VALUE}; weeks start on Monday).")
  String granularity;

  @Option(names = "--from", paramLabel = "DAY", description = "The first day counted (default: the first event's).")
  LocalDate from;

  @Option(names = "--to", paramLabel = "DAY", description = "The last day counted (default: the last event's).")
  LocalDate to;

  @Option(names = "--monitor", paramLabel = "N", description = "Watch the last N periods for alarms (default: 28"
      + " days, 8 weeks or 3 months).")
  Integer monitor;

  @Option(names = "--alpha", paramLabel = "P", defaultValue = "0.05", description = "The significance level of"
      + " alarms after the Benjamini–Hochberg correction, and 1 - the comparisons' confidence (default:"
      + " ${DEFAULT-VALUE}).")
  double alpha;

  @Mixin ProgressOptions progress;

  /** The analysis these options describe, for the command to add its own options to. */
  TrendAnalysis.Builder builder(CommandSpec spec) {
    TrendAnalysis.Builder b = TrendAnalysis.builder().granularity(granularity(spec));
    if (from != null) {
      b.from(from);
    }
    if (to != null) {
      b.to(to);
    }
    if (from != null && to != null && to.isBefore(from)) {
      throw new ParameterException(spec.commandLine(), "--to " + to + " is before --from " + from + "; swap them");
    }
    if (monitor != null) {
      Arguments.parse(spec, "--monitor", () -> b.monitor(monitor));
    }
    Arguments.parse(spec, "--alpha", () -> b.alpha(alpha));
    return b;
  }

  private Granularity granularity(CommandSpec spec) {
    try {
      return Granularity.valueOf(granularity.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--granularity " + granularity + ": use day, week or month");
    }
  }

  /**
   * Runs {@code analysis} on the file or the workspace; {@code valueColumn} (the value searched for new
   * co-occurrences) may be null. The file's bad rows are reported on stderr as well as in the report's notes.
   */
  TrendReport run(CommandSpec spec, SessionOptions session, TrendAnalysis analysis, String valueColumn) {
    if (file == null) {
      requireFileForColumns(spec);
      try (SessionOptions.Opened opened = session.read()) {
        return run(spec, opened.session(), analysis, valueColumn);
      }
    }
    return run(spec, (Session) null, analysis, valueColumn);
  }

  /** Refuses --time/--category without --events before anything is opened. */
  private void requireFileForColumns(CommandSpec spec) {
    if (timeColumn != null || categoryColumn != null) {
      throw new ParameterException(spec.commandLine(), "--time and --category name the columns of an --events"
          + " file; give --events FILE too, or use --type and --by to count a workspace's events");
    }
  }

  /**
   * {@link #run(CommandSpec, SessionOptions, TrendAnalysis, String)} in a session already open (for a command that
   * goes on using it); the session is not read when the events come from a file.
   */
  TrendReport run(CommandSpec spec, Session session, TrendAnalysis analysis, String valueColumn) {
    if (file == null) {
      requireFileForColumns(spec);
      TrendSource source = TrendSource.of(type, by);
      source = timeProperty == null ? source : source.time(timeProperty);
      source = valueColumn == null ? source : source.value(valueColumn);
      TrendSource chosen = source;
      return Arguments.parse(spec, "--type", () -> session.trends().analyse(chosen, analysis));
    }
    if (timeColumn == null || categoryColumn == null) {
      throw new ParameterException(spec.commandLine(), "--events needs --time COL and --category COL (the columns"
          + " that hold each event's day and its category)");
    }
    TrendData data;
    try (ProgressDisplay display = progress.start(spec)) {
      data = Arguments.parse(spec, "--events", () -> CsvEvents.read(file, timeColumn, categoryColumn, valueColumn,
          display));
    }
    PrintWriter err = spec.commandLine().getErr();
    data.notes().forEach(n -> err.println("insight: " + n));
    return analysis.analyse(data);
  }
}
