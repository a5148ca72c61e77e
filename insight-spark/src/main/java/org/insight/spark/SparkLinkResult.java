package org.insight.spark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.insight.match.Cluster;
import org.insight.match.MatchPair;
import org.insight.spark.internal.RecordRows;

/**
 * What a {@link SparkLinker} run produced, as datasets (computed when used).
 *
 * @param pairs rows of {@link SparkLinker#PAIR_SCHEMA}: the pairs at or above the threshold, explained and labelled
 * @param clusters rows of {@link SparkLinker#CLUSTER_SCHEMA}: every record in exactly one cluster, labelled
 * @param records how many records the run linked
 */
public record SparkLinkResult(Dataset<Row> pairs, Dataset<Row> clusters, long records) {

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
