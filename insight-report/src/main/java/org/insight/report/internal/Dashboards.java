package org.insight.report.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.insight.report.ProductKind;
import org.insight.report.Row;
import org.insight.report.Section;
import org.insight.trends.Alarm;
import org.insight.trends.Comparison;
import org.insight.trends.NewCooccurrence;
import org.insight.trends.Series;
import org.insight.trends.TrendReport;

/** The trends dashboard: series with their expected band and alarms, then alarms, comparisons and co-occurrences. */
public final class Dashboards {
  private Dashboards() {}

  public static Collected of(TrendReport report) {
    Collected c = new Collected("Trends (" + report.granularity().name().toLowerCase(Locale.ROOT) + ")",
        ProductKind.TRENDS);
    c.label(report.label());
    report.series().forEach(s -> c.item("series:" + s.category()));
    c.add(new Section.SeriesFigure("Series", report.series(), report.alarms()));
    List<Row> alarms = new ArrayList<>();
    for (Alarm a : report.alarms()) {
      alarms.add(new Row("alarm:" + a.category() + ":" + a.period(), List.of(a.category(), a.start().toString(),
          a.period().toString(), Long.toString(a.observed()), number(a.expected()), number(a.z()), pValue(a.p())),
          List.of()));
    }
    c.add(new Section.Table("Alarms", List.of("category", "start", "period", "observed", "expected", "z", "p"),
        alarms));
    List<Row> comparisons = new ArrayList<>();
    for (Comparison x : report.comparisons()) {
      comparisons.add(new Row("comparison:" + x.category(), List.of(x.category(), Long.toString(x.before()),
          Long.toString(x.after()), number(x.ratio()), number(x.low()) + " – " + number(x.high()), pValue(x.p())),
          List.of()));
    }
    c.add(new Section.Table("Comparisons", List.of("category", "before", "after", "ratio", "interval", "p"),
        comparisons));
    List<Row> news = new ArrayList<>();
    for (NewCooccurrence n : report.newCooccurrences()) {
      news.add(new Row("new:" + n.value() + "@" + n.context(), List.of(n.value(), n.context(), n.firstSeen().toString(),
          Integer.toString(n.knownContexts())), List.of()));
    }
    c.add(new Section.Table("New co-occurrences", List.of("value", "context", "first seen", "known contexts"), news));
    if (!report.notes().isEmpty()) {
      c.add(new Section.Note("Notes", String.join("\n", report.notes())));
    }
    return c;
  }

  static String number(double d) {
    return Double.isInfinite(d) || Double.isNaN(d) ? Double.toString(d) : String.format(Locale.ROOT, "%.2f", d);
  }

  static String pValue(double p) {
    return String.format(Locale.ROOT, "%.3g", p);
  }
}
