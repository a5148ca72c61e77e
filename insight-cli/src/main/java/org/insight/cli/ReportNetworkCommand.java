package org.insight.cli;

import java.util.concurrent.Callable;
import org.insight.core.EntityId;
import org.insight.report.Product;
import org.insight.report.Reports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code insight report network [--centre ID --hops N] --out FILE.html}: an interactive link chart. */
@Command(name = "network", mixinStandardHelpOptions = true,
    description = "A link chart (pan, zoom, click for the evidence) of the network around an entity, or of all of it.")
final class ReportNetworkCommand implements Callable<Integer> {
  @Mixin SessionOptions session;
  @Mixin ReportOutputOptions output;
  @Spec CommandSpec spec;

  @Option(names = "--centre", paramLabel = "ENTITY_ID", description = "Only the network around this entity.")
  String centre;

  @Option(names = "--hops", paramLabel = "N", defaultValue = "2", description = "How far from the centre, 1 to 3"
      + " (default: ${DEFAULT-VALUE}).")
  int hops;

  @Override
  public Integer call() {
    if (hops < 1 || hops > 3) {
      throw new ParameterException(spec.commandLine(), "--hops needs 1, 2 or 3, got " + hops);
    }
    try (SessionOptions.Opened opened = session.read()) {
      Reports reports = Reports.of(opened.session());
      Product p = centre == null ? reports.network() : reports.network(EntityId.of(centre), hops);
      return output.write(p, session.json, spec.commandLine().getOut());
    }
  }
}
