package org.insight.ingest;

/** Why an item was not ingested. The item's original bytes are still kept; only its extraction failed. */
public enum QuarantineReason {
  /** No parser reads this format. */
  UNSUPPORTED,
  /** The item is password-protected or encrypted. */
  ENCRYPTED,
  /** The item is damaged, truncated or not what its name says. */
  CORRUPT,
  /** Extraction took longer than the per-item timeout; the worker was killed and restarted. */
  TIMEOUT,
  /** The item is larger than the maximum size, so it was not parsed. */
  TOO_LARGE,
  /** A limit was hit while extracting: nesting depth, embedded items, compression ratio, entity expansion. */
  LIMIT_EXCEEDED,
  /** The worker process died (out of memory, native crash) while extracting this item; it was restarted. */
  CRASHED,
  /** OCR was needed but the OCR engine or the language data is not installed. */
  OCR_UNAVAILABLE,
  /** The item could not be read (an I/O error outside the parser). */
  UNREADABLE
}
