package org.insight.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.insight.core.Entity;
import org.insight.workspace.Page;
import org.insight.workspace.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "entities", mixinStandardHelpOptions = true,
    description = "List the entities this session may see, in id order.")
final class EntitiesCommand implements Callable<Integer> {
  @Mixin SessionOptions session;
  @Spec CommandSpec spec;

  @Option(names = "--type", paramLabel = "TYPE", description = "Only this type and its sub-types, e.g. Person.")
  String type;

  @Option(names = "--offset", defaultValue = "0", description = "Skip this many (default: ${DEFAULT-VALUE}).")
  int offset;

  @Option(names = "--limit", defaultValue = "50", description = "At most this many (default: ${DEFAULT-VALUE}).")
  int limit;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    try (SessionOptions.Opened ws = session.read()) {
      Session s = ws.session();
      Page<Entity> page = s.entities(type, offset, limit);
      if (session.json) {
        var n = Json.object();
        n.put("total", page.total());
        n.put("offset", page.offset());
        var items = n.putArray("items");
        page.items().forEach(e -> items.add(Render.json(e)));
        Render.print(out, n);
        return 0;
      }
      out.printf(Locale.ROOT, "%d entities visible%s%n", page.total(), type == null ? "" : " of type " + type);
      List<String[]> rows = new ArrayList<>();
      rows.add(new String[] {"id", "type", "caption", "values"});
      for (Entity e : page.items()) {
        rows.add(new String[] {e.id().value(), e.schema(), e.caption(), Integer.toString(e.statements().size())});
      }
      if (rows.size() > 1) {
        Render.table(out, rows);
      }
      if (page.hasNext()) {
        out.printf(Locale.ROOT, "  … more: --offset %d%n", offset + page.items().size());
      }
      return 0;
    }
  }
}
