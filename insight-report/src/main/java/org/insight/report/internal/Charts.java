package org.insight.report.internal;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.insight.trends.Alarm;
import org.insight.trends.Series;
import org.insight.trends.SeriesPoint;

/**
 * A series as an inline SVG chart: the counts as a line, what the history expected as a dashed line inside a band of
 * two Poisson standard deviations, the periods of alarms as red dots and their change (from the period it started)
 * shaded. No script.
 */
final class Charts {
  private static final int W = 640;
  private static final int H = 160;
  private static final int LEFT = 44;
  private static final int RIGHT = 10;
  private static final int TOP = 10;
  private static final int BOTTOM = 22;

  private Charts() {}

  static void series(StringBuilder b, Series s, List<Alarm> alarms) {
    List<SeriesPoint> points = s.points();
    Set<LocalDate> alarmed = new HashSet<>();
    alarms.stream().filter(a -> a.category().equals(s.category())).forEach(a -> alarmed.add(a.period()));
    double max = 1;
    for (SeriesPoint p : points) {
      max = Math.max(max, Math.max(p.count(), upper(p.expected())));
    }
    int n = Math.max(1, points.size() - 1);
    double plotW = W - LEFT - RIGHT;
    double plotH = H - TOP - BOTTOM;
    b.append("<svg class=\"series\" width=\"").append(W).append("\" height=\"").append(H).append("\" viewBox=\"0 0 ")
        .append(W).append(' ').append(H).append("\" role=\"img\"><title>").append(Html.text(s.category()))
        .append("</title>\n<rect x=\"").append(LEFT).append("\" y=\"").append(TOP).append("\" width=\"")
        .append((int) plotW).append("\" height=\"").append((int) plotH).append("\" fill=\"#fafafa\" stroke=\"#ccc\"/>\n");
    if (!points.isEmpty()) {
      // an alarm's change, from the period it started to the one that raised it, shaded behind the lines
      for (Alarm a : alarms) {
        int from = index(points, a.start());
        int to = index(points, a.period());
        if (a.category().equals(s.category()) && from >= 0 && to >= from) {
          double x0 = LEFT + plotW * Math.max(0, from - 0.5) / n;
          double x1 = LEFT + plotW * Math.min(n, to + 0.5) / n;
          b.append("<rect class=\"change\" x=\"").append(num(x0)).append("\" y=\"").append(TOP).append("\" width=\"")
              .append(num(Math.max(1, x1 - x0))).append("\" height=\"").append((int) plotH)
              .append("\" fill=\"#fcbba1\" fill-opacity=\"0.5\"><title>").append(Html.text("change from " + a.start()
                  + ", alarm " + a.period())).append("</title></rect>\n");
        }
      }
      StringBuilder band = new StringBuilder();
      for (int i = 0; i < points.size(); i++) {
        band.append(i == 0 ? "" : " ").append(xy(LEFT + plotW * i / n, y(upper(points.get(i).expected()), max, plotH)));
      }
      for (int i = points.size() - 1; i >= 0; i--) {
        band.append(' ').append(xy(LEFT + plotW * i / n, y(lower(points.get(i).expected()), max, plotH)));
      }
      b.append("<polygon class=\"band\" points=\"").append(band).append("\" fill=\"#c6dbef\" fill-opacity=\"0.7\"/>\n");
      b.append("<polyline class=\"expected\" fill=\"none\" stroke=\"#6baed6\" stroke-dasharray=\"4 3\" points=\"");
      for (int i = 0; i < points.size(); i++) {
        b.append(i == 0 ? "" : " ").append(xy(LEFT + plotW * i / n, y(points.get(i).expected(), max, plotH)));
      }
      b.append("\"/>\n<polyline class=\"count\" fill=\"none\" stroke=\"#08306b\" stroke-width=\"1.5\" points=\"");
      for (int i = 0; i < points.size(); i++) {
        b.append(i == 0 ? "" : " ").append(xy(LEFT + plotW * i / n, y(points.get(i).count(), max, plotH)));
      }
      b.append("\"/>\n");
      for (int i = 0; i < points.size(); i++) {
        SeriesPoint p = points.get(i);
        if (alarmed.contains(p.period())) {
          b.append("<circle class=\"alarm\" cx=\"").append(num(LEFT + plotW * i / n)).append("\" cy=\"")
              .append(num(y(p.count(), max, plotH))).append("\" r=\"4.5\" fill=\"#d62728\"><title>")
              .append(Html.text(p.period() + ": " + p.count() + " observed, "
                  + String.format(Locale.ROOT, "%.1f", p.expected()) + " expected")).append("</title></circle>\n");
        }
      }
      b.append("<text x=\"").append(LEFT).append("\" y=\"").append(H - 6).append("\" font-size=\"10\">")
          .append(points.get(0).period()).append("</text><text x=\"").append(W - RIGHT).append("\" y=\"")
          .append(H - 6).append("\" font-size=\"10\" text-anchor=\"end\">").append(points.get(points.size() - 1).period())
          .append("</text>");
    }
    b.append("<text x=\"").append(LEFT - 4).append("\" y=\"").append(TOP + 9).append("\" font-size=\"10\" text-anchor=\"end\">")
        .append(String.format(Locale.ROOT, "%.0f", max)).append("</text><text x=\"").append(LEFT - 4).append("\" y=\"")
        .append(H - BOTTOM).append("\" font-size=\"10\" text-anchor=\"end\">0</text>\n</svg>\n");
  }

  private static int index(List<SeriesPoint> points, LocalDate period) {
    for (int i = 0; i < points.size(); i++) {
      if (points.get(i).period().equals(period)) {
        return i;
      }
    }
    return -1;
  }

  private static double upper(double expected) {
    return expected + 2 * Math.sqrt(Math.max(0, expected));
  }

  private static double lower(double expected) {
    return Math.max(0, expected - 2 * Math.sqrt(Math.max(0, expected)));
  }

  private static double y(double v, double max, double plotH) {
    return TOP + plotH - plotH * Math.min(v, max) / max;
  }

  private static String xy(double x, double y) {
    return num(x) + "," + num(y);
  }

  static String num(double d) {
    return String.format(Locale.ROOT, "%.1f", d);
  }
}
