package org.insight.ingest;

import org.insight.ingest.internal.PipelineRun;

/**
 * Runs an ingest: walks the sources, skips what an earlier run already ingested unchanged (the ledger), extracts
 * the rest on worker threads, keeps every original in the evidence store, and writes documents in batches, each
 * batch one durable commit. Memory is bounded: items flow through bounded queues, never the whole corpus at once.
 * Workspaces call this from {@code Session.ingest}; call it directly only to write somewhere else.
 */
public final class IngestPipeline {
  private IngestPipeline() {}

  /**
   * Ingests everything the request names into the target; returns when all it reports as ingested is durable.
   *
   * @throws IngestException when a source does not exist, or the target cannot store (nothing after the last
   *     acknowledged batch counts as ingested then; a re-run picks it up)
   */
  public static IngestReport run(IngestRequest request, IngestTarget target) {
    return new PipelineRun(request, target).run();
  }
}
