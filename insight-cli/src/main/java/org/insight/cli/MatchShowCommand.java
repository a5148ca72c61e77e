package org.insight.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.insight.core.EntityId;
import org.insight.core.json.ModelJson;
import org.insight.workspace.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code insight match show}: an entity merged with the records resolution linked it to. */
@Command(name = "show", mixinStandardHelpOptions = true,
    description = "Show an entity merged with the records resolution linked it to, as far as this session may see.")
final class MatchShowCommand implements Callable<Integer> {
  @Mixin SessionOptions session;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "ID") String id;

  @Override
  public Integer call() {
    try (SessionOptions.Opened opened = session.read()) {
      Session s = opened.session();
      var view = s.resolution().resolved(EntityId.of(id));
      if (view.isEmpty()) {
        spec.commandLine().getErr().println("insight: no entity " + id + " is visible to this session");
        return 1;
      }
      PrintWriter out = spec.commandLine().getOut();
      var v = view.get();
      if (session.json) {
        ObjectNode n = Json.object();
        n.put("id", v.id().value());
        v.cluster().ifPresent(c -> n.put("cluster", c));
        v.run().ifPresent(r -> n.put("run", r));
        ArrayNode m = n.putArray("members");
        v.members().forEach(e -> m.add(Render.json(e)));
        ArrayNode l = n.putArray("sameAs");
        v.sameAs().forEach(x -> {
          ObjectNode o = l.addObject();
          o.put("entity", x.source().value());
          o.put("match", x.target().value());
          o.put("score", x.entity().first("score").orElse(""));
          o.put("explanation", x.entity().first("explanation").orElse(""));
        });
        ArrayNode j = n.putArray("judgements");
        v.judgements().forEach(x -> j.add(MatchRender.json(x)));
        Render.print(out, n);
      } else {
        out.printf(Locale.ROOT, "%s  cluster %s (%d records)%n", v.id(), v.cluster().orElse("-"), v.members().size());
        v.members().forEach(e -> Render.entity(out, e));
        v.sameAs().forEach(x -> out.printf(Locale.ROOT, "  same-as %s ~ %s p=%s  %s%n", x.source(), x.target(),
            x.entity().first("score").orElse("?"), x.entity().first("explanation").orElse("")));
        v.judgements().forEach(x -> out.printf(Locale.ROOT, "  judged %s %s %s by %s at %s%n", x.left(), MatchRender.word(x.verdict()),
            x.right(), x.principal(), x.at()));
      }
      return 0;
    }
  }
}
