package org.insight.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.insight.report.HtmlProduct;
import org.insight.report.Product;
import org.insight.report.ProductCsv;
import org.insight.report.ProductFigures;
import org.insight.report.ProductPdf;
import picocli.CommandLine.Option;

/** Where a product goes: the HTML file, and beside it a PDF, the tables as CSV and the figures as GraphML/GeoJSON. */
final class ReportOutputOptions {
  @Option(names = "--out", paramLabel = "FILE.html", required = true, description = "The HTML file to write.")
  Path out;

  @Option(names = "--pdf", description = "Also print it to FILE.pdf with headless Chromium.")
  boolean pdf;

  @Option(names = "--csv", paramLabel = "DIR", description = "Also write every table as CSV into DIR.")
  Path csv;

  @Option(names = "--figures", paramLabel = "DIR", description = "Also write every figure as GraphML or GeoJSON into"
      + " DIR.")
  Path figures;

  /** Writes what was asked for and reports it (0). */
  int write(Product p, boolean json, PrintWriter printer) {
    Path html = HtmlProduct.write(p, out);
    Path printed = null;
    if (pdf) {
      String name = out.getFileName().toString().replaceFirst("\\.html?$", "");
      printed = ProductPdf.print(html, out.toAbsolutePath().resolveSibling(name + ".pdf"));
    }
    List<Path> tables = csv == null ? List.of() : ProductCsv.write(p, csv);
    List<Path> drawn = figures == null ? List.of() : ProductFigures.write(p, figures);
    if (json) {
      ObjectNode n = Render.versioned();
      n.put("kind", p.kind().name().toLowerCase(Locale.ROOT));
      n.put("title", p.title());
      n.put("label", p.banner().labelText());
      n.put("auditId", p.banner().auditId());
      n.put("html", html.toString());
      if (printed != null) {
        n.put("pdf", printed.toString());
      }
      ArrayNode files = n.putArray("files");
      List<Path> all = new ArrayList<>(tables);
      all.addAll(drawn);
      all.forEach(f -> files.add(f.toString()));
      n.put("sections", p.sections().size());
      Render.print(printer, n);
    } else {
      printer.printf(Locale.ROOT, "%s: %s%n  %s%n", p.kind().name().toLowerCase(Locale.ROOT), html,
          p.banner().text());
      if (printed != null) {
        printer.printf(Locale.ROOT, "  pdf: %s%n", printed);
      }
      tables.forEach(f -> printer.printf(Locale.ROOT, "  table: %s%n", f));
      drawn.forEach(f -> printer.printf(Locale.ROOT, "  figure: %s%n", f));
    }
    return 0;
  }
}
