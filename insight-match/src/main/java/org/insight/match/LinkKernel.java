package org.insight.match;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.insight.core.ProgressListener;
import org.insight.match.internal.Blocker;
import org.insight.match.internal.Clusterer;
import org.insight.match.internal.ExpectationMaximisation;
import org.insight.match.internal.Levels;
import org.insight.match.internal.ModelFitting;
import org.insight.match.internal.Patterns;
import org.insight.match.internal.RecordTable;
import org.insight.match.internal.Workers;

/**
 * The pieces of a {@link Linker} run, for an engine that distributes them (insight-spark): blocking keys, term
 * frequencies, the weight, threshold and explanation of a pair, and the clustering of one connected component of the
 * edges. Each gives, bitwise, what a {@link Linker} run computes for the same records, so an engine that puts them
 * together as the run does (blocks as joins, pairs scored, components clustered) reports the same pairs and clusters.
 * A run orders its records by id (in a link, the left side's then the right side's): "run order" below.
 *
 * <p>Immutable, thread-safe and {@link Serializable} (engines ship it to their workers). Get one from
 * {@link Linker#kernel()}. A linker that was trained or given a model gives a {@linkplain #fitted() fitted} kernel;
 * one that fits its model by EM in each run gives a kernel that first needs the run's sufficient statistics: the
 * records of a random pair sample ({@link #uSampleRecords}) and the counts of the candidate pairs' comparison patterns
 * ({@link #pattern}); {@link #fit} then runs the embedded EM over them and gives the run's model. Analyst judgements
 * are applied as a run applies them: {@link #latest}, {@link #pair(MatchRecord, MatchRecord, Judgement)},
 * {@link #cluster(List, List, Collection)} and {@link #conflicts}.
 */
public final class LinkKernel implements Serializable {
  private static final long serialVersionUID = 1L;

  /** An edge between two members of a component, by their positions in run order. */
  public record Edge(int i, int j, double weight) {}

  /**
   * A candidate pair's comparison pattern and the blocking rules it came from: EM's sufficient statistic is how many
   * candidate pairs of a run have each.
   *
   * @param code the levels, packed (mixed radix, comparison 0 least significant)
   * @param nameOnly whether the two records share a name-only blocking key (the names alone shaped the pair)
   * @param identifier whether they share an identifier, phone or e-mail key (neither names nor dates shaped it)
   */
  public record PairPattern(long code, boolean nameOnly, boolean identifier) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /** What EM is told (the linker's settings), for a kernel that is not fitted. */
  record Em(int uSampleSize, long seed, int iterations, double tolerance) implements Serializable {
    private static final long serialVersionUID = 1L;

    ModelFitting.Settings settings() {
      return new ModelFitting.Settings(uSampleSize, seed, iterations, tolerance, ProgressListener.NONE);
    }
  }

  private final List<Comparison> comparisons;
  private final MatchModel model;
  private final Em em;
  private final double threshold;
  private final int maxBlockSize;
  private final double linkage;
  private final double clashWeight;

  /** A kernel scoring with {@code model}, or (model null) fitting one by EM with {@code em}. */
  LinkKernel(List<Comparison> comparisons, MatchModel model, Em em, double threshold, int maxBlockSize,
      double linkage, double clashWeight) {
    this.comparisons = List.copyOf(comparisons);
    this.model = model;
    this.em = em;
    this.threshold = threshold;
    this.maxBlockSize = maxBlockSize;
    this.linkage = linkage;
    this.clashWeight = clashWeight;
  }

  /** The comparisons, in order. */
  public List<Comparison> comparisons() {
    return comparisons;
  }

  /** Whether this kernel has its model (trained, given or {@linkplain #fit fitted}); only then does it score. */
  public boolean fitted() {
    return model != null;
  }

  /**
   * The model this kernel scores with (its term frequencies those of the last {@link #withTermFrequencies}).
   *
   * @throws IllegalStateException if the kernel is not {@linkplain #fitted() fitted}
   */
  public MatchModel model() {
    return scoring();
  }

  private MatchModel scoring() {
    if (model == null) {
      throw new IllegalStateException("this kernel has no model yet: fit it (fit) with the run's pattern counts, or"
          + " get the kernel of a trained linker (train) or of one given a model (withModel)");
    }
    return model;
  }

  /**
   * The run-order indices (sorted, distinct) of the records whose random pairs the embedded run draws to estimate u,
   * in a run of {@code n} records ({@code split}: the first right-hand record of a link, -1 in a dedupe): give
   * {@link #fit} those records.
   */
  public int[] uSampleRecords(long n, long split) {
    requireUnfitted();
    java.util.TreeSet<Integer> wanted = new java.util.TreeSet<>();
    for (int[] pair : ModelFitting.uSample(Math.toIntExact(n), Math.toIntExact(split), em.settings())) {
      wanted.add(pair[0]);
      wanted.add(pair[1]);
    }
    return wanted.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * The pattern of a candidate pair of a run of {@code n} records (the first in run order first): count them over all
   * candidate pairs for {@link #fit}.
   */
  public PairPattern pattern(MatchRecord a, MatchRecord b, long n) {
    int[] levels = new int[comparisons.size()];
    int[] radix = new int[comparisons.size()];
    for (int k = 0; k < levels.length; k++) {
      levels[k] = comparisons.get(k).level(a, b);
      radix[k] = comparisons.get(k).levels().size();
    }
    long[][] ra = Blocker.ruleHashes(a, comparisons, n);
    long[][] rb = Blocker.ruleHashes(b, comparisons, n);
    return new PairPattern(Patterns.code(levels, radix), shareOne(ra[0], rb[0]), shareOne(ra[1], rb[1]));
  }

  private static boolean shareOne(long[] x, long[] y) {
    for (int i = 0, j = 0; i < x.length && j < y.length; ) {
      if (x[i] == y[j]) {
        return true;
      }
      if (x[i] < y[j]) {
        i++;
      } else {
        j++;
      }
    }
    return false;
  }

  /**
   * The kernel with the model the embedded run of the same {@code n} records fits (bitwise: the same u sample, the
   * same EM over the same pattern counts), its term frequencies not yet set ({@link #withTermFrequencies}).
   *
   * @param sampled the records at the indices {@link #uSampleRecords} gave, by index
   * @param counts how many candidate pairs of the run have each {@link #pattern}
   * @param n the run's records
   * @param split the first right-hand record of a link (the left side's size), -1 in a dedupe
   */
  public LinkKernel fit(Map<Integer, MatchRecord> sampled, Map<PairPattern, Long> counts, long n, long split) {
    requireUnfitted();
    int runSize = Math.toIntExact(n);
    int at = Math.toIntExact(split);
    int[] radix = new int[comparisons.size()];
    long space = 1;
    for (int k = 0; k < radix.length; k++) {
      radix[k] = comparisons.get(k).levels().size();
      space = space > Long.MAX_VALUE / radix[k] ? -1 : space * radix[k];
      if (space < 0) {
        throw new IllegalArgumentException("too many comparison levels to count patterns; use fewer comparisons");
      }
    }
    int[][] sample = ModelFitting.uSample(runSize, at, em.settings());
    double[][] u = ModelFitting.u(comparisons, sample, (i, j, out) -> {
      MatchRecord a = sampled.get(i);
      MatchRecord b = sampled.get(j);
      if (a == null || b == null) {
        throw new IllegalArgumentException("the u sample needs record " + (a == null ? i : j) + " (run order);"
            + " give the records at the indices uSampleRecords gives");
      }
      for (int k = 0; k < out.length; k++) {
        out[k] = comparisons.get(k).level(a, b);
      }
    });
    java.util.TreeMap<Long, Long> all = new java.util.TreeMap<>();
    java.util.TreeMap<Long, Long> nameOnly = new java.util.TreeMap<>();
    java.util.TreeMap<Long, Long> identifier = new java.util.TreeMap<>();
    counts.forEach((p, c) -> {
      all.merge(p.code(), c, Long::sum);
      if (p.nameOnly()) {
        nameOnly.merge(p.code(), c, Long::sum);
      }
      if (p.identifier()) {
        identifier.merge(p.code(), c, Long::sum);
      }
    });
    ExpectationMaximisation.Fit fit = ModelFitting.parameters(comparisons, u, Patterns.of(all, radix),
        Patterns.of(nameOnly, radix), Patterns.of(identifier, radix), runSize, at, em.settings());
    List<Map<String, Double>> none = new ArrayList<>();
    comparisons.forEach(c -> none.add(new HashMap<>()));
    MatchModel fitted = new MatchModel(comparisons, fit.m(), u, fit.lambda(), none, fit.iterations(),
        fit.converged(), fit.logLikelihood());
    return new LinkKernel(comparisons, fitted, null, threshold, maxBlockSize, linkage, clashWeight);
  }

  private void requireUnfitted() {
    if (model != null) {
      throw new IllegalStateException("this kernel already has its model; only a kernel of a linker that fits by EM"
          + " (no train, no withModel) is fitted");
    }
  }

  /**
   * Some records of a run of {@code n} records prepared once for many comparisons among them (names prepared, rule
   * keys hashed), as the embedded run prepares all of its records: {@link Batch#pattern} and
   * {@link #weight(Batch, long, int, int)} then give, bitwise, {@link #pattern(MatchRecord, MatchRecord, long)} and
   * {@link #weight(MatchRecord, MatchRecord)} of two of them without preparing either again. For an engine that
   * brings the records of many candidate pairs to one place (a partition).
   */
  public Batch batch(List<MatchRecord> records, long n) {
    return new Batch(records, n);
  }

  /**
   * Records prepared by {@link #batch}, by their position in the list given. Not thread-safe (it keeps the last
   * scoring model's form): one per task.
   */
  public final class Batch {
    private final List<MatchRecord> records;
    private final RecordTable table;
    private final long[][] nameOnly;
    private final long[][] identifier;
    private MatchModel scoredWith;
    private RecordTable scoring;
    private RecordTable.Weights weights;

    private Batch(List<MatchRecord> records, RecordTable table, long[][] nameOnly, long[][] identifier) {
      this.records = records;
      this.table = table;
      this.nameOnly = nameOnly;
      this.identifier = identifier;
    }

    private Batch(List<MatchRecord> records, long n) {
      this.records = List.copyOf(records);
      try (Workers one = new Workers(1)) {
        this.table = RecordTable.build(this.records, comparisons, one);
      }
      this.nameOnly = new long[this.records.size()][];
      this.identifier = new long[this.records.size()][];
      for (int i = 0; i < nameOnly.length; i++) {
        long[][] rules = Blocker.ruleHashes(this.records.get(i), comparisons, n);
        nameOnly[i] = rules[0];
        identifier[i] = rules[1];
      }
    }

    /** The number of records. */
    public int size() {
      return records.size();
    }

    /** The record at {@code i}. */
    public MatchRecord record(int i) {
      return records.get(i);
    }

    /**
     * {@link LinkKernel#pattern(MatchRecord, MatchRecord, long)} of records {@code i} and {@code j} (first in run
     * order first).
     *
     * @throws IllegalStateException if this batch is {@linkplain #forWeightsOnly() for weights only}
     */
    public PairPattern pattern(int i, int j) {
      if (nameOnly == null) {
        throw new IllegalStateException("this batch keeps no prepared records (forWeightsOnly): compare with the"
            + " batch it came from");
      }
      return new PairPattern(table.pattern(i, j), shareOne(nameOnly[i], nameOnly[j]),
          shareOne(identifier[i], identifier[j]));
    }

    /**
     * The same records without what comparing them needs (their prepared names: most of a batch's memory), for a
     * pass that weighs pairs from their patterns, computed before, with {@link LinkKernel#weight(Batch, long, int,
     * int)}: for an engine keeping a batch between the pass that counts the patterns and the one that scores.
     */
    public Batch forWeightsOnly() {
      return new Batch(records, table.forWeightsOnly(), null, null);
    }

    private RecordTable.Weights weighing(MatchModel model) {
      if (scoredWith != model) {
        scoring = table.withFrequencies(model.frequencies());
        weights = RecordTable.Weights.of(model);
        scoredWith = model;
      }
      return weights;
    }
  }

  /**
   * {@link #weight(MatchRecord, MatchRecord)} of records {@code i} and {@code j} of a batch (first in run order
   * first).
   *
   * @throws IllegalStateException if the batch is {@linkplain Batch#forWeightsOnly() for weights only}
   */
  public double weight(Batch batch, int i, int j) {
    if (batch.nameOnly == null) {
      throw new IllegalStateException("this batch keeps no prepared records (forWeightsOnly): weigh from the pattern");
    }
    RecordTable.Weights w = batch.weighing(scoring());
    return batch.scoring.weight(i, j, w);
  }

  /**
   * {@link #weight(Batch, int, int)} from the pair's pattern code ({@link PairPattern#code()}, from a kernel with the
   * same comparisons), without comparing the records again.
   */
  public double weight(Batch batch, long patternCode, int i, int j) {
    RecordTable.Weights w = batch.weighing(scoring());
    return batch.scoring.weight(patternCode, i, j, w);
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
    return Blocker.hashes(record, comparisons, n);
  }

  /**
   * The name keys of a record per comparison (empty for comparisons that are not names), each once: the term
   * frequency of a key is the number of records of the run having it, divided by the run's record count.
   */
  public List<Set<String>> termKeys(MatchRecord record) {
    List<Set<String>> out = new ArrayList<>();
    for (Comparison c : comparisons) {
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
    MatchModel model = scoring();
    if (counts.size() != comparisons.size()) {
      throw new IllegalArgumentException("one map of counts per comparison: " + comparisons.size()
          + " expected, got " + counts.size());
    }
    List<Map<String, Double>> frequencies = new ArrayList<>();
    for (Map<String, Long> c : counts) {
      Map<String, Double> f = new HashMap<>(c.size() * 4 / 3 + 1);
      double n = records;
      c.forEach((k, v) -> f.put(k, v.doubleValue() / n)); // the sum of v ones, as MatchModel.frequencies adds them
      frequencies.add(f);
    }
    return new LinkKernel(comparisons, model.withTermFrequencies(frequencies), null, threshold, maxBlockSize, linkage,
        clashWeight);
  }

  /** The match weight of a pair (the first in run order first). */
  public double weight(MatchRecord a, MatchRecord b) {
    return scoring().weight(a, b);
  }

  /** Whether a pair of this weight is reported and may link clusters: its probability reaches the threshold. */
  public boolean isMatch(double weight) {
    return scoring().probability(weight) >= threshold;
  }

  /** The reported pair, explained, labelled with the conjunction of the records' labels (the first in run order first). */
  public MatchPair pair(MatchRecord a, MatchRecord b) {
    return LinkRun.pair(scoring(), a, b, Optional.empty());
  }

  /**
   * The reported pair as a run with judgements reports it: explained with the pair's latest judgement, probability 1
   * when that is {@link Judgement.Verdict#SAME}. A run reports its edges that are not judged DIFFERENT, and every
   * SAME-judged pair of its records whether or not it is an edge.
   */
  public MatchPair pair(MatchRecord a, MatchRecord b, Judgement latest) {
    return LinkRun.pair(scoring(), a, b, Optional.of(latest));
  }

  /**
   * The judgements that bear on a run: the latest of each unordered pair (a tie keeps the one met first), in the
   * order the pairs are first met.
   */
  public static List<Judgement> latest(Collection<Judgement> judgements) {
    Map<List<String>, Judgement> latest = new java.util.LinkedHashMap<>();
    for (Judgement j : judgements) {
      List<String> pair = j.leftId().compareTo(j.rightId()) < 0 ? List.of(j.leftId(), j.rightId())
          : List.of(j.rightId(), j.leftId());
      latest.merge(pair, j, (x, y) -> y.when().isAfter(x.when()) ? y : x);
    }
    return new ArrayList<>(latest.values());
  }

  /**
   * The SAME judgements a run refuses (a DIFFERENT judgement forbids the merge), in the run's order: {@code judged}
   * the run's records that judgements name, in run order. Must-links are decided before any edge and from the
   * judgements alone, so these are the run's conflicts.
   */
  public List<Judgement> conflicts(List<MatchRecord> judged, Collection<Judgement> judgements) {
    return clustered(judged, List.of(), judgements).conflicts();
  }

  /**
   * Clusters one connected component of the edges: {@code members} in run order, {@code edges} between their
   * positions. The clustering of a run (average linkage with a clash veto, strongest edge first) never merges across
   * components and decides each merge from the two clusters alone, so clustering the components one by one gives the
   * run's clusters. Returns the clusters as sorted member ids.
   */
  public List<List<String>> cluster(List<MatchRecord> members, List<Edge> edges) {
    return cluster(members, edges, List.of());
  }

  /**
   * {@link #cluster(List, List)} honouring the judgements among {@code members} as the run honours them (others are
   * ignored): SAME as must-links first (oldest first), DIFFERENT as cannot-links; {@code edges} must leave out the
   * pairs judged DIFFERENT, and a component must hold both records of each SAME pair (they join components).
   */
  public List<List<String>> cluster(List<MatchRecord> members, List<Edge> edges, Collection<Judgement> judgements) {
    return clustered(members, edges, judgements).clusters();
  }

  private record Clustered(List<List<String>> clusters, List<Judgement> conflicts) {}

  private Clustered clustered(List<MatchRecord> members, List<Edge> edges, Collection<Judgement> judgements) {
    MatchModel model = scoring();
    int n = members.size();
    List<Clusterer.Edge> sorted = new ArrayList<>();
    for (Edge e : edges) {
      sorted.add(new Clusterer.Edge(Math.min(e.i(), e.j()), Math.max(e.i(), e.j()), e.weight()));
    }
    sorted.sort(Comparator.comparingDouble((Clusterer.Edge e) -> -e.weight())
        .thenComparingInt(Clusterer.Edge::i).thenComparingInt(Clusterer.Edge::j));
    // local indices keep run order, so the keys order the must-links as the run's keys do
    LinkRun.Judged judged = LinkRun.Judged.of(members, judgements);
    Clusterer clusterer = new Clusterer(n, judged.cannot());
    List<Judgement> conflicts = new ArrayList<>();
    for (Map.Entry<Long, Judgement> e : judged.same()) {
      if (!clusterer.mustLink((int) (e.getKey() / n), (int) (e.getKey() % n))) {
        conflicts.add(e.getValue());
      }
    }
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
    return new Clustered(out, conflicts);
  }

  /** The id a run gives the cluster whose smallest member id is {@code smallestMember}. */
  public static String clusterId(String smallestMember) {
    return Cluster.idOf(smallestMember);
  }
}
