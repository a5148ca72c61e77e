package org.insight.workspace;

import java.util.Optional;

/**
 * One step of {@link Enrichment}: reads one document (and what earlier steps found) from its
 * {@link EnrichmentContext} and adds what it derives — mentions, statements, the document's language or metadata —
 * to that context. The pipeline writes the results through the session, with the document's label conjoined and
 * the step's provenance.
 *
 * <p>Contract: {@link #name()} is short and stable ({@code lang}, {@code selectors}, {@code ner}, {@code translate},
 * {@code spot}); {@link #unavailable()} says why the step cannot run at all (no model configured, service
 * unreachable) and is asked once per run — the run goes on without it and reports the reason; {@link #enrich}
 * throwing fails that document for this step only (reported with the exception's message), never the run.
 * Results must be deterministic for the same input and method, so re-runs replace rather than duplicate
 * (mention and statement ids are content-derived). Implementations must be thread-safe.
 */
public interface EnrichmentStep {

  /** The step's short, stable name, used by {@code insight enrich --steps}. */
  String name();

  /**
   * Why this step cannot run now, or empty when it can. Asked once at the start of each run.
   *
   * @return the reason, phrased for the report ("no NER model configured: give --ner-model PATH")
   */
  default Optional<String> unavailable() {
    return Optional.empty();
  }

  /**
   * Enriches one document.
   *
   * @param context the document, what earlier steps set, and where to put results
   */
  void enrich(EnrichmentContext context);
}
