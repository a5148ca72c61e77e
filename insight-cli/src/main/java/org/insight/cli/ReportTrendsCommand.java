package org.insight.cli;

import java.util.concurrent.Callable;
import org.insight.report.Reports;
import org.insight.trends.DateRange;
import org.insight.trends.TrendAnalysis;
import org.insight.trends.TrendReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code insight report trends --out FILE.html}: a dashboard of a trends analysis — every series with its expected
 * band, the alarms, a period comparison when {@code --after} is given — of a workspace's visible events or of an
 * {@code --events} CSV file, with the same options as {@code insight trends}.
 */
@Command(name = "trends", mixinStandardHelpOptions = true,
    description = "A trends dashboard: each category's series against what its history expected, the alarms"
        + " (upper CUSUM, Benjamini–Hochberg) and, with --after, a period comparison; of the workspace's visible"
        + " events or of an --events CSV file.")
final class ReportTrendsCommand implements Callable<Integer> {
  @Mixin SessionOptions session;
  @Mixin TrendsOptions trends;
  @Mixin ReportOutputOptions output;
  @Spec CommandSpec spec;

  @Option(names = "--after", paramLabel = "FROM..TO", description = "Also compare this range (e.g."
      + " 2026-04-01..2026-06-30) with --before.")
  String after;

  @Option(names = "--before", paramLabel = "FROM..TO", description = "The range --after is compared with (default:"
      + " the same days a year earlier).")
  String before;

  @Override
  public Integer call() {
    TrendAnalysis.Builder b = trends.builder(spec);
    if (after != null) {
      DateRange a = Arguments.parse(spec, "--after", () -> DateRange.parse(after));
      DateRange p = before == null ? a.yearBefore() : Arguments.parse(spec, "--before", () -> DateRange.parse(before));
      b.compare(p, a);
    } else if (before != null) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--before needs --after (the range to"
          + " compare it with)");
    }
    TrendAnalysis analysis = b.build();
    try (SessionOptions.Opened opened = session.read()) {
      TrendReport report = trends.run(spec, opened.session(), analysis, null);
      return output.write(Reports.of(opened.session()).trends(report), session.json, spec.commandLine().getOut());
    }
  }
}
