package org.insight.policy;

import java.util.Objects;

/**
 * One entry of the {@link AuditLog}: an event with its place in the hash chain.
 *
 * <p>In an unkeyed entry (format 1, {@code keyId} null) {@code hash} is the lowercase hex SHA-256 of {@code
 * previousHash} followed by the canonical JSON encoding of {@code sequence} and {@code event} (UTF-8). In a keyed
 * entry (format 2) it is the HMAC-SHA256 of the same text, whose canonical encoding also holds the format and the
 * key id, under the {@link AuditKey} named by {@code keyId}. The first record has sequence 1 and a {@code
 * previousHash} of 64 zeros.
 *
 * @param sequence the position in the log, starting at 1
 * @param event the recorded access
 * @param previousHash the hash of the previous record (64 zeros for the first)
 * @param hash this record's hash (a MAC in a keyed entry)
 * @param keyId the {@link AuditKey#id()} of the key of a keyed entry; null for an unkeyed one
 */
public record AuditRecord(long sequence, AuditEvent event, String previousHash, String hash, String keyId) {

  /**
   * An unkeyed record.
   *
   * @param sequence the position, from 1
   * @param event the access
   * @param previousHash the previous record's hash
   * @param hash this record's hash
   */
  public AuditRecord(long sequence, AuditEvent event, String previousHash, String hash) {
    this(sequence, event, previousHash, hash, null);
  }

  /**
   * Whether this entry is keyed (format 2).
   *
   * @return true when it carries a key id
   */
  public boolean keyed() {
    return keyId != null;
  }

  /**
   * Requires the event and both hashes.
   *
   * @param sequence the position, from 1
   * @param event the access
   * @param previousHash the previous record's hash
   * @param hash this record's hash
   * @param keyId the key id, or null
   */
  public AuditRecord {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(previousHash, "previousHash");
    Objects.requireNonNull(hash, "hash");
  }
}
