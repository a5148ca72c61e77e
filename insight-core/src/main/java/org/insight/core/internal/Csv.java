package org.insight.core.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 cells of one line: quotes, doubled quotes, and the stray spaces real exports put before a quote. Small
 * files only (the CLI's batch files, the demo's samples); the ingest module's record mappings read real exports.
 * Not API.
 */
public final class Csv {
  private Csv() {}

  public static List<String> split(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"' && cell.toString().isBlank()) {
        cell.setLength(0);
        quoted = true;
      } else if (c == ',') {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    cells.add(cell.toString());
    return cells;
  }

  /** The column names of a header line: a byte-order mark dropped, each name trimmed. */
  public static List<String> header(String line) {
    List<String> names = new ArrayList<>();
    for (String h : split(line.replace("\uFEFF", ""))) {
      names.add(h.trim());
    }
    return names;
  }

  /** Cell {@code i} trimmed; empty when the row is shorter or {@code i} is negative (a missing column). */
  public static String cell(List<String> cells, int i) {
    return i >= 0 && i < cells.size() ? cells.get(i).trim() : "";
  }

  public static String quote(String s) {
    return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }
}
