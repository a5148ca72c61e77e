package org.insight.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.insight.policy.Label;
import org.junit.jupiter.api.Test;

/**
 * A run assembled from {@link LinkKernel}'s pieces as a distributed engine assembles it — blocks from the keys, pairs
 * scored one by one, connected components clustered one by one in any order — equals the {@link Linker} run on the
 * same records: the same pairs (explanations and labels included) and the same clusters.
 */
class LinkKernelProperties {

  @Property(tries = 15)
  void anAssembledLinkEqualsTheLinkersRun(@ForAll @IntRange(min = 0, max = 1_000_000) int seed) {
    List<MatchRecord> records = labelled(Persons.generator(seed).generate(240, 0.35).records(), seed);
    List<MatchRecord> left = records.subList(0, 130);
    List<MatchRecord> right = records.subList(130, records.size());
    Linker linker = Linker.builder().maxBlockSize(40).build().withModel(MatchModel.personDefaults());
    LinkResult embedded = linker.link(left, right);
    LinkResult assembled = assemble(linker.kernel(), left, right, new Random(seed));
    assertEquals(embedded.pairs(), assembled.pairs());
    assertEquals(embedded.clusters(), assembled.clusters());
    assertFalse(embedded.pairs().isEmpty(), "the data has matches");
  }

  @Property(tries = 15)
  void anAssembledDedupeEqualsTheLinkersRun(@ForAll @IntRange(min = 0, max = 1_000_000) int seed) {
    List<MatchRecord> records = labelled(Persons.generator(seed).generate(200, 0.4).records(), seed);
    Linker linker = Linker.builder().build().withModel(MatchModel.personDefaults());
    LinkResult embedded = linker.dedupe(records);
    LinkResult assembled = assemble(linker.kernel(), records, null, new Random(seed));
    assertEquals(embedded.pairs(), assembled.pairs());
    assertEquals(embedded.clusters(), assembled.clusters());
  }

  @Property(tries = 10)
  void anAssembledLinkFittedByEmEqualsTheLinkersRun(@ForAll @IntRange(min = 0, max = 1_000_000) int seed) {
    List<MatchRecord> records = labelled(Persons.generator(seed).generate(240, 0.35).records(), seed);
    List<MatchRecord> left = records.subList(0, 130);
    List<MatchRecord> right = records.subList(130, records.size());
    Linker linker = Linker.builder().maxBlockSize(40).uSampleSize(3_000).build();
    LinkResult embedded = linker.link(left, right);
    LinkResult assembled = assemble(linker.kernel(), left, right, new Random(seed));
    assertEquals(embedded.model().parameters(), assembled.model().parameters());
    assertEquals(embedded.pairs(), assembled.pairs());
    assertEquals(embedded.clusters(), assembled.clusters());
  }

  @Property(tries = 10)
  void anAssembledDedupeFittedByEmEqualsTheLinkersRun(@ForAll @IntRange(min = 0, max = 1_000_000) int seed) {
    List<MatchRecord> records = labelled(Persons.generator(seed).generate(200, 0.4).records(), seed);
    Linker linker = Linker.builder().uSampleSize(3_000).build();
    LinkResult embedded = linker.dedupe(records);
    LinkResult assembled = assemble(linker.kernel(), records, null, new Random(seed));
    assertTrue(embedded.model().parameters().iterations() > 0, "EM ran");
    assertEquals(embedded.model().parameters(), assembled.model().parameters());
    assertEquals(embedded.pairs(), assembled.pairs());
    assertEquals(embedded.clusters(), assembled.clusters());
  }

  @Property(tries = 15)
  void anAssembledLinkWithJudgementsEqualsTheLinkersRun(@ForAll @IntRange(min = 0, max = 1_000_000) int seed) {
    List<MatchRecord> records = labelled(Persons.generator(seed).generate(200, 0.4).records(), seed);
    List<MatchRecord> left = records.subList(0, 110);
    List<MatchRecord> right = records.subList(110, records.size());
    Linker linker = Linker.builder().maxBlockSize(40).build().withModel(MatchModel.personDefaults());
    List<Judgement> judgements = judgements(linker.link(left, right), records, new Random(seed));
    LinkResult embedded = linker.link(left, right, judgements);
    LinkResult assembled = assemble(linker.kernel(), left, right, new Random(seed), judgements);
    assertEquals(embedded.pairs(), assembled.pairs());
    assertEquals(embedded.clusters(), assembled.clusters());
    assertEquals(embedded.conflicts(), assembled.conflicts());
  }

  @Property(tries = 15)
  void aBatchOfSomeRecordsGivesTheKernelsPatternsAndWeightsBitwise(
      @ForAll @IntRange(min = 0, max = 1_000_000) int seed) {
    List<MatchRecord> run = labelled(Persons.generator(seed).generate(200, 0.4).records(), seed);
    int n = run.size();
    Random random = new Random(seed);
    Linker linker = Linker.builder().build();
    LinkResult embedded = linker.dedupe(run);
    // the whole run's term frequencies: a batch holds a few of its records, and must not weigh with its own
    List<Map<String, Long>> counts = new ArrayList<>();
    linker.kernel().comparisons().forEach(c -> counts.add(new HashMap<>()));
    for (MatchRecord r : run) {
      List<Set<String>> keys = linker.kernel().termKeys(r);
      for (int k = 0; k < keys.size(); k++) {
        for (String key : keys.get(k)) {
          counts.get(k).merge(key, 1L, Long::sum);
        }
      }
    }
    LinkKernel scoring = Linker.builder().build().withModel(embedded.model()).kernel().withTermFrequencies(counts, n);
    Map<String, MatchRecord> byId = new HashMap<>();
    run.forEach(r -> byId.put(r.id(), r));
    Set<MatchRecord> chosen = new java.util.LinkedHashSet<>();
    for (MatchPair p : embedded.pairs().subList(0, Math.min(15, embedded.pairs().size()))) {
      chosen.add(byId.get(p.leftId()));
      chosen.add(byId.get(p.rightId()));
    }
    for (int q = 0; q < 10; q++) {
      chosen.add(run.get(random.nextInt(n)));
    }
    List<MatchRecord> batchRecords = new ArrayList<>(chosen);
    Collections.shuffle(batchRecords, random);
    LinkKernel.Batch batch = linker.kernel().batch(batchRecords, n);
    LinkKernel.Batch weightsOnly = batch.forWeightsOnly();
    int exactNames = 0;
    for (int i = 0; i < batch.size(); i++) {
      for (int j = 0; j < batch.size(); j++) {
        if (i == j) {
          continue;
        }
        MatchRecord a = batch.record(i);
        MatchRecord b = batch.record(j);
        LinkKernel.PairPattern pattern = linker.kernel().pattern(a, b, n);
        assertEquals(pattern, batch.pattern(i, j));
        double w = scoring.weight(a, b);
        assertEquals(Double.doubleToLongBits(w), Double.doubleToLongBits(scoring.weight(batch, i, j)), a + " " + b);
        assertEquals(Double.doubleToLongBits(w), Double.doubleToLongBits(scoring.weight(batch, pattern.code(), i, j)));
        assertEquals(Double.doubleToLongBits(w),
            Double.doubleToLongBits(scoring.weight(weightsOnly, pattern.code(), i, j)));
        exactNames += scoring.model().explain(a, b).comparisons().stream().anyMatch(o -> o.tfAdjusted()) ? 1 : 0;
      }
    }
    assertTrue(exactNames > 0, "some pairs agree exactly on a name, so the term frequencies weigh");
    assertThrows(IllegalStateException.class, () -> weightsOnly.pattern(0, 1), "nothing left to compare with");
    assertThrows(IllegalStateException.class, () -> scoring.weight(weightsOnly, 0, 1));
  }

  /**
   * Random judgements, most on the run's pairs (and some on unpaired records, some twice, some at the same instant,
   * one naming a record of another run), every verdict.
   */
  static List<Judgement> judgements(LinkResult unjudged, List<MatchRecord> records, Random random) {
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    Judgement.Verdict[] verdicts = Judgement.Verdict.values();
    List<Judgement> out = new ArrayList<>();
    for (int q = 0; q < 40; q++) {
      String a;
      String b;
      if (random.nextBoolean() && !unjudged.pairs().isEmpty()) {
        MatchPair p = unjudged.pairs().get(random.nextInt(unjudged.pairs().size()));
        a = p.leftId();
        b = p.rightId();
      } else {
        a = records.get(random.nextInt(records.size())).id();
        b = records.get(random.nextInt(records.size())).id();
      }
      if (!a.equals(b)) {
        boolean swap = random.nextBoolean();
        out.add(new Judgement(swap ? b : a, swap ? a : b, verdicts[random.nextInt(verdicts.length)], "analyst",
            t0.plusSeconds(random.nextInt(15))));
      }
    }
    out.add(new Judgement(records.get(0).id(), "elsewhere", Judgement.Verdict.SAME, "analyst", t0));
    return out;
  }

  @Test
  void aKernelThatFitsByEmScoresOnlyOnceFitted() {
    LinkKernel kernel = Linker.builder().build().kernel();
    assertFalse(kernel.fitted());
    IllegalStateException e = assertThrows(IllegalStateException.class, kernel::model);
    assertTrue(e.getMessage().contains("fit it"), e.getMessage());
    assertThrows(IllegalStateException.class, () -> Linker.builder().build()
        .withModel(MatchModel.personDefaults()).kernel().uSampleRecords(10, -1));
  }

  /** Some records labelled, so pair labels are conjunctions. */
  static List<MatchRecord> labelled(List<MatchRecord> records, long seed) {
    Random random = new Random(seed);
    List<MatchRecord> out = new ArrayList<>();
    for (MatchRecord r : records) {
      int k = random.nextInt(3);
      out.add(k == 0 ? r : r.withLabel(Label.of(k == 1 ? "POLICE" : "POLICE&SECRET")));
    }
    return out;
  }

  /**
   * The distributed assembly in memory: right null for a dedupe. Components are clustered in a random order, each
   * knowing only its own members and edges.
   */
  static LinkResult assemble(LinkKernel kernel, List<MatchRecord> left, List<MatchRecord> right, Random random) {
    return assemble(kernel, left, right, random, List.of());
  }

  /** The assembly with judgements, applied as an engine applies them (see SparkLinker). */
  static LinkResult assemble(LinkKernel kernel, List<MatchRecord> left, List<MatchRecord> right, Random random,
      List<Judgement> judgements) {
    List<MatchRecord> run = new ArrayList<>(left);
    run.sort(Comparator.comparing(MatchRecord::id));
    int split = right == null ? -1 : run.size();
    if (right != null) {
      List<MatchRecord> r = new ArrayList<>(right);
      r.sort(Comparator.comparing(MatchRecord::id));
      run.addAll(r);
    }
    int n = run.size();
    List<Map<String, Long>> counts = new ArrayList<>();
    kernel.comparisons().forEach(c -> counts.add(new HashMap<>()));
    for (MatchRecord r : run) {
      List<Set<String>> keys = kernel.termKeys(r);
      for (int k = 0; k < keys.size(); k++) {
        for (String key : keys.get(k)) {
          counts.get(k).merge(key, 1L, Long::sum);
        }
      }
    }
    Map<Long, List<Integer>> blocks = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      for (long h : kernel.blockingKeys(run.get(i), n)) {
        blocks.computeIfAbsent(h, x -> new ArrayList<>()).add(i);
      }
    }
    Set<Long> candidates = new TreeSet<>();
    for (List<Integer> block : blocks.values()) {
      if (block.size() < 2 || block.size() > kernel.maxBlockSize()) {
        continue;
      }
      for (int i : block) {
        for (int j : block) {
          if (i < j && (split < 0 || (i < split && j >= split))) {
            candidates.add((long) i * n + j);
          }
        }
      }
    }
    if (!kernel.fitted()) {
      // EM's sufficient statistics, gathered as an engine gathers them: the sampled records, the pattern counts
      Map<Integer, MatchRecord> sampled = new HashMap<>();
      for (int i : kernel.uSampleRecords(n, split)) {
        sampled.put(i, run.get(i));
      }
      List<Long> shuffled = new ArrayList<>(candidates);
      Collections.shuffle(shuffled, random);
      Map<LinkKernel.PairPattern, Long> patterns = new HashMap<>();
      for (long c : shuffled) {
        patterns.merge(kernel.pattern(run.get((int) (c / n)), run.get((int) (c % n)), n), 1L, Long::sum);
      }
      kernel = kernel.fit(sampled, patterns, n, split);
    }
    LinkKernel scoring = kernel.withTermFrequencies(counts, n);
    // the latest judgement of each pair of the run's records, by run-order pair key
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < n; i++) {
      index.put(run.get(i).id(), i);
    }
    Map<Long, Judgement> judged = new HashMap<>();
    Map<Integer, List<Judgement>> byRecord = new HashMap<>();
    TreeSet<Integer> judgedRecords = new TreeSet<>();
    for (Judgement j : LinkKernel.latest(judgements)) {
      Integer a = index.get(j.leftId());
      Integer b = index.get(j.rightId());
      if (a != null && b != null) {
        judged.put((long) Math.min(a, b) * n + Math.max(a, b), j);
        byRecord.computeIfAbsent(a, x -> new ArrayList<>()).add(j);
        byRecord.computeIfAbsent(b, x -> new ArrayList<>()).add(j);
        judgedRecords.add(a);
        judgedRecords.add(b);
      }
    }
    List<MatchPair> pairs = new ArrayList<>();
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    List<long[]> edges = new ArrayList<>();
    for (long c : candidates) {
      int i = (int) (c / n);
      int j = (int) (c % n);
      Judgement jd = judged.get(c);
      if (jd != null && jd.verdict() == Judgement.Verdict.DIFFERENT) {
        continue;
      }
      double w = scoring.weight(run.get(i), run.get(j));
      if (scoring.isMatch(w)) {
        pairs.add(jd == null ? scoring.pair(run.get(i), run.get(j)) : scoring.pair(run.get(i), run.get(j), jd));
        edges.add(new long[] {i, j, Double.doubleToLongBits(w)});
        parent[find(parent, i)] = find(parent, j);
      }
    }
    for (Map.Entry<Long, Judgement> e : judged.entrySet()) {
      int i = (int) (e.getKey() / n);
      int j = (int) (e.getKey() % n);
      if (e.getValue().verdict() == Judgement.Verdict.SAME) {
        parent[find(parent, i)] = find(parent, j);
        boolean edge = false;
        for (long[] x : edges) {
          edge |= x[0] == i && x[1] == j;
        }
        if (!edge) {
          pairs.add(scoring.pair(run.get(i), run.get(j), e.getValue()));
        }
      }
    }
    pairs.sort(Comparator.comparingDouble((MatchPair p) -> -p.probability()).thenComparingDouble(p -> -p.weight())
        .thenComparing(MatchPair::leftId).thenComparing(MatchPair::rightId));
    Map<Integer, List<Integer>> components = new HashMap<>();
    for (int i = 0; i < n; i++) {
      components.computeIfAbsent(find(parent, i), x -> new ArrayList<>()).add(i);
    }
    List<List<Integer>> order = new ArrayList<>(components.values());
    Collections.shuffle(order, random);
    List<Cluster> clusters = new ArrayList<>();
    for (List<Integer> members : order) {
      Map<Integer, Integer> local = new HashMap<>();
      List<MatchRecord> records = new ArrayList<>();
      for (int i : members) {
        local.put(i, records.size());
        records.add(run.get(i));
      }
      List<LinkKernel.Edge> own = new ArrayList<>();
      for (long[] e : edges) {
        if (local.containsKey((int) e[0])) {
          own.add(new LinkKernel.Edge(local.get((int) e[0]), local.get((int) e[1]), Double.longBitsToDouble(e[2])));
        }
      }
      Collections.shuffle(own, random);
      Set<Judgement> theirs = new java.util.LinkedHashSet<>();
      members.forEach(i -> theirs.addAll(byRecord.getOrDefault(i, List.of())));
      for (List<String> ids : scoring.cluster(records, own, theirs)) {
        clusters.add(new Cluster(LinkKernel.clusterId(ids.get(0)), ids));
      }
    }
    clusters.sort(Comparator.comparing(Cluster::id));
    List<MatchRecord> judgedInRunOrder = new ArrayList<>();
    judgedRecords.forEach(i -> judgedInRunOrder.add(run.get(i)));
    return new LinkResult(pairs, clusters, new BlockingStats(n, 0, 0, 0, 0, candidates.size()), scoring.model(),
        scoring.conflicts(judgedInRunOrder, judged.values()));
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }
}
