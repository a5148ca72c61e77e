package org.insight.ingest;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import org.insight.core.ContentHash;
import org.insight.core.Document;

/**
 * Where an ingest run writes: a workspace session implements this ({@code Session.ingest}); the pipeline itself
 * knows nothing of workspaces. Implementations are called from several worker threads at once.
 */
public interface IngestTarget {

  /** Keeps original bytes (deduplicated by SHA-256) and returns their hash; durable when it returns. */
  ContentHash storeEvidence(InputStream bytes);

  /** Writes documents in one durable commit (their bytes are already stored). */
  void write(List<Document> documents);

  /**
   * A directory the pipeline owns for its state: the ingest ledger ({@code ledger.jsonl}) and temporary files.
   * Keep it with the data it describes (a workspace's {@code ingest/}).
   */
  Path stateDirectory();
}
