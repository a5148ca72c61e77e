package org.insight.spark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.insight.match.BlockingStats;
import org.insight.match.Cluster;
import org.insight.match.Judgement;
import org.insight.match.LinkResult;
import org.insight.match.MatchModel;
import org.insight.match.MatchPair;
import org.insight.spark.internal.RecordRows;

/**
 * What a {@link SparkLinker} run produced: the pairs and clusters as datasets (computed when used; the run has already
 * counted the candidates, fitted the model and found the components).
 *
 * @param pairs rows of {@link SparkLinker#PAIR_SCHEMA}: the pairs at or above the threshold, explained and labelled
 * @param clusters rows of {@link SparkLinker#CLUSTER_SCHEMA}: every record in exactly one cluster, labelled
 * @param candidatePairs how many distinct candidate pairs blocking gave (counted by the job that scored them)
 * @param records how many records the run linked
 * @param model the model the run scored with (its term frequencies those of the run)
 * @param conflicts the SAME judgements the run refused because a DIFFERENT judgement forbids the merge, as
 *     {@link LinkResult#conflicts()}
 */
public record SparkLinkResult(Dataset<Row> pairs, Dataset<Row> clusters, long candidatePairs, long records,
    MatchModel model, List<Judgement> conflicts) {

  public SparkLinkResult {
    conflicts = List.copyOf(conflicts);
  }

  /**
   * The whole result on the driver as a {@link LinkResult} of the embedded linker (blocking statistics: the records
   * and candidate pairs only), for results that fit in its memory.
   */
  public LinkResult collect() {
    return new LinkResult(collectPairs(), collectClusters(),
        new BlockingStats(Math.toIntExact(records), 0, 0, 0, 0, candidatePairs), model, conflicts);
  }

  /** Writes {@code pairs} and {@code clusters} as Parquet under {@code dir} (any Hadoop path), replacing them. */
  public void write(String dir) {
    String base = dir.endsWith("/") ? dir : dir + "/";
    pairs.write().mode(SaveMode.Overwrite).parquet(base + "pairs");
    clusters.write().mode(SaveMode.Overwrite).parquet(base + "clusters");
  }

  /** The pairs on the driver, in the order a {@code Linker} reports them (for results that fit in its memory). */
  public List<MatchPair> collectPairs() {
    List<MatchPair> out = new ArrayList<>();
    for (Row r : pairs.collectAsList()) {
      out.add(RecordRows.pair(r));
    }
    return SparkLinker.sorted(out);
  }

  /** The clusters on the driver, sorted by id as a {@code Linker} sorts them. */
  public List<Cluster> collectClusters() {
    List<Cluster> out = new ArrayList<>();
    for (Row r : clusters.collectAsList()) {
      out.add(new Cluster(r.getString(0), r.<String>getList(1)));
    }
    out.sort(Comparator.comparing(Cluster::id));
    return out;
  }
}
