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
 * ids to the earlier record's partition, where they are made distinct; that record then goes once to each other
 * partition holding later partners of it, with their ids (to its own partition only the ids go: the unit there
 * compares its own copy). Records are keyed and partitioned by id ({@code byId}), so attaching them moves only the
 * pairs (the shuffled side is zipped with {@code byId}'s partition of the same number); a record crosses the network
 * once per other partition it has pairs in, not once per pair, and is prepared for comparison once in each partition
 * it has pairs in.
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

  /**
   * An earlier record sent once to a partition, with the ids of its later partners there; without the record (null)
   * when that partition is its own: the unit there compares it from its own copy, prepared once.
   */
  @DefaultSerializer(JavaSerializer.class)
  record Shipment(String earlier, LinkRecord record, String[] later) implements Serializable {
    private static final long serialVersionUID = 1L;

    Shipment(LinkRecord record, String[] later) {
      this(record.id(), record, later);
    }

    static final Codec<Shipment> CODEC = new Codec<>() {
      @Override
      public void write(java.io.DataOutput out, Shipment value) throws java.io.IOException {
        out.writeBoolean(value.record() != null);
        if (value.record() != null) {
          value.record().write(out);
        } else {
          Codec.writeString(out, value.earlier());
        }
        out.writeInt(value.later().length);
        for (String id : value.later()) {
          Codec.writeString(out, id);
        }
      }

      @Override
      public Shipment read(java.io.DataInput in) throws java.io.IOException {
        LinkRecord r = in.readBoolean() ? Codec.RECORD.read(in) : null;
        String earlier = r != null ? r.id() : Codec.readString(in);
        String[] later = new String[in.readInt()];
        for (int i = 0; i < later.length; i++) {
          later[i] = Codec.readString(in);
        }
        return new Shipment(earlier, r, later);
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
      Blocks blocks = new Blocks(max);
      entries.forEachRemaining(e -> blocks.add(e._1(), e._2()._1(), e._2()._2()));
      List<Tuple2<String, String>> out = new ArrayList<>();
      blocks.forEachUsable((sides, ids, size) -> {
        for (int i = 0; i < size; i++) {
          for (int j = i + 1; j < size; j++) {
            if (link ? sides[i] == sides[j] : ids[i].equals(ids[j])) {
              continue;
            }
            boolean iFirst = link ? sides[i] < sides[j] : ids[i].compareTo(ids[j]) < 0;
            out.add(iFirst ? new Tuple2<>(ids[i], ids[j]) : new Tuple2<>(ids[j], ids[i]));
          }
        }
      });
      return out.iterator();
    });
    // at the earlier record's partition: its distinct later partners, grouped by their partition; the record is sent
    // once to each such partition with the ids of its partners there (keyed by one of them: the same partition)
    JavaPairRDD<String, Shipment> shipped = byId.zipPartitions(CodecShuffle.partitionBy(pairs, partitioner, Codec.STRING, Codec.STRING),
        (records, ps) -> {
      Map<String, LinkRecord> byIdHere = index(records);
      Map<String, Set<String>> later = new HashMap<>();
      while (ps.hasNext()) {
        Tuple2<String, String> p = ps.next();
        later.computeIfAbsent(p._1(), k -> new HashSet<>()).add(p._2());
      }
      // each record's distinct partners grouped by their partition once made distinct (not per pair: a pair comes
      // once per block it shares)
      List<Tuple2<String, Shipment>> out = new ArrayList<>();
      List<List<String>> byPartition = new ArrayList<>();
      for (int q = 0; q < partitioner.numPartitions(); q++) {
        byPartition.add(new ArrayList<>());
      }
      later.forEach((a, bs) -> {
        bs.forEach(b -> byPartition.get(partitioner.getPartition(b)).add(b));
        int home = partitioner.getPartition(a);
        for (int q = 0; q < byPartition.size(); q++) {
          List<String> ids = byPartition.get(q);
          if (!ids.isEmpty()) {
            String[] partners = ids.toArray(new String[0]);
            out.add(new Tuple2<>(partners[0], q == home ? new Shipment(a, null, partners)
                : new Shipment(byIdHere.get(a), partners)));
            ids.clear();
          }
        }
      });
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
        int a;
        if (s.record() == null) {
          a = position.get(s.earlier());
        } else {
          a = all.size();
          all.add(s.record());
        }
        for (String b : s.later()) {
          earlier.add(a);
          later.add(position.get(b));
        }
      }
      return List.of(new Unit(all, own, earlier.toArray(), later.toArray(), kernel.value().value(), n)).iterator();
    });
  }

  /**
   * One partition's blocks: entries grouped by blocking key in an open-addressing table of primitive keys (no boxed
   * key, no list per block), a block over the maximum size dropped as it passes it, each block's entries in arrival
   * order.
   */
  static final class Blocks {
    private final int max;
    private long[] keys = new long[1 << 10];
    private int[] heads = new int[keys.length];
    private int[] tails = new int[keys.length];
    private int[] counts = new int[keys.length]; // 0: free slot; -1: oversized
    private int used;
    private int[] next = new int[1 << 10];
    private byte[] sides = new byte[next.length];
    private String[] ids = new String[next.length];
    private int entries;

    Blocks(int max) {
      this.max = max;
    }

    void add(long key, int side, String id) {
      int slot = slot(key);
      if (counts[slot] == 0) {
        keys[slot] = key;
        counts[slot] = 1;
        heads[slot] = entry(side, id);
        tails[slot] = heads[slot];
        if (++used * 2 > keys.length) {
          grow();
        }
      } else if (counts[slot] > 0) {
        if (++counts[slot] > max) {
          counts[slot] = -1;
        } else {
          int e = entry(side, id);
          next[tails[slot]] = e;
          tails[slot] = e;
        }
      }
    }

    /** What is done with a usable block (2 to the maximum records): its entries' sides and ids. */
    interface BlockAction {
      void accept(byte[] sides, String[] ids, int size);
    }

    void forEachUsable(BlockAction action) {
      byte[] s = new byte[max];
      String[] d = new String[max];
      for (int slot = 0; slot < keys.length; slot++) {
        if (counts[slot] >= 2) {
          int e = heads[slot];
          for (int i = 0; i < counts[slot]; i++, e = next[e]) {
            s[i] = sides[e];
            d[i] = ids[e];
          }
          action.accept(s, d, counts[slot]);
        }
      }
    }

    private int entry(int side, String id) {
      if (entries == next.length) {
        next = Arrays.copyOf(next, entries * 2);
        sides = Arrays.copyOf(sides, entries * 2);
        ids = Arrays.copyOf(ids, entries * 2);
      }
      sides[entries] = (byte) side;
      ids[entries] = id;
      return entries++;
    }

    private int slot(long key) {
      int mask = keys.length - 1;
      int slot = Long.hashCode(key * 0x9E3779B97F4A7C15L) & mask;
      while (counts[slot] != 0 && keys[slot] != key) {
        slot = (slot + 1) & mask;
      }
      return slot;
    }

    private void grow() {
      long[] oldKeys = keys;
      int[] oldHeads = heads;
      int[] oldTails = tails;
      int[] oldCounts = counts;
      keys = new long[oldKeys.length * 2];
      heads = new int[keys.length];
      tails = new int[keys.length];
      counts = new int[keys.length];
      for (int i = 0; i < oldKeys.length; i++) {
        if (oldCounts[i] != 0) {
          int slot = slot(oldKeys[i]);
          keys[slot] = oldKeys[i];
          heads[slot] = oldHeads[i];
          tails[slot] = oldTails[i];
          counts[slot] = oldCounts[i];
        }
      }
    }
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
