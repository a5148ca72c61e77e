package org.insight.core;

import java.util.Objects;

/**
 * Stored evidence whose bytes no longer hash to the address they were stored under: the disk, a backup
 * restore or a person altered them. The content must not be trusted; restore it from a backup or re-ingest
 * the original.
 */
public class EvidenceCorruptedException extends StoreException {
  private static final long serialVersionUID = 1L;

  private final ContentHash expected;
  private final ContentHash actual;

  /**
   * A detected corruption.
   *
   * @param expected the hash the evidence was stored under
   * @param actual the hash of the bytes actually read
   */
  public EvidenceCorruptedException(ContentHash expected, ContentHash actual) {
    super("evidence " + expected.hex() + " is corrupted: its stored bytes hash to " + actual.hex()
        + "; do not use this content; restore the file from a backup or re-ingest the original");
    this.expected = Objects.requireNonNull(expected);
    this.actual = Objects.requireNonNull(actual);
  }

  /**
   * The hash the evidence was stored under.
   *
   * @return the expected hash
   */
  public ContentHash expected() {
    return expected;
  }

  /**
   * The hash of the bytes that were read.
   *
   * @return the actual hash
   */
  public ContentHash actual() {
    return actual;
  }
}
