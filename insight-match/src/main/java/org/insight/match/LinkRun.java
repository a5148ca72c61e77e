package org.insight.match;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.insight.match.internal.Blocker;
import org.insight.match.internal.StageProgress;
import org.insight.match.internal.Clusterer;
import org.insight.match.internal.ModelFitting;
import org.insight.match.internal.PhaseLog;
import org.insight.match.internal.RecordTable;
import org.insight.match.internal.Workers;
import org.insight.policy.Label;

/**
 * One linkage run: prepare the records ({@link RecordTable}), block ({@link Blocker}), fit a model unless one is given
 * ({@link ModelFitting}), stream the candidate pairs again keeping the edges at or above the threshold, cluster with
 * the judgements as must-/cannot-links ({@link Clusterer}), and explain the reported pairs. Package-private: the
 * public way in is {@link Linker}, which builds the settings.
 */
final class LinkRun {

  /** Above this many cross pairs, a merge checks only the cannot-links ({@link Clusterer#link}). */
  static final int MAX_CROSS = 2_500;

  private final LinkSettings settings;
  private final MatchModel model;

  /** A run with these settings, scoring with {@code model} (its term frequencies replaced), or fitting one if null. */
  LinkRun(LinkSettings settings, MatchModel model) {
    this.settings = settings;
    this.model = model;
  }

  /**
   * Links {@code input}: all pairs when {@code split} is -1, else only pairs of one record before {@code split} and
   * one from it on.
   */
  LinkResult run(List<MatchRecord> input, int split, Collection<Judgement> judgements) {
    List<MatchRecord> records = inIdOrder(input, split);
    int n = records.size();
    try (Workers workers = new Workers(settings.threads())) {
      return run(records, n, split, judgements, workers);
    }
  }

  /** Records in id order (each side in link mode), so results do not depend on the caller's order; ids unique. */
  static List<MatchRecord> inIdOrder(List<MatchRecord> input, int split) {
    List<MatchRecord> records = new ArrayList<>(input);
    Comparator<MatchRecord> byId = Comparator.comparing(MatchRecord::id);
    if (split >= 0) {
      records.subList(0, split).sort(byId);
      records.subList(split, records.size()).sort(byId);
    } else {
      records.sort(byId);
    }
    requireUniqueIds(records, split);
    return records;
  }

  /** Ids are unique across the run: each side is sorted, so a repeat is a neighbour or on both sides. */
  private static void requireUniqueIds(List<MatchRecord> records, int split) {
    int n = records.size();
    int cut = split >= 0 ? split : n;
    String repeated = null;
    for (int i = 1; i < n && repeated == null; i++) {
      if (i != cut && records.get(i).id().equals(records.get(i - 1).id())) {
        repeated = records.get(i).id();
      }
    }
    for (int a = 0, b = cut; repeated == null && a < cut && b < n; ) {
      int c = records.get(a).id().compareTo(records.get(b).id());
      if (c == 0) {
        repeated = records.get(a).id();
      } else if (c < 0) {
        a++;
      } else {
        b++;
      }
    }
    if (repeated != null) {
      throw new IllegalArgumentException("record id " + repeated + " occurs twice; ids must be unique"
          + " across the records of one run (prefix them with the dataset)");
    }
  }

  private LinkResult run(List<MatchRecord> records, int n, int split, Collection<Judgement> judgements,
      Workers workers) {
    List<Comparison> comparisons = settings.comparisons();
    long t0 = System.nanoTime();
    RecordTable table = RecordTable.build(records, comparisons, workers);
    PhaseLog.done("table", t0);
    Blocker.Index blocks = Blocker.index(records, comparisons, settings.maxBlockSize(), split, workers);
    PhaseLog.done("blocking", t0);
    long candidates = -1;
    int[][] patterns = null;
    MatchModel used;
    if (model != null) {
      used = model.withTermFrequencies(table.frequencies());
    } else {
      ModelFitting.Fitted fit = ModelFitting.fit(table, blocks, split, comparisons, settings.fitting(), workers);
      used = new MatchModel(comparisons, fit.m(), fit.u(), fit.lambda(), table.frequencies(), fit.iterations(),
          fit.converged(), fit.logLikelihood());
      candidates = fit.candidatePairs();
      patterns = fit.patternsByChunk();
    }
    RecordTable.Weights weights = RecordTable.Weights.of(used);
    PhaseLog.done("model", t0);

    Judged judged = Judged.of(records, judgements);
    ScoredEdges scored = score(blocks, table, used, weights, patterns, judged.cannot(), n, workers);
    PhaseLog.done("scoring pass", t0);

    Clusterer clusterer = new Clusterer(n, judged.cannot());
    List<Judgement> conflicts = new ArrayList<>();
    for (Map.Entry<Long, Judgement> e : judged.same()) {
      if (!clusterer.mustLink((int) (e.getKey() / n), (int) (e.getKey() % n))) {
        conflicts.add(e.getValue());
      }
    }
    Clusterer.Scorer scorer = (i, j) -> {
      double w = table.weight(Math.min(i, j), Math.max(i, j), weights);
      return new double[] {w, used.probability(w)};
    };
    clusterer.link(scored.edges(), scorer, settings.linkage(), settings.clashWeight(), MAX_CROSS);
    PhaseLog.done("clustering", t0);

    List<MatchPair> pairs = explain(records, scored.edges(), judged, used, workers);
    PhaseLog.done("explanations", t0);
    List<Cluster> clusters = clusters(records, clusterer.clusters(), workers);
    PhaseLog.done("clusters", t0);
    if (candidates >= 0 && candidates != scored.pairs()) {
      throw new IllegalStateException("blocking gave " + candidates + " pairs, then " + scored.pairs());
    }
    return new LinkResult(pairs, clusters, blocks.stats(scored.pairs()), used, conflicts);
  }

  /**
   * The judgements that bear on a run, by pair key ({@link Clusterer#key}): the latest per unordered pair wins.
   *
   * @param latest the latest judgement of each judged pair of the run's records
   * @param cannot the pairs judged DIFFERENT
   * @param same the pairs judged SAME, oldest first
   */
  record Judged(Map<Long, Judgement> latest, Set<Long> cannot, List<Map.Entry<Long, Judgement>> same) {

    static Judged of(List<MatchRecord> records, Collection<Judgement> judgements) {
      int n = records.size();
      Set<String> judged = new HashSet<>();
      for (Judgement j : judgements) {
        judged.add(j.leftId());
        judged.add(j.rightId());
      }
      Map<String, Integer> index = new HashMap<>(); // only the judged records' indices are looked up
      for (int i = 0; i < n && !judged.isEmpty(); i++) {
        if (judged.contains(records.get(i).id())) {
          index.put(records.get(i).id(), i);
        }
      }
      Map<Long, Judgement> latest = new HashMap<>();
      for (Judgement j : judgements) {
        Integer a = index.get(j.leftId());
        Integer b = index.get(j.rightId());
        if (a == null || b == null) {
          continue;
        }
        latest.merge(Clusterer.key(a, b, n), j, (x, y) -> y.when().isAfter(x.when()) ? y : x);
      }
      Set<Long> cannot = new HashSet<>();
      List<Map.Entry<Long, Judgement>> same = new ArrayList<>();
      for (Map.Entry<Long, Judgement> e : latest.entrySet()) {
        if (e.getValue().verdict() == Judgement.Verdict.DIFFERENT) {
          cannot.add(e.getKey());
        } else if (e.getValue().verdict() == Judgement.Verdict.SAME) {
          same.add(e);
        }
      }
      same.sort(Comparator.comparing((Map.Entry<Long, Judgement> e) -> e.getValue().when())
          .thenComparing(Map.Entry::getKey));
      return new Judged(latest, cannot, same);
    }
  }

  /**
   * What the scoring pass keeps.
   *
   * @param edges the pairs at or above the threshold and not judged DIFFERENT, strongest first, then by index
   * @param pairs how many candidate pairs the pass scored
   */
  private record ScoredEdges(List<Clusterer.Edge> edges, long pairs) {}

  /**
   * The second pass over the candidates: keeps only the edges at or above the threshold (no score is cached; the
   * clusterer scores the pairs it needs on demand). Consumes {@code patterns} (the first pass's codes, or null).
   */
  private ScoredEdges score(Blocker.Index blocks, RecordTable table, MatchModel used, RecordTable.Weights weights,
      int[][] patterns, Set<Long> cannot, int n, Workers workers) {
    StageProgress scoring = new StageProgress(settings.progress(), "score", blocks.chunks());
    List<EdgeChunk> parts = blocks.forEachPair(workers, EdgeChunk::new, new Blocker.PairVisitor<EdgeChunk>() {
      @Override
      public void chunk(EdgeChunk acc, int chunk) {
        scoring.step();
        acc.codes = patterns == null ? null : patterns[chunk];
        acc.next = 0;
        if (patterns != null) {
          patterns[chunk] = null;
        }
      }

      @Override
      public void pair(EdgeChunk acc, int i, int j) {
        acc.pairs++;
        double w = acc.codes != null ? table.weight(acc.codes[acc.next++], i, j, weights) : table.weight(i, j, weights);
        if (used.probability(w) >= settings.threshold()
            && (cannot.isEmpty() || !cannot.contains(Clusterer.key(i, j, n)))) {
          acc.edges.add(new Clusterer.Edge(i, j, w));
        }
      }
    });
    scoring.finish();
    List<Clusterer.Edge> edges = new ArrayList<>();
    long pairCount = 0;
    for (EdgeChunk part : parts) {
      edges.addAll(part.edges);
      pairCount += part.pairs;
    }
    edges.sort(Comparator.comparingDouble((Clusterer.Edge e) -> -e.weight())
        .thenComparingInt(Clusterer.Edge::i).thenComparingInt(Clusterer.Edge::j));
    return new ScoredEdges(edges, pairCount);
  }

  /** One thread's share of the scoring pass. */
  private static final class EdgeChunk {
    final List<Clusterer.Edge> edges = new ArrayList<>();
    long pairs;
    int[] codes;
    int next;
  }

  /**
   * The reported pairs with their explanations: the edges, then the SAME-judged pairs that are not edges; built in
   * parallel, sorted by probability, weight and ids.
   */
  private static List<MatchPair> explain(List<MatchRecord> records, List<Clusterer.Edge> edges, Judged judged,
      MatchModel used, Workers workers) {
    int n = records.size();
    List<long[]> wanted = new ArrayList<>();
    Set<Long> emitted = new HashSet<>();
    for (Clusterer.Edge e : edges) {
      long k = Clusterer.key(e.i(), e.j(), n);
      emitted.add(k);
      wanted.add(new long[] {e.i(), e.j(), k});
    }
    for (Map.Entry<Long, Judgement> e : judged.same()) {
      if (emitted.add(e.getKey())) {
        wanted.add(new long[] {e.getKey() / n, e.getKey() % n, e.getKey()});
      }
    }
    MatchPair[] built = new MatchPair[wanted.size()];
    workers.forRange(built.length, q -> {
      long[] w = wanted.get(q);
      built[q] = pair(used, records.get((int) w[0]), records.get((int) w[1]),
          Optional.ofNullable(judged.latest().get(w[2])));
    });
    List<MatchPair> out = new ArrayList<>(Arrays.asList(built));
    out.sort(Comparator.comparingDouble((MatchPair p) -> -p.probability()).thenComparingDouble(p -> -p.weight())
        .thenComparing(MatchPair::leftId).thenComparing(MatchPair::rightId));
    return out;
  }

  /** The clusters of record indices as {@link Cluster}s (members sorted, stable ids), sorted by id. */
  private static List<Cluster> clusters(List<MatchRecord> records, List<List<Integer>> groups, Workers workers) {
    Cluster[] clusters = new Cluster[groups.size()];
    workers.forRange(clusters.length, q -> {
      List<String> ids = new ArrayList<>();
      for (int i : groups.get(q)) {
        ids.add(records.get(i).id());
      }
      ids.sort(null);
      clusters[q] = new Cluster(Cluster.idOf(ids.get(0)), ids);
    });
    List<Cluster> sorted = new ArrayList<>(Arrays.asList(clusters));
    sorted.sort(Comparator.comparing(Cluster::id));
    return sorted;
  }

  static MatchPair pair(MatchModel model, MatchRecord a, MatchRecord b, Optional<Judgement> judgement) {
    Explanation x = model.explain(a, b, judgement);
    boolean sameJudged = judgement.map(j -> j.verdict() == Judgement.Verdict.SAME).orElse(false);
    Label label = a.label() == null ? b.label() : b.label() == null ? a.label() : a.label().andOrStricter(b.label());
    return new MatchPair(a.id(), b.id(), sameJudged ? 1.0 : x.probability(), x.weight(), x, label);
  }
}
