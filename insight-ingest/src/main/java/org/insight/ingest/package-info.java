/**
 * The ingest capability. Structured records: {@link org.insight.ingest.RecordMapping} (declarative mapping from
 * CSV/TSV/JSON/JSON-lines rows to entities and links, built-in or from a JSON file) and
 * {@link org.insight.ingest.RecordReader} (streaming, bad rows reported with their line). Public API lives in this
 * package, implementation in {@code org.insight.ingest.internal}.
 */
package org.insight.ingest;
