package org.insight.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.insight.core.Document;
import org.insight.core.Entity;
import org.insight.core.Statement;
import org.insight.core.json.ModelJson;

/** How entities and documents look on a terminal and as JSON. */
final class Render {
  /**
   * The version of every JSON output ({@code "format"}), described by the schemas in {@code docs/json}: raise it when
   * a field is removed, renamed or changes meaning (adding a field does not change it).
   */
  static final int JSON_FORMAT = 1;

  private Render() {}

  /** An object that starts with the {@code "format"} of the output. */
  static ObjectNode versioned() {
    return Json.object().put("format", JSON_FORMAT);
  }

  static ObjectNode json(Entity e) {
    ObjectNode n = Json.object();
    n.put("id", e.id().value());
    n.put("schema", e.schema());
    n.put("caption", e.caption());
    ObjectNode props = n.putObject("properties");
    e.properties().forEach((k, v) -> {
      ArrayNode a = props.putArray(k);
      v.forEach(a::add);
    });
    ArrayNode st = n.putArray("statements");
    e.statements().forEach(s -> st.add(ModelJson.statement(s)));
    return n;
  }

  static ObjectNode json(Document d) {
    return ModelJson.document(d);
  }

  /** Prints {@code node} as one JSON output: its fields after the {@code "format"}. */
  static void print(PrintWriter out, ObjectNode node) {
    ObjectNode versioned = versioned();
    node.properties().forEach(f -> {
      if (!f.getKey().equals("format")) {
        versioned.set(f.getKey(), f.getValue());
      }
    });
    out.println(ModelJson.write(versioned));
  }

  /** Prints a list as one JSON output: {@code {"format":1,"items":[…]}}. */
  static void print(PrintWriter out, ArrayNode items) {
    ObjectNode n = versioned();
    n.set("items", items);
    out.println(ModelJson.write(n));
  }

  /** An entity as a table: one row per statement with its label and source. */
  static void entity(PrintWriter out, Entity e) {
    out.printf(Locale.ROOT, "%s  %s  (%s)%n", e.id(), e.caption(), e.schema());
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"property", "value", "label", "source"});
    for (Statement s : e.statements()) {
      rows.add(new String[] {s.property(), s.value(), s.label().expression().toString(),
          s.provenance().dataset() + " " + s.provenance().grading()});
    }
    table(out, rows);
  }

  static void document(PrintWriter out, Document d) {
    out.printf(Locale.ROOT, "%s  %s%n  label: %s%n  source: %s %s, sha256 %s%n", d.id(), d.title(), d.label(),
        d.provenance().dataset(), d.provenance().grading(), d.contentHash().hex());
    out.println();
    out.println(d.text().length() > 2000 ? d.text().substring(0, 2000) + "…" : d.text());
  }

  /** Left-aligned columns, cells cut at 60 characters. */
  static void table(PrintWriter out, List<String[]> rows) {
    int cols = rows.get(0).length;
    int[] width = new int[cols];
    for (String[] r : rows) {
      for (int i = 0; i < cols; i++) {
        width[i] = Math.max(width[i], cut(r[i]).length());
      }
    }
    for (String[] r : rows) {
      StringBuilder line = new StringBuilder("  ");
      for (int i = 0; i < cols; i++) {
        String c = cut(r[i]);
        line.append(c);
        if (i < cols - 1) {
          line.append(" ".repeat(width[i] - c.length() + 2));
        }
      }
      out.println(line.toString().stripTrailing());
    }
  }

  private static String cut(String s) {
    String one = s.replace('\n', ' ');
    return one.length() <= 60 ? one : one.substring(0, 59) + "…";
  }
}
