package org.insight.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import org.insight.core.internal.ModelJson;
import org.insight.nlp.ApertiumTranslator;
import org.insight.nlp.SelectorExtractor;
import org.insight.nlp.Translator;
import org.insight.workspace.Enrichment;
import org.insight.workspace.EnrichmentReport;
import org.insight.workspace.EnrichmentStep;
import org.insight.workspace.EnrichmentSteps;
import org.insight.workspace.EntitySpottingStep;
import org.insight.workspace.Session;
import org.insight.workspace.TranslationStep;
import org.insight.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "enrich", mixinStandardHelpOptions = true,
    description = "Re-run enrichment over the documents this session may see: language, selectors, named entities, translation, known entities. "
        + "Results are written as mentions and document fields with each document's label; re-runs replace them. "
        + "Exit code 1 when a step was unavailable or a document failed.")
final class EnrichCommand implements Callable<Integer> {
  static final List<String> STEPS = List.of("lang", "selectors", "ner", "translate", "spot");

  @Mixin SessionOptions session;
  @Spec CommandSpec spec;

  @Option(names = "--steps", paramLabel = "S,S", split = ",", description = "Which steps, in order: lang, selectors, ner, translate, spot (default: lang,selectors, plus ner when --ner-model is given).")
  List<String> steps;

  @Option(names = "--ner-model", paramLabel = "PATH", description = "The OpenNLP name-finder model for the ner step (train one with 'insight nlp train-ner').")
  Path nerModel;

  @Option(names = "--to", paramLabel = "LANG", defaultValue = "en", description = "Target language of the translate step (default: ${DEFAULT-VALUE}).")
  String to;

  @Option(names = "--apy", paramLabel = "URL", description = "Apertium APY for the translate step, a loopback URL (default: $INSIGHT_APY_URL).")
  String apy;

  @Option(names = "--region", paramLabel = "CC", description = "Default region for phone numbers without a country code, e.g. FR.")
  String region;

  @Override
  public Integer call() {
    List<String> names = new ArrayList<>(new LinkedHashSet<>(steps != null ? steps
        : nerModel != null ? STEPS : List.of("lang", "selectors")));
    Enrichment.Builder b = Enrichment.builder();
    for (String name : names) {
      b.step(step(name.trim()));
    }
    var out = spec.commandLine().getOut();
    try (Workspace ws = session.open(); Session s = ws.session(session.principal(), session.purpose())) {
      EnrichmentReport r = b.build().run(s);
      if (session.json) {
        var n = ModelJson.MAPPER.createObjectNode();
        n.put("documents", r.documents()).put("updatedDocuments", r.updatedDocuments()).put("complete", r.complete());
        var st = n.putArray("steps");
        for (EnrichmentReport.StepReport x : r.steps()) {
          st.addObject().put("name", x.name()).put("available", x.available())
              .put("unavailableReason", x.unavailableReason()).put("documents", x.documents())
              .put("mentions", x.mentions()).put("statements", x.statements()).put("failed", x.failed());
        }
        var f = n.putArray("failures");
        r.failures().forEach(x -> f.addObject().put("document", x.documentId()).put("step", x.step())
            .put("reason", x.reason()));
        var no = n.putArray("notes");
        r.notes().forEach(no::add);
        out.println(ModelJson.write(n));
      } else {
        out.printf("enriched %d documents (%d updated)%n", r.documents(), r.updatedDocuments());
        for (EnrichmentReport.StepReport x : r.steps()) {
          if (x.available()) {
            out.printf("  %-10s %d documents, %d mentions, %d statements%s%n", x.name(), x.documents(), x.mentions(),
                x.statements(), x.failed() == 0 ? "" : ", " + x.failed() + " failed");
          } else {
            out.printf("  %-10s not run: %s%n", x.name(), x.unavailableReason());
          }
        }
        r.failures().forEach(x -> out.printf("  failed: %s %s: %s%n", x.documentId(), x.step(), x.reason()));
        r.notes().forEach(x -> out.printf("  note: %s%n", x));
      }
      return r.complete() ? 0 : 1;
    }
  }

  private EnrichmentStep step(String name) {
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
