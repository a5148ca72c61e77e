package org.insight.spark.internal;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.min;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Connected components of an undirected graph by min-label propagation: every node starts labelled with itself and
 * takes the smallest label among its neighbours' until no label changes (as many rounds as the longest shortest path
 * in a component, a few for match graphs, whose components are small). Each round is checkpointed locally so the
 * plan does not grow with the rounds. Not API.
 */
public final class Components {

  private Components() {}

  /**
   * The component of every node that has an edge: rows (node, component), the component being its smallest node (as
   * Spark orders strings).
   *
   * @param edges rows (src, dst) of node ids (strings)
   */
  public static Dataset<Row> of(Dataset<Row> edges) {
    Dataset<Row> both = edges.select(col("src"), col("dst"))
        .union(edges.select(col("dst").as("src"), col("src").as("dst"))).localCheckpoint();
    Dataset<Row> labels = both.select(col("src").as("node")).distinct().withColumn("component", col("node"))
        .localCheckpoint();
    while (true) {
      Dataset<Row> proposed = both.join(labels.withColumnRenamed("node", "dst").withColumnRenamed("component", "c"),
          "dst").groupBy("src").agg(min(col("c")).as("c"));
      Dataset<Row> next = labels.join(proposed.withColumnRenamed("src", "node"), "node")
          .select(col("node"), least(col("component"), col("c")).as("component")).localCheckpoint();
      long changed = next.withColumnRenamed("component", "now").join(labels, "node")
          .where(col("now").notEqual(col("component"))).count();
      labels = next;
      if (changed == 0) {
        return labels;
      }
    }
  }
}
