package org.insight.cli;

import java.util.concurrent.Callable;
import org.insight.core.EntityId;
import org.insight.workspace.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "entity", mixinStandardHelpOptions = true,
    description = "Show one entity as this session may see it: each value with its label and source.")
final class EntityCommand implements Callable<Integer> {
  @Mixin SessionOptions session;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "ID", description = "The entity id.")
  String id;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    try (SessionOptions.Opened ws = session.read()) {
      Session s = ws.session();
      var entity = s.entity(EntityId.of(id));
      if (entity.isEmpty()) {
        // the same answer whether it is missing or not visible: anything else would leak its existence
        throw new CommandFailure("no entity " + id + " is visible to this session");
      }
      if (session.json) {
        Render.print(out, Render.json(entity.get()));
      } else {
        Render.entity(out, entity.get());
      }
      return 0;
    }
  }
}
