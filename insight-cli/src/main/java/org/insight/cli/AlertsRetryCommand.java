package org.insight.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.insight.workspace.Alert;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code insight alerts retry}: evaluations that failed and deliveries the listener refused, done again now. */
@Command(name = "retry", mixinStandardHelpOptions = true,
    description = {"Retries now what failed: standing-query evaluations that threw on a batch (or whose owner could not"
        + " be looked up), over that batch, and alerts an embedding application's listener refused. Both are also"
        + " retried after every batch. Prints your own alerts the retry raised; nothing is raised twice.",
        "Example: insight alerts retry --auths FR"})
final class AlertsRetryCommand implements Callable<Integer> {
  @Mixin SessionOptions session;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (SessionOptions.Opened ws = session.write()) {
      List<Alert> raised = ws.session().alerts().retry();
      if (session.json) {
        Render.print(out, AlertsCommand.alerts(raised));
      } else {
        out.printf(Locale.ROOT, "%d alert(s) raised by the retry%n", raised.size());
        AlertsCommand.table(out, raised);
      }
      return 0;
    }
  }
}
