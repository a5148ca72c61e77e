package org.insight.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.insight.core.EntityId;
import org.insight.core.json.ModelJson;
import org.insight.workspace.ResolutionRun;
import org.insight.workspace.ResolveOptions;
import org.insight.workspace.ResolvedCluster;
import org.insight.workspace.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code insight match resolve}: resolves the Person entities the session may see. */
@Command(name = "resolve", mixinStandardHelpOptions = true,
    description = "Resolve the Person entities this session may see: clusters with stable ids, same-as links, merge/split events.")
final class MatchResolveCommand implements Callable<Integer> {
  @Mixin SessionOptions session;
  @Mixin ProgressOptions progress;
  @Spec CommandSpec spec;

  @Option(names = "--dataset", paramLabel = "NAME", description = "Only the persons with a statement from this dataset.")
  String dataset;

  @Option(names = "--threshold", defaultValue = "0.9", paramLabel = "P",
      description = "Match probability at or above which a pair may link (default: ${DEFAULT-VALUE}).")
  double threshold;

  @Override
  public Integer call() {
    ResolveOptions options = ResolveOptions.defaults().threshold(threshold);
    if (dataset != null) {
      options = options.dataset(dataset);
    }
    try (SessionOptions.Opened opened = session.write()) {
      Session s = opened.session();
      ResolutionRun run;
      try (ProgressDisplay display = progress.start(spec)) {
        run = s.resolution().run(options, display);
      }
      PrintWriter out = spec.commandLine().getOut();
      if (session.json) {
        ObjectNode n = Json.object();
        n.put("run", run.run());
        n.put("records", run.records());
        n.put("candidatePairs", run.blocking().candidatePairs());
        n.put("links", run.links());
        ArrayNode cl = n.putArray("clusters");
        for (ResolvedCluster c : run.clusters()) {
          ObjectNode o = cl.addObject();
          o.put("id", c.id());
          ArrayNode m = o.putArray("members");
          c.members().forEach(id -> m.add(id.value()));
        }
        ArrayNode ev = n.putArray("events");
        run.events().forEach(e -> ev.add(MatchRender.json(e)));
        ArrayNode sk = n.putArray("skipped");
        run.skipped().forEach(sk::add);
        Render.print(out, n);
      } else {
        out.printf(Locale.ROOT, "%s: %d records, %d candidate pairs, %d clusters of two or more, %d same-as links, %d events%n",
            run.run(), run.records(), run.blocking().candidatePairs(), run.clusters().size(), run.links(),
            run.events().size());
        for (ResolvedCluster c : run.clusters()) {
          out.printf(Locale.ROOT, "  %s  %s%n", c.id(), String.join(" ", c.members().stream().map(EntityId::value).toList()));
        }
        run.events().forEach(e -> out.println("  " + MatchRender.line(e)));
        run.conflicts().forEach(j -> out.printf(Locale.ROOT, "  conflict: %s same %s refused (a different-judgement forbids it)%n",
            j.leftId(), j.rightId()));
        run.skipped().forEach(x -> out.println("  skipped: " + x));
      }
      return 0;
    }
  }
}
