package org.insight.spark.cli;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark session a command runs in: the given master, else spark-submit's, else all local cores. A session that
 * was already running in this JVM (an embedding application's, a test's) is used and left running.
 */
final class SparkSessions implements AutoCloseable {
  final SparkSession spark;
  private final boolean owned;

  private SparkSessions(SparkSession spark, boolean owned) {
    this.spark = spark;
    this.owned = owned;
  }

  static SparkSessions open(String master, String app) {
    boolean running = SparkSession.getDefaultSession().isDefined();
    SparkSession.Builder b = SparkSession.builder().appName(app).config("spark.ui.enabled", "false");
    if (master != null) {
      b.master(master);
    } else if (!new SparkConf().contains("spark.master")) {
      b.master("local[*]");
    }
    return new SparkSessions(b.getOrCreate(), !running);
  }

  @Override
  public void close() {
    if (owned) {
      spark.stop();
    }
  }
}
