package org.insight.match;

import static org.insight.BuilderGuard.requireUnset;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.insight.core.ProgressListener;
import org.insight.match.internal.ModelFitting;

/**
 * Record linkage and de-duplication. Immutable and thread-safe; build one with {@link #builder()}.
 *
 * <p>A run: (0) each record's values are prepared once; (1) blocking gives candidate pairs (name-token phonetic
 * pairs, token + birth year, identifiers, phones, e-mails; blocks over {@code maxBlockSize} skipped); (2) each pair is
 * compared into levels; (3) unless the linker was {@linkplain #train trained} or given a model, u is estimated from
 * {@code uSampleSize} random pairs and m and λ by EM over the candidate pairs (see {@link ModelParameters}); (4)
 * pairs are scored ({@link MatchModel}); (5) records are clustered with analyst judgements as must-/cannot-links and
 * average linkage with a clash veto, never by plain connected components. Candidate pairs are never held: they are
 * streamed twice (patterns for EM, then scores above the threshold) on {@link Builder#threads} threads, and the
 * result does not depend on the thread count. With the {@code org.insight.match.Linker} logger at debug level, each
 * phase's elapsed time and heap are logged.
 */
public final class Linker {

  private final Builder builder;
  private final LinkSettings settings;
  private final MatchModel model;

  private Linker(Builder b, MatchModel model) {
    this.builder = b;
    this.model = model;
    this.settings = new LinkSettings(
        b.comparisons == null ? Comparison.personDefaults() : b.comparisons,
        b.threshold == null ? 0.9 : b.threshold,
        b.maxBlockSize == null ? 500 : b.maxBlockSize,
        b.linkage == null ? 0.6 : b.linkage,
        b.clashWeight == null ? -8.0 : b.clashWeight,
        b.threads == null ? Runtime.getRuntime().availableProcessors() : b.threads,
        new ModelFitting.Settings(
            b.uSampleSize == null ? 20_000 : b.uSampleSize,
            b.seed == null ? 42L : b.seed,
            b.emIterations == null ? 100 : b.emIterations,
            b.emTolerance == null ? 1e-5 : b.emTolerance,
            b.progress == null ? ProgressListener.NONE : b.progress),
        b.progress == null ? ProgressListener.NONE : b.progress);
  }

  /** A builder with the person defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The comparisons, in order. */
  public List<Comparison> comparisons() {
    return settings.comparisons();
  }

  /** De-duplicates one list of records. */
  public LinkResult dedupe(List<MatchRecord> records) {
    return dedupe(records, List.of());
  }

  /** De-duplicates one list of records, honouring analyst judgements. */
  public LinkResult dedupe(List<MatchRecord> records, Collection<Judgement> judgements) {
    return new LinkRun(settings, model).run(List.copyOf(records), -1, judgements);
  }

  /** Links two lists: only pairs with one record from each side; clusters span both. */
  public LinkResult link(List<MatchRecord> left, List<MatchRecord> right) {
    return link(left, right, List.of());
  }

  /** Links two lists, honouring analyst judgements. */
  public LinkResult link(List<MatchRecord> left, List<MatchRecord> right, Collection<Judgement> judgements) {
    return new LinkRun(settings, model).run(List.copyOf(concat(left, right)), left.size(), judgements);
  }

  /**
   * A linker with the same settings whose m and u come from labelled pairs (level frequencies among matches and
   * non-matches, add-one smoothed, clamped) and λ from their share of matches; runs of that linker skip EM.
   */
  public Linker train(List<LabelledPair> pairs) {
    return new Linker(builder, PairTraining.train(settings.comparisons(), pairs));
  }

  /** A linker with the same settings that scores with {@code fixed} (its parameters; term frequencies per run). */
  public Linker withModel(MatchModel fixed) {
    return new Linker(builder, fixed);
  }

  /**
   * Measures a {@link #dedupe} run of {@code records} against labelled pairs of them: blocking recall (are the
   * matches compared at all?), and precision, recall and F1 of the run's pairs and clusters on the labelled pairs.
   * Blocking is recomputed with this linker's settings, so give the linker and records of the run.
   *
   * @throws IllegalArgumentException if a labelled pair names a record that is not among {@code records}
   */
  public LinkEvaluation evaluate(List<MatchRecord> records, LinkResult result, Collection<LabelledPair> truth) {
    return LinkEvaluator.evaluate(settings, List.copyOf(records), -1, result, truth);
  }

  /** {@link #evaluate(List, LinkResult, Collection)} for a {@link #link} run; a labelled pair joins the two sides. */
  public LinkEvaluation evaluate(List<MatchRecord> left, List<MatchRecord> right, LinkResult result,
      Collection<LabelledPair> truth) {
    return LinkEvaluator.evaluate(settings, concat(left, right), left.size(), result, truth);
  }

  private static List<MatchRecord> concat(List<MatchRecord> left, List<MatchRecord> right) {
    List<MatchRecord> all = new ArrayList<>(left);
    all.addAll(right);
    return all;
  }

  /**
   * The pieces of this linker's runs for a distributed engine ({@link LinkKernel}): scoring with its trained or given
   * model, or, when it fits its model by EM in each run, a kernel to {@linkplain LinkKernel#fit fit} on the run's
   * sufficient statistics first.
   */
  public LinkKernel kernel() {
    ModelFitting.Settings f = settings.fitting();
    return new LinkKernel(settings.comparisons(), model,
        model == null ? new LinkKernel.Em(f.uSampleSize(), f.seed(), f.iterations(), f.tolerance()) : null,
        settings.threshold(), settings.maxBlockSize(), settings.linkage(), settings.clashWeight());
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

    /** The comparisons, in weight order (default {@link Comparison#personDefaults()}); names must be unique. */
    public Builder comparisons(List<Comparison> value) {
      requireUnset(comparisons, "comparisons");
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
      requireUnset(threshold, "threshold");
      requireProbability(value, "threshold");
      threshold = value;
      return this;
    }

    /** Blocks with more records than this are skipped (default 500). */
    public Builder maxBlockSize(int value) {
      requireUnset(maxBlockSize, "maxBlockSize");
      if (value < 2) {
        throw new IllegalArgumentException("maxBlockSize must be at least 2; got " + value);
      }
      maxBlockSize = value;
      return this;
    }

    /** Maximum EM iterations (default 100). */
    public Builder emIterations(int value) {
      requireUnset(emIterations, "emIterations");
      if (value < 1) {
        throw new IllegalArgumentException("emIterations must be at least 1; got " + value);
      }
      emIterations = value;
      return this;
    }

    /** EM stops when no parameter moves more than this (default 1e-5). */
    public Builder emTolerance(double value) {
      requireUnset(emTolerance, "emTolerance");
      emTolerance = value;
      return this;
    }

    /** Random pairs drawn to estimate u (default 20,000). */
    public Builder uSampleSize(int value) {
      requireUnset(uSampleSize, "uSampleSize");
      uSampleSize = value;
      return this;
    }

    /** Seed of the random pair sample (default 42): runs are deterministic. */
    public Builder seed(long value) {
      requireUnset(seed, "seed");
      seed = value;
      return this;
    }

    /** Minimum mean match probability between two clusters for them to merge (default 0.6). */
    public Builder linkage(double value) {
      requireUnset(linkage, "linkage");
      requireProbability(value, "linkage");
      linkage = value;
      return this;
    }

    /** A cross-cluster pair with a weight below this vetoes a merge (default -8). */
    public Builder clashWeight(double value) {
      requireUnset(clashWeight, "clashWeight");
      clashWeight = value;
      return this;
    }

    /** Score with a fixed model instead of fitting one per run. */
    public Builder model(MatchModel value) {
      requireUnset(model, "model");
      model = value;
      return this;
    }

    /**
     * Threads a run uses for preparing records, blocking and the passes over candidate pairs (default: the available
     * processors). The result does not depend on it.
     */
    public Builder threads(int value) {
      requireUnset(threads, "threads");
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
      requireUnset(progress, "progress");
      progress = java.util.Objects.requireNonNull(value, "progress");
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
