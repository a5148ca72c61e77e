package org.insight.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.insight.core.json.ModelJson;
import org.insight.workspace.Enrichment;
import org.insight.workspace.EnrichmentReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "enrich", mixinStandardHelpOptions = true,
    description = "Re-run enrichment over the documents this session may see: language, selectors, named entities, translation, known entities. "
        + "Results are written as mentions and document fields with each document's label; re-runs replace them. "
        + "Exit code 1 when a step was unavailable or a document failed.")
final class EnrichCommand implements Callable<Integer> {
  static final List<String> STEPS = EnrichmentOptions.STEPS;

  @Mixin SessionOptions session;
  @Spec CommandSpec spec;

  @Option(names = "--steps", paramLabel = "S,S", split = ",", description = "Which steps, in order: lang, selectors, ner, translate, spot (default: lang,selectors, plus ner when --ner-model is given).")
  List<String> steps;

  @Mixin EnrichmentOptions options;

  @Mixin ProgressOptions progress;

  @Override
  public Integer call() {
    List<String> names = new ArrayList<>(new LinkedHashSet<>(steps != null ? steps
        : options.nerModel != null ? STEPS : List.of("lang", "selectors")));
    var out = spec.commandLine().getOut();
    EnrichmentReport r;
    try (ProgressDisplay display = progress.start(spec)) {
      Enrichment enrichment = options.enrichment(names, spec, display); // a bad step name before any workspace
      try (SessionOptions.Opened ws = session.write()) {
        r = enrichment.run(ws.session());
      }
    }
    if (session.json) {
      Render.print(out, json(r));
    } else {
      print(out, r);
    }
    return r.complete() ? 0 : 1;
  }

  /** The report as one JSON object. */
  static com.fasterxml.jackson.databind.node.ObjectNode json(EnrichmentReport r) {
    var n = Json.object();
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
    return n;
  }

  /** The report for a person. */
  static void print(java.io.PrintWriter out, EnrichmentReport r) {
    out.printf(Locale.ROOT, "enriched %d documents (%d updated)%n", r.documents(), r.updatedDocuments());
    for (EnrichmentReport.StepReport x : r.steps()) {
      if (x.available()) {
        out.printf(Locale.ROOT, "  %-10s %d documents, %d mentions, %d statements%s%n", x.name(), x.documents(), x.mentions(),
            x.statements(), x.failed() == 0 ? "" : ", " + x.failed() + " failed");
      } else {
        out.printf(Locale.ROOT, "  %-10s not run: %s%n", x.name(), x.unavailableReason());
      }
    }
    r.failures().forEach(x -> out.printf(Locale.ROOT, "  failed: %s %s: %s%n", x.documentId(), x.step(), x.reason()));
    r.notes().forEach(x -> out.printf(Locale.ROOT, "  note: %s%n", x));
  }
}
