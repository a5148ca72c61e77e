package org.insight.spark.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code insight spark}: the jobs of insight-spark run locally (or on a master you name) on the embedded inputs. */
@Command(name = "insight spark", mixinStandardHelpOptions = true,
    description = {"Run linkage, de-duplication and screening as Apache Spark jobs, on the inputs and with the outputs"
        + " of 'insight match link|dedupe' and 'insight screen --queries'. Local by default (--master local[2]);"
        + " see docs/spark.md for a cluster.",
        "Extract and enrich files as a job (ingest), and load its output into a workspace (load)."},
    subcommands = {SparkLinkCommand.class, SparkDedupeCommand.class, SparkScreenCommand.class, SparkIngestCommand.class,
        SparkLoadCommand.class})
final class SparkCommand implements Runnable {
  @Spec CommandSpec spec;

  SparkCommand() {}

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
