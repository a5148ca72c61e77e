package org.insight.spark.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.insight.policy.Principal;
import org.insight.policy.Purpose;
import org.insight.spark.WorkspaceLoader;
import org.insight.workspace.Session;
import org.insight.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code insight spark load OUT --workspace W --user U --auths A,B}: {@link WorkspaceLoader} — an extraction job's
 * output written into a workspace through a session as that principal (authorised, audited, idempotent). A
 * subcommand of the {@code spark} command. Exit code 1 when the job had quarantined items (they are listed).
 */
@Command(name = "load", mixinStandardHelpOptions = true,
    description = {"Load the output of 'insight spark ingest' into a workspace through a session: only writes the"
        + " principal (--user, --auths) may make, each batch audited; loading again adds nothing.",
        "Example: insight spark load /jobs/heron-1 --workspace ./heron --user loader --auths FR,POLICE"})
public final class SparkLoadCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "OUT", description = "The output directory of an extraction job.")
  String out;

  @Option(names = "--workspace", required = true, paramLabel = "DIR", description = "The workspace directory.")
  Path workspace;

  @Option(names = "--user", required = true, paramLabel = "ID", description = "Who is writing.")
  String user;

  @Option(names = "--auths", paramLabel = "A,B", split = ",", description = "The writer's authorizations.")
  List<String> auths = new ArrayList<>();

  @Option(names = "--purpose", paramLabel = "PURPOSE", defaultValue = "criminal-investigation",
      description = "The purpose of the session (default: ${DEFAULT-VALUE}).")
  String purpose;

  @Option(names = "--master", paramLabel = "URL", description = "Spark master to read the output with (default:"
      + " spark-submit's, else every local core); the load itself runs here, where the workspace is.")
  String master;

  /** A command; picocli fills the fields. */
  public SparkLoadCommand() {}

  @Override
  public Integer call() {
    try (SparkSessions spark = SparkSessions.open(master, "insight spark load");
        Workspace ws = Workspace.open(workspace);
        Session s = ws.session(Principal.of(user, auths), Purpose.of(purpose))) {
      WorkspaceLoader.Report r = WorkspaceLoader.load(spark.spark, out, s);
      PrintWriter w = spec.commandLine().getOut();
      w.printf(Locale.ROOT, "loaded %s: %d documents, %d mentions, %d statements, %d originals; %d quarantined%n", out,
          r.documents(), r.mentions(), r.statements(), r.evidence(), r.quarantined());
      for (WorkspaceLoader.Quarantined q : r.listed()) {
        w.printf(Locale.ROOT, "  quarantined %s: %s: %s%n", q.record(), q.reason(), q.message());
      }
      w.flush();
      return r.quarantined() == 0 ? 0 : 1;
    }
  }
}
