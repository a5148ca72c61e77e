package org.insight.core;

import java.io.InputStream;

/**
 * Original bytes (files, attachments, records as received), addressed by their SHA-256 and verified on every
 * read, so that every derived fact can be traced back to bytes proven unchanged.
 *
 * <p>Storing the same bytes twice stores them once. Implementations are thread-safe, and a {@code put} that
 * returns has made the bytes durable (they survive a crash). Every failure is a {@link StoreException}; a
 * read that finds bytes not matching their hash is an {@link EvidenceCorruptedException}.
 */
public interface EvidenceStore {

  /**
   * Stores the bytes of a stream, without holding them all in memory. The stream is read to its end but not
   * closed: the caller owns it.
   *
   * @param in the content
   * @return the content's hash, its address in this store
   * @throws StoreException if the bytes could not be read or stored
   */
  ContentHash put(InputStream in);

  /**
   * Stores bytes already in memory.
   *
   * @param bytes the content
   * @return the content's hash, its address in this store
   * @throws StoreException if the bytes could not be stored
   */
  ContentHash put(byte[] bytes);

  /**
   * Whether this store holds content with this hash (without verifying it).
   *
   * @param hash the address
   * @return true if present
   */
  boolean contains(ContentHash hash);

  /**
   * Opens stored content for streaming. The stream hashes what it returns and, on reaching the end, throws
   * {@link EvidenceCorruptedException} if the bytes do not match {@code hash}: a caller that reads to the end
   * without an exception has read verified content. A caller that stops early has verified nothing. Close it.
   *
   * @param hash the address
   * @return a verifying stream
   * @throws StoreException if there is no such content
   */
  InputStream open(ContentHash hash);

  /**
   * Reads stored content fully, verified before it is returned.
   *
   * @param hash the address
   * @return the content
   * @throws StoreException if there is no such content or it is too large for an array (use {@link #open})
   * @throws EvidenceCorruptedException if the stored bytes do not match {@code hash}
   */
  byte[] read(ContentHash hash);

  /**
   * The size of stored content in bytes.
   *
   * @param hash the address
   * @return the size
   * @throws StoreException if there is no such content
   */
  long size(ContentHash hash);
}
