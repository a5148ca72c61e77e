package org.insight.spark.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;

/** Where the job runs. */
final class SparkOptions {
  @Option(names = "--master", defaultValue = "local[2]", paramLabel = "URL",
      description = "The Spark master (default: ${DEFAULT-VALUE}: two local threads).")
  String master;

  @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "A Spark setting; repeat it.")
  Map<String, String> conf = new LinkedHashMap<>();

  SparkOptions() {}

  /** A session for one command (no UI; few shuffle partitions locally). */
  SparkSession session(String name) {
    SparkSession.Builder b = SparkSession.builder().appName(name).master(master)
        .config("spark.ui.enabled", "false");
    if (master.startsWith("local")) {
      b.config("spark.sql.shuffle.partitions", "8");
    }
    conf.forEach(b::config);
    SparkSession s = b.getOrCreate();
    s.sparkContext().setLogLevel("WARN");
    return s;
  }
}
