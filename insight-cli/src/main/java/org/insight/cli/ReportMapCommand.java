package org.insight.cli;

import java.util.concurrent.Callable;
import org.insight.report.Reports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code insight report map --out FILE.html}: the visible points, clusters and hotspots on country outlines. */
@Command(name = "map", mixinStandardHelpOptions = true,
    description = "A map of every visible point with DBSCAN clusters and Getis–Ord hotspots, on Natural Earth"
        + " outlines (no tile server).")
final class ReportMapCommand implements Callable<Integer> {
  @Mixin SessionOptions session;
  @Mixin ReportOutputOptions output;
  @Spec CommandSpec spec;

  @Option(names = "--cell-m", paramLabel = "METRES", defaultValue = "500", description = "Hotspot cell size"
      + " (default: ${DEFAULT-VALUE}).")
  double cell;

  @Option(names = "--cluster-m", paramLabel = "METRES", defaultValue = "1000", description = "DBSCAN distance"
      + " (default: ${DEFAULT-VALUE}).")
  double cluster;

  @Override
  public Integer call() {
    if (!(cell > 0) || !(cluster > 0)) {
      throw new ParameterException(spec.commandLine(), "--cell-m and --cluster-m need a distance > 0");
    }
    try (SessionOptions.Opened opened = session.read()) {
      return output.write(Reports.of(opened.session()).map(cell, cluster), session.json, spec.commandLine().getOut());
    }
  }
}
