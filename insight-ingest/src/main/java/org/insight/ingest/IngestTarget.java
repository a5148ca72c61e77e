package org.insight.ingest;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import org.insight.core.ContentHash;
import org.insight.core.Document;
import org.insight.core.Entity;

/**
 * Where an ingest run writes: a workspace session implements this ({@code Session.ingest}); the pipeline itself
 * knows nothing of workspaces. Implementations are called from several worker threads at once.
 */
public interface IngestTarget {

  /**
   * Keeps original bytes (deduplicated by SHA-256) and returns their hash. They need only be durable after the
   * next {@link #write}, so an implementation may sync them per batch.
   */
  ContentHash storeEvidence(InputStream bytes);

  /**
   * Makes every evidence stored so far durable, then writes documents (possibly none) in one durable commit. The
   * pipeline records items in its ledger, and reports them, only after this returns.
   */
  void write(List<Document> documents);

  /**
   * Whether the document an earlier run made is still held. The ledger skips an unchanged item only while it is: after
   * an erasure removed the document, the same bytes are ingested again rather than reported "unchanged".
   */
  default boolean holds(String documentId) {
    return true;
  }

  /** Writes entities (and links) mapped from structured records in one durable commit. */
  void writeEntities(List<Entity> entities);

  /**
   * A directory the pipeline owns for its state: the ingest ledger ({@code ledger.jsonl}) and temporary files.
   * Keep it with the data it describes (a workspace's {@code ingest/}).
   */
  Path stateDirectory();
}
