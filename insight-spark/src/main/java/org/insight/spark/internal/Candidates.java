package org.insight.spark.internal;

import com.esotericsoftware.kryo.DefaultSerializer;
import com.esotericsoftware.kryo.serializers.JavaSerializer;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.insight.match.MatchRecord;
import scala.Tuple2;

/**
 * The candidate pairs of a run, at their later record's partition (run order), with RDD stages rather than SQL rows:
 * each record's blocking keys ({@link LinkKernel#blockingKeys}) shuffled into blocks (a block over
 * {@link LinkKernel#maxBlockSize} records is dropped), each usable block's pairs (in a link, left × right) sent as
 * ids to the earlier record's partition, where they are made distinct; that record then goes once to each partition
 * holding later partners of it, with their ids. Records are keyed and partitioned by id ({@code byId}), so attaching
 * them moves only the pairs (the shuffled side is zipped with {@code byId}'s partition of the same number); a record
 * crosses the network once per partition it has pairs in, not once per pair, and is prepared for comparison once
 * there.
 * A pair is a candidate exactly when the embedded run compares it. Not API.
 */
public final class Candidates {

  private Candidates() {}

  /**
   * One partition's share of the candidate pairs: its own records, then the earlier partners of their pairs that live
   * elsewhere, each once however many pairs it has here; the pairs as positions in that list (the earlier in run
   * order first). The records are prepared for comparison once ({@link #batch}) whatever their number of pairs.
   */
  public static final class Unit {
    private final List<LinkRecord> records;
    private final int own;
    private final int[] earlier;
    private final int[] later;
    private final LinkKernel.Batch batch;
    private final long[] codes;
    private final byte[] rules;

    /**
     * The unit of these records and pairs, its records prepared by {@code kernel}; when the kernel is not fitted
     * (EM), with each pair's pattern, so a unit that Spark keeps between the EM pass and the scoring pass (it sizes
     * what it keeps when the unit is made) is compared once.
     */
    Unit(List<LinkRecord> records, int own, int[] earlier, int[] later, LinkKernel kernel, long n) {
      this.records = records;
      this.own = own;
      this.earlier = earlier;
      this.later = later;
      List<MatchRecord> list = new ArrayList<>(records.size());
      records.forEach(r -> list.add(r.record()));
      LinkKernel.Batch prepared = kernel.batch(list, n);
      if (kernel.fitted()) {
        this.batch = prepared;
        this.codes = null;
        this.rules = null;
      } else {
        this.codes = new long[earlier.length];
        this.rules = new byte[earlier.length];
        for (int p = 0; p < earlier.length; p++) {
          LinkKernel.PairPattern pattern = prepared.pattern(earlier[p], later[p]);
          codes[p] = pattern.code();
          rules[p] = (byte) ((pattern.nameOnly() ? 1 : 0) | (pattern.identifier() ? 2 : 0));
        }
        // the scoring pass weighs from the patterns: the prepared names (most of the memory) are not kept
        this.batch = prepared.forWeightsOnly();
      }
    }

    /** The partition's own records (each in exactly one unit of the run). */
    public List<LinkRecord> own() {
      return records.subList(0, own);
    }

    /** The number of candidate pairs. */
    public int pairs() {
      return earlier.length;
    }

    /** The earlier record of pair {@code p}, as a position in {@link #batch}. */
    public int earlier(int p) {
      return earlier[p];
    }

    /** The later record of pair {@code p}, as a position in {@link #batch}. */
    public int later(int p) {
      return later[p];
    }

    /** The records, prepared for comparison (for weights from patterns only, when the unit has patterns). */
    public LinkKernel.Batch batch() {
      return batch;
    }

    /** Pair {@code p}'s pattern (EM's statistic), or null when the unit was made with a fitted kernel. */
    public LinkKernel.PairPattern pattern(int p) {
      return codes == null ? null : new LinkKernel.PairPattern(codes[p], (rules[p] & 1) != 0, (rules[p] & 2) != 0);
    }

    /**
     * The match weight of pair {@code p} by {@code scoring} (fitted): from its pattern when the unit has it,
     * without comparing the records again.
     */
    public double weight(LinkKernel scoring, int p) {
      return codes != null ? scoring.weight(batch, codes[p], earlier[p], later[p])
          : scoring.weight(batch, earlier[p], later[p]);
    }
  }

  /** An earlier record sent once to a partition, with the ids of its later partners there. */
  @DefaultSerializer(JavaSerializer.class)
  record Shipment(LinkRecord record, String[] later) implements Serializable {
    private static final long serialVersionUID = 1L;

    static final Codec<Shipment> CODEC = new Codec<>() {
      @Override
      public void write(java.io.DataOutput out, Shipment value) throws java.io.IOException {
        value.record().write(out);
        out.writeInt(value.later().length);
        for (String id : value.later()) {
          Codec.writeString(out, id);
        }
      }

      @Override
      public Shipment read(java.io.DataInput in) throws java.io.IOException {
        LinkRecord r = Codec.RECORD.read(in);
        String[] later = new String[in.readInt()];
        for (int i = 0; i < later.length; i++) {
          later[i] = Codec.readString(in);
        }
        return new Shipment(r, later);
      }
    };
  }

  /**
   * The candidate pairs of the records of {@code byId} (keyed and partitioned by id with {@code partitioner}), one
   * {@link Unit} per partition, in a run of {@code n} records; {@code link}: pairs only across sides.
   */
  public static JavaRDD<Unit> of(JavaPairRDD<String, LinkRecord> byId, Partitioner partitioner,
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
    JavaPairRDD<String, String> pairs = CodecShuffle.partitionBy(keys, partitioner, Codec.LONG, Codec.SIDE_ID)
        .mapPartitionsToPair(entries -> {
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
    // at the earlier record's partition: its distinct later partners, grouped by their partition; the record is sent
    // once to each such partition with the ids of its partners there (keyed by one of them: the same partition)
    JavaPairRDD<String, Shipment> shipped = byId.zipPartitions(CodecShuffle.partitionBy(pairs, partitioner, Codec.STRING, Codec.STRING),
        (records, ps) -> {
      Map<String, LinkRecord> byIdHere = index(records);
      Map<String, Map<Integer, Set<String>>> later = new HashMap<>();
      while (ps.hasNext()) {
        Tuple2<String, String> p = ps.next();
        later.computeIfAbsent(p._1(), k -> new HashMap<>())
            .computeIfAbsent(partitioner.getPartition(p._2()), k -> new HashSet<>()).add(p._2());
      }
      List<Tuple2<String, Shipment>> out = new ArrayList<>();
      later.forEach((a, byPartition) -> byPartition.values().forEach(bs -> {
        String[] ids = bs.toArray(new String[0]);
        out.add(new Tuple2<>(ids[0], new Shipment(byIdHere.get(a), ids)));
      }));
      return out.iterator();
    }).mapToPair(t -> t);
    return byId.zipPartitions(CodecShuffle.partitionBy(shipped, partitioner, Codec.STRING, Shipment.CODEC),
        (records, arriving) -> {
      List<LinkRecord> all = new ArrayList<>();
      Map<String, Integer> position = new HashMap<>();
      records.forEachRemaining(t -> {
        position.put(t._1(), all.size());
        all.add(t._2());
      });
      int own = all.size();
      IntList earlier = new IntList();
      IntList later = new IntList();
      while (arriving.hasNext()) {
        Shipment s = arriving.next()._2();
        int a = all.size();
        all.add(s.record());
        for (String b : s.later()) {
          earlier.add(a);
          later.add(position.get(b));
        }
      }
      return List.of(new Unit(all, own, earlier.toArray(), later.toArray(), kernel.value().value(), n)).iterator();
    });
  }

  /** A growable list of ints. */
  private static final class IntList {
    private int[] values = new int[16];
    private int size;

    void add(int v) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = v;
    }

    int[] toArray() {
      return Arrays.copyOf(values, size);
    }
  }

  private static Map<String, LinkRecord> index(Iterator<Tuple2<String, LinkRecord>> records) {
    Map<String, LinkRecord> out = new HashMap<>();
    records.forEachRemaining(t -> out.put(t._1(), t._2()));
    return out;
  }
}
