package org.insight.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
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
import org.insight.match.ComparisonOutcome;
import org.insight.match.MatchRecord;
import org.insight.match.Screening;
import org.insight.match.ScreeningHit;
import org.insight.match.ScreeningQuery;
import org.insight.policy.Label;
import org.insight.spark.internal.RecordRows;

/**
 * Batch screening as a Spark job: every record of a dataset (rows of {@link SparkLinker#RECORD_SCHEMA}) screened
 * against a watch list with the embedded {@link Screening} (its index, model and calibration), which each executor
 * builds once from the broadcast entries. The list must fit in an executor's memory (a million names does); the
 * dataset may be any size. Each hit carries the conjunction of the query's and the entry's labels.
 */
public final class SparkScreening {

  /**
   * The schema of hit rows: query_id, rank (1 = best), entry_id, dataset (the entry's list), probability (calibrated),
   * weight, evidence, explanation (as in pairs), label text (query ∧ entry).
   */
  public static final StructType HIT_SCHEMA = new StructType()
      .add("query_id", DataTypes.StringType, false)
      .add("rank", DataTypes.IntegerType, false)
      .add("entry_id", DataTypes.StringType, false)
      .add("dataset", DataTypes.StringType, false)
      .add("probability", DataTypes.DoubleType, false)
      .add("weight", DataTypes.DoubleType, false)
      .add("evidence", DataTypes.StringType, false)
      .add("model_probability", DataTypes.DoubleType, false)
      .add("explanation", DataTypes.createArrayType(RecordRows.OUTCOME, false), false)
      .add("label", DataTypes.StringType, true);

  /** Each executor's screening index, by broadcast id: built once however many tasks screen against it. */
  private static final Map<Long, Screening> INDEXES = new ConcurrentHashMap<>();

  private final SparkSession spark;

  /** Screening jobs on {@code spark}. */
  public SparkScreening(SparkSession spark) {
    this.spark = Objects.requireNonNull(spark, "spark");
  }

  /** The best {@code limit} candidates of each record of {@code queries} among {@code watchList}. */
  public Dataset<Row> screen(Dataset<Row> queries, List<MatchRecord> watchList, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1; got " + limit);
    }
    List<Row> entries = new ArrayList<>();
    watchList.forEach(e -> entries.add(RecordRows.row(e)));
    Broadcast<List<Row>> list = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(entries);
    return queries.flatMap((FlatMapFunction<Row, Row>) row -> {
      Screening screening = INDEXES.computeIfAbsent(list.id(), id -> {
        List<MatchRecord> records = new ArrayList<>();
        list.value().forEach(r -> records.add(RecordRows.record(r)));
        return Screening.of(records);
      });
      MatchRecord query = RecordRows.record(row);
      List<ScreeningHit> hits = screening.candidates(ScreeningQuery.of(query), limit);
      List<Row> out = new ArrayList<>();
      for (int i = 0; i < hits.size(); i++) {
        out.add(row(query, hits.get(i), i + 1));
      }
      return out.iterator();
    }, Encoders.row(HIT_SCHEMA));
  }

  private static Row row(MatchRecord query, ScreeningHit h, int rank) {
    List<Row> outcomes = new ArrayList<>();
    for (ComparisonOutcome o : h.explanation().comparisons()) {
      outcomes.add(RowFactory.create(o.comparison(), o.level(), o.left(), o.right(), o.m(), o.u(), o.weight(),
          o.tfAdjusted()));
    }
    Label label = query.label() == null ? h.label() : h.label() == null ? query.label()
        : query.label().andOrStricter(h.label());
    return RowFactory.create(query.id(), rank, h.id(), h.dataset(), h.probability(), h.weight(), h.evidence(),
        h.explanation().probability(), outcomes.toArray(new Row[0]), label == null ? null : label.toString());
  }
}
