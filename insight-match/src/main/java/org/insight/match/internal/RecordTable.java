package org.insight.match.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.insight.match.Comparison;
import org.insight.match.MatchRecord;
import org.insight.names.NameSimilarity;
import org.insight.names.Nicknames;

/**
 * The records of one run in comparison-ready form, computed once per record instead of once per pair: per
 * comparison the pooled values; for names also their {@link Levels#nameKey key} (as an id), their
 * {@link NameSimilarity.Prepared prepared} form and that of their canonical (nickname-resolved) form. Levels and
 * weights computed here are those of {@link Levels#compare} and {@code MatchModel.weight}, bitwise (a test checks
 * it). Not API.
 */
public final class RecordTable {

  private static final List<String> NONE = List.of();

  private final int n;
  private final Comparison.Kind[] kinds;
  private final int[] levelCounts;
  /** Non-name comparisons: per comparison, per record, the pooled values (empty when none). */
  private final List<String>[][] values;
  /** Name comparisons: per comparison, the records' name values. */
  private final NameColumn[] names;

  /** One name comparison's values: record i has values {@code start[i]..start[i+1]-1}. */
  private static final class NameColumn {
    int[] start;
    /** Key id per value; -1 for a blank key. */
    int[] key;
    NameSimilarity.Prepared[] prepared;
    /** The prepared canonical form, or null when the canonical form is the value itself. */
    NameSimilarity.Prepared[] canonical;
    /** Per key id: its share of the records that have it (the term frequency). */
    double[] frequency;
    Map<String, Double> frequencies;
    /** Per key id: the key. */
    String[] keyText;

    /** A shallow copy: the arrays are shared, never written after the column is built. */
    private NameColumn copy() {
      NameColumn out = new NameColumn();
      out.start = start;
      out.key = key;
      out.prepared = prepared;
      out.canonical = canonical;
      out.frequency = frequency;
      out.frequencies = frequencies;
      out.keyText = keyText;
      return out;
    }

    /** The same keys without the prepared names (exact agreements still weigh; nothing compares). */
    NameColumn keysOnly() {
      NameColumn out = copy();
      out.prepared = null;
      out.canonical = null;
      return out;
    }

    /** The same values with the term frequencies of {@code f} (per key; 0 for a key it lacks, as MatchModel). */
    NameColumn withFrequencies(Map<String, Double> f) {
      NameColumn out = copy();
      out.frequencies = f;
      out.frequency = new double[keyText.length];
      for (int id = 0; id < keyText.length; id++) {
        out.frequency[id] = f.getOrDefault(keyText[id], 0.0);
      }
      return out;
    }
  }

  @SuppressWarnings({"rawtypes", "unchecked"}) // arrays of List<String>: Java cannot create generic arrays
  private RecordTable(List<MatchRecord> records, List<Comparison> comparisons, Workers workers) {
    this.n = records.size();
    int c = comparisons.size();
    this.kinds = new Comparison.Kind[c];
    this.levelCounts = new int[c];
    this.values = new List[c][];
    this.names = new NameColumn[c];
    NameSimilarity.Preparer preparer = new NameSimilarity.Preparer();
    for (int k = 0; k < c; k++) {
      Comparison cmp = comparisons.get(k);
      kinds[k] = cmp.kind();
      levelCounts[k] = cmp.levels().size();
      List<String>[] col = new List[n];
      List<String> props = cmp.kind() == Comparison.Kind.DATE ? withUnchecked(cmp.properties()) : cmp.properties();
      workers.forRange(n, i -> col[i] = pooled(records.get(i), props));
      if (cmp.kind() != Comparison.Kind.NAME) {
        values[k] = col;
        continue;
      }
      NameColumn nc = new NameColumn();
      nc.start = new int[n + 1];
      for (int i = 0; i < n; i++) {
        nc.start[i + 1] = nc.start[i] + col[i].size();
      }
      int total = nc.start[n];
      String[] keys = new String[total];
      nc.prepared = new NameSimilarity.Prepared[total];
      nc.canonical = new NameSimilarity.Prepared[total];
      workers.forRange(n, i -> {
        int v = nc.start[i];
        for (String name : col[i]) {
          keys[v] = Levels.nameKey(name);
          nc.prepared[v] = preparer.prepare(name);
          String canonical = Nicknames.canonicalName(name);
          nc.canonical[v] = canonical.equals(name) ? null : preparer.prepare(canonical);
          v++;
        }
      });
      // key ids and term frequencies (a key counts once per record), as MatchModel.frequencies computes them
      Map<String, Integer> ids = new HashMap<>();
      List<int[]> counts = new ArrayList<>();
      nc.key = new int[total];
      for (int i = 0; i < n; i++) {
        for (int v = nc.start[i]; v < nc.start[i + 1]; v++) {
          if (keys[v].isEmpty()) {
            nc.key[v] = -1;
            continue;
          }
          Integer id = ids.get(keys[v]);
          if (id == null) {
            id = counts.size();
            ids.put(keys[v], id);
            counts.add(new int[] {0, -1});
          }
          nc.key[v] = id;
          int[] cnt = counts.get(id);
          if (cnt[1] != i) {
            cnt[0]++;
            cnt[1] = i;
          }
        }
      }
      nc.frequency = new double[counts.size()];
      nc.frequencies = new HashMap<>(ids.size() * 4 / 3 + 1);
      nc.keyText = new String[counts.size()];
      double records0 = n;
      for (Map.Entry<String, Integer> e : ids.entrySet()) {
        double f = counts.get(e.getValue())[0] / records0;
        nc.frequency[e.getValue()] = f;
        nc.frequencies.put(e.getKey(), f);
        nc.keyText[e.getValue()] = e.getKey();
      }
      names[k] = nc;
    }
  }

  private RecordTable(RecordTable t, NameColumn[] names) {
    this.n = t.n;
    this.kinds = t.kinds;
    this.levelCounts = t.levelCounts;
    this.values = t.values;
    this.names = names;
  }

  /**
   * The same table scoring exact name agreements with the term frequencies {@code frequencies} (per comparison, as
   * {@link #frequencies} gives them) instead of its own records': for a table of some of a run's records (a
   * distributed run's partition) weighing with the whole run's frequencies.
   */
  public RecordTable withFrequencies(List<Map<String, Double>> frequencies) {
    NameColumn[] out = new NameColumn[names.length];
    for (int k = 0; k < names.length; k++) {
      out[k] = names[k] == null ? null : names[k].withFrequencies(frequencies.get(k));
    }
    return new RecordTable(this, out);
  }

  /**
   * The same table without what only comparing needs (the prepared names): {@link #weight(long, int, int, Weights)}
   * from a pattern computed before still works, {@link #level} and {@link #pattern} do not. Holds a fraction of the
   * memory.
   */
  public RecordTable forWeightsOnly() {
    NameColumn[] out = new NameColumn[names.length];
    for (int k = 0; k < names.length; k++) {
      out[k] = names[k] == null ? null : names[k].keysOnly();
    }
    return new RecordTable(this, out);
  }

  /** The table of {@code records} for {@code comparisons}, built on {@code workers}. */
  public static RecordTable build(List<MatchRecord> records, List<Comparison> comparisons, Workers workers) {
    return new RecordTable(records, comparisons, workers);
  }

  /** Each date property followed by the one keeping its corrupted values as written, as {@code Comparison} pools them. */
  private static List<String> withUnchecked(List<String> properties) {
    List<String> out = new ArrayList<>();
    for (String p : properties) {
      out.add(p);
      out.add(p + MatchRecord.UNCHECKED);
    }
    return out;
  }

  /** What {@code Comparison.values} gives: the values of the properties, pooled, duplicates removed. */
  private static List<String> pooled(MatchRecord r, List<String> properties) {
    if (properties.size() == 1) {
      return r.get(properties.get(0));
    }
    List<String> only = NONE;
    int having = 0;
    for (String p : properties) {
      List<String> v = r.get(p);
      if (!v.isEmpty()) {
        only = v;
        having++;
      }
    }
    if (having <= 1) {
      return only;
    }
    LinkedHashSet<String> out = new LinkedHashSet<>();
    for (String p : properties) {
      out.addAll(r.get(p));
    }
    return List.copyOf(out);
  }

  /** Number of records. */
  public int size() {
    return n;
  }

  /**
   * Name frequencies per comparison (empty maps for non-name comparisons), equal to what
   * {@code MatchModel.frequencies} computes for the same records.
   */
  public List<Map<String, Double>> frequencies() {
    List<Map<String, Double>> out = new ArrayList<>();
    for (int k = 0; k < kinds.length; k++) {
      out.add(names[k] == null ? new HashMap<>() : names[k].frequencies);
    }
    return out;
  }

  /** The level records {@code i} and {@code j} reach on comparison {@code k}. */
  public int level(int k, int i, int j) {
    NameColumn nc = names[k];
    if (nc != null) {
      int a0 = nc.start[i];
      int a1 = nc.start[i + 1];
      int b0 = nc.start[j];
      int b1 = nc.start[j + 1];
      if (a0 == a1 || b0 == b1) {
        return Levels.NULL;
      }
      int best = Integer.MAX_VALUE;
      for (int a = a0; a < a1 && best > Levels.EXACT; a++) {
        for (int b = b0; b < b1 && best > Levels.EXACT; b++) {
          best = Math.min(best, nameLevel(nc, a, b));
        }
      }
      return best;
    }
    List<String> x = values[k][i];
    List<String> y = values[k][j];
    if (x.isEmpty() || y.isEmpty()) {
      return Levels.NULL;
    }
    int best = Integer.MAX_VALUE;
    for (String p : x) {
      for (String q : y) {
        best = Math.min(best, Levels.level(kinds[k], p, q));
      }
    }
    return best;
  }

  /** {@link Levels#nameLevel} on prepared values. */
  private static int nameLevel(NameColumn nc, int a, int b) {
    int ka = nc.key[a];
    int kb = nc.key[b];
    if (ka < 0 || kb < 0) {
      return 5;
    }
    if (ka == kb) {
      return 1;
    }
    double s = NameSimilarity.score(nc.prepared[a], nc.prepared[b]);
    if (s < 0.92 && (nc.canonical[a] != null || nc.canonical[b] != null)) {
      NameSimilarity.Prepared ca = nc.canonical[a] != null ? nc.canonical[a] : nc.prepared[a];
      NameSimilarity.Prepared cb = nc.canonical[b] != null ? nc.canonical[b] : nc.prepared[b];
      s = Math.max(s, NameSimilarity.score(ca, cb));
    }
    return s >= 0.92 ? 2 : s >= 0.85 ? 3 : s >= 0.75 ? 4 : 5;
  }

  /** The levels of a pair, one per comparison, into {@code out}. */
  public void levels(int i, int j, int[] out) {
    for (int k = 0; k < kinds.length; k++) {
      out[k] = level(k, i, j);
    }
  }

  /** The number of distinct level patterns, or -1 when they do not fit a long (see {@link #pattern}). */
  public long patternSpace() {
    long space = 1;
    for (int l : levelCounts) {
      if (space > Long.MAX_VALUE / l) {
        return -1;
      }
      space *= l;
    }
    return space;
  }

  /** The levels of a pair as one number (mixed radix, comparison 0 least significant). */
  public long pattern(int i, int j) {
    long code = 0;
    long radix = 1;
    for (int k = 0; k < kinds.length; k++) {
      code += level(k, i, j) * radix;
      radix *= levelCounts[k];
    }
    return code;
  }

  /** The number of levels of each comparison (null included). */
  public int[] levelCounts() {
    return levelCounts.clone();
  }

  /** The levels that {@link #pattern} packed. */
  public int[] unpack(long code) {
    int[] out = new int[kinds.length];
    for (int k = 0; k < kinds.length; k++) {
      out[k] = (int) (code % levelCounts[k]);
      code /= levelCounts[k];
    }
    return out;
  }

  /** A model's per-level weights, for {@link #weight}. */
  public static final class Weights {
    private final double[][] m;
    private final double[][] levelWeight;

    /** The per-level weights of a model, from its parameters (the same doubles it scores with). */
    public static Weights of(org.insight.match.MatchModel model) {
      List<org.insight.match.ModelParameters.ComparisonParameters> cp = model.parameters().comparisons();
      double[][] m = new double[cp.size()][];
      double[][] u = new double[cp.size()][];
      for (int k = 0; k < cp.size(); k++) {
        List<org.insight.match.ModelParameters.LevelParameters> lp = cp.get(k).levels();
        m[k] = new double[lp.size() + 1];
        u[k] = new double[lp.size() + 1];
        m[k][0] = 1; // index 0, the null level, carries no weight
        u[k][0] = 1;
        for (int l = 1; l <= lp.size(); l++) {
          m[k][l] = lp.get(l - 1).m();
          u[k][l] = lp.get(l - 1).u();
        }
      }
      return new Weights(m, u);
    }

    private Weights(double[][] m, double[][] u) {
      this.m = m;
      this.levelWeight = new double[m.length][];
      for (int k = 0; k < m.length; k++) {
        levelWeight[k] = new double[m[k].length];
        for (int l = 1; l < m[k].length; l++) {
          levelWeight[k][l] = log2(m[k][l] / u[k][l]);
        }
      }
    }
  }

  /** The match weight of a pair: {@code MatchModel.weight} of the two records, bitwise. */
  public double weight(int i, int j, Weights weights) {
    double w = 0;
    for (int k = 0; k < kinds.length; k++) {
      w += levelWeight(k, level(k, i, j), i, j, weights);
    }
    return w;
  }

  /** {@link #weight(int, int, Weights)} from the pair's {@link #pattern} (computed before), bitwise the same. */
  public double weight(long pattern, int i, int j, Weights weights) {
    double w = 0;
    long code = pattern;
    for (int k = 0; k < kinds.length; k++) {
      w += levelWeight(k, (int) (code % levelCounts[k]), i, j, weights);
      code /= levelCounts[k];
    }
    return w;
  }

  /** Comparison {@code k}'s weight at level {@code l}: none for a missing value, term-frequency adjusted for exact names. */
  private double levelWeight(int k, int l, int i, int j, Weights weights) {
    if (l == Levels.NULL) {
      return 0;
    }
    return l == Levels.EXACT && names[k] != null ? exactNameWeight(k, i, j, weights) : weights.levelWeight[k][l];
  }

  /** The term-frequency-adjusted weight of an exact name agreement, as MatchModel computes it. */
  private double exactNameWeight(int k, int i, int j, Weights weights) {
    NameColumn nc = names[k];
    double min = Double.MAX_VALUE;
    for (int a = nc.start[i]; a < nc.start[i + 1]; a++) {
      for (int b = nc.start[j]; b < nc.start[j + 1]; b++) {
        int ka = nc.key[a];
        // MatchModel compares the key strings: two blank keys are equal, with frequency 0 (unknown)
        if (ka == nc.key[b]) {
          min = Math.min(min, ka < 0 ? 0.0 : nc.frequency[ka]);
        }
      }
    }
    double mk = weights.m[k][Levels.EXACT];
    if (min > 0 && min < Double.MAX_VALUE) {
      double uk = Math.min(1 - 1e-9, Math.max(min, 1e-9));
      return log2(mk / uk);
    }
    return weights.levelWeight[k][Levels.EXACT];
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
