package org.insight.cli;

import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.insight.report.Reports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code insight alerts digest --day D --out FILE.html}: your alerts of one day as an HTML product. */
@Command(name = "digest", mixinStandardHelpOptions = true,
    description = {"Your daily digest: the alerts your standing queries raised on one day (UTC) that you may still"
        + " see, by standing query, as one self-contained HTML file labelled with the conjunction of their labels.",
        "Example: insight alerts digest --day 2026-06-01 --out digest.html --auths FR"})
final class AlertsDigestCommand implements Callable<Integer> {
  @Mixin SessionOptions session;
  @Mixin ReportOutputOptions output;
  @Spec CommandSpec spec;

  @Option(names = "--day", paramLabel = "DATE", required = true, description = "The day (2026-06-01), in UTC.")
  String day;

  @Override
  public Integer call() {
    LocalDate d = Arguments.parse(spec, "--day", () -> LocalDate.parse(day));
    try (SessionOptions.Opened opened = session.read()) {
      return output.write(Reports.of(opened.session()).alertDigest(d), session.json, spec.commandLine().getOut());
    }
  }
}
