package org.insight.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.insight.trends.Alarm;
import org.insight.trends.TrendReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code insight trends alarms}: categories whose recent counts broke upwards from their own history. */
@Command(name = "alarms", mixinStandardHelpOptions = true,
    description = {"Categories whose counts in the last --monitor periods rose above what their own history (before"
        + " those periods) expected: an upper CUSUM on the residuals, each alarm with the period its rise started,"
        + " the period it peaked, observed and expected events from start to peak, z, and p corrected for the number"
        + " of categories (Benjamini–Hochberg). Decreases do not alarm: see 'insight trends compare'."})
final class TrendsAlarmsCommand implements Callable<Integer> {
  @Mixin SessionOptions session;
  @Mixin TrendsOptions trends;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    TrendReport r = trends.run(spec, session, trends.builder(spec).build(), null);
    PrintWriter out = spec.commandLine().getOut();
    if (session.json) {
      ArrayNode items = Json.array();
      for (Alarm a : r.alarms()) {
        ObjectNode n = items.addObject().put("category", a.category()).put("start", a.start().toString())
            .put("period", a.period().toString()).put("observed", a.observed()).put("expected", a.expected());
        TrendsRender.put(n, "z", a.z());
        n.put("p", a.p());
      }
      Render.print(out, TrendsRender.json(r, items));
      return 0;
    }
    out.printf(Locale.ROOT, "%d alarm(s) over %d categor%s%n", r.alarms().size(), r.series().size(),
        r.series().size() == 1 ? "y" : "ies");
    for (Alarm a : r.alarms()) {
      out.printf(Locale.ROOT, "ALARM %-24s from %s to %s: %d observed, %.1f expected (x%.2f), z %.2f, p %.3g%n",
          a.category(), a.start(), a.period(), a.observed(), a.expected(), a.ratio(), a.z(), a.p());
    }
    TrendsRender.footer(out, r);
    return 0;
  }
}
