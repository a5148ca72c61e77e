package org.insight.spark.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.broadcast.Broadcast;
import org.insight.match.LinkKernel;
import scala.Tuple2;

/**
 * What one pass over a run's records tells the driver, in one Spark job: the record count per side, each name key's
 * record count (term frequencies), a repeated id if any, and — for a run that fits its model by EM and whose ids fit
 * in the driver's memory — every record's run-order key, so the u sample's records are found by a sort on the driver
 * instead of a distributed one. Not API.
 *
 * @param records the run's records
 * @param left the left side's records (all of them in a dedupe)
 * @param termCounts per comparison, how many records have each name key ({@link LinkKernel#termKeys})
 * @param repeated an id held by two records, or null
 * @param runOrder every record's id in run order, or null when not asked for or too many for the driver
 */
public record RunStats(long records, long left, List<Map<String, Long>> termCounts, String repeated,
    List<String> runOrder) {

  private static final int SIDE = -1;
  private static final int REPEATED = -2;
  private static final int ORDER = -3;
  private static final int TOO_MANY = -4;

  /**
   * The statistics of the records {@code byId} (keyed and partitioned by id, so the copies of a repeated id meet in
   * one partition); {@code maxOrderKeys} > 0 asks for the run order when the run holds at most that many records
   * (each partition sends its keys when it holds at most its share of them).
   */
  public static RunStats of(JavaPairRDD<String, LinkRecord> byId, Broadcast<Shipped<LinkKernel>> kernel,
      int maxOrderKeys) {
    int comparisons = kernel.value().value().comparisons().size();
    int share = maxOrderKeys <= 0 ? -1 : Math.max(1, maxOrderKeys / byId.getNumPartitions());
    List<Tuple2<Tuple2<Integer, String>, Long>> counted = byId.values().mapPartitionsToPair(it -> {
      Map<Tuple2<Integer, String>, Long> local = new HashMap<>();
      Set<String> seen = new HashSet<>();
      List<String> keys = new ArrayList<>();
      while (it.hasNext()) {
        LinkRecord r = it.next();
        if (!seen.add(r.id())) {
          local.put(new Tuple2<>(REPEATED, r.id()), 2L);
        }
        local.merge(new Tuple2<>(SIDE, String.valueOf(r.side())), 1L, Long::sum);
        List<Set<String>> terms = kernel.value().value().termKeys(r.record());
        for (int k = 0; k < terms.size(); k++) {
          for (String key : terms.get(k)) {
            local.merge(new Tuple2<>(k, key), 1L, Long::sum);
          }
        }
        if (share > 0 && keys.size() <= share) {
          keys.add(r.side() + r.id()); // sides are one digit: the text orders as (side, id) does
        }
      }
      if (share > 0) {
        if (keys.size() > share) {
          local.put(new Tuple2<>(TOO_MANY, ""), 1L);
        } else {
          keys.forEach(k -> local.put(new Tuple2<>(ORDER, k), 1L));
        }
      }
      List<Tuple2<Tuple2<Integer, String>, Long>> out = new ArrayList<>(local.size());
      local.forEach((k, v) -> out.add(new Tuple2<>(k, v)));
      return out.iterator();
    }).reduceByKey(Long::sum).collect();

    List<Map<String, Long>> terms = new ArrayList<>();
    for (int k = 0; k < comparisons; k++) {
      terms.add(new HashMap<>());
    }
    long n = 0;
    long left = 0;
    String repeated = null;
    boolean tooMany = share <= 0;
    List<String> order = new ArrayList<>();
    for (Tuple2<Tuple2<Integer, String>, Long> t : counted) {
      int kind = t._1()._1();
      String key = t._1()._2();
      switch (kind) {
        case SIDE -> {
          n += t._2();
          left += key.equals("0") ? t._2() : 0;
        }
        case REPEATED -> repeated = repeated == null || key.compareTo(repeated) < 0 ? key : repeated;
        case ORDER -> order.add(key);
        case TOO_MANY -> tooMany = true;
        default -> terms.get(kind).put(key, t._2());
      }
    }
    List<String> runOrder = null;
    if (!tooMany) {
      String[] sorted = order.toArray(new String[0]);
      Arrays.sort(sorted);
      runOrder = new ArrayList<>(sorted.length);
      for (String s : sorted) {
        runOrder.add(s.substring(1));
      }
    }
    return new RunStats(n, left, terms, repeated, runOrder);
  }
}
