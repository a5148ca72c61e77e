package org.insight.spark;

import static org.apache.spark.sql.functions.col;

import com.esotericsoftware.kryo.DefaultSerializer;
import com.esotericsoftware.kryo.serializers.JavaSerializer;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.spark.HashPartitioner;
import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.insight.match.Judgement;
import org.insight.match.LinkKernel;
import org.insight.match.Linker;
import org.insight.match.MatchPair;
import org.insight.match.MatchRecord;
import org.insight.spark.internal.Candidates;
import org.insight.spark.internal.Codec;
import org.insight.spark.internal.CodecShuffle;
import org.insight.spark.internal.ComponentClusters;
import org.insight.spark.internal.Judged;
import org.insight.spark.internal.LinkEdge;
import org.insight.spark.internal.LinkRecord;
import org.insight.spark.internal.RecordRows;
import org.insight.spark.internal.RunStats;
import org.insight.spark.internal.Shipped;
import org.insight.spark.internal.StarComponents;
import org.insight.spark.internal.UnionFindComponents;
import scala.Tuple2;

/**
 * Record linkage and de-duplication as a Spark job, with the comparators, model, threshold and no-chaining clustering
 * of a {@link Linker} ({@link LinkKernel}), and the same result as {@link Linker#link}/{@link Linker#dedupe} on the
 * same records: records are partitioned by id once, blocking keys shuffled into blocks (blocks larger than the
 * maximum size skipped, as embedded), each candidate pair brought to its later record's partition, where its earlier
 * record arrives once for all its pairs there, and compared there by the embedded kernel with the partition's records
 * prepared once ({@link LinkKernel#batch}); the pairs at or above the threshold form a graph whose connected
 * components (union-find on the driver up to {@link #DRIVER_EDGES} edges, else large-star/small-star rounds) are
 * clustered one by one by the embedded clusterer. The stages are RDD stages, not SQL plans, and the counts ride on
 * the jobs that produce the data: a run is two Spark jobs with a given model, three when it fits one by EM. Every
 * pair carries the conjunction of its records' labels and every cluster the conjunction of its members'.
 *
 * <p>A linker that was trained or given a model scores with it; one that fits its model by EM in each run (the
 * default) has it fitted here as its run would fit it: the candidate pairs' comparison patterns are counted by Spark
 * (the sufficient statistics of EM), EM iterates over those counts on the driver with the embedded code
 * ({@link LinkKernel#fit}), so the model is the embedded run's. Analyst judgements (few, held on the driver) are
 * applied as the run applies them: pairs judged DIFFERENT are no edges, SAME-judged pairs are reported and join
 * components as must-links, and each component is clustered with its judgements. Records are rows of
 * {@link #RECORD_SCHEMA} ({@link #records}).
 */
public final class SparkLinker {

  /** The schema of record rows: id, dataset, values (property and its cleaned values, in order), label text. */
  public static final StructType RECORD_SCHEMA = RecordRows.RECORD;

  /**
   * The schema of pair rows: left_id, right_id, probability, weight, explanation, label text, model_probability (the
   * model's: probability is 1 for a pair judged SAME), judgement (the pair's latest, or null).
   */
  public static final StructType PAIR_SCHEMA = RecordRows.PAIR;

  /** The schema of cluster rows: cluster_id, record_ids (sorted), label (the conjunction of the members'). */
  public static final StructType CLUSTER_SCHEMA = new StructType()
      .add("cluster_id", DataTypes.StringType, false)
      .add("record_ids", DataTypes.createArrayType(DataTypes.StringType, false), false)
      .add("label", DataTypes.StringType, true);

  /**
   * Match graphs with at most this many edges have their connected components found on the driver (union-find: no
   * Spark job; about 150 bytes an edge on the driver); larger ones by large-star/small-star rounds on the executors.
   */
  public static final int DRIVER_EDGES = 1_000_000;

  /**
   * Runs of at most this many records that fit their model by EM find the u sample's records by sorting their ids on
   * the driver (gathered in the job that counts term frequencies); larger runs sort them on the executors.
   */
  public static final int DRIVER_IDS = 2_000_000;

  private final SparkSession spark;
  private final LinkKernel kernel;
  private final int driverEdges;
  private final int driverIds;

  /** A job on {@code spark} running the pieces of {@code linker} (trained or given a model). */
  public SparkLinker(SparkSession spark, Linker linker) {
    this(spark, linker, DRIVER_EDGES, DRIVER_IDS);
  }

  /** With other driver limits (tests take the distributed paths with 0). */
  SparkLinker(SparkSession spark, Linker linker, int driverEdges, int driverIds) {
    this.spark = Objects.requireNonNull(spark, "spark");
    this.kernel = linker.kernel();
    this.driverEdges = driverEdges;
    this.driverIds = driverIds;
  }

  /** Records as a dataset of {@link #RECORD_SCHEMA} (from the driver: for inputs that fit in its memory). */
  public static Dataset<Row> records(SparkSession spark, List<MatchRecord> records) {
    List<Row> rows = new ArrayList<>(records.size());
    records.forEach(r -> rows.add(RecordRows.row(r)));
    return spark.createDataFrame(rows, RecordRows.RECORD);
  }

  /** Links two datasets of records: only pairs of one record from each; ids unique across both. */
  public SparkLinkResult link(Dataset<Row> left, Dataset<Row> right) {
    return link(left, right, List.of());
  }

  /**
   * Links two datasets of records honouring analyst judgements as {@link Linker#link(List, List, Collection)} does
   * (held on the driver: analysts judge pairs one by one, so they are few).
   */
  public SparkLinkResult link(Dataset<Row> left, Dataset<Row> right, Collection<Judgement> judgements) {
    return run(sided(left, 0).union(sided(right, 1)), true, judgements);
  }

  /** De-duplicates one dataset of records; ids unique. */
  public SparkLinkResult dedupe(Dataset<Row> records) {
    return dedupe(records, List.of());
  }

  /** De-duplicates one dataset of records honouring analyst judgements as {@link Linker#dedupe(List, Collection)}. */
  public SparkLinkResult dedupe(Dataset<Row> records, Collection<Judgement> judgements) {
    return run(sided(records, 0), false, judgements);
  }

  private static JavaRDD<LinkRecord> sided(Dataset<Row> records, int side) {
    return records.select(col("id"), col("dataset"), col("values"), col("label")).javaRDD()
        .map(r -> LinkRecord.of(r, side));
  }

  /**
   * One partition's scored pairs: the reported pairs' rows and how many candidates it had. One object per partition,
   * so Spark sizes the deserialized cache by sampling one array, not by walking every row (nor writes each row by Java
   * serialization to cache it serialized, and reads it back twice).
   */
  @DefaultSerializer(JavaSerializer.class)
  private record Scored(Row[] pairs, long candidates) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /**
   * What the driver learns of one partition's scored pairs: its candidates and edges, the edges themselves when they
   * are few enough for the driver, and the SAME-judged pairs among them.
   */
  @DefaultSerializer(JavaSerializer.class)
  private record EdgeSummary(long candidates, long edges, List<LinkEdge> list, List<List<String>> sameJudged)
      implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /** One partition's count of each comparison pattern, and the u sample's records it holds, by run-order index. */
  @DefaultSerializer(JavaSerializer.class)
  private record PatternCounts(Map<LinkKernel.PairPattern, Long> counts, Map<Integer, LinkRecord> sampled)
      implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  private SparkLinkResult run(JavaRDD<LinkRecord> all, boolean link, Collection<Judgement> judgements) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    int partitions = Integer.parseInt(spark.conf().get("spark.sql.shuffle.partitions"));
    Partitioner byIdPartitioner = new HashPartitioner(partitions);
    // records keyed and partitioned by id once: every later stage attaches them to pairs without moving them. Not
    // persisted: each job reads them again from the shuffle's files (no cache to size, none to lose), and a lost
    // executor's files are recomputed from the input
    JavaPairRDD<String, LinkRecord> byId = CodecShuffle.partitionBy(all.mapToPair(r -> new Tuple2<>(r.id(), r)),
        byIdPartitioner, Codec.STRING, Codec.RECORD);
    Broadcast<Shipped<LinkKernel>> plain = jsc.broadcast(new Shipped<>(kernel));
    RunStats stats = RunStats.of(byId, plain, kernel.fitted() ? 0 : driverIds);
    if (stats.repeated() != null) {
      throw new IllegalArgumentException("record id " + stats.repeated() + " occurs twice; ids must be unique across"
          + " the records of one run (prefix them with the dataset)");
    }
    long n = stats.records();
    JavaRDD<Candidates.Unit> units = Candidates.of(byId, byIdPartitioner, plain, n, link);
    if (!kernel.fitted()) {
      // kept deserialized between the EM pass and the scoring pass, with the records prepared for comparison and the
      // pairs' patterns: the scoring pass neither moves nor compares them again (made again where Spark had no room)
      units.persist(StorageLevel.MEMORY_ONLY());
    }

    // the model: the linker's, or fitted by EM on the driver over the candidates' pattern counts
    LinkKernel model = kernel.fitted() ? kernel : fit(jsc, byId, units, stats, link ? stats.left() : -1);
    LinkKernel fitted = model.withTermFrequencies(stats.termCounts(), n);
    Broadcast<Shipped<LinkKernel>> scoring = jsc.broadcast(new Shipped<>(fitted));
    Judged judged = Judged.of(judgements, ids -> byId.filter(t -> ids.contains(t._1())).values().collect());
    Broadcast<Shipped<HashMap<List<String>, Judgement>>> byPair =
        jsc.broadcast(new Shipped<>(new HashMap<>(judged.byPair())));

    // the edges: pairs at or above the threshold not judged DIFFERENT, explained with their latest judgement, scored
    // where the pairs are, one kernel per executor
    // cached, one object per partition: the pairs are read again for the result (on disk, by Java serialization,
    // only when memory is short)
    JavaRDD<Scored> scored = units.mapPartitions(it -> score(it, scoring.value().value(), byPair.value().value()))
        .persist(StorageLevel.MEMORY_AND_DISK());
    int share = (int) Math.min(Integer.MAX_VALUE, 2L * driverEdges / partitions);
    List<EdgeSummary> summaries = scored.mapPartitions(it -> summarise(it, share)).collect();
    units.unpersist(false);
    long candidates = 0;
    long edgeCount = 0;
    boolean onDriver = true;
    Set<List<String>> sameEdges = new HashSet<>();
    for (EdgeSummary s : summaries) {
      candidates += s.candidates();
      edgeCount += s.edges();
      onDriver &= s.list() != null;
      sameEdges.addAll(s.sameJudged());
    }
    onDriver &= edgeCount <= driverEdges;
    JavaRDD<Row> edgeRows = scored.flatMap(s -> Arrays.asList(s.pairs()).iterator());
    // reported besides: every SAME-judged pair that is not an edge (built here: they are few); all of them join
    // components as must-links
    List<Row> sameRows = new ArrayList<>();
    List<String[]> mustLinks = new ArrayList<>();
    for (MatchRecord[] p : judged.same()) {
      List<String> key = Judged.key(p[0].id(), p[1].id());
      if (!sameEdges.contains(key)) {
        sameRows.add(RecordRows.row(fitted.pair(p[0], p[1], judged.byPair().get(key))));
      }
      mustLinks.add(new String[] {p[0].id(), p[1].id()});
    }
    JavaRDD<Row> pairRows = sameRows.isEmpty() ? edgeRows : edgeRows.union(jsc.parallelize(sameRows, 1));

    // components of the match graph, then each clustered by the embedded clusterer with its own members, edges and
    // judgements
    JavaPairRDD<String, String> membership;
    JavaPairRDD<String, LinkEdge> componentEdges;
    if (onDriver) {
      List<LinkEdge> edges = new ArrayList<>();
      summaries.forEach(s -> edges.addAll(s.list()));
      List<String[]> links = new ArrayList<>(mustLinks);
      edges.forEach(e -> links.add(new String[] {e.left(), e.right()}));
      Map<String, String> component = UnionFindComponents.of(links);
      List<Tuple2<String, String>> members = new ArrayList<>(component.size());
      component.forEach((id, c) -> members.add(new Tuple2<>(id, c)));
      List<Tuple2<String, LinkEdge>> grouped = new ArrayList<>(edges.size());
      edges.forEach(e -> grouped.add(new Tuple2<>(component.get(e.left()), e)));
      membership = jsc.parallelizePairs(members, partitions);
      componentEdges = jsc.parallelizePairs(grouped, partitions);
    } else {
      JavaRDD<LinkEdge> edges = edgeRows.map(r -> new LinkEdge(r.getString(0), r.getString(1), r.getDouble(3)));
      JavaPairRDD<String, String> links = edges.mapToPair(e -> new Tuple2<>(e.left(), e.right()));
      if (!mustLinks.isEmpty()) {
        List<Tuple2<String, String>> must = new ArrayList<>();
        mustLinks.forEach(m -> must.add(new Tuple2<>(m[0], m[1])));
        links = links.union(jsc.parallelizePairs(must, 1));
      }
      membership = StarComponents.of(links, byIdPartitioner);
      componentEdges = edges.mapToPair(e -> new Tuple2<>(e.left(), e)).join(membership, byIdPartitioner)
          .mapToPair(t -> new Tuple2<>(t._2()._2(), t._2()._1()));
    }
    // each record with its component (null: none, a cluster of its own), then each component's members and edges
    // grouped where the component is (plain maps after plain shuffles, as in Candidates)
    JavaRDD<Tuple2<String, LinkRecord>> tagged = byId.zipPartitions(membership.partitionBy(byIdPartitioner),
        (records, components) -> {
          Map<String, String> component = new HashMap<>();
          components.forEachRemaining(t -> component.put(t._1(), t._2()));
          List<Tuple2<String, LinkRecord>> out = new ArrayList<>();
          records.forEachRemaining(t -> out.add(new Tuple2<>(component.get(t._1()), t._2())));
          return out.iterator();
        });
    JavaRDD<Row> singles = tagged.filter(t -> t._1() == null).map(t -> ComponentClusters.single(t._2()));
    JavaPairRDD<String, LinkRecord> members = tagged.filter(t -> t._1() != null).mapToPair(t -> t);
    Broadcast<Shipped<HashMap<String, List<Judgement>>>> judgedById =
        jsc.broadcast(new Shipped<>(new HashMap<>(judged.byId())));
    JavaRDD<Row> clustered = members.partitionBy(byIdPartitioner).zipPartitions(
        componentEdges.partitionBy(byIdPartitioner), (m, e) -> {
          Map<String, List<LinkRecord>> memberLists = new HashMap<>();
          m.forEachRemaining(t -> memberLists.computeIfAbsent(t._1(), k -> new ArrayList<>()).add(t._2()));
          Map<String, List<LinkEdge>> edgeLists = new HashMap<>();
          e.forEachRemaining(t -> edgeLists.computeIfAbsent(t._1(), k -> new ArrayList<>()).add(t._2()));
          LinkKernel k = scoring.value().value();
          List<Row> out = new ArrayList<>();
          memberLists.forEach((c, list) -> out.addAll(ComponentClusters.of(k, list,
              edgeLists.getOrDefault(c, List.of()), judgedById.value().value())));
          return out.iterator();
        });
    return new SparkLinkResult(spark.createDataFrame(pairRows, RecordRows.PAIR),
        spark.createDataFrame(singles.union(clustered), CLUSTER_SCHEMA), candidates, n, fitted.model(),
        fitted.conflicts(judged.records(), judged.byPair().values()));
  }

  /** Scores one partition's candidate pairs: its reported pairs and its candidate count. */
  private static Iterator<Scored> score(Iterator<Candidates.Unit> units, LinkKernel k,
      Map<List<String>, Judgement> judgements) {
    List<Row> out = new ArrayList<>();
    long candidates = 0;
    while (units.hasNext()) {
      Candidates.Unit u = units.next();
      LinkKernel.Batch batch = u.batch();
      for (int p = 0; p < u.pairs(); p++) {
        candidates++;
        int i = u.earlier(p);
        int j = u.later(p);
        MatchRecord a = batch.record(i);
        MatchRecord b = batch.record(j);
        Judgement judged = judgements.isEmpty() ? null : judgements.get(Judged.key(a.id(), b.id()));
        if (judged != null && judged.verdict() == Judgement.Verdict.DIFFERENT) {
          continue;
        }
        double w = u.weight(k, p);
        if (k.isMatch(w)) {
          out.add(RecordRows.row(judged == null ? k.pair(a, b) : k.pair(a, b, judged)));
        }
      }
    }
    return List.of(new Scored(out.toArray(new Row[0]), candidates)).iterator();
  }

  /** One partition's {@link EdgeSummary}: its edges listed while at most {@code share}. */
  private static Iterator<EdgeSummary> summarise(Iterator<Scored> scored, int share) {
    long candidates = 0;
    long edges = 0;
    List<LinkEdge> list = new ArrayList<>();
    List<List<String>> same = new ArrayList<>();
    while (scored.hasNext()) {
      Scored s = scored.next();
      candidates += s.candidates();
      for (Row r : s.pairs()) {
        edges++;
        if (list != null) {
          list.add(new LinkEdge(r.getString(0), r.getString(1), r.getDouble(3)));
          list = list.size() > share ? null : list;
        }
        Row j = r.getStruct(7);
        if (j != null && j.getString(2).equals(Judgement.Verdict.SAME.name())) {
          same.add(Judged.key(r.getString(0), r.getString(1)));
        }
      }
    }
    return List.of(new EdgeSummary(candidates, edges, list, same)).iterator();
  }

  /**
   * The kernel fitted as the embedded run fits its model (no trained or given model): the records of the u sample
   * (by run-order index) and the counts of the candidates' comparison patterns are gathered in one job; EM iterates
   * over those counts on the driver (their number is bounded by the pattern space, not the data).
   */
  private LinkKernel fit(JavaSparkContext jsc, JavaPairRDD<String, LinkRecord> byId,
      JavaRDD<Candidates.Unit> units, RunStats stats, long split) {
    long n = stats.records();
    int[] wanted = kernel.uSampleRecords(n, split);
    Map<String, Integer> wantedIds = new HashMap<>();
    if (stats.runOrder() != null) {
      for (int i : wanted) {
        wantedIds.put(stats.runOrder().get(i), i);
      }
    } else {
      // too many ids for the driver: run order by a distributed sort of (side, id), as Java compares the strings
      Broadcast<int[]> at = jsc.broadcast(wanted);
      byId.values().map(r -> r.side() + r.id()).sortBy(x -> x, true, byId.getNumPartitions()).zipWithIndex()
          .filter(t -> Arrays.binarySearch(at.value(), Math.toIntExact(t._2())) >= 0).collect()
          .forEach(t -> wantedIds.put(t._1().substring(1), Math.toIntExact(t._2())));
    }
    Broadcast<Map<String, Integer>> sample = jsc.broadcast(wantedIds);
    Map<LinkKernel.PairPattern, Long> counts = new HashMap<>();
    Map<Integer, MatchRecord> sampled = new HashMap<>();
    for (PatternCounts p : units.mapPartitions(it -> {
      Map<LinkKernel.PairPattern, Long> local = new HashMap<>();
      Map<Integer, LinkRecord> found = new HashMap<>();
      while (it.hasNext()) {
        Candidates.Unit u = it.next();
        for (LinkRecord r : u.own()) {
          Integer index = sample.value().get(r.id());
          if (index != null) {
            found.put(index, r);
          }
        }
        for (int q = 0; q < u.pairs(); q++) {
          local.merge(u.pattern(q), 1L, Long::sum);
        }
      }
      return List.of(new PatternCounts(local, found)).iterator();
    }).collect()) {
      p.counts().forEach((pattern, c) -> counts.merge(pattern, c, Long::sum));
      p.sampled().forEach((i, r) -> sampled.put(i, r.record()));
    }
    return kernel.fit(sampled, counts, n, split);
  }

  /** The pairs of a result in the order a {@link Linker} reports them. */
  static List<MatchPair> sorted(List<MatchPair> pairs) {
    List<MatchPair> out = new ArrayList<>(pairs);
    out.sort(Comparator.comparingDouble((MatchPair p) -> -p.probability()).thenComparingDouble(p -> -p.weight())
        .thenComparing(MatchPair::leftId).thenComparing(MatchPair::rightId));
    return out;
  }
}
