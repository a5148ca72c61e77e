package org.insight.names;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.insight.names.internal.AbjadAlignment;
import org.insight.names.internal.JaroWinkler;

/**
 * How alike two names are, in [0,1], across case, diacritics, scripts, token order, missing middle names and
 * spelling variants. Static and thread-safe.
 *
 * <p>Method. Both names are {@linkplain Names#tokens normalised} and their tokens sorted (so token order cannot
 * matter). Two tokens compare by Jaro-Winkler, rescaled so that unrelated tokens score near 0
 * ({@code max(0, (jw - 0.6) / 0.4)}), raised to a floor of {@value #PHONETIC_FLOOR} when their Double Metaphone
 * codes (primary or alternate) meet, to {@value #CONSONANT_FLOOR} when one of the names was written in Arabic or
 * Hebrew script (no short vowels: {@code mhmd}) and the codes agree once vowels and {@code h} are dropped, and to
 * {@value #INITIAL_FLOOR} for an initial against a token that starts with it. The tokens of the name with fewer
 * tokens are then assigned one-to-one to the other's tokens so as to maximise the sum of their weighted
 * similarities (exactly for up to {@value #EXACT_LIMIT} tokens, greedily beyond); particles ({@code al},
 * {@code van}, {@code de}…) weigh {@value #PARTICLE_WEIGHT}, other tokens 1. The score is that weighted mean,
 * lowered by {@value #UNMATCHED_PENALTY} for each token of the longer name left unmatched ({@value
 * #UNMATCHED_PARTICLE_PENALTY} for a particle), by at most {@value #MAX_PENALTY} in all.
 *
 * <p>A one-token name is also compared with the other name's two or three tokens written together, in every order,
 * at {@value #JOINED_FACTOR} of that token similarity ({@code Abdullah} against {@code Abd Allah}).
 *
 * <p>Laws: {@code score(a, b) == score(b, a)} bitwise (the two names are put in a canonical order first, every
 * step after that is deterministic); {@code score(a, a) == 1} when {@code a} has a token; blank → 0.
 */
public final class NameSimilarity {

  static final double PHONETIC_FLOOR = 0.9;
  static final double CONSONANT_FLOOR = 0.85;
  static final double INITIAL_FLOOR = 0.7;
  static final double PARTICLE_WEIGHT = 0.2;
  static final double UNMATCHED_PENALTY = 0.06;
  static final double UNMATCHED_PARTICLE_PENALTY = 0.01;
  static final double MAX_PENALTY = 0.3;
  static final int EXACT_LIMIT = 10;
  static final int MAX_JOINED = 3;
  static final double JOINED_FACTOR = 0.95;

  private NameSimilarity() {}

  /**
   * The similarity of two names: 1 for the same normalised tokens in any order, 0 when either is blank (or has no
   * letters or digits).
   */
  public static double score(String a, String b) {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    return score(prepare(a), prepare(b));
  }

  private static double score(Tok[] x, Tok[] y) {
    if (x.length == 0 || y.length == 0) {
      return 0.0;
    }
    // canonical order: fewer tokens first, then by text, so that score(a,b) and score(b,a) compute the same thing
    int c = x.length != y.length ? Integer.compare(x.length, y.length) : compare(x, y);
    double score = c <= 0 ? directed(x, y) : directed(y, x);
    if (x.length == 1 && y.length > 1 && y.length <= MAX_JOINED) {
      score = Math.max(score, joined(x[0], y));
    } else if (y.length == 1 && x.length > 1 && x.length <= MAX_JOINED) {
      score = Math.max(score, joined(y[0], x));
    }
    return score;
  }

  /** A one-token name against the other name's tokens written together in any order ({@code Abd Allah}). */
  private static double joined(Tok single, Tok[] parts) {
    double best = 0.0;
    for (int[] order : PERMUTATIONS[parts.length]) {
      StringBuilder sb = new StringBuilder();
      for (int k : order) {
        sb.append(parts[k].text);
      }
      best = Math.max(best, tokenSimilarity(single, new Tok(sb.toString(), parts[0].abjad)));
    }
    return best * JOINED_FACTOR;
  }

  private static final int[][][] PERMUTATIONS = {
      {}, {{0}}, {{0, 1}, {1, 0}}, {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}}};

  private static double directed(Tok[] s, Tok[] l) {
    int n = s.length;
    int m = l.length;
    double[][] sim = new double[n][m];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < m; j++) {
        sim[i][j] = s[i].weight * tokenSimilarity(s[i], l[j]);
      }
    }
    int[] assignment = m <= EXACT_LIMIT ? exact(sim, n, m) : greedy(sim, n, m);
    double total = 0.0;
    double weights = 0.0;
    boolean[] used = new boolean[m];
    for (int i = 0; i < n; i++) {
      weights += s[i].weight;
      int j = assignment[i];
      if (j >= 0 && sim[i][j] > 0.0) {
        total += sim[i][j];
        used[j] = true;
      }
    }
    double penalty = 0.0;
    for (int j = 0; j < m; j++) {
      if (!used[j]) {
        penalty += l[j].particle ? UNMATCHED_PARTICLE_PENALTY : UNMATCHED_PENALTY;
      }
    }
    double score = total / weights * (1.0 - Math.min(MAX_PENALTY, penalty));
    return Math.max(0.0, Math.min(1.0, score));
  }

  /** Best one-to-one assignment by dynamic programming over subsets of the longer side. */
  private static int[] exact(double[][] sim, int n, int m) {
    int states = 1 << m;
    double[][] best = new double[n + 1][states];
    int[][] choice = new int[n + 1][states];
    for (double[] row : best) {
      Arrays.fill(row, Double.NEGATIVE_INFINITY);
    }
    best[0][0] = 0.0;
    for (int i = 0; i < n; i++) {
      for (int mask = 0; mask < states; mask++) {
        double v = best[i][mask];
        if (v == Double.NEGATIVE_INFINITY) {
          continue;
        }
        for (int j = 0; j < m; j++) {
          if ((mask & (1 << j)) == 0) {
            int next = mask | (1 << j);
            double w = v + sim[i][j];
            if (w > best[i + 1][next]) {
              best[i + 1][next] = w;
              choice[i + 1][next] = j;
            }
          }
        }
      }
    }
    int bestMask = -1;
    for (int mask = 0; mask < states; mask++) {
      if (best[n][mask] != Double.NEGATIVE_INFINITY && (bestMask < 0 || best[n][mask] > best[n][bestMask])) {
        bestMask = mask;
      }
    }
    int[] assignment = new int[n];
    int mask = bestMask;
    for (int i = n; i > 0; i--) {
      int j = choice[i][mask];
      assignment[i - 1] = j;
      mask &= ~(1 << j);
    }
    return assignment;
  }

  private static int[] greedy(double[][] sim, int n, int m) {
    List<int[]> pairs = new ArrayList<>(n * m);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < m; j++) {
        pairs.add(new int[] {i, j});
      }
    }
    pairs.sort(Comparator.<int[]>comparingDouble(p -> -sim[p[0]][p[1]])
        .thenComparingInt(p -> p[0]).thenComparingInt(p -> p[1]));
    int[] assignment = new int[n];
    Arrays.fill(assignment, -1);
    boolean[] used = new boolean[m];
    for (int[] p : pairs) {
      if (assignment[p[0]] < 0 && !used[p[1]]) {
        assignment[p[0]] = p[1];
        used[p[1]] = true;
      }
    }
    return assignment;
  }

  /**
   * Symmetric similarity of two tokens in [0,1]: the best over their forms (a Cyrillic token's other romanisations).
   */
  static double tokenSimilarity(Tok x, Tok y) {
    double s = formSimilarity(x, y);
    for (Tok a : x.alternates) {
      s = Math.max(s, formSimilarity(a, y));
      for (Tok b : y.alternates) {
        s = Math.max(s, formSimilarity(a, b));
      }
    }
    for (Tok b : y.alternates) {
      s = Math.max(s, formSimilarity(x, b));
    }
    return s;
  }

  private static double formSimilarity(Tok x, Tok y) {
    if (x.text.equals(y.text)) {
      return 1.0;
    }
    double jw = JaroWinkler.similarity(x.text, y.text);
    double s = Math.max(0.0, (jw - 0.6) / 0.4);
    if (phoneticMatch(x, y)) {
      s = Math.max(s, PHONETIC_FLOOR);
    }
    if ((x.abjad || y.abjad) && !x.consonants.isEmpty() && x.consonants.equals(y.consonants)) {
      s = Math.max(s, CONSONANT_FLOOR);
    }
    if (x.abjad != y.abjad) {
      s = Math.max(s, abjadSimilarity(x.abjad ? x.text : y.text, x.abjad ? y.text : x.text));
    }
    if (x.text.length() == 1 && y.text.startsWith(x.text) || y.text.length() == 1 && x.text.startsWith(y.text)) {
      s = Math.max(s, INITIAL_FLOOR);
    }
    return s;
  }

  /**
   * An abjad token ({@code hsyn}) against a Latin spelling ({@code Hussein}): {@value #ABJAD_BEST} when the letters
   * fully explain the spelling, {@value #ABJAD_STEP} less per unit of {@link AbjadAlignment#cost}. A Latin token with
   * the article joined ({@code Alkhouri}) is also compared without it (the abjad side has it apart: {@code al khwry}).
   */
  private static double abjadSimilarity(String abjad, String latin) {
    if (abjad.length() < 2 || latin.length() < 2) {
      return 0.0;
    }
    double cost = AbjadAlignment.cost(abjad, latin);
    if (latin.length() >= 5 && (latin.startsWith("al") || latin.startsWith("el"))) {
      cost = Math.min(cost, AbjadAlignment.cost(abjad, latin.substring(2)));
    }
    return Math.max(0.0, ABJAD_BEST - ABJAD_STEP * cost);
  }

  static final double ABJAD_BEST = 0.95;
  static final double ABJAD_STEP = 0.15;

  private static boolean phoneticMatch(Tok x, Tok y) {
    return !x.primary.isEmpty() && !y.primary.isEmpty()
        && (x.primary.equals(y.primary) || x.primary.equals(y.alternate) || x.alternate.equals(y.primary)
            || !x.alternate.isEmpty() && x.alternate.equals(y.alternate));
  }

  private static int compare(Tok[] x, Tok[] y) {
    for (int i = 0; i < x.length; i++) {
      int c = x[i].text.compareTo(y[i].text);
      if (c != 0) {
        return c;
      }
    }
    return Boolean.compare(x[0].abjad, y[0].abjad);
  }

  /**
   * The last two names prepared on this thread: screening compares one query with hundreds of candidates, and
   * preparing a name (normalising, phonetic codes) costs more than comparing it. Prepared tokens are never modified.
   */
  private static final ThreadLocal<Object[]> RECENT = ThreadLocal.withInitial(() -> new Object[5]);

  private static Tok[] prepare(String name) {
    Object[] recent = RECENT.get(); // {name0, toks0, name1, toks1, index of the least recently used}
    for (int i = 0; i < 4; i += 2) {
      if (name.equals(recent[i])) {
        recent[4] = i == 0 ? 2 : 0;
        return (Tok[]) recent[i + 1];
      }
    }
    Tok[] prepared = prepareUncached(name);
    int slot = recent[4] == null ? 0 : (Integer) recent[4];
    recent[slot] = name;
    recent[slot + 1] = prepared;
    recent[4] = slot == 0 ? 2 : 0;
    return prepared;
  }

  private static Tok[] prepareUncached(String name) {
    return prepareUncached(name, Tok::new);
  }

  private static Tok[] prepareUncached(String name, java.util.function.BiFunction<String, Boolean, Tok> token) {
    List<String> tokens = Names.tokens(name);
    if (tokens.isEmpty()) {
      return new Tok[0];
    }
    Names.Script script = Names.script(name);
    boolean abjad = script == Names.Script.ARABIC || script == Names.Script.HEBREW;
    List<List<String>> forms = script == Names.Script.CYRILLIC || script == Names.Script.MIXED
        ? Names.romanisations(name) : null;
    Tok[] out = new Tok[tokens.size()];
    for (int i = 0; i < out.length; i++) {
      List<String> f = forms == null ? List.of() : forms.get(i);
      out[i] = f.size() > 1 ? new Tok(tokens.get(i), abjad, f.subList(1, f.size())) : token.apply(tokens.get(i), abjad);
    }
    Arrays.sort(out, Comparator.comparing((Tok t) -> t.text));
    return out;
  }

  private static final Tok[] NONE = new Tok[0];

  /** A normalised token with what the comparison needs. */
  static final class Tok {
    final String text;
    final String primary;
    final String alternate;
    final String consonants;
    final boolean particle;
    final boolean abjad;
    final double weight;
    /** The token's other romanisations (a word written in Cyrillic), compared as well; none for most tokens. */
    final Tok[] alternates;

    Tok(String text, boolean abjad, List<String> alternates) {
      this(text, abjad, alternates.stream().map(a -> new Tok(a, abjad)).toArray(Tok[]::new));
    }

    Tok(String text, boolean abjad) {
      this(text, abjad, NONE);
    }

    private Tok(String text, boolean abjad, Tok[] alternates) {
      this.alternates = alternates;
      this.text = text;
      this.primary = Names.phoneticKey(text);
      this.alternate = Names.alternatePhoneticKey(text);
      this.consonants = primary.replace("A", "").replace("H", "");
      this.particle = Names.isParticle(text);
      this.abjad = abjad;
      this.weight = particle ? PARTICLE_WEIGHT : 1.0;
    }
  }

  /**
   * A name prepared once (normalised, tokens sorted, phonetic codes) for many {@link #score(Prepared, Prepared)}
   * calls: linkage compares each record with many candidates, and preparing a name costs more than comparing it.
   * Immutable.
   */
  public static final class Prepared {
    private final Tok[] tokens;

    private Prepared(Tok[] tokens) {
      this.tokens = tokens;
    }
  }

  /** {@link #score(String, String)} of the names the two were prepared from, bitwise. */
  public static double score(Prepared a, Prepared b) {
    return score(a.tokens, b.tokens);
  }

  /**
   * Prepares names, sharing the prepared tokens between names (a million names have a few tens of thousands of
   * distinct tokens). Thread-safe.
   */
  public static final class Preparer {
    private final java.util.concurrent.ConcurrentHashMap<String, Tok> latin = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.ConcurrentHashMap<String, Tok> abjad = new java.util.concurrent.ConcurrentHashMap<>();

    /** An empty preparer; keep one per batch of names to share their tokens. */
    public Preparer() {}

    /** The prepared form of {@code name}. */
    public Prepared prepare(String name) {
      Objects.requireNonNull(name, "name");
      return new Prepared(prepareUncached(name, (text, isAbjad) ->
          (isAbjad ? abjad : latin).computeIfAbsent(text, k -> new Tok(k, isAbjad))));
    }
  }
}
