package org.insight.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Every table of a product as CSV (RFC 4180, UTF-8), one file per table — the statements of a profile as one table of
 * property, value, original, grading, source and label — each starting with a comment-free header row; the banner is
 * written beside them as {@code banner.txt}, since a CSV has no place for it.
 */
public final class ProductCsv {
  private ProductCsv() {}

  /** Writes the files into {@code dir} (created if needed) and returns them, banner first. */
  public static List<Path> write(Product product, Path dir) {
    List<Path> files = new ArrayList<>();
    try {
      Files.createDirectories(dir);
      files.add(Files.writeString(dir.resolve("banner.txt"), product.banner().text() + "\n", StandardCharsets.UTF_8));
      int n = 0;
      for (Section s : product.sections()) {
        n++;
        if (s instanceof Section.Table t) {
          files.add(table(dir.resolve(name(n, t.title())), withSources(t)));
        } else if (s instanceof Section.Statements st) {
          List<Row> rows = new ArrayList<>();
          for (Section.PropertyGroup g : st.groups()) {
            for (Claim c : g.claims()) {
              rows.add(new Row(c.statementId(), List.of(c.statementId(), g.property(), c.value(), c.original(),
                  c.source().grading().toString(), c.source().text(), c.label().toString()), List.of()));
            }
          }
          files.add(table(dir.resolve(name(n, st.title())), new Section.Table(st.title(), List.of("statement",
              "property", "value", "original", "grading", "source", "label"), rows)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the product's tables to " + dir, e);
    }
    return files;
  }

  private static Section.Table withSources(Section.Table t) {
    if (t.rows().stream().allMatch(r -> r.sources().isEmpty())) {
      return t;
    }
    List<String> columns = new ArrayList<>(t.columns());
    columns.add("source");
    List<Row> rows = new ArrayList<>();
    for (Row r : t.rows()) {
      List<String> cells = new ArrayList<>(r.cells());
      cells.add(r.sources().stream().map(Source::text).collect(Collectors.joining("; ")));
      rows.add(new Row(r.item(), cells, r.sources()));
    }
    return new Section.Table(t.title(), columns, rows);
  }

  static String name(int n, String title) {
    String slug = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    return String.format(Locale.ROOT, "%02d-%s.csv", n, slug.isEmpty() ? "table" : slug);
  }

  private static Path table(Path file, Section.Table t) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      line(w, t.columns());
      for (Row r : t.rows()) {
        line(w, r.cells());
      }
    }
    return file;
  }

  private static void line(Writer w, List<String> cells) throws IOException {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        w.write(',');
      }
      w.write(cell(cells.get(i)));
    }
    w.write("\r\n");
  }

  /** Quoted when needed; a leading =, +, - or @ is prefixed with ' so a spreadsheet does not run it as a formula. */
  static String cell(String v) {
    String s = !v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 ? "'" + v : v;
    return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")
        ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }
}
