package org.insight.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.insight.core.EntityId;
import org.insight.workspace.MatchJudgement;
import org.insight.workspace.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code insight match undo}: undoes a merge or split event with judgements. */
@Command(name = "undo", mixinStandardHelpOptions = true,
    description = "Undo a merge or split event with judgements (different for a merge, same for a split); the next resolve applies them.")
final class MatchUndoCommand implements Callable<Integer> {
  @Mixin SessionOptions session;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "EVENT_ID") String event;

  @Option(names = "--reason", paramLabel = "TEXT") String reason;

  @Override
  public Integer call() {
    try (SessionOptions.Opened opened = session.write()) {
      Session s = opened.session();
      List<MatchJudgement> judgements = s.resolution().undo(EntityId.of(event), reason);
      PrintWriter out = spec.commandLine().getOut();
      if (session.json) {
        ArrayNode a = Json.array();
        judgements.forEach(j -> a.add(MatchRender.json(j)));
        Render.print(out, a);
      } else {
        for (MatchJudgement j : judgements) {
          out.printf(Locale.ROOT, "%s: %s %s %s (%s)%n", j.id(), j.left(), MatchRender.word(j.verdict()), j.right(), j.reason());
        }
      }
      return 0;
    }
  }
}
