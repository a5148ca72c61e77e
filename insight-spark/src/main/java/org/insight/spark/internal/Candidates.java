package org.insight.spark.internal;

import com.esotericsoftware.kryo.DefaultSerializer;
import com.esotericsoftware.kryo.serializers.JavaSerializer;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
 * {@link LinkKernel#maxBlockSize} keeps only its count), each usable block's pairs (in a link, left × right) sent as
 * ids to the earlier record's partition, where they are made distinct and that record is attached; then to the later
 * record's partition. Records are keyed and partitioned by id ({@code byId}), so attaching them moves only the pairs.
 * A pair is a candidate exactly when the embedded run compares it. Not API.
 */
public final class Candidates {

  private Candidates() {}

  /** A record of the run and the records it is a candidate pair with that precede it in run order (maybe none). */
  @DefaultSerializer(JavaSerializer.class)
  public record Group(LinkRecord record, List<LinkRecord> earlier) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /** A block's members (side and id), dropped once it is too large to be used: then only its size counts. */
  private static final class Block implements Serializable {
    private static final long serialVersionUID = 1L;
    int size;
    ArrayList<Tuple2<Integer, String>> members = new ArrayList<>();

    Block add(Tuple2<Integer, String> m, int max) {
      size++;
      if (members != null) {
        if (size > max) {
          members = null;
        } else {
          members.add(m);
        }
      }
      return this;
    }

    Block merge(Block other, int max) {
      size += other.size;
      if (members == null || other.members == null || size > max) {
        members = null;
      } else {
        members.addAll(other.members);
      }
      return this;
    }
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
    JavaPairRDD<String, String> pairs = keys
        .combineByKey(m -> new Block().add(m, max), (b, m) -> b.add(m, max), (x, y) -> x.merge(y, max), partitioner)
        .values()
        .flatMapToPair(block -> {
          List<Tuple2<String, String>> out = new ArrayList<>();
          if (block.members == null || block.size < 2) {
            return out.iterator();
          }
          List<Tuple2<Integer, String>> m = block.members;
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
          return out.iterator();
        });
    // at the earlier record: its distinct later partners, each sent the record
    JavaPairRDD<String, LinkRecord> toLater = byId.cogroup(pairs, partitioner).flatMapToPair(t -> {
      List<Tuple2<String, LinkRecord>> out = new ArrayList<>();
      java.util.Iterator<LinkRecord> r = t._2()._1().iterator();
      if (!r.hasNext()) {
        return out.iterator();
      }
      LinkRecord record = r.next();
      Set<String> later = new HashSet<>();
      t._2()._2().forEach(later::add);
      later.forEach(id -> out.add(new Tuple2<>(id, record)));
      return out.iterator();
    });
    return byId.cogroup(toLater, partitioner).flatMap(t -> {
      java.util.Iterator<LinkRecord> r = t._2()._1().iterator();
      if (!r.hasNext()) {
        return java.util.Collections.emptyIterator();
      }
      List<LinkRecord> earlier = new ArrayList<>();
      t._2()._2().forEach(earlier::add);
      return List.of(new Group(r.next(), earlier)).iterator();
    });
  }
}
