package org.insight.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.insight.core.json.ModelJson;
import org.insight.search.Suggestion;
import org.insight.workspace.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "suggest", mixinStandardHelpOptions = true,
    description = "Names that complete PREFIX (across scripts), counted over the entities the session may see.")
final class SuggestCommand implements Callable<Integer> {
  @Mixin SessionOptions session;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "PREFIX", description = "The start of a name, e.g. 'iva pe'.")
  String prefix;

  @Option(names = "--limit", defaultValue = "10", description = "At most this many (default: ${DEFAULT-VALUE}).")
  int limit;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    try (SessionOptions.Opened ws = session.read()) {
      Session s = ws.session();
      var list = s.suggest(prefix, limit);
      if (session.json) {
        var a = Json.array();
        for (Suggestion x : list) {
          a.addObject().put("text", x.text()).put("entities", x.entities());
        }
        Render.print(out, a);
      } else {
        list.forEach(x -> out.printf(Locale.ROOT, "  %s (%d)%n", x.text(), x.entities()));
      }
      return 0;
    }
  }
}
