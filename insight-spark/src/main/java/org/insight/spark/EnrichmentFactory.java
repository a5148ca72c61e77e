package org.insight.spark;

import java.io.Serializable;
import org.insight.nlp.SelectorExtractor;
import org.insight.workspace.Enrichment;
import org.insight.workspace.EnrichmentSteps;

/**
 * Builds the {@link Enrichment} an extraction job runs on each task: enrichment steps hold models and are not
 * serialisable, so a job ships this recipe to the executors instead and each task builds its own. A lambda or method
 * reference works ({@code () -> Enrichment.builder().step(...).build()}) as long as what it captures is serialisable.
 */
@FunctionalInterface
public interface EnrichmentFactory extends Serializable {

  /** The enrichment to run; called once per task. */
  Enrichment create();

  /** The steps {@code insight ingest --enrich} runs by default: {@code lang} and {@code selectors}. */
  static EnrichmentFactory standard() {
    return () -> Enrichment.builder()
        .step(EnrichmentSteps.language())
        .step(EnrichmentSteps.selectors(SelectorExtractor.create()))
        .build();
  }
}
