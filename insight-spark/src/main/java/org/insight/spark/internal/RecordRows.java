package org.insight.spark.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.insight.match.ComparisonOutcome;
import org.insight.match.Explanation;
import org.insight.match.Judgement;
import org.insight.match.MatchPair;
import org.insight.match.MatchRecord;
import org.insight.policy.Label;

/**
 * Match records and pairs as Spark rows and back. Arrays are Java arrays in the rows (Spark's row encoder refuses
 * {@code java.util.List}); a label travels as its canonical text, so it is never dropped between stages. Not API.
 */
public final class RecordRows {

  private RecordRows() {}

  /** One property's values. */
  public static final StructType VALUE = new StructType()
      .add("property", DataTypes.StringType, false)
      .add("values", DataTypes.createArrayType(DataTypes.StringType, false), false);

  /** A match record: id, dataset, values in the record's order, label (null when the record has none). */
  public static final StructType RECORD = new StructType()
      .add("id", DataTypes.StringType, false)
      .add("dataset", DataTypes.StringType, false)
      .add("values", DataTypes.createArrayType(VALUE, false), false)
      .add("label", DataTypes.StringType, true);

  /** One comparison of an explanation. */
  public static final StructType OUTCOME = new StructType()
      .add("comparison", DataTypes.StringType, false)
      .add("level", DataTypes.StringType, false)
      .add("left", DataTypes.StringType, false)
      .add("right", DataTypes.StringType, false)
      .add("m", DataTypes.DoubleType, false)
      .add("u", DataTypes.DoubleType, false)
      .add("weight", DataTypes.DoubleType, false)
      .add("tf_adjusted", DataTypes.BooleanType, false);

  /** An analyst's judgement of a pair, as {@link Judgement} (the time as ISO-8601 text). */
  public static final StructType JUDGEMENT = new StructType()
      .add("left_id", DataTypes.StringType, false)
      .add("right_id", DataTypes.StringType, false)
      .add("verdict", DataTypes.StringType, false)
      .add("who", DataTypes.StringType, false)
      .add("when", DataTypes.StringType, false);

  /**
   * A reported pair with its explanation and the conjunction of the two records' labels; the model's probability
   * (the reported one is 1 for a pair judged SAME) and the pair's latest judgement, null when none.
   */
  public static final StructType PAIR = new StructType()
      .add("left_id", DataTypes.StringType, false)
      .add("right_id", DataTypes.StringType, false)
      .add("probability", DataTypes.DoubleType, false)
      .add("weight", DataTypes.DoubleType, false)
      .add("explanation", DataTypes.createArrayType(OUTCOME, false), false)
      .add("label", DataTypes.StringType, true)
      .add("model_probability", DataTypes.DoubleType, false)
      .add("judgement", JUDGEMENT, true);

  /** A record as a row of {@link #RECORD}. */
  public static Row row(MatchRecord r) {
    List<Row> values = new ArrayList<>();
    r.values().forEach((p, v) -> values.add(RowFactory.create(p, v.toArray(new String[0]))));
    return RowFactory.create(r.id(), r.dataset(), values.toArray(new Row[0]),
        r.label() == null ? null : r.label().toString());
  }

  /**
   * The record of a row whose first four fields are those of {@link #RECORD} (a record row, or one with more
   * fields after them; rows built on the driver have no schema, so by position).
   */
  public static MatchRecord record(Row row) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    for (Row v : RecordRows.<Row>list(row, 2)) {
      values.put(v.getString(0), List.copyOf(RecordRows.<String>list(v, 1)));
    }
    String label = row.getString(3);
    return MatchRecord.ofCleaned(row.getString(0), row.getString(1), values, label == null ? null : Label.parse(label));
  }

  /** An array field: a Java array in a row built here (not yet encoded), a Scala sequence in one Spark decoded. */
  @SuppressWarnings("unchecked")
  private static <T> List<T> list(Row row, int i) {
    Object o = row.get(i);
    return o instanceof Object[] a ? (List<T>) java.util.Arrays.asList(a) : row.getList(i);
  }

  /** A pair as a row of {@link #PAIR}. */
  public static Row row(MatchPair p) {
    List<Row> outcomes = new ArrayList<>();
    for (ComparisonOutcome o : p.explanation().comparisons()) {
      outcomes.add(RowFactory.create(o.comparison(), o.level(), o.left(), o.right(), o.m(), o.u(), o.weight(),
          o.tfAdjusted()));
    }
    Row judgement = p.explanation().judgement().map(j -> RowFactory.create(j.leftId(), j.rightId(),
        j.verdict().name(), j.who(), j.when().toString())).orElse(null);
    return RowFactory.create(p.leftId(), p.rightId(), p.probability(), p.weight(), outcomes.toArray(new Row[0]),
        p.label() == null ? null : p.label().toString(), p.explanation().probability(), judgement);
  }

  /** The pair of a {@link #PAIR} row. */
  public static MatchPair pair(Row row) {
    List<ComparisonOutcome> outcomes = new ArrayList<>();
    for (Row o : row.<Row>getList(4)) {
      outcomes.add(new ComparisonOutcome(o.getString(0), o.getString(1), o.getString(2), o.getString(3),
          o.getDouble(4), o.getDouble(5), o.getDouble(6), o.getBoolean(7)));
    }
    String left = row.getString(0);
    String right = row.getString(1);
    double probability = row.getDouble(2);
    double weight = row.getDouble(3);
    String label = row.getString(5);
    Row j = row.getStruct(7);
    java.util.Optional<Judgement> judgement = j == null ? java.util.Optional.empty()
        : java.util.Optional.of(new Judgement(j.getString(0), j.getString(1), Judgement.Verdict.valueOf(j.getString(2)),
            j.getString(3), java.time.Instant.parse(j.getString(4))));
    return new MatchPair(left, right, probability, weight,
        new Explanation(left, right, outcomes, weight, row.getDouble(6), judgement),
        label == null ? null : Label.parse(label));
  }
}
