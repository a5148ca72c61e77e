package org.insight.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.encode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.insight.match.Judgement;
import org.insight.match.LinkKernel;
import org.insight.match.Linker;
import org.insight.match.MatchPair;
import org.insight.match.MatchRecord;
import org.insight.policy.Label;
import org.insight.spark.internal.Components;
import org.insight.spark.internal.Judged;
import org.insight.spark.internal.RecordRows;

/**
 * Record linkage and de-duplication as a Spark job, with the comparators, model, threshold and no-chaining clustering
 * of a {@link Linker} ({@link LinkKernel}), and the same result as {@link Linker#link}/{@link Linker#dedupe} on the
 * same records: blocking keys are exploded and joined (blocks larger than the maximum size skipped, as embedded),
 * candidate pairs are scored where they are, the pairs at or above the threshold form a graph whose connected
 * components (min-label propagation) are clustered one by one by the embedded clusterer. Every pair carries the
 * conjunction of its records' labels and every cluster the conjunction of its members'.
 *
 * <p>A linker that was trained or given a model scores with it; one that fits its model by EM in each run (the
 * default) has it fitted here as its run would fit it: the candidate pairs' comparison patterns are counted by Spark
 * (the sufficient statistics of EM), EM iterates over those counts on the driver with the embedded code
 * ({@link LinkKernel#fit}), so the model is the embedded run's. Analyst judgements (few, held on the driver) are
 * applied as the run applies them: pairs judged DIFFERENT are no edges, SAME-judged pairs are reported and join
 * components as must-links, and each component is clustered with its judgements. Records are rows of {@link #RECORD_SCHEMA} ({@link #records}).
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

  private final SparkSession spark;
  private final LinkKernel kernel;

  /** A job on {@code spark} running the pieces of {@code linker} (trained or given a model). */
  public SparkLinker(SparkSession spark, Linker linker) {
    this.spark = Objects.requireNonNull(spark, "spark");
    this.kernel = linker.kernel();
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
    return run(left.select(cols()).withColumn("side", lit(0)).union(right.select(cols()).withColumn("side", lit(1))),
        true, judgements);
  }

  /** De-duplicates one dataset of records; ids unique. */
  public SparkLinkResult dedupe(Dataset<Row> records) {
    return dedupe(records, List.of());
  }

  /** De-duplicates one dataset of records honouring analyst judgements as {@link Linker#dedupe(List, Collection)}. */
  public SparkLinkResult dedupe(Dataset<Row> records, Collection<Judgement> judgements) {
    return run(records.select(cols()).withColumn("side", lit(0)), false, judgements);
  }

  private static org.apache.spark.sql.Column[] cols() {
    return new org.apache.spark.sql.Column[] {col("id"), col("dataset"), col("values"), col("label")};
  }

  private SparkLinkResult run(Dataset<Row> all, boolean link, Collection<Judgement> judgements) {
    // checkpointed (locally) where a stage is reused: later plans start from the rows, not from their lineage, which
    // keeps planning short (on a cluster, an executor lost before the run ends fails it; rerun)
    all = all.localCheckpoint();
    long n = 0;
    long leftN = 0;
    for (Row r : all.groupBy("side").count().collectAsList()) {
      n += r.getLong(1);
      leftN += r.getInt(0) == 0 ? r.getLong(1) : 0;
    }
    List<Row> repeated = all.groupBy("id").count().where(col("count").gt(1)).limit(1).collectAsList();
    if (!repeated.isEmpty()) {
      throw new IllegalArgumentException("record id " + repeated.get(0).getString(0) + " occurs twice; ids must be"
          + " unique across the records of one run (prefix them with the dataset)");
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());

    long runSize = n;
    // term frequencies: per comparison, how many records have each name key
    Broadcast<LinkKernel> plain = jsc.broadcast(kernel);
    StructType termSchema = new StructType().add("k", DataTypes.IntegerType).add("key", DataTypes.StringType);
    List<Row> termCounts = all.flatMap((FlatMapFunction<Row, Row>) row -> {
      List<Set<String>> keys = plain.value().termKeys(RecordRows.record(row));
      List<Row> out = new ArrayList<>();
      for (int k = 0; k < keys.size(); k++) {
        for (String key : keys.get(k)) {
          out.add(RowFactory.create(k, key));
        }
      }
      return out.iterator();
    }, Encoders.row(termSchema)).groupBy("k", "key").count().collectAsList();
    List<Map<String, Long>> counts = new ArrayList<>();
    kernel.comparisons().forEach(c -> counts.add(new HashMap<>()));
    for (Row r : termCounts) {
      counts.get(r.getInt(0)).put(r.getString(1), r.getLong(2));
    }

    // blocks: (key, id, side); usable when held by 2..maxBlockSize records; pairs sharing one, each once
    StructType keySchema = new StructType().add("key", DataTypes.LongType).add("id", DataTypes.StringType)
        .add("side", DataTypes.IntegerType);
    Dataset<Row> keys = all.flatMap((FlatMapFunction<Row, Row>) row -> {
      MatchRecord r = RecordRows.record(row);
      int side = row.getInt(row.fieldIndex("side"));
      List<Row> out = new ArrayList<>();
      for (long h : plain.value().blockingKeys(r, runSize)) {
        out.add(RowFactory.create(h, r.id(), side));
      }
      return out.iterator();
    }, Encoders.row(keySchema));
    int max = kernel.maxBlockSize();
    Dataset<Row> usable = keys.groupBy("key").agg(count(lit(1)).as("size"))
        .where(col("size").geq(2).and(col("size").leq(max))).select("key");
    Dataset<Row> blocked = keys.join(usable, "key");
    Dataset<Row> a = blocked.select(col("key"), col("id").as("a_id"), col("side").as("a_side"));
    Dataset<Row> b = blocked.select(col("key"), col("id").as("b_id"), col("side").as("b_side"));
    org.apache.spark.sql.Column pairCondition = link
        ? col("a_side").equalTo(0).and(col("b_side").equalTo(1))
        : col("a_id").lt(col("b_id"));
    Dataset<Row> candidates = a.join(b, "key").where(pairCondition).select("a_id", "b_id", "a_side", "b_side")
        .distinct().localCheckpoint();

    // scoring where the pairs are: each side's record joined in, the pairs at or above the threshold explained
    Dataset<Row> recs = all.select(col("id"), struct(col("id"), col("dataset"), col("values"), col("label")).as("r"));
    Dataset<Row> withRecords = candidates
        .join(recs.withColumnRenamed("id", "a_id").withColumnRenamed("r", "ra"), "a_id")
        .join(recs.withColumnRenamed("id", "b_id").withColumnRenamed("r", "rb"), "b_id");

    // the model: the linker's, or fitted by EM on the driver over the candidates' pattern counts
    LinkKernel model = kernel.fitted() ? kernel : fit(jsc, all, withRecords, plain, n, link ? leftN : -1);
    LinkKernel fitted = model.withTermFrequencies(counts, n);
    Broadcast<LinkKernel> scoring = jsc.broadcast(fitted);
    Judged judged = Judged.of(all, judgements);
    Broadcast<Map<List<String>, Judgement>> byPair = jsc.broadcast(judged.byPair());
    // the edges: pairs at or above the threshold not judged DIFFERENT, explained with their latest judgement
    Dataset<Row> edgePairs = withRecords.flatMap((FlatMapFunction<Row, Row>) row -> {
      MatchRecord[] pair = inRunOrder(row);
      Judgement j = byPair.value().isEmpty() ? null : byPair.value().get(Judged.key(pair[0].id(), pair[1].id()));
      if (j != null && j.verdict() == Judgement.Verdict.DIFFERENT) {
        return java.util.Collections.emptyIterator();
      }
      LinkKernel k = scoring.value();
      double w = k.weight(pair[0], pair[1]);
      if (!k.isMatch(w)) {
        return java.util.Collections.emptyIterator();
      }
      return List.of(RecordRows.row(j == null ? k.pair(pair[0], pair[1]) : k.pair(pair[0], pair[1], j))).iterator();
    }, Encoders.row(RecordRows.PAIR)).localCheckpoint();
    // reported besides: every SAME-judged pair that is not an edge (built here: they are few)
    Dataset<Row> pairs = edgePairs;
    Dataset<Row> links = edgePairs.select(col("left_id").as("src"), col("right_id").as("dst"));
    if (!judged.same().isEmpty()) {
      List<Row> same = new ArrayList<>();
      for (MatchRecord[] p : judged.same()) {
        same.add(RecordRows.row(fitted.pair(p[0], p[1], judged.byPair().get(Judged.key(p[0].id(), p[1].id())))));
      }
      Dataset<Row> sameRows = spark.createDataFrame(same, RecordRows.PAIR);
      Dataset<Row> edgeIds = edgePairs.select(col("left_id").as("e_left"), col("right_id").as("e_right"));
      pairs = edgePairs.union(sameRows.join(edgeIds, sameRows.col("left_id").equalTo(edgeIds.col("e_left"))
          .and(sameRows.col("right_id").equalTo(edgeIds.col("e_right"))), "left_anti"));
      links = links.union(sameRows.select(col("left_id").as("src"), col("right_id").as("dst"))); // must-links
    }

    // components of the match graph (must-links joining them), then each clustered by the embedded clusterer with
    // its own members, edges and judgements
    Dataset<Row> edges = edgePairs.select("left_id", "right_id", "weight");
    Dataset<Row> component = Components.of(links);
    Dataset<Row> members = component.join(all.select(col("id").as("node"), col("side"), struct(col("id"),
        col("dataset"), col("values"), col("label")).as("r")), "node")
        .groupBy("component").agg(collect_list(struct(col("side"), col("r"))).as("members"));
    Dataset<Row> componentEdges = edges.join(component.withColumnRenamed("node", "left_id"), "left_id")
        .groupBy("component").agg(collect_list(struct(col("left_id"), col("right_id"), col("weight"))).as("edges"));
    Dataset<Row> grouped = members.join(componentEdges, "component");
    Broadcast<Map<String, List<Judgement>>> byId = jsc.broadcast(judged.byId());
    Dataset<Row> linked = grouped.flatMap((FlatMapFunction<Row, Row>) row -> clusterComponent(scoring.value(), row,
        byId.value()), Encoders.row(CLUSTER_SCHEMA));
    Dataset<Row> singletons = all.join(component.withColumnRenamed("node", "id"), "id", "left_anti")
        .map((org.apache.spark.api.java.function.MapFunction<Row, Row>) row -> RowFactory.create(
            LinkKernel.clusterId(row.getString(row.fieldIndex("id"))), new String[] {row.getString(row.fieldIndex("id"))},
            row.getString(row.fieldIndex("label"))), Encoders.row(CLUSTER_SCHEMA));
    return new SparkLinkResult(pairs, linked.union(singletons), candidates, n, fitted.model(),
        fitted.conflicts(judged.records(), judged.byPair().values()));
  }

  /** A candidate row's two records, the first in run order first. */
  private static MatchRecord[] inRunOrder(Row row) {
    MatchRecord x = RecordRows.record(row.getStruct(row.fieldIndex("ra")));
    MatchRecord y = RecordRows.record(row.getStruct(row.fieldIndex("rb")));
    boolean swap = row.getInt(row.fieldIndex("a_side")) == row.getInt(row.fieldIndex("b_side"))
        && x.id().compareTo(y.id()) > 0; // run order: left side first, then by id as Java compares strings
    return swap ? new MatchRecord[] {y, x} : new MatchRecord[] {x, y};
  }

  /**
   * The kernel fitted as the embedded run fits its model (no trained or given model): the records of the u sample
   * (by run-order index) and the counts of the candidates' comparison patterns are gathered here; EM iterates over
   * those counts on the driver (their number is bounded by the pattern space, not the data).
   */
  private LinkKernel fit(JavaSparkContext jsc, Dataset<Row> all, Dataset<Row> withRecords,
      Broadcast<LinkKernel> plain, long n, long split) {
    // run order: side, then id as Java compares strings — by UTF-16 code unit, as the bytes of UTF-16BE compare
    Broadcast<int[]> wanted = jsc.broadcast(kernel.uSampleRecords(n, split));
    Map<Integer, MatchRecord> sampled = new HashMap<>();
    all.sort(col("side"), encode(col("id"), "UTF-16BE")).javaRDD().zipWithIndex()
        .filter(t -> Arrays.binarySearch(wanted.value(), Math.toIntExact(t._2())) >= 0)
        .collect()
        .forEach(t -> sampled.put(Math.toIntExact(t._2()), RecordRows.record(t._1())));
    StructType patternSchema = new StructType().add("code", DataTypes.LongType)
        .add("name_only", DataTypes.BooleanType).add("identifier", DataTypes.BooleanType);
    Map<LinkKernel.PairPattern, Long> counts = new HashMap<>();
    withRecords.map((org.apache.spark.api.java.function.MapFunction<Row, Row>) row -> {
      MatchRecord[] pair = inRunOrder(row);
      LinkKernel.PairPattern p = plain.value().pattern(pair[0], pair[1], n);
      return RowFactory.create(p.code(), p.nameOnly(), p.identifier());
    }, Encoders.row(patternSchema)).groupBy("code", "name_only", "identifier").count().collectAsList()
        .forEach(r -> counts.put(new LinkKernel.PairPattern(r.getLong(0), r.getBoolean(1), r.getBoolean(2)),
            r.getLong(3)));
    return kernel.fit(sampled, counts, n, split);
  }

  /** Clusters one component: members in run order (side, then id as Java compares), edges by member position. */
  private static Iterator<Row> clusterComponent(LinkKernel kernel, Row row, Map<String, List<Judgement>> judgements) {
    List<Row> memberRows = new ArrayList<>(row.<Row>getList(row.fieldIndex("members")));
    List<Object[]> ordered = new ArrayList<>();
    for (Row m : memberRows) {
      ordered.add(new Object[] {m.getInt(0), RecordRows.record(m.getStruct(1))});
    }
    ordered.sort(Comparator.comparingInt((Object[] o) -> (Integer) o[0])
        .thenComparing(o -> ((MatchRecord) o[1]).id()));
    List<MatchRecord> records = new ArrayList<>();
    Map<String, Integer> position = new HashMap<>();
    for (Object[] o : ordered) {
      MatchRecord r = (MatchRecord) o[1];
      position.put(r.id(), records.size());
      records.add(r);
    }
    List<LinkKernel.Edge> edges = new ArrayList<>();
    for (Row e : row.<Row>getList(row.fieldIndex("edges"))) {
      edges.add(new LinkKernel.Edge(position.get(e.getString(0)), position.get(e.getString(1)), e.getDouble(2)));
    }
    Map<String, MatchRecord> byId = new HashMap<>();
    records.forEach(r -> byId.put(r.id(), r));
    java.util.Set<Judgement> own = new java.util.LinkedHashSet<>(); // a judgement names two members or none
    if (!judgements.isEmpty()) {
      records.forEach(r -> own.addAll(judgements.getOrDefault(r.id(), List.of())));
    }
    List<Row> out = new ArrayList<>();
    for (List<String> ids : kernel.cluster(records, edges, own)) {
      List<Label> labels = new ArrayList<>();
      for (String id : ids) {
        if (byId.get(id).label() != null) {
          labels.add(byId.get(id).label());
        }
      }
      Label label = labels.isEmpty() ? null : Label.allOf(labels);
      out.add(RowFactory.create(LinkKernel.clusterId(ids.get(0)), ids.toArray(new String[0]),
          label == null ? null : label.toString()));
    }
    return out.iterator();
  }

  /** The pairs of a result in the order a {@link Linker} reports them. */
  static List<MatchPair> sorted(List<MatchPair> pairs) {
    List<MatchPair> out = new ArrayList<>(pairs);
    out.sort(Comparator.comparingDouble((MatchPair p) -> -p.probability()).thenComparingDouble(p -> -p.weight())
        .thenComparing(MatchPair::leftId).thenComparing(MatchPair::rightId));
    return out;
  }
}
