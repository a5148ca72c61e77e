package org.insight.ingest;

import java.io.IOException;
import java.io.InputStream;

/**
 * Receives the original bytes of every embedded item (attachment, archive entry, embedded object) an
 * extraction found, so the caller can keep them (e.g. in an evidence store under {@link Extraction#contentHash()}).
 *
 * <p>Called once per embedded item, depth first, parents before children, after the whole extraction has
 * finished and before {@link TikaExtractor#extract} returns. The stream reads a temporary file that is deleted
 * afterwards, so memory stays bounded whatever the size of the items; read it within the call. Items whose
 * bytes could not be recovered at all (never handed to the extractor by the container's parser) are not passed.
 */
@FunctionalInterface
public interface EmbeddedSink {
  /** Discards the bytes. */
  EmbeddedSink DISCARD = (item, bytes) -> { };

  /**
   * @param item the embedded item's extraction; its {@code children} are passed in later calls
   * @param bytes its original bytes, exactly those {@link Extraction#contentHash()} hashes
   */
  void accept(Extraction item, InputStream bytes) throws IOException;
}
