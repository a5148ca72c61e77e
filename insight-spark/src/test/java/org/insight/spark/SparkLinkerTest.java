package org.insight.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.SparkSession;
import org.insight.match.Cluster;
import org.insight.match.Judgement;
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
 * clusters on the same generated people, some labelled, with duplicates in several scripts and spellings: with a
 * given model, and with the model fitted by EM (the embedded run's parameters, bitwise).
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

  /**
   * Judgements of every kind on the run's records: DIFFERENT on its strongest pair, SAME on an unpaired pair (which
   * then joins two components), a SAME refused by a DIFFERENT, UNSURE on a pair, a pair judged twice (the later
   * wins), and one naming a record of another run.
   */
  static List<Judgement> judgements(LinkResult unjudged, List<MatchRecord> left, List<MatchRecord> right) {
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    List<Judgement> out = new ArrayList<>();
    MatchPair strongest = unjudged.pairs().get(0);
    MatchPair second = unjudged.pairs().get(1);
    out.add(new Judgement(strongest.leftId(), strongest.rightId(), Judgement.Verdict.DIFFERENT, "a", t));
    out.add(new Judgement(second.rightId(), second.leftId(), Judgement.Verdict.UNSURE, "a", t.plusSeconds(1)));
    java.util.Set<String> paired = new java.util.HashSet<>();
    unjudged.pairs().forEach(p -> paired.add(p.leftId() + " " + p.rightId()));
    String x = left.get(3).id();
    String y = right.stream().map(MatchRecord::id).filter(id -> !paired.contains(x + " " + id)).findFirst()
        .orElseThrow();
    out.add(new Judgement(y, x, Judgement.Verdict.SAME, "b", t.plusSeconds(2)));
    // x and z must differ, so z SAME y (y is x's) is refused
    String z = left.get(7).id();
    out.add(new Judgement(x, z, Judgement.Verdict.DIFFERENT, "b", t.plusSeconds(3)));
    out.add(new Judgement(z, y, Judgement.Verdict.SAME, "b", t.plusSeconds(4)));
    // judged twice: the later DIFFERENT wins over the earlier SAME
    MatchPair third = unjudged.pairs().get(2);
    out.add(new Judgement(third.leftId(), third.rightId(), Judgement.Verdict.DIFFERENT, "c", t.plusSeconds(6)));
    out.add(new Judgement(third.leftId(), third.rightId(), Judgement.Verdict.SAME, "c", t.plusSeconds(5)));
    out.add(new Judgement(x, "elsewhere", Judgement.Verdict.SAME, "c", t.plusSeconds(7)));
    return out;
  }

  @Test
  void aLinkWithJudgementsGivesTheEmbeddedPairsClustersAndConflicts() {
    assertLinkWithJudgements(SparkLinker.DRIVER_EDGES);
  }

  /** Components by large-star/small-star rounds (no edges on the driver): SAME must-links still join components. */
  @Test
  void aLinkWithJudgementsPastTheDriversEdgeLimitGivesTheEmbeddedResult() {
    assertLinkWithJudgements(0);
  }

  static void assertLinkWithJudgements(int driverEdges) {
    SparkSession spark = SparkTestSession.get();
    List<MatchRecord> records = people(7, 240);
    List<MatchRecord> left = records.subList(0, 130);
    List<MatchRecord> right = records.subList(130, records.size());
    Linker linker = Linker.builder().maxBlockSize(40).threads(1).build().withModel(MatchModel.personDefaults());
    List<Judgement> judgements = judgements(linker.link(left, right), left, right);
    LinkResult embedded = linker.link(left, right, judgements);
    SparkLinkResult distributed = new SparkLinker(spark, linker, driverEdges, SparkLinker.DRIVER_IDS)
        .link(SparkLinker.records(spark, left), SparkLinker.records(spark, right), judgements);
    assertEquals(1, embedded.conflicts().size(), "the conflicting SAME is refused");
    assertEquals(embedded.conflicts(), distributed.conflicts());
    assertTrue(embedded.pairs().stream().anyMatch(p -> p.probability() == 1.0 && p.explanation().judgement()
        .isPresent()), "a SAME-judged pair is reported");
    List<MatchPair> pairs = distributed.collectPairs();
    assertTrue(embedded.pairs().size() > 10, "the sample links: " + embedded.pairs().size());
    assertTrue(embedded.pairs().stream().anyMatch(p -> p.label() != null && p.label().toString().contains("SECRET")));
    assertEquals(embedded.pairs(), pairs);
    List<Cluster> clusters = distributed.collectClusters();
    assertTrue(embedded.clusters().stream().anyMatch(c -> c.recordIds().size() > 2) || !pairs.isEmpty());
    assertEquals(embedded.clusters(), clusters);
    assertEquals(embedded.blocking().candidatePairs(), distributed.candidatePairs());
  }

  /** No model given: the job fits it by EM over the candidates' pattern counts, to the embedded run's model. */
  @Test
  void aDedupeFittedByEmGivesTheEmbeddedModelPairsAndClusters() {
    SparkSession spark = SparkTestSession.get();
    List<MatchRecord> records = people(11, 160);
    Linker linker = Linker.builder().threads(1).build();
    LinkResult embedded = linker.dedupe(records);
    SparkLinkResult distributed = new SparkLinker(spark, linker).dedupe(SparkLinker.records(spark, records));
    assertTrue(embedded.model().parameters().iterations() > 1, "EM iterated");
    assertEquals(embedded.model().parameters(), distributed.model().parameters());
    assertEquals(embedded.pairs(), distributed.collectPairs());
    assertEquals(embedded.clusters(), distributed.collectClusters());
    assertTrue(embedded.clusters().stream().anyMatch(c -> c.recordIds().size() > 2),
        "the sample has clusters of three or more, which average linkage decides");
  }

  /**
   * Past both driver limits (0 here): the u sample's run order by a distributed sort, components by large-star and
   * small-star rounds — the same model, pairs and clusters.
   */
  @Test
  void aDedupePastTheDriversLimitsGivesTheEmbeddedModelPairsAndClusters() {
    SparkSession spark = SparkTestSession.get();
    List<MatchRecord> records = people(13, 200);
    Linker linker = Linker.builder().threads(1).build();
    LinkResult embedded = linker.dedupe(records);
    SparkLinkResult distributed = new SparkLinker(spark, linker, 0, 0).dedupe(SparkLinker.records(spark, records));
    assertEquals(embedded.model().parameters(), distributed.model().parameters());
    assertEquals(embedded.pairs(), distributed.collectPairs());
    assertEquals(embedded.clusters(), distributed.collectClusters());
    assertTrue(embedded.clusters().stream().anyMatch(c -> c.recordIds().size() > 2));
  }

  @Test
  void aRepeatedIdIsRefusedWithTheId() {
    SparkSession spark = SparkTestSession.get();
    List<MatchRecord> records = new ArrayList<>(people(17, 40));
    records.add(MatchRecord.of(records.get(5).id(), "other", java.util.Map.of("name", List.of("Ann Other"))));
    Linker linker = Linker.builder().threads(1).build().withModel(MatchModel.personDefaults());
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> new SparkLinker(spark, linker).dedupe(SparkLinker.records(spark, records)));
    assertTrue(e.getMessage().contains("record id " + records.get(5).id() + " occurs twice"), e.getMessage());
  }

  /**
   * Spark's fixed cost is per job: a run with a given model is two jobs (one over the records, one scoring the
   * candidates), one more to count EM's patterns, one more to find the judged records; reading the pairs and the
   * clusters one job each.
   */
  @Test
  void aRunIsAFewSparkJobs() {
    SparkSession spark = SparkTestSession.get();
    List<MatchRecord> records = people(19, 120);
    java.util.concurrent.atomic.AtomicInteger jobs = new java.util.concurrent.atomic.AtomicInteger();
    org.apache.spark.scheduler.SparkListener counter = new org.apache.spark.scheduler.SparkListener() {
      @Override
      public void onJobStart(org.apache.spark.scheduler.SparkListenerJobStart start) {
        jobs.incrementAndGet();
      }
    };
    spark.sparkContext().addSparkListener(counter);
    try {
      Linker given = Linker.builder().threads(1).build().withModel(MatchModel.personDefaults());
      SparkLinkResult result = new SparkLinker(spark, given).dedupe(SparkLinker.records(spark, records));
      assertEquals(2, jobsAfter(spark, jobs), "a run with a given model");
      result.collectPairs();
      result.collectClusters();
      assertEquals(2, jobsAfter(spark, jobs), "reading pairs and clusters");
      new SparkLinker(spark, Linker.builder().threads(1).build()).dedupe(SparkLinker.records(spark, records));
      assertEquals(3, jobsAfter(spark, jobs), "a run fitting its model by EM");
    } finally {
      spark.sparkContext().removeSparkListener(counter);
    }
  }

  /** The jobs started since the last call (the listener bus drained first: it delivers events asynchronously). */
  private static int jobsAfter(SparkSession spark, java.util.concurrent.atomic.AtomicInteger jobs) {
    try {
      spark.sparkContext().listenerBus().waitUntilEmpty(60_000);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("Spark's listener bus did not drain in a minute", e);
    }
    return jobs.getAndSet(0);
  }
}
