package org.insight.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** Spark starts in local[2] on this JVM (Java 17 with Spark's --add-opens list) and runs a shuffle. */
class SparkSessionSmokeTest {

  @Test
  void aLocalSessionRunsAShuffleOnJava17() {
    assertTrue(Runtime.version().feature() >= 17, "the build targets Java 17");
    Dataset<Long> numbers = SparkTestSession.get().range(0, 1_000).as(Encoders.LONG());
    List<Row> byParity = numbers.groupBy(numbers.col("id").mod(2).as("parity")).count().orderBy("parity")
        .collectAsList();
    assertEquals(2, byParity.size());
    assertEquals(500L, byParity.get(0).getLong(1));
    assertEquals(500L, byParity.get(1).getLong(1));
    assertEquals("local[2]", SparkTestSession.get().sparkContext().master());
  }
}
