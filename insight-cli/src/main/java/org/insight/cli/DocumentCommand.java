package org.insight.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.insight.workspace.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "document", mixinStandardHelpOptions = true,
    description = "Show one document (its text, label, source, language and the mentions found in it), or list the visible documents.")
final class DocumentCommand implements Callable<Integer> {
  @Mixin SessionOptions session;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "ID", arity = "0..1", description = "The document id; without it, list them.")
  String id;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    try (SessionOptions.Opened ws = session.read()) {
      Session s = ws.session();
      if (id == null) {
        var page = s.documents(0, 100);
        if (session.json) {
          var n = Json.object();
          n.put("total", page.total());
          var items = n.putArray("items");
          page.items().forEach(d -> items.add(Render.json(d)));
          Render.print(out, n);
        } else {
          out.printf(Locale.ROOT, "%d documents visible%n", page.total());
          page.items().forEach(d -> out.printf(Locale.ROOT, "  %s  %s%n", d.id(), d.title()));
        }
        return 0;
      }
      var doc = s.document(id);
      if (doc.isEmpty()) {
        throw new CommandFailure("no document " + id + " is visible to this session");
      }
      var mentions = s.mentions(id);
      if (session.json) {
        var n = Render.json(doc.get());
        var a = n.putArray("mentions");
        mentions.forEach(m -> a.add(org.insight.core.json.ModelJson.mention(m)));
        Render.print(out, n);
      } else {
        Render.document(out, doc.get());
        out.printf(Locale.ROOT, "%n  language: %s; %d mention(s) visible%n", doc.get().language().isEmpty() ? "unknown"
            : doc.get().language(), mentions.size());
        mentions.forEach(m -> out.printf(Locale.ROOT, "  [%d,%d) %-34s %-28s \"%s\"%n", m.start(), m.end(), m.provenance().method(),
            m.value(), m.text()));
      }
      return 0;
    }
  }
}
