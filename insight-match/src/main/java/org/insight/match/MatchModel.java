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
public final class MatchModel {

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
  static List<Map<String, Double>> frequencies(List<Comparison> comparisons, List<Record> records) {
    List<Map<String, Double>> out = new ArrayList<>();
    for (Comparison c : comparisons) {
      Map<String, Double> f = new HashMap<>();
      if (c.kind() == Comparison.Kind.NAME && !records.isEmpty()) {
        for (Record r : records) {
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
  MatchModel withFrequencies(List<Record> records) {
    return new MatchModel(comparisons, m, u, lambda, frequencies(comparisons, records), parameters.iterations(),
        parameters.converged(), parameters.logLikelihood());
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
  public double weight(Record a, Record b) {
    double w = 0;
    for (int k = 0; k < comparisons.size(); k++) {
      w += outcome(k, a, b).weight();
    }
    return w;
  }

  /** The match probability for a weight (see the class comment). */
  public double probability(double weight) {
    double logit = weight + Math.log(lambda / (1 - lambda)) / Math.log(2);
    return 1.0 / (1.0 + Math.pow(2, -logit));
  }

  /** The full explanation of a pair (without judgement). */
  public Explanation explain(Record a, Record b) {
    return explain(a, b, Optional.empty());
  }

  Explanation explain(Record a, Record b, Optional<Judgement> judgement) {
    List<ComparisonOutcome> out = new ArrayList<>();
    double w = 0;
    for (int k = 0; k < comparisons.size(); k++) {
      ComparisonOutcome o = outcome(k, a, b);
      out.add(o);
      w += o.weight();
    }
    return new Explanation(a.id(), b.id(), out, w, probability(w), judgement);
  }

  private ComparisonOutcome outcome(int k, Record a, Record b) {
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
    if (c.kind() == Comparison.Kind.NAME && o.level() == Levels.EXACT && !frequencies.get(k).isEmpty()) {
      double min = Double.MAX_VALUE;
      for (String x : va) {
        for (String y : vb) {
          String kx = Levels.nameKey(x);
          if (kx.equals(Levels.nameKey(y))) {
            min = Math.min(min, frequencies.get(k).getOrDefault(kx, 0.0));
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

  int[] levels(Record a, Record b) {
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
