package org.insight.workspace;

import java.util.Objects;
import org.insight.ingest.IngestReport;

/**
 * What {@link Session#ingest(org.insight.ingest.IngestRequest, Enrichment)} did: the ingest report, and what the
 * enrichment of the ingested documents did (empty when nothing new was ingested).
 *
 * @param ingest every item found, ingested, unchanged or quarantined
 * @param enrichment languages, selectors, entities and the rest, added to the documents this run wrote
 */
public record IngestResult(IngestReport ingest, EnrichmentReport enrichment) {
  public IngestResult {
    Objects.requireNonNull(ingest, "ingest");
    Objects.requireNonNull(enrichment, "enrichment");
  }
}
