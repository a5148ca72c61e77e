package org.insight.spark.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.insight.cli.MatchCsvOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code insight spark link}: {@code insight match link} as a Spark job. */
@Command(name = "link", mixinStandardHelpOptions = true,
    description = "Find the records of LEFT that are in RIGHT, as a Spark job: the files of 'insight match link'.")
final class SparkLinkCommand implements Callable<Integer> {
  @Mixin MatchCsvOptions match;
  @Mixin SparkOptions spark;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "LEFT.csv")
  Path left;

  @Parameters(index = "1", paramLabel = "RIGHT.csv")
  Path right;

  SparkLinkCommand() {}

  @Override
  public Integer call() throws Exception {
    return LinkRuns.run(match, spark, spec, left, right);
  }
}
