/**
 * Ingest: extraction of text, metadata and embedded items from files ({@link org.insight.ingest.Extractor}, Tika
 * in worker processes, OCR with Tesseract), with hard limits and quarantine reasons
 * ({@link org.insight.ingest.QuarantineReason}). Implementation lives in {@code org.insight.ingest.internal}.
 */
package org.insight.ingest;
