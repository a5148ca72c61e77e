package org.insight.core.ftm;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads FtM statement CSV (one row per value: {@code entity_id, schema, prop, value}, plus FtM's other columns, which
 * are not read) into the entity objects {@link FtmReader} reads from JSON, one per run of rows of the same entity and
 * schema, with the line the run starts on. RFC 4180: quoted cells with doubled quotes and line breaks, CRLF or LF.
 */
final class FtmStatementCsv {
  private static final List<String> REQUIRED = List.of("entity_id", "schema", "prop", "value");

  interface Sink {
    void entity(ObjectNode node, long line);
  }

  interface Problems {
    void bad(long line, String message);
  }

  private FtmStatementCsv() {}

  static boolean isHeader(String line) {
    List<String> cells = new ArrayList<>();
    for (String c : line.replace("\uFEFF", "").trim().split(",")) {
      cells.add(c.trim().replace("\"", "").toLowerCase(Locale.ROOT));
    }
    return cells.containsAll(REQUIRED);
  }

  static void read(InputStream in, String source, Sink sink, Problems problems) throws IOException {
    Rows rows = new Rows(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
    List<String> header = rows.next();
    Map<String, Integer> col = new LinkedHashMap<>();
    for (int i = 0; i < header.size(); i++) {
      col.putIfAbsent(header.get(i).replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT), i);
    }
    String entity = null;
    long start = 0;
    Map<String, ObjectNode> bySchema = new LinkedHashMap<>();
    for (List<String> row = rows.next(); row != null; row = rows.next()) {
      long line = rows.rowLine;
      if (row.size() == 1 && row.get(0).isBlank()) {
        continue;
      }
      if (row.size() != header.size()) {
        problems.bad(line, "the row has " + row.size() + " cells, the header " + header.size() + "; row left out");
        continue;
      }
      String id = row.get(col.get("entity_id")).trim();
      String schema = row.get(col.get("schema")).trim();
      String prop = row.get(col.get("prop")).trim();
      if (id.isEmpty()) {
        problems.bad(line, "the statement has no entity_id; row left out");
        continue;
      }
      if (!id.equals(entity)) {
        flush(bySchema, start, sink);
        entity = id;
        start = line;
      }
      if (prop.equals("id")) {
        continue; // FtM's row that says the entity exists: it has no value of its own
      }
      ObjectNode node = bySchema.computeIfAbsent(schema, k -> {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("id", id);
        n.put("schema", schema);
        n.putObject("properties");
        return n;
      });
      ObjectNode props = (ObjectNode) node.get("properties");
      (props.has(prop) ? (com.fasterxml.jackson.databind.node.ArrayNode) props.get(prop) : props.putArray(prop))
          .add(row.get(col.get("value")));
    }
    flush(bySchema, start, sink);
  }

  private static void flush(Map<String, ObjectNode> bySchema, long line, Sink sink) {
    bySchema.values().forEach(n -> sink.entity(n, line));
    bySchema.clear();
  }

  /** RFC 4180 rows, each with the line it starts on. */
  private static final class Rows {
    private final BufferedReader in;
    private long lineNo = 1;
    long rowLine;

    Rows(BufferedReader in) {
      this.in = in;
    }

    List<String> next() throws IOException {
      int c = in.read();
      if (c == -1) {
        return null;
      }
      rowLine = lineNo;
      List<String> cells = new ArrayList<>();
      StringBuilder cell = new StringBuilder();
      boolean quoted = false;
      while (true) {
        if (c == -1) {
          cells.add(cell.toString());
          return cells;
        }
        if (quoted) {
          if (c == '"') {
            in.mark(1);
            int d = in.read();
            if (d == '"') {
              cell.append('"');
            } else {
              quoted = false;
              if (d != -1) {
                in.reset();
              }
            }
          } else {
            if (c == '\n') {
              lineNo++;
            }
            cell.append((char) c);
          }
        } else if (c == '"' && cell.length() == 0) {
          quoted = true;
        } else if (c == ',') {
          cells.add(cell.toString());
          cell.setLength(0);
        } else if (c == '\n' || c == '\r') {
          if (c == '\r') {
            in.mark(1);
            if (in.read() != '\n') {
              in.reset();
            }
          }
          lineNo++;
          cells.add(cell.toString());
          return cells;
        } else {
          cell.append((char) c);
        }
        c = in.read();
      }
    }
  }
}
