package org.insight.spark.internal;

import com.esotericsoftware.kryo.DefaultSerializer;
import com.esotericsoftware.kryo.serializers.JavaSerializer;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;
import org.insight.match.LinkKernel;
import scala.Tuple2;

/**
 * The candidate pairs of a run, grouped under their later record (run order), with RDD stages rather than SQL rows:
 * each record's blocking keys ({@link LinkKernel#blockingKeys}) shuffled into blocks (a block over
 * {@link LinkKernel#maxBlockSize} records is dropped), each usable block's pairs (in a link, left × right) sent as
 * ids to the earlier record's partition, where they are made distinct and that record is attached; then to the later
 * record's partition. Records are keyed and partitioned by id ({@code byId}), so attaching them moves only the pairs
 * (the shuffled side is zipped with {@code byId}'s partition of the same number).
 * A pair is a candidate exactly when the embedded run compares it. Not API.
 */
public final class Candidates {

  private Candidates() {}

  /** A record of the run and the records it is a candidate pair with that precede it in run order (maybe none). */
  @DefaultSerializer(JavaSerializer.class)
  public record Group(LinkRecord record, List<LinkRecord> earlier) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /**
   * Every record of {@code byId} (keyed and partitioned by id with {@code partitioner}) with its earlier candidate
   * partners, in a run of {@code n} records; {@code link}: pairs only across sides.
   */
  public static JavaRDD<Group> of(JavaPairRDD<String, LinkRecord> byId, Partitioner partitioner,
      Broadcast<Shipped<LinkKernel>> kernel, long n, boolean link) {
    int max = kernel.value().value().maxBlockSize();
    JavaPairRDD<Long, Tuple2<Integer, String>> keys = byId.values().flatMapToPair(r -> {
      List<Tuple2<Long, Tuple2<Integer, String>>> out = new ArrayList<>();
      for (long h : kernel.value().value().blockingKeys(r.record(), n)) {
        out.add(new Tuple2<>(h, new Tuple2<>(r.side(), r.id())));
      }
      return out.iterator();
    });
    // grouped in plain maps after a plain shuffle: Spark's own grouping (combineByKey, cogroup) re-measures its whole
    // map by reflection as it grows, which cost more than the pairs' work
    JavaPairRDD<String, String> pairs = keys.partitionBy(partitioner).mapPartitionsToPair(entries -> {
      Map<Long, List<Tuple2<Integer, String>>> blocks = new HashMap<>();
      Set<Long> oversized = new HashSet<>();
      while (entries.hasNext()) {
        Tuple2<Long, Tuple2<Integer, String>> e = entries.next();
        if (oversized.contains(e._1())) {
          continue;
        }
        List<Tuple2<Integer, String>> block = blocks.computeIfAbsent(e._1(), k -> new ArrayList<>());
        block.add(e._2());
        if (block.size() > max) {
          blocks.remove(e._1());
          oversized.add(e._1());
        }
      }
      List<Tuple2<String, String>> out = new ArrayList<>();
      for (List<Tuple2<Integer, String>> m : blocks.values()) {
        for (int i = 0; i < m.size(); i++) {
          for (int j = i + 1; j < m.size(); j++) {
            Tuple2<Integer, String> x = m.get(i);
            Tuple2<Integer, String> y = m.get(j);
            if (link ? x._1().equals(y._1()) : x._2().equals(y._2())) {
              continue;
            }
            boolean xFirst = link ? x._1() < y._1() : x._2().compareTo(y._2()) < 0;
            out.add(xFirst ? new Tuple2<>(x._2(), y._2()) : new Tuple2<>(y._2(), x._2()));
          }
        }
      }
      return out.iterator();
    });
    // at the earlier record's partition: its distinct later partners, each sent the record
    JavaPairRDD<String, LinkRecord> toLater = byId.zipPartitions(pairs.partitionBy(partitioner), (records, ps) -> {
      Map<String, LinkRecord> byIdHere = index(records);
      Map<String, Set<String>> later = new HashMap<>();
      while (ps.hasNext()) {
        Tuple2<String, String> p = ps.next();
        later.computeIfAbsent(p._1(), k -> new HashSet<>()).add(p._2());
      }
      List<Tuple2<String, LinkRecord>> out = new ArrayList<>();
      later.forEach((a, bs) -> bs.forEach(b -> out.add(new Tuple2<>(b, byIdHere.get(a)))));
      return out.iterator();
    }).mapToPair(t -> t);
    return byId.zipPartitions(toLater.partitionBy(partitioner), (records, earlier) -> {
      Map<String, List<LinkRecord>> byLater = new HashMap<>();
      while (earlier.hasNext()) {
        Tuple2<String, LinkRecord> e = earlier.next();
        byLater.computeIfAbsent(e._1(), k -> new ArrayList<>()).add(e._2());
      }
      List<Group> out = new ArrayList<>();
      while (records.hasNext()) {
        LinkRecord r = records.next()._2();
        out.add(new Group(r, byLater.getOrDefault(r.id(), List.of())));
      }
      return out.iterator();
    });
  }

  private static Map<String, LinkRecord> index(Iterator<Tuple2<String, LinkRecord>> records) {
    Map<String, LinkRecord> out = new HashMap<>();
    records.forEachRemaining(t -> out.put(t._1(), t._2()));
    return out;
  }
}
