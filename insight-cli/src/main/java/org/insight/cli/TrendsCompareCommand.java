package org.insight.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.insight.trends.Comparison;
import org.insight.trends.DateRange;
import org.insight.trends.TrendReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code insight trends compare}: each category in two date ranges, with the change and its interval. */
@Command(name = "compare", mixinStandardHelpOptions = true,
    description = {"Each category's events in two date ranges (e.g. this quarter against the same quarter last"
        + " year): the counts, the rate ratio per day after/before with its exact (Clopper–Pearson) interval at"
        + " 1 - --alpha, and the two-sided p of no change."})
final class TrendsCompareCommand implements Callable<Integer> {
  @Option(names = "--after", paramLabel = "FROM..TO", required = true, description = "The range of interest, e.g."
      + " 2026-01-01..2026-03-31.")
  String after;

  @Option(names = "--before", paramLabel = "FROM..TO", description = "The range to compare it with (default: the"
      + " same days a year earlier).")
  String before;

  @Mixin SessionOptions session;
  @Mixin TrendsOptions trends;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    DateRange a = Arguments.parse(spec, "--after", () -> DateRange.parse(after));
    DateRange b = before == null ? a.yearBefore() : Arguments.parse(spec, "--before", () -> DateRange.parse(before));
    TrendReport r = trends.run(spec, session, trends.builder(spec).compare(b, a).build(), null);
    PrintWriter out = spec.commandLine().getOut();
    if (session.json) {
      ArrayNode items = Json.array();
      for (Comparison c : r.comparisons()) {
        ObjectNode n = items.addObject().put("category", c.category()).put("before", c.before())
            .put("after", c.after());
        TrendsRender.put(n, "ratio", c.ratio());
        TrendsRender.put(n, "low", c.low());
        TrendsRender.put(n, "high", c.high());
        n.put("p", c.p());
      }
      ObjectNode n = TrendsRender.json(r, items);
      n.put("beforeRange", b.toString()).put("afterRange", a.toString()).put("confidence", 1 - trends.alpha);
      Render.print(out, n);
      return 0;
    }
    out.printf(Locale.ROOT, "%s against %s (rate per day; %.0f%% exact interval)%n", a, b, 100 * (1 - trends.alpha));
    for (Comparison c : r.comparisons()) {
      out.printf(Locale.ROOT, "%-24s %7d -> %7d  ratio %7.2f [%.2f, %.2f]  p %.3g%n", c.category(), c.before(),
          c.after(), c.ratio(), c.low(), c.high(), c.p());
    }
    TrendsRender.footer(out, r);
    return 0;
  }
}
