package org.insight.report.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.insight.geo.GeoMap;
import org.insight.report.Claim;
import org.insight.report.Product;
import org.insight.report.ReportException;
import org.insight.report.Row;
import org.insight.report.Section;
import org.insight.report.Source;
import org.insight.trends.Series;

/**
 * A product as one self-contained HTML page: inline CSS, inline SVG figures, and — when it has a network — the
 * inlined Cytoscape.js and a small script of our own, both allowed by their hashes in a Content-Security-Policy that
 * forbids every other source, so the page makes no request of any kind. Every value is escaped for where it goes.
 */
public final class HtmlRenderer {
  static final String CYTOSCAPE = "/org/insight/report/js/cytoscape/cytoscape.min.js";
  private static final String SCRIPT = "/org/insight/report/internal/network.js";
  private static final String STYLE = "body{font-family:system-ui,sans-serif;margin:0;color:#222;font-size:14px}"
      + "main{margin:12px 24px}.banner{background:#fff3cd;border:2px solid #b8860b;padding:6px 12px;font:bold 12px"
      + " monospace;white-space:pre-wrap;word-break:break-all}h1{font-size:20px}h2{font-size:17px;border-bottom:1px solid"
      + " #ccc;margin-top:28px}h3{font-size:14px;margin:14px 0 4px}nav a{margin-right:10px}"
      + "table{border-collapse:collapse;margin:6px 0;font-size:12px}th,td{border:1px solid #ddd;padding:3px 6px;"
      + "text-align:left;vertical-align:top;max-width:520px;overflow-wrap:anywhere}th{background:#f2f2f2}"
      + ".src,.lbl,.claims td:nth-child(4),.claims td:nth-child(5){color:#666;font-size:11px}.net{width:800px;height:800px;border:1px solid #ccc;position:relative}"
      + ".evidence{background:#f7f7f7;border:1px solid #ddd;padding:6px;max-width:788px;white-space:pre-wrap;"
      + "font-size:12px}.legend,.note{color:#555;font-size:12px}.maps{display:flex;gap:12px;align-items:flex-start}"
      + ".map svg{width:100%;height:auto}.map{flex:0 1 760px}.overview{flex:0 0 340px}"
      + ".overview svg{width:340px;height:auto}"
      + ".charts{display:flex;flex-wrap:wrap;gap:12px}.chart h3{margin:4px 0}"
      + "@media print{.banner{position:fixed;left:0;right:0}#banner-top{top:0}#banner-bottom{bottom:0}"
      + "main{margin:48px 0}nav{display:none}.net{page-break-inside:avoid}}";

  private HtmlRenderer() {}

  public static String render(Product p) {
    StringBuilder body = new StringBuilder(1 << 16);
    String banner = Html.text(p.banner().text());
    body.append("<div class=\"banner\" id=\"banner-top\" role=\"banner\">").append(banner).append("</div>\n<main>\n")
        .append("<h1>").append(Html.text(p.title())).append("</h1>\n<p class=\"note\">")
        .append(p.kind().name().toLowerCase(java.util.Locale.ROOT)).append(" made for ")
        .append(Html.text(p.banner().principal())).append(" (").append(Html.text(p.banner().purpose())).append(") at ")
        .append(p.banner().time()).append("; audit entry ").append(Html.text(p.banner().auditId())).append("</p>\n<nav>");
    for (int i = 0; i < p.sections().size(); i++) {
      body.append("<a href=\"#s").append(i + 1).append("\">").append(Html.text(p.sections().get(i).title()))
          .append("</a>");
    }
    body.append("</nav>\n");
    boolean network = false;
    for (int i = 0; i < p.sections().size(); i++) {
      Section s = p.sections().get(i);
      body.append("<section id=\"s").append(i + 1).append("\" class=\"").append(kind(s)).append("\"><h2>")
          .append(Html.text(s.title())).append("</h2>\n");
      // (Java 17: no pattern matching for switch)
      if (s instanceof Section.Table t) {
        table(body, t, "t" + (i + 1));
      } else if (s instanceof Section.Statements st) {
        statements(body, st);
      } else if (s instanceof Section.NetworkFigure n) {
        NetworkChart.write(body, n, i + 1, linked(p, i + 1, "Nodes", n.network().nodes().size()),
            linked(p, i + 2, "Edges", n.network().edges().size()));
        network = true;
      } else if (s instanceof Section.MapFigure m) {
        map(body, m);
      } else if (s instanceof Section.SeriesFigure f) {
        series(body, f);
      } else if (s instanceof Section.Note n) {
        body.append("<p class=\"note\">").append(Html.text(n.text())).append("</p>\n");
      }
      body.append("</section>\n");
    }
    body.append("</main>\n<div class=\"banner\" id=\"banner-bottom\" role=\"contentinfo\">").append(banner)
        .append("</div>\n");
    List<String> scripts = new ArrayList<>();
    if (network) {
      scripts.add(resource(CYTOSCAPE));
      scripts.add(resource(SCRIPT));
    }
    StringBuilder csp = new StringBuilder("default-src 'none'; style-src 'unsafe-inline'; img-src data:;"
        + " base-uri 'none'; form-action 'none'");
    if (!scripts.isEmpty()) {
      csp.append("; script-src");
      scripts.forEach(js -> csp.append(" 'sha256-").append(sha256(js)).append('\''));
    }
    StringBuilder page = new StringBuilder(body.length() + scripts.stream().mapToInt(String::length).sum() + 4096);
    page.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(csp).append("\">\n")
        .append("<meta name=\"referrer\" content=\"no-referrer\">\n<title>").append(Html.text(p.title()))
        .append("</title>\n<style>").append(STYLE).append("</style>\n</head>\n<body>\n").append(body);
    for (String js : scripts) {
      page.append("<script>").append(js).append("</script>\n");
    }
    return page.append("</body></html>\n").toString();
  }

  private static String kind(Section s) {
    return s.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
  }

  /** The element id of the table at {@code index} if it is the figure's {@code title} table with {@code rows} rows. */
  private static String linked(Product p, int index, String title, int rows) {
    return index < p.sections().size() && p.sections().get(index) instanceof Section.Table t && t.title().equals(title)
        && t.rows().size() == rows && rows > 0 ? "t" + (index + 1) : null;
  }

  private static void table(StringBuilder b, Section.Table t, String id) {
    if (t.rows().isEmpty()) {
      b.append("<p class=\"note\">None.</p>\n");
      return;
    }
    boolean sources = t.rows().stream().anyMatch(r -> !r.sources().isEmpty());
    b.append("<table class=\"data\" id=\"").append(id).append("\"><thead><tr>");
    t.columns().forEach(c -> b.append("<th>").append(Html.text(c)));
    if (sources) {
      b.append("<th>source");
    }
    b.append("</tr></thead><tbody>\n");
    for (Row r : t.rows()) {
      b.append("<tr>");
      r.cells().forEach(c -> b.append("<td>").append(Html.text(c)));
      if (sources) {
        b.append("<td class=\"src\">");
        for (int i = 0; i < r.sources().size(); i++) {
          b.append(i == 0 ? "" : "<br>").append(Html.text(r.sources().get(i).text()));
        }
      }
      b.append("</tr>\n");
    }
    b.append("</tbody></table>\n");
  }

  private static void statements(StringBuilder b, Section.Statements st) {
    b.append("<p class=\"note\">").append(st.size()).append(" statement(s) in ").append(st.groups().size())
        .append(" propert").append(st.groups().size() == 1 ? "y" : "ies").append("; each with its source, grading"
            + " (reliability A–X, assessment 1–4) and label.</p>\n");
    for (Section.PropertyGroup g : st.groups()) {
      b.append("<h3>").append(Html.text(g.property())).append(" (").append(g.claims().size()).append(")</h3>\n")
          .append("<table class=\"claims\"><thead><tr><th>value<th>as given<th>grading<th>source<th>label</tr>"
              + "</thead><tbody>\n");
      for (Claim c : g.claims()) {
        Source s = c.source();
        b.append("<tr><td>").append(Html.text(c.value())).append("<td>")
            .append(c.original().equals(c.value()) ? "" : Html.text(c.original())).append("<td>")
            .append(s.grading()).append("<td>").append(Html.text(s.dataset()
                + (s.recordId().isEmpty() ? "" : "/" + s.recordId()) + " · " + s.method()))
            .append("<td>").append(Html.text(c.label().toString())).append("</tr>\n");
      }
      b.append("</tbody></table>\n");
    }
  }

  private static void map(StringBuilder b, Section.MapFigure m) {
    long hot = m.cells().stream().filter(org.insight.geo.HotspotCell::hot).count();
    b.append("<p class=\"legend\">").append(m.points().size()).append(" point(s), ").append(hot)
        .append(" hotspot cell(s) (Getis–Ord Gi*, Benjamini–Hochberg). Hover a point for its record. Outlines: Natural"
            + " Earth; places: GeoNames (CC BY 4.0).</p>\n<div class=\"maps\"><div class=\"map\">")
        .append(svg(GeoMap.svg(m.points(), m.cells()))).append("</div>\n");
    if (!m.points().isEmpty()) {
      // where the points are, with the country outlines around them
      b.append("<div class=\"map overview\">").append(svg(GeoMap.svg(m.points(), List.of(), 12))).append("</div>");
    }
    b.append("</div>\n");
  }

  /** The namespace is implied in HTML: left out, so the page holds no address at all. */
  private static String svg(String svg) {
    return svg.replace(" xmlns=\"http://www.w3.org/2000/svg\"", "");
  }

  private static void series(StringBuilder b, Section.SeriesFigure f) {
    b.append("<p class=\"legend\">Counts (dark line), what each category's history expected (dashed) within two"
        + " standard deviations (band), alarms (red dots) and the change they signal, from the period it started (shaded)."
        + "</p>\n<div class=\"charts\">\n");
    for (Series s : f.series()) {
      b.append("<div class=\"chart\"><h3>").append(Html.text(s.category())).append(" (").append(s.total())
          .append(")</h3>\n");
      Charts.series(b, s, f.alarms());
      b.append("</div>\n");
    }
    b.append("</div>\n");
  }

  static String resource(String path) {
    try (InputStream in = HtmlRenderer.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new ReportException("the report module's resource " + path + " is missing; rebuild insight-report"
            + " (its build fetches Cytoscape.js with the npm client)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String sha256(String text) {
    try {
      return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is in every JDK", e);
    }
  }
}
