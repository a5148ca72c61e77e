package org.insight.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.insight.policy.Label;
import org.insight.workspace.Alert;
import org.insight.workspace.Alerts;
import org.insight.workspace.StandingQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "alerts", mixinStandardHelpOptions = true,
    subcommands = {AlertsDigestCommand.class, AlertsRetryCommand.class},
    description = {"Your standing queries and the alerts they raised: a standing query is asked of every batch that"
        + " lands ('insight ingest', 'insight watch', 'insight add'), as you may see it then; each new match is an"
        + " alert labelled with what it was built from. Lists your alerts (--since), acknowledges one (--ack), saves"
        + " a query (--save QUERY or --subject NAME, with --reason and --label), lists (--queries) or removes"
        + " (--remove ID) your queries. Only your own, and only what you may still see.",
        "Example: insight alerts --save '\"blue van\" OR heron' --reason 'op heron' --label FR --auths FR"})
final class AlertsCommand implements Callable<Integer> {
  @Mixin SessionOptions session;
  @Spec CommandSpec spec;

  @Option(names = "--since", paramLabel = "INSTANT", description = "Only alerts raised at or after this time (2026-06-01T00:00:00Z).")
  String since;

  @Option(names = "--ack", paramLabel = "ALERT_ID", description = "Acknowledge this alert.")
  String ack;

  @Option(names = "--save", paramLabel = "QUERY", description = "Save a standing query in the search syntax.")
  String save;

  @Option(names = "--subject", paramLabel = "NAME", description = "Save a screening subject: a name matched across spelling, script and order.")
  String subject;

  @Option(names = "--reason", paramLabel = "TEXT", description = "With --save/--subject: what the query serves.")
  String reason;

  @Option(names = "--label", paramLabel = "EXPR", description = "With --save/--subject: the label the saved query carries (you must hold it).")
  String label;

  @Option(names = "--queries", description = "List your standing queries.")
  boolean queries;

  @Option(names = "--remove", paramLabel = "QUERY_ID", description = "Remove one of your standing queries.")
  String remove;

  @Override
  public Integer call() {
    int actions = (ack != null ? 1 : 0) + (save != null ? 1 : 0) + (subject != null ? 1 : 0) + (queries ? 1 : 0)
        + (remove != null ? 1 : 0);
    if (actions > 1) {
      throw new ParameterException(spec.commandLine(), "give one of --ack, --save, --subject, --queries, --remove");
    }
    boolean writes = ack != null || save != null || subject != null || remove != null;
    PrintWriter out = spec.commandLine().getOut();
    try (SessionOptions.Opened ws = writes ? session.write() : session.read()) {
      Alerts alerts = ws.session().alerts();
      if (save != null || subject != null) {
        if (reason == null || label == null) {
          throw new ParameterException(spec.commandLine(), "saving a standing query needs --reason and --label");
        }
        Label l = Arguments.parse(spec, "--label", () -> Label.parse(label));
        StandingQuery q = save != null ? alerts.save(save, reason, l) : alerts.saveSubject(subject, reason, l);
        if (session.json) {
          Render.print(out, query(q));
        } else {
          out.printf(Locale.ROOT, "saved %s (%s): %s%n", q.id(), q.kind().name().toLowerCase(Locale.ROOT), q.text());
        }
        return 0;
      }
      if (remove != null) {
        boolean removed = alerts.remove(remove);
        if (session.json) {
          Render.print(out, Render.versioned().put("id", remove).put("removed", removed));
        } else {
          out.println(removed ? "removed " + remove : "you have no standing query " + remove);
        }
        return removed ? 0 : 1;
      }
      if (queries) {
        List<StandingQuery> list = alerts.queries();
        if (session.json) {
          ArrayNode a = Json.array();
          list.forEach(q -> a.add(query(q)));
          Render.print(out, a);
        } else {
          List<String[]> rows = new ArrayList<>();
          rows.add(new String[] {"query", "kind", "text", "reason", "purpose", "label"});
          for (StandingQuery q : list) {
            rows.add(new String[] {q.id(), q.kind().name().toLowerCase(Locale.ROOT), q.text(), q.reason(),
                q.purpose().name(), q.label().toString()});
          }
          out.printf(Locale.ROOT, "%d standing quer%s%n", list.size(), list.size() == 1 ? "y" : "ies");
          if (!list.isEmpty()) {
            Render.table(out, rows);
          }
        }
        return 0;
      }
      if (ack != null) {
        Optional<Alert> a = alerts.acknowledge(ack);
        if (session.json) {
          ObjectNode n = Render.versioned().put("id", ack).put("acknowledged", a.isPresent());
          a.flatMap(Alert::acknowledged).ifPresent(t -> n.put("at", t.toString()));
          Render.print(out, n);
        } else {
          out.println(a.isPresent() ? "acknowledged " + ack : "you have no alert " + ack);
        }
        return a.isPresent() ? 0 : 1;
      }
      Instant from = since == null ? null : Arguments.parse(spec, "--since", () -> Instant.parse(since));
      List<Alert> list = alerts.list(from);
      if (session.json) {
        Render.print(out, alerts(list));
        return 0;
      }
      out.printf(Locale.ROOT, "%d alert(s)%n", list.size());
      table(out, list);
      return 0;
    }
  }

  /** Alerts as the JSON array of {@code docs/json/alerts.schema.json}. */
  static ArrayNode alerts(List<Alert> list) {
    ArrayNode a = Json.array();
    for (Alert x : list) {
      ObjectNode o = a.addObject();
      o.put("id", x.id()).put("query", x.queryId()).put("kind", x.kind().name().toLowerCase(Locale.ROOT))
          .put("item", x.itemId()).put("label", x.label().toString()).put("raised", x.raised().toString());
      x.acknowledged().ifPresent(t -> o.put("acknowledged", t.toString()));
      ArrayNode docs = o.putArray("documents");
      x.documentIds().forEach(docs::add);
      ArrayNode sts = o.putArray("statements");
      x.statementIds().forEach(sts::add);
    }
    return a;
  }

  /** Alerts as a table (nothing when there are none). */
  static void table(PrintWriter out, List<Alert> list) {
    if (list.isEmpty()) {
      return;
    }
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"alert", "raised", "query", "kind", "item", "ack", "label"});
    for (Alert x : list) {
      rows.add(new String[] {x.id(), x.raised().toString(), x.queryId(), x.kind().name().toLowerCase(Locale.ROOT),
          x.itemId(), x.acknowledged().isPresent() ? "yes" : "", x.label().expression().toString()});
    }
    Render.table(out, rows);
  }

  private static ObjectNode query(StandingQuery q) {
    ObjectNode n = Json.object();
    n.put("id", q.id()).put("kind", q.kind().name().toLowerCase(Locale.ROOT)).put("text", q.text())
        .put("reason", q.reason()).put("purpose", q.purpose().name()).put("label", q.label().toString())
        .put("created", q.created().toString());
    return n;
  }
}
