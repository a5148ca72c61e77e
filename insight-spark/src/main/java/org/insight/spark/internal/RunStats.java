package org.insight.spark.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.HashPartitioner;
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
  /** A count's key is its kind as one char (kind + KIND_BASE) then its text: a plain string, hashed as Java hashes. */
  private static final int KIND_BASE = 8;

  /**
   * The statistics of the records {@code byId} (keyed and partitioned by id, so the copies of a repeated id meet in
   * one partition); {@code maxOrderKeys} > 0 asks for the run order when the run holds at most that many records
   * (each partition sends its keys when it holds at most its share of them).
   */
  public static RunStats of(JavaPairRDD<String, LinkRecord> byId, Broadcast<Shipped<LinkKernel>> kernel,
      int maxOrderKeys) {
    int comparisons = kernel.value().value().comparisons().size();
    int share = maxOrderKeys <= 0 ? -1 : Math.max(1, maxOrderKeys / byId.getNumPartitions());
    // counted per partition in a plain map of string keys, then summed per key after a codec shuffle and sent to the
    // driver as one block of bytes per partition: reduceByKey re-hashed scala tuples in Spark's map-side combiner
    // and wrote them by Java serialization, more CPU than counting them
    JavaPairRDD<String, Long> local = byId.values().mapPartitionsToPair(it -> {
      Map<String, long[]> counts = new HashMap<>();
      Set<String> seen = new HashSet<>();
      List<String> keys = new ArrayList<>();
      while (it.hasNext()) {
        LinkRecord r = it.next();
        if (!seen.add(r.id())) {
          counts.put(key(REPEATED, r.id()), new long[] {2});
        }
        add(counts, key(SIDE, String.valueOf(r.side())));
        List<Set<String>> terms = kernel.value().value().termKeys(r.record());
        for (int k = 0; k < terms.size(); k++) {
          for (String term : terms.get(k)) {
            add(counts, key(k, term));
          }
        }
        if (share > 0 && keys.size() <= share) {
          keys.add(r.side() + r.id()); // sides are one digit: the text orders as (side, id) does
        }
      }
      if (share > 0) {
        if (keys.size() > share) {
          counts.put(key(TOO_MANY, ""), new long[] {1});
        } else {
          keys.forEach(k -> counts.put(key(ORDER, k), new long[] {1}));
        }
      }
      List<Tuple2<String, Long>> out = new ArrayList<>(counts.size());
      counts.forEach((k, v) -> out.add(new Tuple2<>(k, v[0])));
      return out.iterator();
    });
    List<byte[]> summed = CodecShuffle.partitionBy(local, new HashPartitioner(byId.getNumPartitions()), Codec.STRING,
        Codec.LONG).mapPartitions(it -> {
          Map<String, long[]> counts = new HashMap<>();
          while (it.hasNext()) {
            Tuple2<String, Long> t = it.next();
            counts.computeIfAbsent(t._1(), k -> new long[1])[0] += t._2();
          }
          ByteArrayOutputStream bytes = new ByteArrayOutputStream();
          try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(counts.size());
            for (Map.Entry<String, long[]> e : counts.entrySet()) {
              Codec.writeString(out, e.getKey());
              out.writeLong(e.getValue()[0]);
            }
          }
          return List.of(bytes.toByteArray()).iterator();
        }).collect();
    List<Tuple2<Tuple2<Integer, String>, Long>> counted = new ArrayList<>();
    for (byte[] block : summed) {
      try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(block))) {
        for (int i = in.readInt(); i > 0; i--) {
          String k = Codec.readString(in);
          counted.add(new Tuple2<>(new Tuple2<>(k.charAt(0) - KIND_BASE, k.substring(1)), in.readLong()));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

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

  private static String key(int kind, String text) {
    return (char) (kind + KIND_BASE) + text;
  }

  private static void add(Map<String, long[]> counts, String key) {
    counts.computeIfAbsent(key, k -> new long[1])[0]++;
  }
}
