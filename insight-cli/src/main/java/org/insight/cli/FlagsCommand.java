package org.insight.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.insight.core.EntityId;
import org.insight.core.json.ModelJson;
import org.insight.workspace.Flag;
import org.insight.workspace.Page;
import org.insight.workspace.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "flags", mixinStandardHelpOptions = true,
    description = "Screening flags the session may see (it must be cleared for both the subject and the watch-list entry);"
        + " --review ID --status confirmed|dismissed|open records an analyst's review.")
final class FlagsCommand implements Callable<Integer> {
  @Mixin SessionOptions session;
  @Spec CommandSpec spec;

  @Option(names = "--status", paramLabel = "STATUS", description = "Only open, confirmed or dismissed flags; with --review, the new status.")
  String status;

  @Option(names = "--review", paramLabel = "FLAG_ID", description = "Review this flag (set --status).")
  String review;

  @Option(names = "--offset", defaultValue = "0", description = "Skip this many.")
  int offset;

  @Option(names = "--limit", defaultValue = "50", description = "At most this many (default: ${DEFAULT-VALUE}).")
  int limit;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    try (SessionOptions.Opened ws = (review != null ? session.write() : session.read())) {
      Session s = ws.session();
      if (review != null) {
        if (status == null) {
          throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--review needs --status confirmed|dismissed|open");
        }
        Flag f = s.reviewFlag(EntityId.of(review), status);
        if (session.json) {
          Render.print(out, Render.versioned().put("id", f.id().value()).put("status", f.status()));
        } else {
          out.printf(Locale.ROOT, "%s is now %s%n", f.id(), f.status());
        }
        return 0;
      }
      Page<Flag> page = s.flags(status, offset, limit);
      if (session.json) {
        ArrayNode a = Json.array();
        for (Flag f : page.items()) {
          var o = a.addObject();
          o.put("id", f.id().value());
          o.put("subject", f.subjectId());
          f.mentionId().ifPresent(m -> o.put("mention", m));
          o.put("subjectName", f.subjectName());
          o.put("entry", f.entryId());
          o.put("watchList", f.watchList());
          o.put("probability", f.probability());
          o.put("status", f.status());
          o.put("explanation", f.explanation());
          o.put("label", f.label().toString());
          f.labelNote().ifPresent(n -> o.put("labelNote", n));
          o.put("method", f.provenance().method());
        }
        Render.print(out, a);
        return 0;
      }
      out.printf(Locale.ROOT, "%d flag(s)%n", page.total());
      if (page.items().isEmpty()) {
        return 0;
      }
      List<String[]> rows = new ArrayList<>();
      rows.add(new String[] {"flag", "status", "probability", "subject", "name", "entry", "label"});
      for (Flag f : page.items()) {
        rows.add(new String[] {f.id().value(), f.status(), String.format(Locale.ROOT, "%.4f", f.probability()),
            f.subjectId(), f.subjectName(), f.entryId(), f.label().expression().toString()});
      }
      Render.table(out, rows);
      for (Flag f : page.items()) {
        out.printf(Locale.ROOT, "  %s: %s%n", f.id(), f.explanation());
      }
      return 0;
    }
  }
}
