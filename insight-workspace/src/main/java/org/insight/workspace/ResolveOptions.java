package org.insight.workspace;

import java.util.Optional;

/**
 * Options of a resolution run.
 *
 * @param dataset only the Person entities with a statement from this dataset; empty for every visible Person
 * @param threshold the match probability at or above which a pair may link two clusters (0..1)
 */
public record ResolveOptions(Optional<String> dataset, double threshold) {

  public ResolveOptions {
    dataset = dataset == null ? Optional.empty() : dataset.filter(d -> !d.isBlank());
    if (!(threshold >= 0 && threshold <= 1)) {
      throw new IllegalArgumentException("threshold must be a probability in [0,1]; got " + threshold);
    }
  }

  /** Every visible Person, threshold 0.9. */
  public static ResolveOptions defaults() {
    return new ResolveOptions(Optional.empty(), 0.9);
  }

  /** The same options restricted to one dataset. */
  public ResolveOptions dataset(String name) {
    return new ResolveOptions(Optional.of(name), threshold);
  }

  /** The same options with another threshold. */
  public ResolveOptions threshold(double value) {
    return new ResolveOptions(dataset, value);
  }
}
