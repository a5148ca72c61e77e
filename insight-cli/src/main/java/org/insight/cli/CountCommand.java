package org.insight.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.insight.workspace.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "count", mixinStandardHelpOptions = true,
    description = "Count the entities and documents this session may see.")
final class CountCommand implements Callable<Integer> {
  @Mixin SessionOptions session;
  @Spec CommandSpec spec;

  @Option(names = "--type", paramLabel = "TYPE", description = "Only this entity type and its sub-types.")
  String type;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    try (SessionOptions.Opened ws = session.read()) {
      Session s = ws.session();
      long entities = s.count(type);
      long documents = s.documents(0, 1).total();
      if (session.json) {
        Render.print(out, Render.versioned().put("entities", entities).put("documents", documents));
      } else {
        out.printf(Locale.ROOT, "entities: %d%s%ndocuments: %d%n", entities, type == null ? "" : " (" + type + ")", documents);
      }
      return 0;
    }
  }
}
