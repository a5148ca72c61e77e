package org.insight.match;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.insight.match.internal.Blocker;
import org.insight.match.internal.Clusterer;
import org.insight.match.internal.Levels;
import org.insight.policy.Label;

/**
 * The pieces of a {@link Linker} run, for an engine that distributes them (insight-spark): blocking keys, term
 * frequencies, the weight, threshold and explanation of a pair, and the clustering of one connected component of the
 * edges. Each gives, bitwise, what a {@link Linker} run computes for the same records, so an engine that puts them
 * together as the run does (blocks as joins, pairs scored, components clustered) reports the same pairs and clusters.
 * A run orders its records by id (in a link, the left side's then the right side's): "run order" below.
 *
 * <p>Immutable, thread-safe and {@link Serializable} (engines ship it to their workers). Get one from
 * {@link Linker#kernel()}; it scores with a given or trained model: EM fitting is not distributed, and analyst
 * judgements are not applied.
 */
public final class LinkKernel implements Serializable {
  private static final long serialVersionUID = 1L;

  /** An edge between two members of a component, by their positions in run order. */
  public record Edge(int i, int j, double weight) {}

  private final MatchModel model;
  private final double threshold;
  private final int maxBlockSize;
  private final double linkage;
  private final double clashWeight;

  LinkKernel(MatchModel model, double threshold, int maxBlockSize, double linkage, double clashWeight) {
    this.model = model;
    this.threshold = threshold;
    this.maxBlockSize = maxBlockSize;
    this.linkage = linkage;
    this.clashWeight = clashWeight;
  }

  /** The comparisons, in order. */
  public List<Comparison> comparisons() {
    return model.comparisons();
  }

  /** The model this kernel scores with (its term frequencies those of the last {@link #withTermFrequencies}). */
  public MatchModel model() {
    return model;
  }

  /** Blocks with more records than this are skipped. */
  public int maxBlockSize() {
    return maxBlockSize;
  }

  /**
   * The blocking keys of a record in a run of {@code n} records (as 64-bit hashes truncated as the run truncates
   * them, distinct, sorted): two records are a candidate pair when they share a key held by 2 to
   * {@link #maxBlockSize()} records of the run (in a link, one from each side).
   */
  public long[] blockingKeys(MatchRecord record, long n) {
    return Blocker.hashes(record, model.comparisons(), n);
  }

  /**
   * The name keys of a record per comparison (empty for comparisons that are not names), each once: the term
   * frequency of a key is the number of records of the run having it, divided by the run's record count.
   */
  public List<Set<String>> termKeys(MatchRecord record) {
    List<Set<String>> out = new ArrayList<>();
    for (Comparison c : model.comparisons()) {
      Set<String> keys = new LinkedHashSet<>();
      if (c.kind() == Comparison.Kind.NAME) {
        for (String v : c.values(record)) {
          String key = Levels.nameKey(v);
          if (!key.isEmpty()) {
            keys.add(key);
          }
        }
      }
      out.add(keys);
    }
    return out;
  }

  /**
   * A kernel scoring with the term frequencies of a run of {@code records} records: per comparison, how many records
   * have each name key ({@link #termKeys}).
   */
  public LinkKernel withTermFrequencies(List<Map<String, Long>> counts, long records) {
    if (counts.size() != model.comparisons().size()) {
      throw new IllegalArgumentException("one map of counts per comparison: " + model.comparisons().size()
          + " expected, got " + counts.size());
    }
    List<Map<String, Double>> frequencies = new ArrayList<>();
    for (Map<String, Long> c : counts) {
      Map<String, Double> f = new HashMap<>(c.size() * 4 / 3 + 1);
      double n = records;
      c.forEach((k, v) -> f.put(k, v.doubleValue() / n)); // the sum of v ones, as MatchModel.frequencies adds them
      frequencies.add(f);
    }
    return new LinkKernel(model.withTermFrequencies(frequencies), threshold, maxBlockSize, linkage, clashWeight);
  }

  /** The match weight of a pair (the first in run order first). */
  public double weight(MatchRecord a, MatchRecord b) {
    return model.weight(a, b);
  }

  /** Whether a pair of this weight is reported and may link clusters: its probability reaches the threshold. */
  public boolean isMatch(double weight) {
    return model.probability(weight) >= threshold;
  }

  /** The reported pair, explained, labelled with the conjunction of the records' labels (the first in run order first). */
  public MatchPair pair(MatchRecord a, MatchRecord b) {
    Explanation x = model.explain(a, b, Optional.empty());
    Label label = a.label() == null ? b.label() : b.label() == null ? a.label() : a.label().andOrStricter(b.label());
    return new MatchPair(a.id(), b.id(), x.probability(), x.weight(), x, label);
  }

  /**
   * Clusters one connected component of the edges: {@code members} in run order, {@code edges} between their
   * positions. The clustering of a run (average linkage with a clash veto, strongest edge first) never merges across
   * components and decides each merge from the two clusters alone, so clustering the components one by one gives the
   * run's clusters. Returns the clusters as sorted member ids.
   */
  public List<List<String>> cluster(List<MatchRecord> members, List<Edge> edges) {
    int n = members.size();
    List<Clusterer.Edge> sorted = new ArrayList<>();
    for (Edge e : edges) {
      sorted.add(new Clusterer.Edge(Math.min(e.i(), e.j()), Math.max(e.i(), e.j()), e.weight()));
    }
    sorted.sort(Comparator.comparingDouble((Clusterer.Edge e) -> -e.weight())
        .thenComparingInt(Clusterer.Edge::i).thenComparingInt(Clusterer.Edge::j));
    Clusterer clusterer = new Clusterer(n, Set.of());
    Clusterer.Scorer scorer = (i, j) -> {
      double w = model.weight(members.get(Math.min(i, j)), members.get(Math.max(i, j)));
      return new double[] {w, model.probability(w)};
    };
    clusterer.link(sorted, scorer, linkage, clashWeight, LinkRun.MAX_CROSS);
    List<List<String>> out = new ArrayList<>();
    for (List<Integer> group : clusterer.clusters()) {
      List<String> ids = new ArrayList<>();
      group.forEach(i -> ids.add(members.get(i).id()));
      ids.sort(null);
      out.add(ids);
    }
    return out;
  }

  /** The id a run gives the cluster whose smallest member id is {@code smallestMember}. */
  public static String clusterId(String smallestMember) {
    return Cluster.idOf(smallestMember);
  }
}
