package org.insight.spark.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.LongAccumulator;
import scala.Tuple2;

/**
 * Connected components of a graph too large for the driver, by alternating large-star and small-star steps (Kiveris
 * et al., "Connected Components in MapReduce and Beyond", 2014): O(log n) rounds of two shuffles and one job each,
 * against one round per hop of the longest shortest path for label propagation. At the fixed point every component is
 * a star around its smallest node. Each round's edges are persisted and, when the Spark context has a checkpoint
 * directory, checkpointed reliably, so a lost executor recomputes at most one round. Not API.
 */
public final class StarComponents {

  private StarComponents() {}

  /**
   * The component of every node that has an edge: rows (node, component), the component being its smallest node (as
   * Java compares strings), for undirected {@code edges} of node ids.
   */
  public static JavaPairRDD<String, String> of(JavaPairRDD<String, String> edges, Partitioner partitioner) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(edges.context());
    JavaPairRDD<String, String> e = edges.filter(t -> !t._1().equals(t._2()));
    JavaPairRDD<String, String> previous = null;
    while (true) {
      LongAccumulator changed = jsc.sc().longAccumulator("star-changes");
      // large star: a node links its larger neighbours to the smallest of its closed neighbourhood
      JavaPairRDD<String, String> large = e.flatMapToPair(t -> List.of(t, t.swap()).iterator())
          .groupByKey(partitioner).flatMapToPair(t -> {
            String u = t._1();
            TreeSet<String> near = new TreeSet<>();
            t._2().forEach(near::add);
            String m = near.first().compareTo(u) < 0 ? near.first() : u;
            List<Tuple2<String, String>> out = new ArrayList<>();
            for (String v : near.tailSet(u, false)) {
              out.add(new Tuple2<>(v, m));
            }
            if (!m.equals(u) && !out.isEmpty()) {
              changed.add(1);
            }
            return out.iterator();
          });
      // small star: a node and its smaller neighbours all link to the smallest of them
      JavaPairRDD<String, String> small = large
          .mapToPair(t -> t._1().compareTo(t._2()) > 0 ? t : t.swap())
          .groupByKey(partitioner).flatMapToPair(t -> {
            String u = t._1();
            TreeSet<String> lower = new TreeSet<>();
            t._2().forEach(lower::add);
            String m = lower.first();
            List<Tuple2<String, String>> out = new ArrayList<>();
            out.add(new Tuple2<>(u, m));
            for (String v : lower.tailSet(m, false)) {
              out.add(new Tuple2<>(v, m));
            }
            if (lower.size() > 1) {
              changed.add(1);
            }
            return out.iterator();
          }).persist(StorageLevel.MEMORY_AND_DISK());
      if (jsc.getCheckpointDir().isPresent()) {
        small.checkpoint();
      }
      small.count(); // a retried task may count a change twice: at worst one round more
      if (previous != null) {
        previous.unpersist(false);
      }
      previous = small;
      e = small;
      if (changed.value() == 0) {
        break;
      }
    }
    // a star: every edge is (leaf, centre); the centre is its own component
    JavaPairRDD<String, String> leaves = e.reduceByKey(partitioner, (x, y) -> x.compareTo(y) <= 0 ? x : y);
    return leaves.union(leaves.values().distinct().mapToPair(c -> new Tuple2<>(c, c)));
  }
}
