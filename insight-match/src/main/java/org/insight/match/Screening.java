package org.insight.match;

import static org.insight.BuilderGuard.requireUnset;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.insight.core.Entity;
import org.insight.match.internal.Levels;
import org.insight.match.internal.ScreeningIndex;
import org.insight.match.internal.ScreeningKeys;
import org.insight.policy.Label;

/**
 * Watch-list screening: an in-memory index over watch-list entries that answers "who on the list could this person
 * be?" in milliseconds against a million names, ranked and explained by the same {@link MatchModel} the
 * {@link Linker} scores with, so screening and matching agree on every pair.
 *
 * <pre>{@code
 * Screening screening = Screening.builder().build();
 * screening.addAll(watchList);                                   // Records, or add(Entity)
 * List<ScreeningHit> hits = screening.candidates(
 *     ScreeningQuery.of("Иван Петров").withBirthDate("1975").withIdentifier("72 4410981"), 10);
 * }</pre>
 *
 * <p>How. Candidates come from an inverted index over keys (see {@link ScreeningKeys}, {@link ScreeningIndex}): per
 * normalised, transliterated name token its spelling, Double Metaphone codes, consonant skeleton, first and last four
 * letters and one-letter deletions (one typo apart, however short); birth dates with the dates the model rates a
 * partial match, a day/month swap or a typo; identifiers, phones, e-mails and exactly compared values (country). Each
 * query key carries what sharing it means in the model's own terms: for a name token an estimated token similarity
 * (a word counts once, at its best key), for a date the level it implies. A slot's evidence becomes an estimate of
 * the model's weight (shared keys give levels, an entry that has a value but shares no key gets the "else" level);
 * the best {@code candidateLimit} by estimate are rescored with the model, the best {@code k} by weight returned,
 * ties by the names' similarity, then by entry id. Rescoring first weighs a candidate without its names (cheap) and skips the name comparison when
 * even the best name level could not lift it into the top {@code k} — exact, not a heuristic. Exact name agreement
 * is term-frequency adjusted by the name's frequency among the entries of this index (a list shorter than 1/u of the
 * exact level counts as that long, so a small list does not make every name look common). Results depend only on
 * the entries held, never on the order they were added in. {@link #scan} ranks every entry with the same scorer:
 * the baseline.
 *
 * <p>Reads are thread-safe and run concurrently; {@link #add} and {@link #remove} take a write lock. Entries are
 * kept compact (their compared values in one string, keys as 64-bit hashes with primitive postings): a million names
 * take about 0.9 GB.
 */
public final class Screening {

  private final MatchModel model;
  private final int candidateLimit;
  private final List<String> properties;
  private final Set<String> nameProperties = new LinkedHashSet<>();
  /** Whether no property is read both by a name comparison and another one (then names can be left out). */
  private final boolean pruneByName;
  private final Map<String, Integer> propertyIndex = new HashMap<>();
  private final ScreeningIndex index = new ScreeningIndex();
  private final List<Map<String, Integer>> nameCounts = new ArrayList<>();
  private final List<Label> labels = new ArrayList<>();
  private final Map<Label, Integer> labelIds = new HashMap<>();
  private final List<String> datasets = new ArrayList<>();
  private final Map<String, Integer> datasetIds = new HashMap<>();
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final MatchModel.NameFrequencies frequencies;
  /** Per comparison, per level (0 = null), the model weight {@code log2(m/u)} of reaching it (no TF adjustment). */
  private final double[][] levelWeights;

  private final ScreeningCalibration calibration;

  private Screening(Builder b) {
    this.model = b.model != null ? b.model : MatchModel.personDefaults();
    // the default curves were fitted on the default model's weights; another model's weights mean other curves
    this.calibration = b.calibration != null ? b.calibration
        : model.parameters().equals(MatchModel.personDefaults().parameters()) ? ScreeningCalibration.defaults()
        : ScreeningCalibration.none();
    this.candidateLimit = b.candidateLimit != null ? b.candidateLimit : 300;
    Set<String> props = new LinkedHashSet<>();
    for (Comparison c : model.comparisons()) {
      props.addAll(c.properties());
      if (c.kind() == Comparison.Kind.NAME) {
        nameProperties.addAll(c.properties());
      }
      nameCounts.add(new HashMap<>());
    }
    this.properties = List.copyOf(props);
    Set<String> others = new java.util.HashSet<>();
    for (Comparison c : model.comparisons()) {
      if (c.kind() != Comparison.Kind.NAME) {
        others.addAll(c.properties());
      }
    }
    this.pruneByName = java.util.Collections.disjoint(others, nameProperties);
    for (int i = 0; i < properties.size(); i++) {
      propertyIndex.put(properties.get(i), i);
    }
    // a list shorter than 1/u(exact) is taken as a sample of that many people: in a list of three, every name is
    // "a third of the list", which would make exact agreement weigh less than a near miss
    double[] floor = new double[model.comparisons().size()];
    for (int k = 0; k < floor.length; k++) {
      List<ModelParameters.LevelParameters> levels = model.parameters().comparisons().get(k).levels();
      floor[k] = levels.isEmpty() ? 1 : 1 / levels.get(0).u();
    }
    this.levelWeights = new double[model.comparisons().size()][];
    for (int k = 0; k < levelWeights.length; k++) {
      List<ModelParameters.LevelParameters> levels = model.parameters().comparisons().get(k).levels();
      levelWeights[k] = new double[levels.size() + 1];
      for (int l = 0; l < levels.size(); l++) {
        levelWeights[k][l + 1] = Math.log(levels.get(l).m() / levels.get(l).u()) / Math.log(2);
      }
    }
    this.frequencies = (k, key) -> {
      int n = index.size();
      Integer count = nameCounts.get(k).get(key);
      return n == 0 || count == null ? 0.0 : count / Math.max(n, floor[k]);
    };
  }

  /** A builder: the default model is {@link MatchModel#personDefaults()}, 300 candidates rescored per query. */
  public static Builder builder() {
    return new Builder();
  }

  /** A screening index with the defaults over these entries. */
  public static Screening of(Collection<MatchRecord> entries) {
    Screening s = builder().build();
    s.addAll(entries);
    return s;
  }

  /** The model that scores every candidate. */
  public MatchModel model() {
    return model;
  }

  /** What turns a hit's weight into its probability ({@link ScreeningHit#probability}). */
  public ScreeningCalibration calibration() {
    return calibration;
  }

  /** The number of entries. */
  public int size() {
    lock.readLock().lock();
    try {
      return index.size();
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Whether an entry with this id is held. */
  public boolean contains(String id) {
    lock.readLock().lock();
    try {
      return index.slot(id) >= 0;
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Adds an entry, replacing one with the same id. */
  public void add(MatchRecord entry) {
    addAll(List.of(entry));
  }

  /** Adds an entity as an entry ({@link MatchRecord#of(Entity)}: its values and the conjunction of its labels). */
  public void add(Entity entity) {
    add(MatchRecord.of(entity));
  }

  /** Adds entries, each replacing one with the same id; one write lock for all. */
  public void addAll(Collection<MatchRecord> entries) {
    // keys outside the lock, in parallel for big batches: normalising names is the slow part (order is kept)
    List<Prepared> prepared = entries.size() >= 1000
        ? entries.parallelStream().map(this::prepare).toList()
        : entries.stream().map(this::prepare).toList();
    lock.writeLock().lock();
    try {
      for (Prepared p : prepared) {
        removeLocked(p.record.id());
        String header = String.valueOf((char) intern(datasets, datasetIds, p.record.dataset()))
            + (char) (p.record.label() == null ? 0xFFFF : intern(labels, labelIds, p.record.label()));
        index.add(p.record.id(), header + p.packed, p.keys, p.presence, p.nameTokens);
        for (int k = 0; k < p.nameKeys.size(); k++) {
          for (String key : p.nameKeys.get(k)) {
            nameCounts.get(k).merge(key, 1, Integer::sum);
          }
        }
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Removes the entry with this id; false when there was none. */
  public boolean remove(String id) {
    Objects.requireNonNull(id, "id");
    lock.writeLock().lock();
    try {
      return removeLocked(id);
    } finally {
      lock.writeLock().unlock();
    }
  }

  private boolean removeLocked(String id) {
    int slot = index.slot(id);
    if (slot < 0) {
      return false;
    }
    MatchRecord old = decode(slot);
    for (int k = 0; k < model.comparisons().size(); k++) {
      for (String key : nameKeys(model.comparisons().get(k), old)) {
        nameCounts.get(k).computeIfPresent(key, (x, c) -> c == 1 ? null : c - 1);
      }
    }
    index.remove(id);
    return true;
  }

  /**
   * The best {@code k} candidates for a query, best first: the index's best candidates rescored by the model.
   *
   * @param k at most this many (1..1,000)
   */
  public List<ScreeningHit> candidates(ScreeningQuery query, int k) {
    Objects.requireNonNull(query, "query");
    checkK(k);
    lock.readLock().lock();
    try {
      Plan plan = new Plan(query);
      ScreeningIndex.Candidates c = index.candidates(plan.keys, plan, Math.max(candidateLimit, k));
      double[] bounds = new double[c.slots().length];
      double exactBound = plan.nameBound(true);
      double otherBound = plan.singleName() ? plan.nameBound(false) : exactBound;
      for (int i = 0; i < bounds.length; i++) {
        bounds[i] = c.allNameGroups()[i] ? exactBound : otherBound;
      }
      return rank(query, c.slots(), k, bounds);
    } finally {
      lock.readLock().unlock();
    }
  }

  /** What a shared key tells of the model's levels: a query's keys in groups and the estimate they give a slot. */
  private final class Plan implements ScreeningIndex.Estimator {
    final ScreeningIndex.Query keys = new ScreeningIndex.Query();
    /** Tokens of the query's shortest name (0: no name), and the weights of the name levels. */
    int queryTokens;
    int nameComparison = -1;
    /** The weight of exact agreement for the query's name (term-frequency adjusted), NaN if no entry has it. */
    double exactName = Double.NaN;
    /** Per comparison: the group of its keys (-1: none), and whether the query has values for it. */
    final int[] groupOf = new int[model.comparisons().size()];
    long active = -1;
    final double[] elseWeight = new double[model.comparisons().size()];

    final ScreeningQuery query;

    Plan(ScreeningQuery query) {
      this.query = query;
      MatchRecord r = query.record();
      Arrays.fill(groupOf, -1);
      Map<String, Integer> tokenGroups = new HashMap<>();
      for (int k = 0; k < model.comparisons().size(); k++) {
        Comparison c = model.comparisons().get(k);
        List<String> values = c.values(r);
        double[] w = levelWeights[k];
        elseWeight[k] = w.length > 1 ? w[w.length - 1] : 0;
        if (values.isEmpty() || w.length < 3) {
          continue;
        }
        if (c.kind() == Comparison.Kind.NAME) {
          if (nameComparison >= 0) {
            continue; // a second name comparison only ranks by rescoring
          }
          nameComparison = k;
          int shortest = Integer.MAX_VALUE;
          for (String v : values) {
            List<String> tokens = org.insight.names.Names.tokens(v);
            if (tokens.isEmpty()) {
              continue;
            }
            shortest = Math.min(shortest, tokens.size());
            List<List<String>> forms = org.insight.names.Names.romanisations(v);
            for (int i = 0; i < tokens.size(); i++) {
              String t = tokens.get(i);
              if (!tokenGroups.containsKey(t)) {
                int g = keys.group(true);
                tokenGroups.put(t, g);
                // a Cyrillic word's other romanisations are keys of the same word (it counts once, at its best)
                for (String form : i < forms.size() ? forms.get(i) : List.of(t)) {
                  ScreeningKeys.queryToken(form, (key, e) -> keys.key(g, key, e));
                }
              }
            }
            Integer count = nameCounts.get(k).get(ScreeningKeys.nameKey(tokens));
            if (count != null) {
              double f = frequencies.frequency(k, ScreeningKeys.nameKey(tokens));
              double exact = Math.log(levels(k).get(0).m()
                  / Math.min(1 - 1e-9, Math.max(f, 1e-9))) / Math.log(2);
              exactName = Double.isNaN(exactName) ? exact : Math.max(exactName, exact);
            }
          }
          queryTokens = shortest == Integer.MAX_VALUE ? 0 : shortest;
          continue;
        }
        int g = keys.group(false);
        groupOf[k] = g;
        double base = elseWeight[k];
        switch (c.kind()) {
          case DATE -> {
            for (String v : values) {
              ScreeningKeys.queryDate(v, (key, level) -> keys.key(g, key, (float) (w[(int) level] - base)));
            }
          }
          case IDENTIFIER -> values.forEach(v -> keys.key(g, ScreeningKeys.identifier(v), (float) (w[1] - base)));
          case PHONE, EMAIL -> values.forEach(v -> keys.key(g, ScreeningKeys.contact(v), (float) (w[1] - base)));
          case EXACT -> values.forEach(v -> keys.key(g, ScreeningKeys.exact(c.name(), v), (float) (w[1] - base)));
          default -> groupOf[k] = -1;
        }
      }
      // identifiers of unknown scheme: evidence where they meet, never against
      double idWeight = Double.NaN;
      for (int k = 0; k < model.comparisons().size(); k++) {
        if (model.comparisons().get(k).kind() == Comparison.Kind.IDENTIFIER && levelWeights[k].length > 1) {
          idWeight = Double.isNaN(idWeight) ? levelWeights[k][1] : Math.max(idWeight, levelWeights[k][1]);
        }
      }
      if (!query.identifiers().isEmpty() && !Double.isNaN(idWeight)) {
        int g = keys.group(false);
        for (String id : query.identifiers()) {
          keys.key(g, ScreeningKeys.identifier(id), (float) idWeight);
        }
      }
    }

    /** Whether the model has one name comparison and the query one value for it. */
    boolean singleName() {
      int names = 0;
      for (Comparison c : model.comparisons()) {
        names += c.kind() == Comparison.Kind.NAME ? 1 : 0;
      }
      return names == 1 && nameComparison >= 0 && model.comparisons().get(nameComparison).values(query.record()).size() == 1;
    }

    /**
     * The most the name comparisons can add to a pair's weight for this query; without {@code exact}, for an entry
     * whose tokens do not include every query token (so the names cannot agree exactly).
     */
    double nameBound(boolean exact) {
      double bound = 0;
      for (int k = 0; k < levelWeights.length; k++) {
        if (model.comparisons().get(k).kind() != Comparison.Kind.NAME) {
          continue;
        }
        double best = 0;
        for (int l = exact ? 1 : 2; l < levelWeights[k].length; l++) {
          best = Math.max(best, levelWeights[k][l]);
        }
        // exact agreement is term-frequency adjusted: at most what the rarest of the query's names gets
        for (String v : exact ? model.comparisons().get(k).values(query.record()) : List.<String>of()) {
          String key = Levels.nameKey(v);
          if (!key.isEmpty() && nameCounts.get(k).containsKey(key)) {
            double f = Math.min(1 - 1e-9, Math.max(frequencies.frequency(k, key), 1e-9));
            best = Math.max(best, Math.log(levels(k).get(0).m() / f) / Math.log(2));
          }
        }
        bound += best;
      }
      return bound;
    }

    @Override
    public float estimate(float nameSum, float weightSum, long presence, int nameTokens) {
      if (active == -1) {
        active = 0;
        for (int k = 0; k < groupOf.length && k < 64; k++) {
          if (groupOf[k] >= 0 && !keys.skipped(groupOf[k])) {
            active |= 1L << k;
          }
        }
      }
      double w = weightSum;
      long both = presence & active;
      while (both != 0) {
        int k = Long.numberOfTrailingZeros(both);
        w += elseWeight[k];
        both &= both - 1;
      }
      if (nameComparison >= 0 && nameComparison < 64 && (presence & (1L << nameComparison)) != 0
          && queryTokens > 0 && nameTokens > 0) {
        double[] nw = levelWeights[nameComparison];
        int shorter = Math.min(queryTokens, nameTokens);
        if (nameTokens == queryTokens && nameSum >= queryTokens - 1e-3 && !Double.isNaN(exactName)) {
          w += exactName;
        } else {
          double sim = Math.min(nameSum, shorter) / shorter
              * (1 - Math.min(0.3, 0.06 * Math.abs(queryTokens - nameTokens)));
          // a little optimism: the estimates of token similarity are rough
          sim += NAME_MARGIN;
          w += sim >= 0.92 ? nw[2] : sim >= 0.85 ? nw[3] : sim >= 0.75 ? nw[4] : nw[5];
          // within a level, more name evidence first: a shared given name ranks before no shared word at all
          w += sim;
        }
      }
      return (float) w;
    }
  }

  /** Added to the estimated name similarity before it is turned into a level. */
  static final double NAME_MARGIN = 0.03;

  /** Every entry scored by the model, the best {@code k} first: a linear scan, the baseline of the index. */
  public List<ScreeningHit> scan(ScreeningQuery query, int k) {
    Objects.requireNonNull(query, "query");
    checkK(k);
    lock.readLock().lock();
    try {
      return rank(query, index.liveSlots(), k, null);
    } finally {
      lock.readLock().unlock();
    }
  }

  private static void checkK(int k) {
    if (k < 1 || k > 1000) {
      throw new IllegalArgumentException("screening needs 1 <= k <= 1000 candidates, got " + k);
    }
  }

  /** A rescored candidate; {@code similarity} (of the names) orders candidates of equal weight, then the id. */
  private record Scored(int slot, String id, double weight, double similarity) {}

  /** The best name similarity of a pair over the name comparisons' values: the tie-break within a weight. */
  private double nameSimilarity(MatchRecord q, MatchRecord entry) {
    double best = 0;
    for (Comparison c : model.comparisons()) {
      if (c.kind() == Comparison.Kind.NAME) {
        for (String x : c.values(q)) {
          for (String y : c.values(entry)) {
            best = Math.max(best, Levels.nameScore(x, y));
          }
        }
      }
    }
    return best;
  }

  private List<ModelParameters.LevelParameters> levels(int k) {
    return model.parameters().comparisons().get(k).levels();
  }

  /**
   * The best {@code k} of these slots by model weight. With name bounds (one per slot), a slot is first scored without
   * the name comparisons (cheap: no name is normalised); when that plus the most a name can add cannot reach the
   * k-th best so far, the slot cannot enter the result and its name is never compared. Exact, not a heuristic.
   */
  private List<ScreeningHit> rank(ScreeningQuery query, int[] slots, int k, double[] nameBounds) {
    Comparator<Scored> order = Comparator.comparingDouble((Scored s) -> -s.weight())
        .thenComparingDouble(s -> -s.similarity()).thenComparing(Scored::id);
    java.util.PriorityQueue<Scored> worst = new java.util.PriorityQueue<>(order.reversed());
    Map<Integer, MatchRecord> records = new HashMap<>();
    MatchRecord nameless = nameBounds == null || !pruneByName ? null : withoutNames(query.record());
    for (int i = 0; i < slots.length; i++) {
      int slot = slots[i];
      MatchRecord entry = decode(slot);
      MatchRecord q = queryFor(query, entry);
      if (nameless != null && worst.size() == k) {
        MatchRecord bare = withoutNames(entry);
        double rest = model.weight(q == query.record() ? nameless : withoutNames(q), bare, frequencies);
        if (rest + nameBounds[i] + 1e-9 < worst.peek().weight()) {
          continue;
        }
      }
      double weight = model.weight(q, entry, frequencies);
      // the name similarity only matters against an equal weight: computed when the candidate could enter
      double similarity = worst.size() < k || weight >= worst.peek().weight() ? nameSimilarity(q, entry) : 0;
      Scored s = new Scored(slot, entry.id(), weight, similarity);
      if (worst.size() < k) {
        worst.add(s);
        records.put(slot, entry);
      } else if (order.compare(s, worst.peek()) < 0) {
        records.remove(worst.poll().slot());
        worst.add(s);
        records.put(slot, entry);
      }
    }
    List<Scored> best = new ArrayList<>(worst);
    best.sort(order);
    List<ScreeningHit> out = new ArrayList<>(best.size());
    String evidence = ScreeningCalibration.evidence(model, query);
    int listSize = index.size();
    for (Scored s : best) {
      MatchRecord entry = records.get(s.slot());
      Explanation x = model.explain(queryFor(query, entry), entry, Optional.empty(), frequencies);
      double p = calibration.probability(evidence, x.weight(), listSize, x.probability());
      out.add(new ScreeningHit(entry.id(), entry.dataset(), p, x.weight(), x, entry.label(), entry, evidence,
          listSize));
    }
    return out;
  }

  /** The record without the values of name comparisons (they then compare at the null level: weight 0). */
  private MatchRecord withoutNames(MatchRecord r) {
    Map<String, List<String>> values = null;
    for (String p : nameProperties) {
      if (!r.get(p).isEmpty()) {
        if (values == null) {
          values = new LinkedHashMap<>(r.values());
        }
        values.remove(p);
      }
    }
    return values == null ? r : MatchRecord.ofCleaned(r.id(), r.dataset(), values, r.label());
  }

  /** The query as a record for one entry: identifiers of unknown scheme go where the entry has the same value. */
  private MatchRecord queryFor(ScreeningQuery query, MatchRecord entry) {
    if (query.identifiers().isEmpty()) {
      return query.record();
    }
    Map<String, List<String>> values = null;
    for (Comparison c : model.comparisons()) {
      if (c.kind() != Comparison.Kind.IDENTIFIER) {
        continue;
      }
      for (String p : c.properties()) {
        for (String id : query.identifiers()) {
          if (entry.get(p).contains(id)) {
            if (values == null) {
              values = new LinkedHashMap<>(query.record().values());
            }
            List<String> list = new ArrayList<>(values.getOrDefault(p, List.of()));
            if (!list.contains(id)) {
              list.add(id);
            }
            values.put(p, list);
          }
        }
      }
    }
    return values == null ? query.record() : new MatchRecord(query.record().id(), query.record().dataset(), values,
        query.record().label());
  }

  private record Prepared(MatchRecord record, String packed, List<String> keys, List<Set<String>> nameKeys, long presence,
      int nameTokens) {}

  private Prepared prepare(MatchRecord r) {
    Objects.requireNonNull(r, "entry");
    StringBuilder packed = new StringBuilder();
    for (String p : properties) {
      for (String v : r.get(p)) {
        if (v.indexOf('\u0000') >= 0) {
          throw new IllegalArgumentException("entry " + r.id() + " has a NUL character in " + p + "; remove it");
        }
        packed.append((char) propertyIndex.get(p).intValue()).append(v).append('\u0000');
      }
    }
    Set<String> keys = new LinkedHashSet<>();
    List<Set<String>> nameKeys = new ArrayList<>();
    long presence = 0;
    int tokens = Integer.MAX_VALUE;
    for (int k = 0; k < model.comparisons().size(); k++) {
      Comparison c = model.comparisons().get(k);
      Set<String> names = new LinkedHashSet<>();
      List<String> values = c.values(r);
      if (!values.isEmpty() && k < 64) {
        presence |= 1L << k;
      }
      for (String v : values) {
        switch (c.kind()) {
          case NAME -> {
            List<String> t = ScreeningKeys.entryName(v, keys::add); // one normalisation for both
            String key = ScreeningKeys.nameKey(t);
            if (!key.isEmpty()) {
              names.add(key);
              tokens = Math.min(tokens, t.size());
            }
          }
          case DATE -> ScreeningKeys.entryDate(v, keys::add);
          case IDENTIFIER -> keys.add(ScreeningKeys.identifier(v));
          case PHONE, EMAIL -> keys.add(ScreeningKeys.contact(v));
          case EXACT -> keys.add(ScreeningKeys.exact(c.name(), v));
          default -> { }
        }
      }
      nameKeys.add(names);
    }
    return new Prepared(r, packed.toString(), List.copyOf(keys), nameKeys, presence,
        tokens == Integer.MAX_VALUE ? 0 : tokens);
  }

  private static Set<String> nameKeys(Comparison c, MatchRecord r) {
    if (c.kind() != Comparison.Kind.NAME) {
      return Set.of();
    }
    Set<String> out = new LinkedHashSet<>();
    for (String v : c.values(r)) {
      String key = Levels.nameKey(v);
      if (!key.isEmpty()) {
        out.add(key);
      }
    }
    return out;
  }

  private MatchRecord decode(int slot) {
    String packed = index.packed(slot);
    String dataset = datasets.get(packed.charAt(0));
    Label label = packed.charAt(1) == 0xFFFF ? null : labels.get(packed.charAt(1));
    Map<String, List<String>> values = new LinkedHashMap<>();
    int i = 2;
    while (i < packed.length()) {
      String property = properties.get(packed.charAt(i));
      int end = packed.indexOf('\u0000', i + 1);
      values.computeIfAbsent(property, x -> new ArrayList<>(1)).add(packed.substring(i + 1, end));
      i = end + 1;
    }
    return MatchRecord.ofCleaned(index.id(slot), dataset, values, label);
  }

  private static <T> int intern(List<T> list, Map<T, Integer> ids, T value) {
    Integer id = ids.get(value);
    if (id != null) {
      return id;
    }
    if (list.size() >= 0xFFFE) {
      throw new IllegalStateException("more than 65,534 distinct labels or datasets in one screening index");
    }
    ids.put(value, list.size());
    list.add(value);
    return list.size() - 1;
  }

  /** Settings of a {@link Screening}; each may be set once. */
  public static final class Builder {
    private MatchModel model;
    private Integer candidateLimit;
    private ScreeningCalibration calibration;

    private Builder() {}

    /**
     * The probability of a hit for its weight and the query's evidence (default {@link ScreeningCalibration#defaults()}
     * with the default model, {@link ScreeningCalibration#none()}, the model's own probability, with another model).
     */
    public Builder calibration(ScreeningCalibration value) {
      requireUnset(calibration, "calibration");
      calibration = Objects.requireNonNull(value, "calibration");
      return this;
    }

    /** The model that scores candidates (default {@link MatchModel#personDefaults()}; a linker's learned one fits). */
    public Builder model(MatchModel value) {
      requireUnset(model == null ? null : model.parameters(), "model");
      model = Objects.requireNonNull(value, "model");
      return this;
    }

    /** How many index candidates the model rescores per query (default 300; more is slower and finds more). */
    public Builder candidateLimit(int value) {
      requireUnset(candidateLimit, "candidateLimit");
      if (value < 1 || value > 100_000) {
        throw new IllegalArgumentException("candidateLimit must be in 1..100000; got " + value);
      }
      candidateLimit = value;
      return this;
    }

    public Screening build() {
      return new Screening(this);
    }
  }
}
