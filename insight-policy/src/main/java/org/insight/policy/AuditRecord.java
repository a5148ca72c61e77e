package org.insight.policy;

import java.util.Objects;

/**
 * One entry of the {@link AuditLog}: an event with its place in the hash chain.
 *
 * <p>{@code hash} is the lowercase hex SHA-256 of {@code previousHash} followed by the canonical JSON
 * encoding of {@code sequence} and {@code event} (UTF-8). The first record has sequence 1 and a
 * {@code previousHash} of 64 zeros.
 *
 * @param sequence the position in the log, starting at 1
 * @param event the recorded access
 * @param previousHash the hash of the previous record (64 zeros for the first)
 * @param hash this record's hash
 */
public record AuditRecord(long sequence, AuditEvent event, String previousHash, String hash) {

  /**
   * Requires the event and both hashes.
   *
   * @param sequence the position, from 1
   * @param event the access
   * @param previousHash the previous record's hash
   * @param hash this record's hash
   */
  public AuditRecord {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(previousHash, "previousHash");
    Objects.requireNonNull(hash, "hash");
  }
}
