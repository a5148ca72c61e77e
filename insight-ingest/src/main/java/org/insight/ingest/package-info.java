/**
 * Ingest. Files: extraction of text, metadata and embedded items ({@link org.insight.ingest.TikaExtractor}, Tika in
 * worker processes, OCR with Tesseract), with hard limits and quarantine reasons
 * ({@link org.insight.ingest.QuarantineReason}). Structured records: {@link org.insight.ingest.RecordMapping}
 * (declarative mapping from CSV/TSV/JSON/JSON-lines rows to entities and links, built-in or from a JSON file) and
 * {@link org.insight.ingest.RecordReader} (streaming, bad rows reported with their line). Implementation lives in
 * {@code org.insight.ingest.internal}.
 */
package org.insight.ingest;
