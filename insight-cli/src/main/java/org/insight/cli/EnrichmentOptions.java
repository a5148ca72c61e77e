package org.insight.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.insight.core.ProgressListener;
import org.insight.nlp.ApertiumTranslator;
import org.insight.nlp.SelectorExtractor;
import org.insight.nlp.Translator;
import org.insight.workspace.Enrichment;
import org.insight.workspace.EnrichmentStep;
import org.insight.workspace.EnrichmentSteps;
import org.insight.workspace.EntitySpottingStep;
import org.insight.workspace.TranslationStep;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The options of the enrichment steps, shared by {@code insight enrich} and {@code insight ingest --enrich}. */
final class EnrichmentOptions {
  static final List<String> STEPS = List.of("lang", "selectors", "ner", "translate", "spot");

  @Option(names = "--ner-model", paramLabel = "PATH", description = "The OpenNLP name-finder model for the ner step (train one with 'insight nlp train-ner').")
  Path nerModel;

  @Option(names = "--to", paramLabel = "LANG", defaultValue = "en", description = "Target language of the translate step (default: ${DEFAULT-VALUE}).")
  String to;

  @Option(names = "--apy", paramLabel = "URL", description = "Apertium APY for the translate step, a loopback URL (default: $INSIGHT_APY_URL).")
  String apy;

  @Option(names = "--region", paramLabel = "CC", description = "Default region for phone numbers without a country code, e.g. FR.")
  String region;

  /** The steps named, in order, telling {@code progress} how far a run is. */
  Enrichment enrichment(List<String> names, CommandSpec spec, ProgressListener progress) {
    Enrichment.Builder b = Enrichment.builder().progress(progress);
    for (String name : names) {
      b.step(step(name.trim(), spec));
    }
    return b.build();
  }

  private EnrichmentStep step(String name, CommandSpec spec) {
    switch (name) {
      case "lang":
        return EnrichmentSteps.language();
      case "selectors":
        return EnrichmentSteps.selectors(region == null ? SelectorExtractor.create()
            : SelectorExtractor.builder().defaultRegion(region).build());
      case "ner":
        return EnrichmentSteps.ner(nerModel);
      case "translate":
        return TranslationStep.into(to, translator());
      case "spot":
        return EntitySpottingStep.create();
      default:
        throw new ParameterException(spec.commandLine(), "unknown step '" + name + "': the steps are " + STEPS);
    }
  }

  /** The APY translator from --apy or INSIGHT_APY_URL, or null (the step then reports that none is configured). */
  private Translator translator() {
    String url = apy != null ? apy : System.getenv("INSIGHT_APY_URL");
    if (url == null || url.isBlank()) {
      return null;
    }
    ApertiumTranslator.Builder b = ApertiumTranslator.builder(URI.create(url.trim()));
    String version = System.getenv("INSIGHT_APY_VERSION");
    if (version != null && !version.isBlank()) {
      b.engineVersion(version.trim());
    }
    return b.build();
  }
}
