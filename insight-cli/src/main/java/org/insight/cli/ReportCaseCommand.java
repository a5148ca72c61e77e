package org.insight.cli;

import java.util.concurrent.Callable;
import org.insight.report.Reports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code insight report case CASE_ID --out FILE.html}: a digest of a case as the session may see it. */
@Command(name = "case", mixinStandardHelpOptions = true,
    description = "A case digest: its members, what it concerns, notes and annotations, tasks and history — only"
        + " what this session may see of the case, each item with its label.")
final class ReportCaseCommand implements Callable<Integer> {
  @Mixin SessionOptions session;
  @Mixin ReportOutputOptions output;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "CASE_ID", description = "The case (insight case list shows them).")
  String caseId;

  @Override
  public Integer call() {
    try (SessionOptions.Opened opened = session.read()) {
      return output.write(Reports.of(opened.session()).caseDigest(caseId), session.json, spec.commandLine().getOut());
    }
  }
}
