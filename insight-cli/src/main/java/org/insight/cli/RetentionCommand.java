package org.insight.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.insight.workspace.ErasureReceipt;
import org.insight.workspace.RetentionDue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code insight retention due|purge}: the handling dates labels carry (review-by, delete-after). */
@Command(name = "retention", mixinStandardHelpOptions = true,
    description = "Retention dates carried by labels: 'due' lists what you may see that is past its review-by date;"
        + " 'purge' erases everything past its delete-after date (which nobody may read any more).",
    subcommands = {RetentionCommand.Due.class, RetentionCommand.Purge.class})
final class RetentionCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code insight retention due}. */
  @Command(name = "due", mixinStandardHelpOptions = true,
      description = "Entities and documents you may see whose label's review-by date has passed (UTC).")
  static final class Due implements Callable<Integer> {
    @Mixin SessionOptions session;
    @Spec CommandSpec spec;

    @Option(names = "--limit", defaultValue = "100", description = "At most this many ids of each (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
      try (SessionOptions.Opened opened = session.read()) {
        if (limit < 1 || limit > 10_000) {
          throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--limit must be 1..10000, got " + limit);
        }
        RetentionDue due = opened.session().retentionDue(limit);
        PrintWriter out = spec.commandLine().getOut();
        if (session.json) {
          var o = Render.versioned();
          o.put("asOf", due.asOf().toString());
          o.put("entityCount", due.entityCount());
          due.entities().forEach(o.putArray("entities")::add);
          o.put("documentCount", due.documentCount());
          due.documents().forEach(o.putArray("documents")::add);
          Render.print(out, o);
          return 0;
        }
        out.printf(Locale.ROOT, "past review-by on %s: %d entit%s, %d document(s)%n", due.asOf(), due.entityCount(),
            due.entityCount() == 1 ? "y" : "ies", due.documentCount());
        due.entities().forEach(e -> out.printf(Locale.ROOT, "  entity %s%n", e));
        due.documents().forEach(d -> out.printf(Locale.ROOT, "  document %s%n", d));
        return 0;
      }
    }
  }

  /** {@code insight retention purge}. */
  @Command(name = "purge", mixinStandardHelpOptions = true,
      description = {"Erase everything whose label's delete-after date has passed (UTC), with everything derived from"
          + " it, in the datasets you may erase from. Reports only what your authorisations could have read; the audit"
          + " names every id removed.", "Exit 0 also when nothing was due."})
  static final class Purge implements Callable<Integer> {
    @Mixin SessionOptions session;
    @Spec CommandSpec spec;

    @Option(names = "--reason", paramLabel = "TEXT", defaultValue = "retention: past delete-after",
        description = "Why; written to the audit log (default: ${DEFAULT-VALUE}).")
    String reason;

    @Override
    public Integer call() {
      if (reason.isBlank()) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--reason must not be blank");
      }
      try (SessionOptions.Opened opened = session.write()) {
        ErasureReceipt r = opened.session().purgeExpired(reason);
        PrintWriter out = spec.commandLine().getOut();
        if (session.json) {
          var o = Render.versioned();
          r.entities().forEach(o.putArray("entities")::add);
          r.documents().forEach(o.putArray("documents")::add);
          o.put("statements", r.statements());
          Render.print(out, o);
          return 0;
        }
        out.printf(Locale.ROOT, "purged %d statement(s) of %d entit%s and %d document(s) past delete-after%n",
            r.statements(), r.entities().size(), r.entities().size() == 1 ? "y" : "ies", r.documents().size());
        return 0;
      }
    }
  }
}
