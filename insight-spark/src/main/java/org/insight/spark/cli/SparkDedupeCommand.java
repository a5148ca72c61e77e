package org.insight.spark.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.insight.cli.MatchCsvOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code insight spark dedupe}: {@code insight match dedupe} as a Spark job. */
@Command(name = "dedupe", mixinStandardHelpOptions = true,
    description = "Find the duplicates in FILE, as a Spark job: the files of 'insight match dedupe'.")
final class SparkDedupeCommand implements Callable<Integer> {
  @Mixin MatchCsvOptions match;
  @Mixin SparkOptions spark;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE.csv")
  Path file;

  SparkDedupeCommand() {}

  @Override
  public Integer call() throws Exception {
    return LinkRuns.run(match, spark, spec, file, null);
  }
}
