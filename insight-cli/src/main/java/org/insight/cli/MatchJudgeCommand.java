package org.insight.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.insight.core.EntityId;
import org.insight.match.Judgement;
import org.insight.workspace.MatchJudgement;
import org.insight.workspace.Session;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code insight match judge}: an analyst's judgement on two records of the workspace. */
@Command(name = "judge", mixinStandardHelpOptions = true,
    description = "Record an analyst's judgement on two records of the workspace; every later resolution honours it.")
final class MatchJudgeCommand implements Callable<Integer> {
  @Mixin SessionOptions session;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "LEFT_ID") String left;
  @Parameters(index = "1", paramLabel = "RIGHT_ID") String right;

  @ArgGroup(exclusive = true, multiplicity = "1") Verdict verdict;

  static final class Verdict {
    @Option(names = "--same", description = "They are the same person: always in one cluster.") boolean same;
    @Option(names = "--different", description = "They are not: never in one cluster, even through others.") boolean different;
    @Option(names = "--unsure", description = "Undecided: recorded, changes nothing.") boolean unsure;
  }

  @Option(names = "--reason", paramLabel = "TEXT", description = "Why (kept with the judgement).")
  String reason;

  @Override
  public Integer call() {
    Judgement.Verdict v = verdict.same ? Judgement.Verdict.SAME
        : verdict.different ? Judgement.Verdict.DIFFERENT : Judgement.Verdict.UNSURE;
    try (SessionOptions.Opened opened = session.write()) {
      Session s = opened.session();
      MatchJudgement j = s.resolution().judge(EntityId.of(left), EntityId.of(right), v, reason);
      PrintWriter out = spec.commandLine().getOut();
      if (session.json) {
        Render.print(out, MatchRender.json(j));
      } else {
        out.printf(Locale.ROOT, "%s: %s %s %s by %s at %s%s%n", j.id(), j.left(), MatchRender.word(j.verdict()), j.right(), j.principal(),
            j.at(), j.reason().isEmpty() ? "" : " (" + j.reason() + ")");
      }
      return 0;
    }
  }
}
