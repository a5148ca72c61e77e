package org.insight.spark;

import org.apache.spark.sql.SparkSession;

/**
 * The one Spark session every test of this module shares (surefire runs them in one reused fork): starting a session
 * takes seconds, so a test never starts its own. Local with two threads, no UI, few shuffle partitions (the data is
 * small), stopped when the fork exits.
 */
public final class SparkTestSession {

  private static SparkSession session;

  private SparkTestSession() {}

  /** The shared session, started on first use. */
  public static synchronized SparkSession get() {
    if (session == null) {
      session = SparkSession.builder()
          .appName("insight-spark-tests")
          .master("local[2]")
          .config("spark.ui.enabled", "false")
          .config("spark.sql.shuffle.partitions", "2")
          .config("spark.default.parallelism", "2")
          // small data: adaptive re-planning costs more than it saves, broadcast joins avoid shuffles
          .config("spark.sql.adaptive.enabled", "false")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1")
          .getOrCreate();
      session.sparkContext().setLogLevel("WARN");
      Runtime.getRuntime().addShutdownHook(new Thread(session::stop, "spark-test-session-stop"));
    }
    return session;
  }
}
