package org.insight.match;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.insight.match.internal.Levels;

/**
 * A fitted Fellegi–Sunter model: per comparison level m = P(level | match) and u = P(level | non-match), the prior λ,
 * and the term frequencies of names in the data it scores. Immutable and thread-safe.
 *
 * <p>Weight of a pair: the sum over comparisons of {@code log2(m/u)} of the level reached (0 for the null level).
 * Term-frequency adjustment: when two names agree exactly, u is replaced by the frequency of that name (its share of
 * the records having it, at least 1/N), so a common name's exact agreement weighs less than a rare one's.
 * Probability: {@code odds = 2^weight · λ/(1-λ)}, {@code p = odds/(1+odds)}, computed as
 * {@code 1/(1 + 2^-(weight + log2(λ/(1-λ))))}; it is a function of the weight alone, so
 * {@code score(a,b) == score(b,a)} exactly as the weight is.
 */
public final class MatchModel implements java.io.Serializable {
  private static final long serialVersionUID = 1L;


  private final List<Comparison> comparisons;
  private final double[][] m;
  private final double[][] u;
  private final double lambda;
  private final List<Map<String, Double>> frequencies;
  private final ModelParameters parameters;

  MatchModel(List<Comparison> comparisons, double[][] m, double[][] u, double lambda,
      List<Map<String, Double>> frequencies, int iterations, boolean converged, List<Double> logLikelihood) {
    this.comparisons = List.copyOf(comparisons);
    this.m = m;
    this.u = u;
    this.lambda = lambda;
    this.frequencies = frequencies;
    List<ModelParameters.ComparisonParameters> cp = new ArrayList<>();
    for (int k = 0; k < comparisons.size(); k++) {
      List<String> names = comparisons.get(k).levels();
      List<ModelParameters.LevelParameters> lp = new ArrayList<>();
      for (int l = 1; l < names.size(); l++) {
        lp.add(new ModelParameters.LevelParameters(names.get(l), m[k][l], u[k][l]));
      }
      cp.add(new ModelParameters.ComparisonParameters(comparisons.get(k).name(), lp));
    }
    this.parameters = new ModelParameters(lambda, cp, iterations, converged, logLikelihood);
  }

  /** Name frequencies of {@code records} per name comparison (empty maps for other comparisons). */
  static List<Map<String, Double>> frequencies(List<Comparison> comparisons, List<MatchRecord> records) {
    List<Map<String, Double>> out = new ArrayList<>();
    for (Comparison c : comparisons) {
      Map<String, Double> f = new HashMap<>();
      if (c.kind() == Comparison.Kind.NAME && !records.isEmpty()) {
        for (MatchRecord r : records) {
          java.util.Set<String> seen = new java.util.HashSet<>();
          for (String v : c.values(r)) {
            String key = Levels.nameKey(v);
            if (!key.isEmpty() && seen.add(key)) {
              f.merge(key, 1.0, Double::sum);
            }
          }
        }
        double n = records.size();
        f.replaceAll((k, v) -> v / n);
      }
      out.add(f);
    }
    return out;
  }

  /** The same parameters with the term frequencies of other data. */
  MatchModel withFrequencies(List<MatchRecord> records) {
    return new MatchModel(comparisons, m, u, lambda, frequencies(comparisons, records), parameters.iterations(),
        parameters.converged(), parameters.logLikelihood());
  }

  /** The same parameters with the given term frequencies (per comparison, as {@link #frequencies} computes them). */
  MatchModel withTermFrequencies(List<Map<String, Double>> perComparison) {
    return new MatchModel(comparisons, m, u, lambda, perComparison, parameters.iterations(), parameters.converged(),
        parameters.logLikelihood());
  }

  /**
   * Fixed parameters for the {@linkplain Comparison#personDefaults() person comparisons}, for scoring without data to
   * learn from (screening a query against a watch list). λ = 0.0001: a name alone that agrees exactly is weak
   * evidence in a long list, a name with a birth date or an identifier is strong. The m
   * and u below are the usual magnitudes of such data: an exact name is rare among non-matches (its own frequency
   * replaces u when term frequencies are known), an exact birth date is one in ~20,000 (65 years of days), an
   * identifier agreeing by chance is about one in ten million, a country one in ten, a gender one in two.
   *
   * <p>Phones: the same number by chance is as rare as an identifier (u 1e-7), but records of one person carry it
   * less often (m 0.75: people change numbers); the same last eight digits under another country code or trunk
   * prefix is ten times likelier by chance (u 1e-6), one mistyped digit a hundred times (each number has ~80
   * neighbours one typo away: u 1e-5). E-mails: exact and provider-normalised agreement are equally rare by chance
   * (u 1e-7); the same local part at another domain is a person's habit ({@code j.smith1975@} at two providers) but
   * also a common handle (u 1e-5). Addresses: records of one person agree exactly only half the time (people move;
   * a record keeps the address of its day: m 0.5), and a random pair shares a dwelling about as often as a household
   * holds 2–3 of a million people (u 3e-6); the same number and street written differently is a few times likelier
   * by chance (another flat, another town with that street: u 1e-5), a similar token set (the same street and town,
   * a typo in the number's neighbourhood) 1e-4, a half-similar one (same street or town) one in 500. A disagreeing
   * address, like a disagreeing phone, is weak counter-evidence (about -3 bits): people move and change numbers.
   */
  public static MatchModel personDefaults() {
    List<Comparison> comparisons = Comparison.personDefaults();
    double[][] m = new double[comparisons.size()][];
    double[][] u = new double[comparisons.size()][];
    for (int k = 0; k < comparisons.size(); k++) {
      switch (comparisons.get(k).kind()) {
        //                                   null exact   ≥.92   ≥.85   ≥.75   else
        case NAME -> {
          m[k] = new double[] {1, 0.57, 0.20, 0.12, 0.08, 0.03};
          u[k] = new double[] {1, 0.0005, 0.002, 0.01, 0.04, 0.9475};
        }
        //                                   null exact partial swap  typo   else
        case DATE -> {
          m[k] = new double[] {1, 0.70, 0.10, 0.03, 0.10, 0.07};
          u[k] = new double[] {1, 0.00005, 0.003, 0.00005, 0.002, 0.99485};
        }
        case IDENTIFIER -> {
          m[k] = new double[] {1, 0.9, 0.1};
          u[k] = new double[] {1, 1e-7, 1 - 1e-7};
        }
        //                                   null exact  national typo  else
        case PHONE -> {
          m[k] = new double[] {1, 0.75, 0.10, 0.03, 0.12};
          u[k] = new double[] {1, 1e-7, 1e-6, 1e-5, 1 - 1e-7 - 1e-6 - 1e-5};
        }
        //                                   null exact  normalised local-part else
        case EMAIL -> {
          m[k] = new double[] {1, 0.80, 0.05, 0.05, 0.10};
          u[k] = new double[] {1, 1e-7, 1e-7, 1e-5, 1 - 2e-7 - 1e-5};
        }
        //                                   null exact  number+street tokens>=.8 tokens>=.6 else
        case ADDRESS -> {
          m[k] = new double[] {1, 0.50, 0.20, 0.10, 0.08, 0.12};
          u[k] = new double[] {1, 3e-6, 1e-5, 1e-4, 2e-3, 1 - 3e-6 - 1e-5 - 1e-4 - 2e-3};
        }
        case EXACT -> {
          boolean gender = comparisons.get(k).name().equals("gender");
          m[k] = gender ? new double[] {1, 0.97, 0.03} : new double[] {1, 0.9, 0.1};
          u[k] = gender ? new double[] {1, 0.5, 0.5} : new double[] {1, 0.1, 0.9};
        }
        default -> throw new IllegalStateException("no default parameters for " + comparisons.get(k));
      }
    }
    List<Map<String, Double>> none = new ArrayList<>();
    comparisons.forEach(c -> none.add(Map.of()));
    return new MatchModel(comparisons, m, u, 0.0001, none, 0, true, List.of());
  }

  /**
   * The frequency of a name key (see {@link Levels#nameKey}) among the records a model scores, for the
   * term-frequency adjustment; 0 when unknown (no adjustment). Screening supplies the watch list's own.
   */
  interface NameFrequencies {
    double frequency(int comparison, String nameKey);
  }

  /** The term frequencies this model scores with, per comparison. */
  List<Map<String, Double>> frequencies() {
    return frequencies;
  }

  private double ownFrequency(int k, String key) {
    return frequencies.get(k).getOrDefault(key, 0.0);
  }

  /** The learned (or trained) parameters. */
  public ModelParameters parameters() {
    return parameters;
  }

  /** The comparisons, in weight-summing order. */
  public List<Comparison> comparisons() {
    return comparisons;
  }

  /** The match weight of a pair. */
  public double weight(MatchRecord a, MatchRecord b) {
    return weight(a, b, this::ownFrequency);
  }

  double weight(MatchRecord a, MatchRecord b, NameFrequencies f) {
    double w = 0;
    for (int k = 0; k < comparisons.size(); k++) {
      w += outcome(k, a, b, f).weight();
    }
    return w;
  }

  /** The match probability for a weight (see the class comment). */
  public double probability(double weight) {
    double logit = weight + Math.log(lambda / (1 - lambda)) / Math.log(2);
    return 1.0 / (1.0 + Math.pow(2, -logit));
  }

  /** The full explanation of a pair (without judgement). */
  public Explanation explain(MatchRecord a, MatchRecord b) {
    return explain(a, b, Optional.empty());
  }

  Explanation explain(MatchRecord a, MatchRecord b, Optional<Judgement> judgement) {
    return explain(a, b, judgement, this::ownFrequency);
  }

  Explanation explain(MatchRecord a, MatchRecord b, Optional<Judgement> judgement, NameFrequencies f) {
    List<ComparisonOutcome> out = new ArrayList<>();
    double w = 0;
    for (int k = 0; k < comparisons.size(); k++) {
      ComparisonOutcome o = outcome(k, a, b, f);
      out.add(o);
      w += o.weight();
    }
    return new Explanation(a.id(), b.id(), out, w, probability(w), judgement);
  }

  private ComparisonOutcome outcome(int k, MatchRecord a, MatchRecord b, NameFrequencies f) {
    Comparison c = comparisons.get(k);
    List<String> va = c.values(a);
    List<String> vb = c.values(b);
    Levels.Outcome o = Levels.compare(c.kind(), va, vb);
    String level = c.levels().get(o.level());
    if (o.level() == Levels.NULL) {
      return new ComparisonOutcome(c.name(), level, "", "", 1, 1, 0, false);
    }
    double mk = m[k][o.level()];
    double uk = u[k][o.level()];
    boolean tf = false;
    if (c.kind() == Comparison.Kind.NAME && o.level() == Levels.EXACT) {
      double min = Double.MAX_VALUE;
      for (String x : va) {
        for (String y : vb) {
          String kx = Levels.nameKey(x);
          if (kx.equals(Levels.nameKey(y))) {
            min = Math.min(min, f.frequency(k, kx));
          }
        }
      }
      if (min > 0 && min < Double.MAX_VALUE) {
        uk = Math.min(1 - 1e-9, Math.max(min, 1e-9));
        tf = true;
      }
    }
    return new ComparisonOutcome(c.name(), level, o.left(), o.right(), mk, uk, log2(mk / uk), tf);
  }

  int[] levels(MatchRecord a, MatchRecord b) {
    int[] out = new int[comparisons.size()];
    for (int k = 0; k < out.length; k++) {
      Comparison c = comparisons.get(k);
      out[k] = Levels.compare(c.kind(), c.values(a), c.values(b)).level();
    }
    return out;
  }

  static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
