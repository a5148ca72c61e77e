package org.insight.match.internal;

import org.insight.core.ProgressListener;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.insight.match.Comparison;

/**
 * Learns a run's Fellegi–Sunter parameters: u from random pairs, then m and λ by {@link ExpectationMaximisation} over
 * the candidate pairs' level patterns in sessions (name-only pairs, identifier pairs, then all candidates), with λ
 * turned into the prior of two random records on large runs. One parallel pass over the candidates counts the
 * patterns ({@link PatternCounts}) and keeps each pair's pattern for the scoring pass where memory allows.
 */
public final class ModelFitting {

  /** Records a run needs for its model to score with the prior of two random records (see {@link #fit}). */
  public static final int RANDOM_PRIOR_RECORDS = 10_000;

  /** Pairs sharing an identifier needed to learn the names' m from them. */
  private static final long MIN_IDENTIFIER_PAIRS = 100;

  /**
   * What EM is told.
   *
   * @param uSampleSize random pairs drawn to estimate u
   * @param seed seed of that sample
   * @param iterations maximum EM iterations per session
   * @param tolerance EM stops when no parameter moves more than this
   */
  /** What EM is told; {@code progress} hears of the pattern-counting pass (stage {@code compare}). */
  public record Settings(int uSampleSize, long seed, int iterations, double tolerance, ProgressListener progress) {}

  /**
   * The learned parameters, and what the pattern pass found on the way.
   *
   * @param m P(level | match) per comparison and level
   * @param u P(level | non-match) per comparison and level
   * @param lambda the prior of a match
   * @param iterations EM iterations of the main session
   * @param converged whether the main session converged
   * @param logLikelihood the main session's log-likelihood per iteration
   * @param candidatePairs the candidate pairs blocking gave
   * @param patternsByChunk each pair's pattern code per chunk of blocks, in visiting order (a chunk is null where the
   *     memory budget ran out, and the whole array null when codes do not fit an int); the scoring pass consumes it
   */
  public record Fitted(double[][] m, double[][] u, double lambda, int iterations, boolean converged,
      List<Double> logLikelihood, long candidatePairs, int[][] patternsByChunk) {}

  private ModelFitting() {}

  /**
   * Fits a model to one run.
   *
   * @param table the run's prepared records
   * @param blocks the run's blocks
   * @param split the first right-hand record in link mode, -1 when de-duplicating
   * @param comparisons the comparisons, in table order
   * @param settings EM settings
   * @param workers the run's threads
   */
  public static Fitted fit(RecordTable table, Blocker.Index blocks, int split, List<Comparison> comparisons,
      Settings settings, Workers workers) {
    int n = table.size();
    double[][] u = u(comparisons, uSample(n, split, settings), table::levels);
    // Distinct patterns of the candidate pairs, and of those a name-only blocking rule produced (the two records share
    // a pair of name-token codes). Blocking shaped only the names of the latter; the birth year and month-day keys
    // make the other candidates agree on dates far more often than the random pairs u comes from, and EM over them
    // takes "date typo + same country + same gender" for a match pattern (λ drifted to 0.15 where the truth was
    // 0.07 at 30 k × 30 k). So, as Splink does with one EM session per blocking rule: a first pass over the
    // name-only pairs learns every non-name m (names out of its E-step); the main pass over all candidates holds
    // those m except the dates' (which start from the first pass) and learns the names' m, the dates' and λ.
    // The patterns are counted in one parallel pass over the candidates (per-thread counts, summed).
    PhaseLog.done("u sample", System.nanoTime());
    long p0 = System.nanoTime();
    if (table.patternSpace() < 0) {
      throw new IllegalArgumentException("too many comparison levels to count patterns; use fewer comparisons");
    }
    // The pattern of each pair is kept per chunk (4 bytes a pair, within an eighth of the heap) so that the scoring
    // pass need not compare the records again; chunks over the budget are compared again (same result).
    int[][] stored = table.patternSpace() <= Integer.MAX_VALUE ? new int[blocks.chunks()][] : null;
    AtomicLong budget = new AtomicLong(
        Runtime.getRuntime().maxMemory() / 8 / Integer.BYTES);
    StageProgress comparing = new StageProgress(settings.progress(), "compare", blocks.chunks());
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
    Patterns all = PatternCounts.merge(parts, x -> x.all, table);
    Patterns nameOnly = PatternCounts.merge(parts, x -> x.nameOnly, table);
    Patterns identifier = PatternCounts.merge(parts, x -> x.identifier, table);
    PhaseLog.done("pattern pass (" + all.size() + " patterns)", p0);
    ExpectationMaximisation.Fit fit = parameters(comparisons, u, all, nameOnly, identifier, n, split, settings);
    return new Fitted(fit.m(), u, fit.lambda(), fit.iterations(), fit.converged(), fit.logLikelihood(), all.total(),
        stored);
  }

  /** Looks up the levels of two records of a run by their run-order indices ({@code i < j}). */
  public interface PairLevels {
    void levels(int i, int j, int[] out);
  }

  /**
   * The random pairs u is estimated from, as run-order indices {@code {i, j}} with {@code i < j}, in draw order: in a
   * link ({@code split >= 0}) one from each side, else any two distinct records of the {@code n}.
   */
  public static int[][] uSample(int n, int split, Settings settings) {
    Random random = new Random(settings.seed());
    int leftN = split >= 0 ? split : n;
    int rightN = split >= 0 ? n - split : n;
    List<int[]> out = new ArrayList<>();
    if (leftN > 0 && rightN > 0 && n > 1) {
      for (int s = 0; s < settings.uSampleSize(); s++) {
        int i = random.nextInt(leftN);
        int j = split >= 0 ? split + random.nextInt(rightN) : random.nextInt(n);
        if (i != j) {
          out.add(new int[] {Math.min(i, j), Math.max(i, j)});
        }
      }
    }
    return out.toArray(new int[0][]);
  }

  /** u from the levels of the sampled pairs ({@link #uSample}): level shares, add-one smoothed, clamped. */
  public static double[][] u(List<Comparison> comparisons, int[][] sample, PairLevels levels) {
    int c = comparisons.size();
    double[][] u = new double[c][];
    for (int k = 0; k < c; k++) {
      u[k] = new double[comparisons.get(k).levels().size()];
      Arrays.fill(u[k], 1);
    }
    int[] lv = new int[c];
    for (int[] pair : sample) {
      levels.levels(pair[0], pair[1], lv);
      for (int k = 0; k < c; k++) {
        u[k][lv[k]]++;
      }
    }
    for (int k = 0; k < c; k++) {
      u[k][0] = 1;
      ExpectationMaximisation.clamp(u[k]);
    }
    return u;
  }

  /**
   * m and λ by EM over the sufficient statistics of a run of {@code n} records ({@code split}: the first right-hand
   * record of a link, -1 in a dedupe): the pattern counts of all candidate pairs, of those sharing a name-only key
   * and of those sharing an identifier key, u given. An engine that counts the patterns elsewhere (Spark) gets the
   * embedded run's parameters from the same counts.
   */
  public static ExpectationMaximisation.Fit parameters(List<Comparison> comparisons, double[][] u, Patterns all,
      Patterns nameOnly, Patterns identifier, int n, int split, Settings settings) {
    int c = comparisons.size();
    long candidates = all.total();
    int[] levels = new int[c];
    for (int k = 0; k < c; k++) {
      levels[k] = comparisons.get(k).levels().size();
    }
    ExpectationMaximisation.Fit fit;
    if (all.size() == 0) {
      fit = new ExpectationMaximisation.Fit(initial(levels), 0.1, 0, false, List.of());
    } else {
      boolean[] names = new boolean[c];
      double[][] start = new double[c][];
      for (int k = 0; k < c; k++) {
        names[k] = comparisons.get(k).kind() == Comparison.Kind.NAME;
        start[k] = ExpectationMaximisation.initialM(levels[k]);
      }
      boolean[] held = new boolean[c];
      if (nameOnly.size() > 0) {
        ExpectationMaximisation.Fit first = ExpectationMaximisation.fit(nameOnly.patterns(), nameOnly.counts(),
            levels, u, start, 0.1, names, held, settings.iterations(), settings.tolerance());
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
        ExpectationMaximisation.Fit byIdentifier = ExpectationMaximisation.fit(identifier.patterns(),
            identifier.counts(), levels, u, start, 0.5, shaped, new boolean[c], settings.iterations(),
            settings.tolerance());
        for (int k = 0; k < c; k++) {
          if (names[k]) {
            start[k] = byIdentifier.m()[k].clone();
            held[k] = true;
          }
        }
      }
      fit = ExpectationMaximisation.fit(all.patterns(), all.counts(), levels, u, start, 0.1, names, held,
          settings.iterations(), settings.tolerance());
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
    if (n >= RANDOM_PRIOR_RECORDS && candidates > 0 && allPairs > 0) {
      lambda = Math.min(1 - 1e-6, Math.max(1e-12, fit.lambda() * candidates / allPairs));
    }
    return new ExpectationMaximisation.Fit(fit.m(), lambda, fit.iterations(), fit.converged(), fit.logLikelihood());
  }


  private static double[][] initial(int[] levels) {
    double[][] m = new double[levels.length][];
    for (int k = 0; k < levels.length; k++) {
      m[k] = new double[levels[k]];
      Arrays.fill(m[k], 1);
      ExpectationMaximisation.clamp(m[k]);
    }
    return m;
  }
}
