package org.insight.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.insight.workspace.MatchEvent;
import org.insight.workspace.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code insight match events}: the merge and split events the session can see. */
@Command(name = "events", mixinStandardHelpOptions = true,
    description = "List the merge and split events of the resolution runs this session can see, oldest first.")
final class MatchEventsCommand implements Callable<Integer> {
  @Mixin SessionOptions session;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    try (SessionOptions.Opened opened = session.read()) {
      Session s = opened.session();
      List<MatchEvent> events = s.resolution().events();
      PrintWriter out = spec.commandLine().getOut();
      if (session.json) {
        ArrayNode a = Json.array();
        events.forEach(e -> a.add(MatchRender.json(e)));
        Render.print(out, a);
      } else if (events.isEmpty()) {
        out.println("no merge or split events visible to this session");
      } else {
        events.forEach(e -> out.println(MatchRender.line(e)));
      }
      return 0;
    }
  }
}
