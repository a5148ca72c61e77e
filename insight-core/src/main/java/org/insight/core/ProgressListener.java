package org.insight.core;

/**
 * Told how far a long job is — ingest, enrichment, record linkage, resolution — so that an application can show its
 * own progress. Calls come from the job's own thread, one at a time; keep them quick.
 *
 * <p>Within a stage {@code done} never decreases, and the last call of a stage that runs to its end has
 * {@code done == total}.
 */
@FunctionalInterface
public interface ProgressListener {
  /** Ignores every report. */
  ProgressListener NONE = (stage, done, total) -> { };

  /**
   * @param stage what the job is doing, e.g. {@code ingest}, {@code enrich}, {@code compare}
   * @param done units of work finished in this stage
   * @param total units of work in this stage as far as known, at least {@code done}: it may still grow while the job
   *     discovers work (a directory being walked), or {@code -1} while it is not known at all
   */
  void progress(String stage, long done, long total);
}
