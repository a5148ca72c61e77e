package org.insight.match;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Screening probabilities an analyst can set a threshold on: the model's match weight turned into the probability
 * that a hit is the queried person, for what the query carries (its evidence: name only, name and birth date, with an
 * identifier…) and the size of the list. Immutable and thread-safe.
 *
 * <p>Why. The model's own probability ({@link MatchModel#probability}) adds one prior to the weight, the prior of a
 * full-record pair; a name-only query can never gather the weight a record with a birth date and a passport number
 * does, so its correct hits scored p ≈ 0.001 and no threshold separated them from the wrong ones. Here each evidence
 * profile has its own logistic curve (Platt scaling) over the weight and {@code log2} of the list size:
 * {@code p = 1 / (1 + exp(-(a·weight + b + c·log2(listSize))))}, fitted on labelled hits ({@link #fit}). The list
 * size matters because a near spelling of a name is shared by more people in a longer list.
 *
 * <p>What it is calibrated for. {@link #defaults()} was fitted on generated screening ({@code ./run-bench calibration},
 * the coefficients and the reliability curve are in docs/benchmarks.md): lists of 2,000 to 100,000 persons, queries
 * of which half are of a listed person (a corrupted sighting: typos, swapped names, another script, date errors) and
 * half of a person not listed (a tenth of them a namesake or relative of a listed person), each query's top 10 hits
 * labelled. A probability of 0.8 means: of hits scored 0.8 in such a stream, about 80% are the person. A deployment
 * whose queries are listed people more or less often shifts the curves with {@link #withListedShare}, or fits its own
 * on judged hits with {@link #fit}. A profile the calibration has no curve for uses the curve of the largest profile
 * it contains (a query with a phone number and a name uses the name's curve); a query without a name uses the
 * model's probability.
 */
public final class ScreeningCalibration {

  /** The evidence names of a profile, in the order a profile lists them. */
  public static final List<String> EVIDENCE = List.of("name", "date", "country", "identifier", "contact", "other");

  /** The profile of a query without a name, or of a calibration that has no curve: the model's probability. */
  public static final String MODEL = "model";

  /**
   * One profile's curve.
   *
   * @param evidence the profile ({@code name+date+country})
   * @param a the coefficient of the weight
   * @param b the intercept
   * @param c the coefficient of {@code log2(listSize)}
   * @param samples the labelled hits it was fitted on
   * @param matches how many of them were the person
   */
  public record Curve(String evidence, double a, double b, double c, int samples, int matches) {
    /** The probability for a weight against a list of {@code listSize} entries. */
    public double probability(double weight, int listSize) {
      double z = a * weight + b + c * log2(Math.max(1, listSize));
      return 1.0 / (1.0 + Math.exp(-z));
    }
  }

  /**
   * A labelled hit to fit on.
   *
   * @param evidence the query's profile ({@link #evidence})
   * @param weight the hit's match weight
   * @param listSize the number of entries screened against
   * @param match whether the hit is the queried person
   */
  public record Sample(String evidence, double weight, int listSize, boolean match) {
    public Sample {
      Objects.requireNonNull(evidence, "evidence");
    }
  }

  private final Map<String, Curve> curves;

  private ScreeningCalibration(Map<String, Curve> curves) {
    this.curves = Map.copyOf(curves);
  }

  /** No curves: every hit keeps the model's probability (the behaviour before calibration). */
  public static ScreeningCalibration none() {
    return new ScreeningCalibration(Map.of());
  }

  /** The given curves (as {@link #curves} returns them, or fitted elsewhere). */
  public static ScreeningCalibration of(List<Curve> curves) {
    Map<String, Curve> m = new LinkedHashMap<>();
    for (Curve c : curves) {
      m.put(canonical(c.evidence()), c);
    }
    return new ScreeningCalibration(m);
  }

  /**
   * The curves fitted on generated screening for {@link MatchModel#personDefaults()} (see the class comment; printed
   * by {@code ./run-bench calibration}, seed 16, lists of 2,000, 10,000 and 50,000 entries, 1,500 queries each).
   */
  public static ScreeningCalibration defaults() {
    return DEFAULTS;
  }

  private static final ScreeningCalibration DEFAULTS = of(List.of(
      // evidence, a, b, c, samples, matches: pasted from ./run-bench calibration
      new Curve("name", 0.4646, 4.2953, -0.6366, 8860, 429),
      new Curve("name+country", 0.6775, 2.8138, -0.6267, 9400, 476),
      new Curve("name+country+identifier", 1.3252, -25.7747, -0.0042, 850, 41),
      new Curve("name+date", 1.7945, -9.4328, -0.7384, 11570, 563),
      new Curve("name+date+country", 0.9139, -3.0161, -0.6270, 11630, 585),
      new Curve("name+date+country+identifier", 0.9817, -23.7701, -0.0624, 880, 39),
      new Curve("name+date+identifier", 1.4608, -21.6411, -0.3528, 980, 48),
      new Curve("name+identifier", 1.7249, -31.7006, -0.2525, 830, 40)));

  /** The curves, by profile. */
  public List<Curve> curves() {
    List<Curve> out = new ArrayList<>(curves.values());
    out.sort(Comparator.comparing(Curve::evidence));
    return out;
  }

  /**
   * The evidence profile of a query for a model: which kinds of value it carries that the model compares —
   * {@code name}, {@code date}, {@code country} (nationality), {@code identifier} (any scheme), {@code contact}
   * (phone, e-mail, address), {@code other} — joined by {@code +} in that order ({@code name+date+country}).
   */
  public static String evidence(MatchModel model, ScreeningQuery query) {
    Set<String> present = new TreeSet<>(Comparator.comparingInt(EVIDENCE::indexOf));
    for (Comparison c : model.comparisons()) {
      if (c.values(query.record()).isEmpty()) {
        continue;
      }
      present.add(switch (c.kind()) {
        case NAME -> "name";
        case DATE -> "date";
        case IDENTIFIER -> "identifier";
        case PHONE, EMAIL, ADDRESS -> "contact";
        case EXACT -> c.name().equals("nationality") || c.name().equals("country") ? "country" : "other";
        default -> "other";
      });
    }
    if (!query.identifiers().isEmpty()) {
      present.add("identifier");
    }
    return present.isEmpty() ? MODEL : String.join("+", present);
  }

  /**
   * The calibrated probability of a hit: the curve of {@code evidence} (or of the largest profile it contains), or
   * {@code modelProbability} when there is none.
   */
  public double probability(String evidence, double weight, int listSize, double modelProbability) {
    Curve c = curve(evidence);
    return c == null ? modelProbability : c.probability(weight, listSize);
  }

  /** The curve used for a profile ({@link #probability}), or null when the model's probability is used. */
  public Curve curve(String evidence) {
    Curve exact = curves.get(canonical(evidence));
    if (exact != null || !evidence.contains("name")) {
      return exact;
    }
    Set<String> have = Set.of(evidence.split("\\+"));
    Curve best = null;
    int bestSize = -1;
    for (Curve c : curves()) {
      Set<String> parts = Set.of(c.evidence().split("\\+"));
      if (have.containsAll(parts) && parts.size() > bestSize) {
        best = c;
        bestSize = parts.size();
      }
    }
    return best;
  }

  /**
   * The same curves for a stream of queries of which {@code share} are of listed people (the defaults assume one
   * half): each intercept moves by the change in prior log-odds. Approximate: it assumes the hits of a listed person's
   * query other than the person are as many as those of an unlisted one's.
   */
  public ScreeningCalibration withListedShare(double share) {
    if (!(share > 0 && share < 1)) {
      throw new IllegalArgumentException("the share of queries of listed people must be in (0,1); got " + share);
    }
    double shift = Math.log(share / (1 - share));
    List<Curve> out = new ArrayList<>();
    for (Curve c : curves.values()) {
      out.add(new Curve(c.evidence(), c.a(), c.b() + shift, c.c(), c.samples(), c.matches()));
    }
    return of(out);
  }

  /** Profiles with fewer labelled hits of either kind are not fitted (their queries use a smaller profile). */
  public static final int MIN_PER_CLASS = 25;

  /**
   * Fits one curve per profile by logistic regression (Newton's method with a small ridge, so that a profile seen
   * with one list size only still has a finite {@code c}); profiles with fewer than {@value #MIN_PER_CLASS} matches
   * or non-matches are left out.
   */
  public static ScreeningCalibration fit(List<Sample> samples) {
    Map<String, List<Sample>> by = new HashMap<>();
    for (Sample s : samples) {
      by.computeIfAbsent(canonical(s.evidence()), k -> new ArrayList<>()).add(s);
    }
    List<Curve> curves = new ArrayList<>();
    for (Map.Entry<String, List<Sample>> e : by.entrySet()) {
      List<Sample> list = e.getValue();
      int matches = (int) list.stream().filter(Sample::match).count();
      if (matches < MIN_PER_CLASS || list.size() - matches < MIN_PER_CLASS) {
        continue;
      }
      double[] beta = logistic(list);
      curves.add(new Curve(e.getKey(), beta[0], beta[1], beta[2], list.size(), matches));
    }
    return of(curves);
  }

  /** Newton–Raphson for (a, b, c) with a ridge of 1e-3 (the intercept is not penalised). */
  private static double[] logistic(List<Sample> list) {
    double[] beta = {0.1, 0, 0};
    double ridge = 1e-3;
    for (int iter = 0; iter < 100; iter++) {
      double[] grad = new double[3];
      double[][] hess = new double[3][3];
      for (Sample s : list) {
        double[] x = {s.weight(), 1, log2(Math.max(1, s.listSize()))};
        double z = beta[0] * x[0] + beta[1] * x[1] + beta[2] * x[2];
        double p = 1 / (1 + Math.exp(-z));
        double y = s.match() ? 1 : 0;
        for (int i = 0; i < 3; i++) {
          grad[i] += (y - p) * x[i];
          for (int j = 0; j < 3; j++) {
            hess[i][j] += p * (1 - p) * x[i] * x[j];
          }
        }
      }
      for (int i : new int[] {0, 2}) {
        grad[i] -= ridge * beta[i];
        hess[i][i] += ridge;
      }
      double[] step = solve(hess, grad);
      double change = 0;
      for (int i = 0; i < 3; i++) {
        beta[i] += step[i];
        change = Math.max(change, Math.abs(step[i]));
      }
      if (change < 1e-9) {
        break;
      }
    }
    return beta;
  }

  private static double[] solve(double[][] m, double[] v) {
    int n = v.length;
    double[][] a = new double[n][n + 1];
    for (int i = 0; i < n; i++) {
      System.arraycopy(m[i], 0, a[i], 0, n);
      a[i][n] = v[i];
    }
    for (int col = 0; col < n; col++) {
      int pivot = col;
      for (int r = col + 1; r < n; r++) {
        if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
          pivot = r;
        }
      }
      double[] tmp = a[col];
      a[col] = a[pivot];
      a[pivot] = tmp;
      if (Math.abs(a[col][col]) < 1e-12) {
        return new double[n];
      }
      for (int r = 0; r < n; r++) {
        if (r != col) {
          double f = a[r][col] / a[col][col];
          for (int k = col; k <= n; k++) {
            a[r][k] -= f * a[col][k];
          }
        }
      }
    }
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = a[i][n] / a[i][i];
    }
    return out;
  }

  private static String canonical(String evidence) {
    if (evidence.equals(MODEL)) {
      return MODEL;
    }
    Set<String> present = new TreeSet<>(Comparator.comparingInt((String e) -> {
      int i = EVIDENCE.indexOf(e);
      return i < 0 ? Integer.MAX_VALUE : i;
    }).thenComparing(Comparator.naturalOrder()));
    present.addAll(List.of(evidence.split("\\+")));
    return String.join("+", present);
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  @Override
  public String toString() {
    return "ScreeningCalibration" + curves();
  }
}
