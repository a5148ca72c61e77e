package org.insight.spark.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.insight.cli.SessionOptions;
import org.insight.spark.WorkspaceLoader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.insight.cli.JsonOutput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

  /** The workspace and who writes, as every writing insight command takes them (writers file, audit key, ...). */
  @Mixin SessionOptions session;

  @Option(names = "--master", paramLabel = "URL", description = "Spark master to read the output with (default:"
      + " spark-submit's, else every local core); the load itself runs here, where the workspace is.")
  String master;

  /** A command; picocli fills the fields. */
  public SparkLoadCommand() {}

  @Override
  public Integer call() {
    try (SessionOptions.Opened opened = session.write();
        SparkSessions spark = SparkSessions.open(master, "insight spark load")) {
      WorkspaceLoader.Report r = WorkspaceLoader.load(spark.spark, out, opened.session());
      PrintWriter w = spec.commandLine().getOut();
      if (session.json()) {
        ObjectNode n = JsonOutput.object().put("out", out).put("documents", r.documents()).put("mentions", r.mentions())
            .put("statements", r.statements()).put("originals", r.evidence()).put("quarantined", r.quarantined());
        ArrayNode listed = n.putArray("quarantinedItems");
        for (WorkspaceLoader.Quarantined q : r.listed()) {
          listed.addObject().put("record", q.record()).put("reason", q.reason()).put("message", q.message());
        }
        JsonOutput.print(w, n);
      } else {
        w.printf(Locale.ROOT, "loaded %s: %d documents, %d mentions, %d statements, %d originals; %d quarantined%n",
            out, r.documents(), r.mentions(), r.statements(), r.evidence(), r.quarantined());
        for (WorkspaceLoader.Quarantined q : r.listed()) {
          w.printf(Locale.ROOT, "  quarantined %s: %s: %s%n", q.record(), q.reason(), q.message());
        }
      }
      w.flush();
      return r.quarantined() == 0 ? 0 : 1;
    }
  }
}
