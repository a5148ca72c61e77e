package org.insight.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.SparkSession;
import org.insight.match.Cluster;
import org.insight.match.LinkResult;
import org.insight.match.Linker;
import org.insight.match.MatchModel;
import org.insight.match.MatchPair;
import org.insight.match.MatchRecord;
import org.insight.policy.Label;
import org.insight.test.PersonGenerator;
import org.junit.jupiter.api.Test;

/**
 * The Spark job gives, record by record, the embedded linker's pairs (probability, weight, explanation, label) and
 * clusters on the same generated people, some labelled, with duplicates in several scripts and spellings.
 */
class SparkLinkerTest {

  static List<MatchRecord> people(long seed, int n) {
    Random random = new Random(seed);
    List<MatchRecord> out = new ArrayList<>();
    for (MatchRecord r : new PersonGenerator<>(seed, (id, v) -> MatchRecord.of(id, "synthetic", v))
        .generate(n, 0.4).records()) {
      int k = random.nextInt(3);
      out.add(k == 0 ? r : r.withLabel(Label.of(k == 1 ? "POLICE" : "POLICE&SECRET")));
    }
    return out;
  }

  @Test
  void aLinkGivesTheEmbeddedPairsAndClusters() {
    SparkSession spark = SparkTestSession.get();
    List<MatchRecord> records = people(7, 240);
    List<MatchRecord> left = records.subList(0, 130);
    List<MatchRecord> right = records.subList(130, records.size());
    Linker linker = Linker.builder().maxBlockSize(40).threads(1).build().withModel(MatchModel.personDefaults());
    LinkResult embedded = linker.link(left, right);
    SparkLinkResult distributed = new SparkLinker(spark, linker)
        .link(SparkLinker.records(spark, left), SparkLinker.records(spark, right));
    List<MatchPair> pairs = distributed.collectPairs();
    assertTrue(embedded.pairs().size() > 10, "the sample links: " + embedded.pairs().size());
    assertTrue(embedded.pairs().stream().anyMatch(p -> p.label() != null && p.label().toString().contains("SECRET")));
    assertEquals(embedded.pairs(), pairs);
    List<Cluster> clusters = distributed.collectClusters();
    assertTrue(embedded.clusters().stream().anyMatch(c -> c.recordIds().size() > 2) || !pairs.isEmpty());
    assertEquals(embedded.clusters(), clusters);
  }

  @Test
  void aDedupeGivesTheEmbeddedPairsAndClusters() {
    SparkSession spark = SparkTestSession.get();
    List<MatchRecord> records = people(11, 160);
    Linker linker = Linker.builder().threads(1).build().withModel(MatchModel.personDefaults());
    LinkResult embedded = linker.dedupe(records);
    SparkLinkResult distributed = new SparkLinker(spark, linker).dedupe(SparkLinker.records(spark, records));
    assertEquals(embedded.pairs(), distributed.collectPairs());
    assertEquals(embedded.clusters(), distributed.collectClusters());
    assertTrue(embedded.clusters().stream().anyMatch(c -> c.recordIds().size() > 2),
        "the sample has clusters of three or more, which average linkage decides");
  }
}
