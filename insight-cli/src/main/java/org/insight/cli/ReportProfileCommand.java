package org.insight.cli;

import java.util.concurrent.Callable;
import org.insight.core.EntityId;
import org.insight.report.Reports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code insight report profile ID --out FILE.html}: everything this session may see about one entity. */
@Command(name = "profile", mixinStandardHelpOptions = true,
    description = "A subject profile: statements by property with provenance and grading, linked documents, flags,"
        + " same-as cluster, the network around it, a map of its places and events, a timeline.")
final class ReportProfileCommand implements Callable<Integer> {
  @Mixin SessionOptions session;
  @Mixin ReportOutputOptions output;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "ENTITY_ID") String id;

  @Override
  public Integer call() {
    try (SessionOptions.Opened opened = session.read()) {
      return output.write(Reports.of(opened.session()).profile(EntityId.of(id)), session.json,
          spec.commandLine().getOut());
    }
  }
}
