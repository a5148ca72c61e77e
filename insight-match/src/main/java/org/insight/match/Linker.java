package org.insight.match;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.insight.core.ProgressListener;
import org.insight.match.internal.Blocker;
import org.insight.match.internal.Clusterer;
import org.insight.match.internal.Em;
import org.insight.match.internal.RecordTable;
import org.insight.match.internal.StageProgress;
import org.insight.match.internal.Workers;
import org.insight.policy.Label;

/**
 * Record linkage and de-duplication. Immutable and thread-safe; build one with {@link #builder()}.
 *
 * <p>A run: (0) each record's values are prepared once ({@link RecordTable}); (1) blocking gives candidate pairs
 * ({@link Blocker}: name-token phonetic pairs, token + birth year, identifiers, phones, e-mails; blocks over
 * {@code maxBlockSize} skipped); (2) each pair is compared into levels;
 * (3) unless the linker was {@linkplain #train trained} or given a model, u is estimated from {@code uSampleSize}
 * random pairs and m and λ by EM over the candidate pairs (see {@link ModelParameters}); (4) pairs are scored
 * ({@link MatchModel}); (5) records are clustered with analyst judgements as must-/cannot-links and average linkage
 * with a clash veto (see {@link org.insight.match.internal.Clusterer}), never by plain connected components.
 * Candidate pairs are never held: they are streamed twice (patterns for EM, then scores above the threshold) on
 * {@link Builder#threads} threads, and the result does not depend on the thread count.
 */
public final class Linker {

  private final List<Comparison> comparisons;
  private final double threshold;
  private final int maxBlockSize;
  private final int emIterations;
  private final double emTolerance;
  private final int uSampleSize;
  private final long seed;
  private final double linkage;
  private final double clashWeight;
  private final MatchModel model;
  private final int threads;
  private final ProgressListener progress;

  private Linker(Builder b, MatchModel model) {
    this.comparisons = b.comparisons == null ? Comparison.personDefaults() : b.comparisons;
    this.threshold = b.threshold == null ? 0.9 : b.threshold;
    this.maxBlockSize = b.maxBlockSize == null ? 500 : b.maxBlockSize;
    this.emIterations = b.emIterations == null ? 100 : b.emIterations;
    this.emTolerance = b.emTolerance == null ? 1e-5 : b.emTolerance;
    this.uSampleSize = b.uSampleSize == null ? 20_000 : b.uSampleSize;
    this.seed = b.seed == null ? 42L : b.seed;
    this.linkage = b.linkage == null ? 0.6 : b.linkage;
    this.clashWeight = b.clashWeight == null ? -8.0 : b.clashWeight;
    this.model = model;
    this.threads = b.threads == null ? Runtime.getRuntime().availableProcessors() : b.threads;
    this.progress = b.progress == null ? ProgressListener.NONE : b.progress;
    this.settings = b;
  }

  private final Builder settings;

  /** A builder with the person defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The comparisons, in order. */
  public List<Comparison> comparisons() {
    return comparisons;
  }

  /** De-duplicates one list of records. */
  public LinkResult dedupe(List<Record> records) {
    return dedupe(records, List.of());
  }

  /** De-duplicates one list of records, honouring analyst judgements. */
  public LinkResult dedupe(List<Record> records, Collection<Judgement> judgements) {
    return run(List.copyOf(records), -1, judgements);
  }

  /** Links two lists: only pairs with one record from each side; clusters span both. */
  public LinkResult link(List<Record> left, List<Record> right) {
    return link(left, right, List.of());
  }

  /** Links two lists, honouring analyst judgements. */
  public LinkResult link(List<Record> left, List<Record> right, Collection<Judgement> judgements) {
    List<Record> all = new ArrayList<>(left);
    all.addAll(right);
    return run(List.copyOf(all), left.size(), judgements);
  }

  /**
   * A linker with the same settings whose m and u come from labelled pairs (level frequencies among matches and
   * non-matches, add-one smoothed, clamped) and λ from their share of matches; runs of that linker skip EM.
   */
  public Linker train(List<LabelledPair> pairs) {
    if (pairs.isEmpty()) {
      throw new IllegalArgumentException("no labelled pairs to train on; give at least one match and one non-match");
    }
    int c = comparisons.size();
    double[][] mc = new double[c][];
    double[][] uc = new double[c][];
    for (int k = 0; k < c; k++) {
      mc[k] = new double[comparisons.get(k).levels().size()];
      uc[k] = new double[mc[k].length];
      java.util.Arrays.fill(mc[k], 1);
      java.util.Arrays.fill(uc[k], 1);
    }
    MatchModel blank = blankModel();
    int matches = 0;
    List<Record> seen = new ArrayList<>();
    for (LabelledPair p : pairs) {
      int[] lv = blank.levels(p.left(), p.right());
      for (int k = 0; k < c; k++) {
        (p.match() ? mc : uc)[k][lv[k]]++;
      }
      matches += p.match() ? 1 : 0;
      seen.add(p.left());
      seen.add(p.right());
    }
    for (int k = 0; k < c; k++) {
      mc[k][0] = 1;
      uc[k][0] = 1;
      Em.clamp(mc[k]);
      Em.clamp(uc[k]);
    }
    double lambda = Math.min(1 - 1e-6, Math.max(1e-6, matches / (double) pairs.size()));
    return new Linker(settings, new MatchModel(comparisons, mc, uc, lambda,
        MatchModel.frequencies(comparisons, seen), 0, true, List.of()));
  }

  /** A linker with the same settings that scores with {@code fixed} (its parameters; term frequencies per run). */
  public Linker withModel(MatchModel fixed) {
    return new Linker(settings, fixed);
  }

  private MatchModel blankModel() {
    double[][] ones = new double[comparisons.size()][];
    for (int k = 0; k < ones.length; k++) {
      ones[k] = new double[comparisons.get(k).levels().size()];
      java.util.Arrays.fill(ones[k], 0.5);
    }
    return new MatchModel(comparisons, ones, ones, 0.5, MatchModel.frequencies(comparisons, List.of()), 0, false,
        List.of());
  }

  /**
   * Measures a {@link #dedupe} run of {@code records} against labelled pairs of them: blocking recall (are the
   * matches compared at all?), and precision, recall and F1 of the run's pairs and clusters on the labelled pairs.
   * Blocking is recomputed with this linker's settings, so give the linker and records of the run.
   *
   * @throws IllegalArgumentException if a labelled pair names a record that is not among {@code records}
   */
  public LinkEvaluation evaluate(List<Record> records, LinkResult result, Collection<LabelledPair> truth) {
    return evaluate(List.copyOf(records), -1, result, truth);
  }

  /** {@link #evaluate(List, LinkResult, Collection)} for a {@link #link} run; a labelled pair joins the two sides. */
  public LinkEvaluation evaluate(List<Record> left, List<Record> right, LinkResult result,
      Collection<LabelledPair> truth) {
    List<Record> all = new ArrayList<>(left);
    all.addAll(right);
    return evaluate(all, left.size(), result, truth);
  }

  private LinkEvaluation evaluate(List<Record> input, int split, LinkResult result, Collection<LabelledPair> truth) {
    List<Record> records = inIdOrder(input, split);
    Map<String, Integer> at = new HashMap<>();
    for (int i = 0; i < records.size(); i++) {
      at.put(records.get(i).id(), i);
    }
    Set<String> paired = new HashSet<>();
    for (MatchPair p : result.pairs()) {
      paired.add(pairKey(p.leftId(), p.rightId()));
    }
    Map<String, String> clusterOf = new HashMap<>();
    for (Cluster c : result.clusters()) {
      c.recordIds().forEach(id -> clusterOf.put(id, c.id()));
    }
    int matches = 0;
    int nonMatches = 0;
    int blocked = 0;
    int pairedMatches = 0;
    int pairedNonMatches = 0;
    int clusteredMatches = 0;
    int clusteredNonMatches = 0;
    try (Workers workers = new Workers(threads)) {
      Blocker.Index blocks = Blocker.index(records, comparisons, maxBlockSize, split, workers);
      for (LabelledPair p : truth) {
        Integer i = at.get(p.left().id());
        Integer j = at.get(p.right().id());
        if (i == null || j == null || i.equals(j)) {
          throw new IllegalArgumentException("labelled pair (" + p.left().id() + ", " + p.right().id() + ") "
              + (i == null || j == null ? "names a record that is not among the run's records"
                  : "pairs a record with itself") + "; label pairs of the records that were linked");
        }
        if (split >= 0 && (i < split) == (j < split)) {
          throw new IllegalArgumentException("labelled pair (" + p.left().id() + ", " + p.right().id() + ") joins two"
              + " records of one side; a link run only pairs a left record with a right one");
        }
        boolean same = Objects.equals(clusterOf.get(p.left().id()), clusterOf.get(p.right().id()))
            && clusterOf.containsKey(p.left().id());
        boolean inPairs = paired.contains(pairKey(p.left().id(), p.right().id()));
        if (p.match()) {
          matches++;
          blocked += blocks.isCandidate(Math.min(i, j), Math.max(i, j)) ? 1 : 0;
          pairedMatches += inPairs ? 1 : 0;
          clusteredMatches += same ? 1 : 0;
        } else {
          nonMatches++;
          pairedNonMatches += inPairs ? 1 : 0;
          clusteredNonMatches += same ? 1 : 0;
        }
      }
    }
    return new LinkEvaluation(matches, nonMatches, blocked, pairedMatches, pairedNonMatches, clusteredMatches,
        clusteredNonMatches);
  }

  private static String pairKey(String a, String b) {
    return a.compareTo(b) < 0 ? a + '\u0000' + b : b + '\u0000' + a;
  }

  private LinkResult run(List<Record> input, int split, Collection<Judgement> judgements) {
    List<Record> records = inIdOrder(input, split);
    int n = records.size();
    try (Workers workers = new Workers(threads)) {
      return run(records, n, split, judgements, workers);
    }
  }

  /** Records in id order (each side in link mode), so results do not depend on the caller's order; ids unique. */
  private static List<Record> inIdOrder(List<Record> input, int split) {
    List<Record> records = new ArrayList<>(input);
    Comparator<Record> byId = Comparator.comparing(Record::id);
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
  private static void requireUniqueIds(List<Record> records, int split) {
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

  private LinkResult run(List<Record> records, int n, int split, Collection<Judgement> judgements,
      Workers workers) {
    long t0 = System.nanoTime();
    RecordTable table = RecordTable.build(records, comparisons, workers);
    trace("table", t0);
    Blocker.Index blocks = Blocker.index(records, comparisons, maxBlockSize, split, workers);
    trace("blocking", t0);
    long[] candidates = {-1};
    int[][][] patterns = {null};
    MatchModel used;
    if (model != null) {
      used = model.withTermFrequencies(table.frequencies());
    } else {
      used = fit(table, blocks, split, workers, candidates, patterns);
    }
    RecordTable.Weights weights = RecordTable.Weights.of(used);
    trace("model", t0);

    // judgements: the latest per unordered pair wins (only the judged records' indices are looked up)
    Set<String> judged = new HashSet<>();
    for (Judgement j : judgements) {
      judged.add(j.leftId());
      judged.add(j.rightId());
    }
    Map<String, Integer> index = new HashMap<>();
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

    // second pass over the candidates: keep only the edges at or above the threshold (no score is cached; the
    // clusterer scores the pairs it needs on demand)
    int[][] stored = patterns[0];
    StageProgress scoring = new StageProgress(progress, "score", blocks.chunks());
    List<Edges> parts = blocks.forEachPair(workers, Edges::new, new Blocker.PairVisitor<Edges>() {
      @Override
      public void chunk(Edges acc, int chunk) {
        scoring.step();
        acc.codes = stored == null ? null : stored[chunk];
        acc.next = 0;
        if (stored != null) {
          stored[chunk] = null;
        }
      }

      @Override
      public void pair(Edges acc, int i, int j) {
        acc.pairs++;
        double w = acc.codes != null ? table.weight(acc.codes[acc.next++], i, j, weights) : table.weight(i, j, weights);
        if (used.probability(w) >= threshold && (cannot.isEmpty() || !cannot.contains(Clusterer.key(i, j, n)))) {
          acc.edges.add(new Clusterer.Edge(i, j, w));
        }
      }
    });
    scoring.finish();
    List<Clusterer.Edge> edges = new ArrayList<>();
    long pairCount = 0;
    for (Edges part : parts) {
      edges.addAll(part.edges);
      pairCount += part.pairs;
    }
    edges.sort(Comparator.comparingDouble((Clusterer.Edge e) -> -e.weight())
        .thenComparingInt(Clusterer.Edge::i).thenComparingInt(Clusterer.Edge::j));
    trace("scoring pass", t0);
    Clusterer.Scorer scorer = (i, j) -> {
      double w = table.weight(Math.min(i, j), Math.max(i, j), weights);
      return new double[] {w, used.probability(w)};
    };

    Clusterer clusterer = new Clusterer(n, cannot);
    List<Judgement> conflicts = new ArrayList<>();
    for (Map.Entry<Long, Judgement> e : same) {
      int i = (int) (e.getKey() / n);
      int j = (int) (e.getKey() % n);
      if (!clusterer.mustLink(i, j)) {
        conflicts.add(e.getValue());
      }
    }
    clusterer.link(edges, scorer, linkage, clashWeight, 2_500);
    trace("clustering", t0);

    // the reported pairs with their explanations, built in parallel in edge order
    List<long[]> wanted = new ArrayList<>();
    Set<Long> emitted = new HashSet<>();
    for (Clusterer.Edge e : edges) {
      long k = Clusterer.key(e.i(), e.j(), n);
      emitted.add(k);
      wanted.add(new long[] {e.i(), e.j(), k});
    }
    for (Map.Entry<Long, Judgement> e : same) {
      if (emitted.add(e.getKey())) {
        wanted.add(new long[] {e.getKey() / n, e.getKey() % n, e.getKey()});
      }
    }
    MatchPair[] built = new MatchPair[wanted.size()];
    workers.forRange(built.length, q -> {
      long[] w = wanted.get(q);
      built[q] = pair(used, records.get((int) w[0]), records.get((int) w[1]), Optional.ofNullable(latest.get(w[2])));
    });
    trace("explanations", t0);
    List<MatchPair> out = new ArrayList<>(java.util.Arrays.asList(built));
    out.sort(Comparator.comparingDouble((MatchPair p) -> -p.probability()).thenComparingDouble(p -> -p.weight())
        .thenComparing(MatchPair::leftId).thenComparing(MatchPair::rightId));

    List<List<Integer>> groups = clusterer.clusters();
    Cluster[] clusters = new Cluster[groups.size()];
    workers.forRange(clusters.length, q -> {
      List<String> ids = new ArrayList<>();
      for (int i : groups.get(q)) {
        ids.add(records.get(i).id());
      }
      ids.sort(null);
      clusters[q] = new Cluster(clusterId(ids.get(0)), ids);
    });
    List<Cluster> sorted = new ArrayList<>(java.util.Arrays.asList(clusters));
    sorted.sort(Comparator.comparing(Cluster::id));
    trace("clusters", t0);
    if (candidates[0] >= 0 && candidates[0] != pairCount) {
      throw new IllegalStateException("blocking gave " + candidates[0] + " pairs, then " + pairCount);
    }
    return new LinkResult(out, sorted, blocks.stats(pairCount), used, conflicts);
  }

  /** Records a run needs for its model to score with the prior of two random records (see {@link #fit}). */
  static final int RANDOM_PRIOR_RECORDS = 10_000;

  /** Pairs sharing an identifier needed to learn the names' m from them. */
  private static final long MIN_IDENTIFIER_PAIRS = 100;
  private static final boolean TRACE = Boolean.getBoolean("insight.link.trace");

  /** With {@code -Dinsight.link.trace=true}, the elapsed time of each phase on stderr (for benchmarks). */
  private static void trace(String phase, long t0) {
    if (TRACE) {
      System.err.printf(java.util.Locale.ROOT, "  [link] %s done at %.1f s, heap in use %,d MB%n", phase,
          (System.nanoTime() - t0) / 1e9, (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
    }
  }

  /** One thread's share of the scoring pass. */
  private static final class Edges {
    final List<Clusterer.Edge> edges = new ArrayList<>();
    long pairs;
    int[] codes;
    int next;
  }


  private static MatchPair pair(MatchModel model, Record a, Record b, Optional<Judgement> judgement) {
    Explanation x = model.explain(a, b, judgement);
    boolean sameJudged = judgement.map(j -> j.verdict() == Judgement.Verdict.SAME).orElse(false);
    Label label = a.label() == null ? b.label() : b.label() == null ? a.label() : a.label().and(b.label());
    return new MatchPair(a.id(), b.id(), sameJudged ? 1.0 : x.probability(), x.weight(), x, label);
  }

  private MatchModel fit(RecordTable table, Blocker.Index blocks, int split, Workers workers, long[] candidates,
      int[][][] patternsOut) {
    int n = table.size();
    int c = comparisons.size();
    // u from random pairs
    double[][] u = new double[c][];
    for (int k = 0; k < c; k++) {
      u[k] = new double[comparisons.get(k).levels().size()];
      java.util.Arrays.fill(u[k], 1);
    }
    Random random = new Random(seed);
    int leftN = split >= 0 ? split : n;
    int rightN = split >= 0 ? n - split : n;
    int[] lv = new int[c];
    if (leftN > 0 && rightN > 0 && n > 1) {
      for (int s = 0; s < uSampleSize; s++) {
        int i = random.nextInt(leftN);
        int j = split >= 0 ? split + random.nextInt(rightN) : random.nextInt(n);
        if (i == j) {
          continue;
        }
        table.levels(Math.min(i, j), Math.max(i, j), lv);
        for (int k = 0; k < c; k++) {
          u[k][lv[k]]++;
        }
      }
    }
    for (int k = 0; k < c; k++) {
      u[k][0] = 1;
      Em.clamp(u[k]);
    }
    // Distinct patterns of the candidate pairs, and of those a name-only blocking rule produced (the two records share
    // a pair of name-token codes). Blocking shaped only the names of the latter; the birth year and month-day keys
    // make the other candidates agree on dates far more often than the random pairs u comes from, and EM over them
    // takes "date typo + same country + same gender" for a match pattern (λ drifted to 0.15 where the truth was
    // 0.07 at 30 k × 30 k). So, as Splink does with one EM session per blocking rule: a first pass over the
    // name-only pairs learns every non-name m (names out of its E-step); the main pass over all candidates holds
    // those m except the dates' (which start from the first pass) and learns the names' m, the dates' and λ.
    // The patterns are counted in one parallel pass over the candidates (per-thread counts, summed).
    trace("u sample", System.nanoTime());
    long p0 = System.nanoTime();
    if (table.patternSpace() < 0) {
      throw new IllegalArgumentException("too many comparison levels to count patterns; use fewer comparisons");
    }
    // The pattern of each pair is kept per chunk (4 bytes a pair, within an eighth of the heap) so that the scoring
    // pass need not compare the records again; chunks over the budget are compared again (same result).
    int[][] stored = table.patternSpace() <= Integer.MAX_VALUE ? new int[blocks.chunks()][] : null;
    java.util.concurrent.atomic.AtomicLong budget = new java.util.concurrent.atomic.AtomicLong(
        Runtime.getRuntime().maxMemory() / 8 / Integer.BYTES);
    StageProgress comparing = new StageProgress(progress, "compare", blocks.chunks());
    List<PatternCounts> parts = blocks.forEachPair(workers, PatternCounts::new,
        new Blocker.PairVisitor<PatternCounts>() {
          @Override
          public void chunk(PatternCounts acc, int chunk) {
            comparing.step();
            acc.keep(stored, budget);
            acc.chunk = chunk;
          }

          @Override
          public void pair(PatternCounts acc, int i, int j) {
            long code = table.pattern(i, j);
            acc.all.add(code);
            if (blocks.sharesNameOnlyKey(i, j)) {
              acc.nameOnly.add(code);
            }
            if (blocks.sharesIdentifierKey(i, j)) {
              acc.identifier.add(code);
            }
            if (stored != null) {
              acc.record((int) code);
            }
          }
        });
    comparing.finish();
    for (PatternCounts acc : parts) {
      acc.keep(stored, budget);
    }
    patternsOut[0] = stored;
    PatternCounts.Merged all = PatternCounts.merge(parts, x -> x.all, table);
    PatternCounts.Merged nameOnly = PatternCounts.merge(parts, x -> x.nameOnly, table);
    PatternCounts.Merged identifier = PatternCounts.merge(parts, x -> x.identifier, table);
    candidates[0] = all.total();
    trace("pattern pass (" + all.size() + " patterns)", p0);
    int[] levels = new int[c];
    for (int k = 0; k < c; k++) {
      levels[k] = comparisons.get(k).levels().size();
    }
    Em.Fit fit;
    if (all.size() == 0) {
      fit = new Em.Fit(initial(levels), 0.1, 0, false, List.of());
    } else {
      boolean[] names = new boolean[c];
      double[][] start = new double[c][];
      for (int k = 0; k < c; k++) {
        names[k] = comparisons.get(k).kind() == Comparison.Kind.NAME;
        start[k] = Em.initialM(levels[k]);
      }
      boolean[] held = new boolean[c];
      if (nameOnly.size() > 0) {
        Em.Fit first = Em.fit(nameOnly.patterns(), nameOnly.counts(), levels, u, start, 0.1, names, held,
            emIterations, emTolerance);
        for (int k = 0; k < c; k++) {
          if (!names[k]) {
            start[k] = first.m()[k].clone();
            // the dates' m only starts there: held, that pass's thinner evidence sets m(else) high enough to
            // under-weigh a clear date clash (LinkerTest.chainingDoesNotMergeClashingRecords)
            held[k] = comparisons.get(k).kind() != Comparison.Kind.DATE;
          }
        }
      }
      if (identifier.total() >= MIN_IDENTIFIER_PAIRS) {
        // Names' m from the pairs that share an identifier, phone or e-mail: blocking shaped neither their names nor
        // their dates. Learned in the main pass (names out of its E-step), the names' m came from posteriors that
        // the birth-year keys had inflated for candidates agreeing on dates but not on names: m(name else) 0.27
        // where the data's true share is under 0.01.
        boolean[] shaped = new boolean[c];
        for (int k = 0; k < c; k++) {
          Comparison.Kind kind = comparisons.get(k).kind();
          shaped[k] = kind == Comparison.Kind.IDENTIFIER || kind == Comparison.Kind.PHONE
              || kind == Comparison.Kind.EMAIL;
        }
        Em.Fit byIdentifier = Em.fit(identifier.patterns(), identifier.counts(), levels, u, start, 0.5, shaped,
            new boolean[c], emIterations, emTolerance);
        for (int k = 0; k < c; k++) {
          if (names[k]) {
            start[k] = byIdentifier.m()[k].clone();
            held[k] = true;
          }
        }
      }
      fit = Em.fit(all.patterns(), all.counts(), levels, u, start, 0.1, names, held, emIterations, emTolerance);
    }
    // EM's λ is the share of matches among the candidate pairs, but u (and the term frequencies) describe random
    // pairs: scoring a name agreement against random pairs with the candidates' prior counts the blocking's
    // selection on names twice, and the excess grows with the data (the candidates' match share stays level while
    // the random pairs' falls as 1/n: precision 0.93 at 100 k × 100 k, 0.82 at 300 k × 300 k). The prior the
    // weights need is that of two random records: the expected matches (nearly all among the candidates) over all
    // pairs. Below RANDOM_PRIOR_RECORDS records the candidates' prior is kept: there u (add-one smoothed over the few
    // random pairs that have both values) and m are too weak to carry the random-pair prior (64 records: a shared
    // passport got u = 0.92 and a sure match p = 0.88), and the over-count compensates.
    double allPairs = split >= 0 ? (double) split * (n - split) : n * (n - 1.0) / 2;
    double lambda = fit.lambda();
    if (n >= RANDOM_PRIOR_RECORDS && candidates[0] > 0 && allPairs > 0) {
      lambda = Math.min(1 - 1e-6, Math.max(1e-12, fit.lambda() * candidates[0] / allPairs));
    }
    return new MatchModel(comparisons, fit.m(), u, lambda, table.frequencies(), fit.iterations(),
        fit.converged(), fit.logLikelihood());
  }

  /** One thread's counts of level patterns (as {@link RecordTable#pattern} codes). */
  private static final class PatternCounts {
    final LongCounts all = new LongCounts();
    final LongCounts nameOnly = new LongCounts();
    final LongCounts identifier = new LongCounts();
    int chunk = -1;
    int[] codes = new int[256];
    int size;

    void record(int code) {
      if (size == codes.length) {
        codes = java.util.Arrays.copyOf(codes, size * 2);
      }
      codes[size++] = code;
    }

    /** Stores the finished chunk's codes if the budget allows, and starts afresh. */
    void keep(int[][] stored, java.util.concurrent.atomic.AtomicLong budget) {
      if (stored != null && chunk >= 0 && budget.addAndGet(-size) >= 0) {
        stored[chunk] = java.util.Arrays.copyOf(codes, size);
      }
      size = 0;
      if (codes.length > 1 << 16) {
        codes = new int[256];
      }
    }

    /** Distinct patterns in code order with their counts, summed over threads. */
    record Merged(int[][] patterns, long[] counts) {
      int size() {
        return counts.length;
      }

      long total() {
        long t = 0;
        for (long x : counts) {
          t += x;
        }
        return t;
      }
    }

    static Merged merge(List<PatternCounts> parts, java.util.function.Function<PatternCounts, LongCounts> which,
        RecordTable table) {
      java.util.TreeMap<Long, long[]> sum = new java.util.TreeMap<>();
      for (PatternCounts p : parts) {
        which.apply(p).forEach((code, count) -> sum.computeIfAbsent(code, x -> new long[1])[0]
            += count);
      }
      int[][] patterns = new int[sum.size()][];
      long[] counts = new long[sum.size()];
      int q = 0;
      for (Map.Entry<Long, long[]> e : sum.entrySet()) {
        patterns[q] = table.unpack(e.getKey());
        counts[q++] = e.getValue()[0];
      }
      return new Merged(patterns, counts);
    }
  }

  /** Counts per non-negative long key, open addressing (one increment per candidate pair must not allocate). */
  private static final class LongCounts {
    private long[] keys = new long[64];
    private long[] counts = new long[64];
    private int size;

    LongCounts() {
      java.util.Arrays.fill(keys, -1L);
    }

    void add(long key) {
      int mask = keys.length - 1;
      int h = (int) (mix(key) & mask);
      while (keys[h] != -1L && keys[h] != key) {
        h = (h + 1) & mask;
      }
      if (keys[h] == -1L) {
        keys[h] = key;
        if (++size * 2 > keys.length) {
          counts[h]++;
          grow();
          return;
        }
      }
      counts[h]++;
    }

    private void grow() {
      long[] oldKeys = keys;
      long[] oldCounts = counts;
      keys = new long[oldKeys.length * 2];
      counts = new long[oldKeys.length * 2];
      java.util.Arrays.fill(keys, -1L);
      int mask = keys.length - 1;
      for (int q = 0; q < oldKeys.length; q++) {
        if (oldKeys[q] != -1L) {
          int h = (int) (mix(oldKeys[q]) & mask);
          while (keys[h] != -1L) {
            h = (h + 1) & mask;
          }
          keys[h] = oldKeys[q];
          counts[h] = oldCounts[q];
        }
      }
    }

    void forEach(java.util.function.BiConsumer<Long, Long> each) {
      for (int q = 0; q < keys.length; q++) {
        if (keys[q] != -1L) {
          each.accept(keys[q], counts[q]);
        }
      }
    }

    private static long mix(long v) {
      v ^= v >>> 33;
      v *= 0xff51afd7ed558ccdL;
      v ^= v >>> 33;
      return v;
    }
  }

  private static double[][] initial(int[] levels) {
    double[][] m = new double[levels.length][];
    for (int k = 0; k < levels.length; k++) {
      m[k] = new double[levels[k]];
      java.util.Arrays.fill(m[k], 1);
      Em.clamp(m[k]);
    }
    return m;
  }

  static String clusterId(String smallestMember) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(smallestMember.getBytes(StandardCharsets.UTF_8));
      return "cl-" + HexFormat.of().formatHex(h, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** Settings of a {@link Linker}; each may be set once. */
  public static final class Builder {
    private List<Comparison> comparisons;
    private Double threshold;
    private Integer maxBlockSize;
    private Integer emIterations;
    private Double emTolerance;
    private Integer uSampleSize;
    private Long seed;
    private Double linkage;
    private Double clashWeight;
    private MatchModel model;
    private Integer threads;
    private ProgressListener progress;

    private Builder() {}

    private static void once(Object current, String setting) {
      if (current != null) {
        throw new IllegalStateException(setting + " was already set to " + current + "; set it once");
      }
    }

    /** The comparisons, in weight order (default {@link Comparison#personDefaults()}); names must be unique. */
    public Builder comparisons(List<Comparison> value) {
      once(comparisons, "comparisons");
      Set<String> names = new HashSet<>();
      for (Comparison c : value) {
        if (!names.add(c.name())) {
          throw new IllegalArgumentException("two comparisons are named " + c.name() + "; rename one with exact()");
        }
      }
      if (value.size() > 20) {
        throw new IllegalArgumentException("at most 20 comparisons; got " + value.size());
      }
      comparisons = List.copyOf(value);
      return this;
    }

    /** Match probability at or above which a pair is reported and may link clusters (default 0.9). */
    public Builder threshold(double value) {
      once(threshold, "threshold");
      requireProbability(value, "threshold");
      threshold = value;
      return this;
    }

    /** Blocks with more records than this are skipped (default 500). */
    public Builder maxBlockSize(int value) {
      once(maxBlockSize, "maxBlockSize");
      if (value < 2) {
        throw new IllegalArgumentException("maxBlockSize must be at least 2; got " + value);
      }
      maxBlockSize = value;
      return this;
    }

    /** Maximum EM iterations (default 100). */
    public Builder emIterations(int value) {
      once(emIterations, "emIterations");
      if (value < 1) {
        throw new IllegalArgumentException("emIterations must be at least 1; got " + value);
      }
      emIterations = value;
      return this;
    }

    /** EM stops when no parameter moves more than this (default 1e-5). */
    public Builder emTolerance(double value) {
      once(emTolerance, "emTolerance");
      emTolerance = value;
      return this;
    }

    /** Random pairs drawn to estimate u (default 20,000). */
    public Builder uSampleSize(int value) {
      once(uSampleSize, "uSampleSize");
      uSampleSize = value;
      return this;
    }

    /** Seed of the random pair sample (default 42): runs are deterministic. */
    public Builder seed(long value) {
      once(seed, "seed");
      seed = value;
      return this;
    }

    /** Minimum mean match probability between two clusters for them to merge (default 0.6). */
    public Builder linkage(double value) {
      once(linkage, "linkage");
      requireProbability(value, "linkage");
      linkage = value;
      return this;
    }

    /** A cross-cluster pair with a weight below this vetoes a merge (default -8). */
    public Builder clashWeight(double value) {
      once(clashWeight, "clashWeight");
      clashWeight = value;
      return this;
    }

    /** Score with a fixed model instead of fitting one per run. */
    public Builder model(MatchModel value) {
      once(model, "model");
      model = value;
      return this;
    }

    /**
     * Threads a run uses for preparing records, blocking and the passes over candidate pairs (default: the available
     * processors). The result does not depend on it.
     */
    public Builder threads(int value) {
      once(threads, "threads");
      if (value < 1) {
        throw new IllegalArgumentException("threads must be at least 1; got " + value);
      }
      threads = value;
      return this;
    }

    /**
     * Told how far a run is, in chunks of candidate pairs: stage {@code compare} (counting the comparison patterns
     * the model is fitted on; not when the model is given) then stage {@code score} (keeping the pairs at or above
     * the threshold). Calls come one at a time, from the run's worker threads.
     */
    public Builder progress(ProgressListener value) {
      once(progress, "progress");
      progress = Objects.requireNonNull(value, "progress");
      return this;
    }

    /** The linker. */
    public Linker build() {
      return new Linker(this, model);
    }

    private static void requireProbability(double v, String what) {
      if (!(v >= 0 && v <= 1)) {
        throw new IllegalArgumentException(what + " must be a probability in [0,1]; got " + v);
      }
    }
  }

}
