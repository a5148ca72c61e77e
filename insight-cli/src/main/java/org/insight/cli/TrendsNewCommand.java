package org.insight.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.insight.trends.NewCooccurrence;
import org.insight.trends.TrendReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code insight trends new}: values seen recently in a category (context) that never held them before. */
@Command(name = "new", mixinStandardHelpOptions = true,
    description = {"New co-occurrences: values (--value: a phone number, a wallet, a modus operandi) first seen on or"
        + " after --since in a category (a country, a region) that never held them before, when they were already"
        + " known in another."})
final class TrendsNewCommand implements Callable<Integer> {
  @Option(names = "--value", paramLabel = "COL", required = true, description = "The column (with --events) or"
      + " property (in a workspace) of the values to follow.")
  String value;

  @Option(names = "--since", paramLabel = "DAY", description = "New means first seen on or after this day (default:"
      + " the first monitored period).")
  LocalDate since;

  @Mixin SessionOptions session;
  @Mixin TrendsOptions trends;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    var b = trends.builder(spec);
    if (since != null) {
      b.recentSince(since);
    }
    TrendReport r = trends.run(spec, session, b.build(), value);
    PrintWriter out = spec.commandLine().getOut();
    if (session.json) {
      ArrayNode items = Json.array();
      for (NewCooccurrence c : r.newCooccurrences()) {
        items.addObject().put("value", c.value()).put("context", c.context()).put("firstSeen", c.firstSeen().toString())
            .put("knownContexts", c.knownContexts());
      }
      Render.print(out, TrendsRender.json(r, items));
      return 0;
    }
    out.printf(Locale.ROOT, "%d new co-occurrence(s)%n", r.newCooccurrences().size());
    for (NewCooccurrence c : r.newCooccurrences()) {
      out.printf(Locale.ROOT, "NEW %-24s in %-16s since %s (known in %d other%s)%n", c.value(), c.context(),
          c.firstSeen(), c.knownContexts(), c.knownContexts() == 1 ? "" : "s");
    }
    TrendsRender.footer(out, r);
    return 0;
  }
}
