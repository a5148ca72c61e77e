/**
 * Ingest. Extraction of text, metadata and embedded items from files ({@link org.insight.ingest.Extractor}, Tika
 * in worker processes, OCR with Tesseract), with hard limits and quarantine reasons
 * ({@link org.insight.ingest.QuarantineReason}). Structured records: {@link org.insight.ingest.RecordMapping}
 * (declarative mapping from CSV/TSV/JSON/JSON-lines rows to entities and links, built-in or from a JSON file) and
 * {@link org.insight.ingest.RecordReader} (streaming, bad rows reported with their line). The pipeline:
 * {@link org.insight.ingest.IngestRequest} over {@link org.insight.ingest.IngestSource}s, run by
 * {@link org.insight.ingest.IngestPipeline} (a workspace's {@code Session.ingest}) into an
 * {@link org.insight.ingest.IngestReport}. Implementation lives in {@code org.insight.ingest.internal}.
 */
package org.insight.ingest;
