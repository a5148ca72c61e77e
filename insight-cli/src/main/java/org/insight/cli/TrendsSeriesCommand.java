package org.insight.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.insight.trends.Series;
import org.insight.trends.SeriesPoint;
import org.insight.trends.TrendReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code insight trends series}: counts per category and period, with what each category's history expected. */
@Command(name = "series", mixinStandardHelpOptions = true,
    description = {"Counts per category and period, every period listed (0 when nothing happened), with the count"
        + " each category's own history expected (weekday and month-of-year effects)."})
final class TrendsSeriesCommand implements Callable<Integer> {
  @Mixin SessionOptions session;
  @Mixin TrendsOptions trends;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    TrendReport r = trends.run(spec, session, trends.builder(spec).build(), null);
    PrintWriter out = spec.commandLine().getOut();
    if (session.json) {
      ArrayNode items = Json.array();
      for (Series s : r.series()) {
        for (SeriesPoint p : s.points()) {
          items.addObject().put("category", p.category()).put("period", p.period().toString()).put("count", p.count())
              .put("expected", p.expected());
        }
      }
      Render.print(out, TrendsRender.json(r, items));
      return 0;
    }
    for (Series s : r.series()) {
      out.printf(Locale.ROOT, "%s: %d event(s) in %d period(s)%n", s.category(), s.total(), s.points().size());
      for (SeriesPoint p : s.points()) {
        out.printf(Locale.ROOT, "  %s %6d  expected %8.1f%n", p.period(), p.count(), p.expected());
      }
    }
    TrendsRender.footer(out, r);
    return 0;
  }
}
