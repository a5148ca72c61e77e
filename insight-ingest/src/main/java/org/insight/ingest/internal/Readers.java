package org.insight.ingest.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.insight.Messages;
import org.insight.ingest.RecordFileException;
import org.insight.ingest.RecordMapping;
import org.insight.ingest.RecordMapping.EntitySpec;
import org.insight.ingest.ValueSource;

/**
 * The streaming loops over each format: they hand every record (a view, its line and its record id) to a sink,
 * and every unreadable record to the problem sink; a failure that stops reading is returned as the last problem.
 * Not API.
 */
public final class Readers {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Readers() {}

  /** Receives records and problems. */
  public interface Sink {
    void record(RecordView view, long line, String recordId);

    /** A record that could not be read at all; {@code fatal} when reading stops here. */
    void problem(long line, String reason, boolean fatal);
  }

  /** A decoder that reports bytes invalid in the charset (a byte-order mark, if any, chooses the charset). */
  static Reader reader(InputStream raw, Charset charset) throws IOException {
    PushbackInputStream in = new PushbackInputStream(raw, 3);
    byte[] head = new byte[3];
    int n = in.readNBytes(head, 0, 3);
    Charset cs = charset;
    int skip = 0;
    if (n >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
      cs = StandardCharsets.UTF_8;
      skip = 3;
    } else if (n >= 2 && (head[0] & 0xff) == 0xFE && (head[1] & 0xff) == 0xFF) {
      cs = StandardCharsets.UTF_16BE;
      skip = 2;
    } else if (n >= 2 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xFE) {
      cs = StandardCharsets.UTF_16LE;
      skip = 2;
    }
    if (n > skip) {
      in.unread(head, skip, n - skip);
    }
    return new BufferedReader(new InputStreamReader(in, cs.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
  }

  static String encodingHint(Charset cs) {
    return "the file is not valid " + cs.name() + " text here; give its encoding (mapping \"encoding\": "
        + "\"windows-1252\", or --encoding)";
  }

  // ------------------------------------------------------------------------------------------------- CSV

  public static void csv(InputStream raw, String file, RecordMapping mapping, char delimiter, Charset charset,
      Sink sink) throws IOException {
    Reader reader = reader(raw, charset);
    CsvParser parser = new CsvParser(reader, delimiter);
    Map<String, Integer> columns = null;
    try {
      CsvParser.Row row;
      while (true) {
        try {
          row = parser.next();
        } catch (CsvParser.CsvException e) {
          sink.problem(e.line(), e.getMessage(), true);
          return;
        }
        if (row == null) {
          if (columns == null && mapping.header()) {
            throw new RecordFileException(file + " is empty: it has no header row; give a CSV export with a"
                + " header, or set \"header\": false and \"columns\" in the mapping");
          }
          return;
        }
        if (row.blank()) {
          continue;
        }
        if (columns == null) {
          if (mapping.header()) {
            columns = header(row.cells(), file, mapping);
            continue;
          }
          columns = new HashMap<>();
          for (int i = 0; i < Math.max(row.cells().size(), mapping.columns().size()); i++) {
            columns.put(i < mapping.columns().size() ? mapping.columns().get(i) : Integer.toString(i + 1), i);
          }
          checkColumns(columns.keySet(), columns.keySet(), file, mapping, "columns");
        }
        int width = mapping.header() ? columnsWidth(columns) : Integer.MAX_VALUE;
        List<String> cells = row.cells();
        if (cells.size() > width && cells.subList(width, cells.size()).stream().anyMatch(s -> !s.isBlank())) {
          sink.problem(row.line(), "the row has " + cells.size() + " cells but the header has " + width
              + " columns: a delimiter inside an unquoted value shifts the cells; quote that value", false);
          continue;
        }
        sink.record(new CsvView(columns, cells), row.line(), file + ":" + row.line());
      }
    } catch (CharacterCodingException e) {
      sink.problem(parser.line(), encodingHint(charset), true);
    }
  }

  private static int columnsWidth(Map<String, Integer> columns) {
    return columns.values().stream().mapToInt(i -> i + 1).max().orElse(0);
  }

  // header names as written, and trimmed/case-folded forms, so "Caller " or "CALLER" match a mapping's "caller"
  private static Map<String, Integer> header(List<String> cells, String file, RecordMapping mapping) {
    Map<String, Integer> exact = new HashMap<>();
    Map<String, Integer> folded = new HashMap<>();
    for (int i = 0; i < cells.size(); i++) {
      String name = cells.get(i).strip();
      if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
        name = name.substring(1, name.length() - 1).strip();
      }
      exact.putIfAbsent(name, i);
      folded.putIfAbsent(name.toLowerCase(Locale.ROOT), i);
    }
    Map<String, Integer> columns = new HashMap<>(exact);
    for (String f : fields(mapping)) {
      if (!columns.containsKey(f) && folded.containsKey(f.strip().toLowerCase(Locale.ROOT))) {
        columns.put(f, folded.get(f.strip().toLowerCase(Locale.ROOT)));
      }
    }
    checkColumns(columns.keySet(), exact.keySet(), file, mapping, "header");
    return columns;
  }

  private static void checkColumns(Set<String> have, Set<String> shown, String file, RecordMapping mapping,
      String what) {
    List<String> missing = new ArrayList<>();
    for (List<String> group : requiredColumns(mapping)) {
      if (group.stream().noneMatch(have::contains)) {
        String f = group.get(0);
        missing.add((group.size() > 1 ? "one of " + group : "'" + f + "'") + " (" + Messages.available(f, shown)
            + ")");
      }
    }
    if (!missing.isEmpty()) {
      throw new RecordFileException(file + ": the mapping '" + mapping.name() + "' reads column"
          + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing) + " which the " + what
          + " does not have; use a mapping made for this export, or fix the column names in the mapping");
    }
  }

  /** The columns a CSV file must have: each group is satisfied by any one of its names. */
  static List<List<String>> requiredColumns(RecordMapping mapping) {
    List<List<String>> out = new ArrayList<>();
    List<EntitySpec> specs = new ArrayList<>(mapping.entities().values());
    specs.addAll(mapping.links().values());
    for (EntitySpec s : specs) {
      for (List<ValueSource> vs : s.properties().values()) {
        for (ValueSource v : vs) {
          if (v.optional() || v.fields().isEmpty()) {
            continue;
          }
          if (v.firstOf()) {
            if (!out.contains(v.fields())) {
              out.add(v.fields());
            }
          } else {
            v.fields().stream().map(List::of).filter(g -> !out.contains(g)).forEach(out::add);
          }
        }
      }
    }
    return out;
  }

  /** Every source field a mapping reads. */
  static Set<String> fields(RecordMapping mapping) {
    Set<String> out = new LinkedHashSet<>();
    List<EntitySpec> specs = new ArrayList<>(mapping.entities().values());
    specs.addAll(mapping.links().values());
    for (EntitySpec s : specs) {
      out.addAll(s.keyFields());
      for (List<ValueSource> vs : s.properties().values()) {
        for (ValueSource v : vs) {
          out.addAll(v.fields());
        }
      }
    }
    return out;
  }

  // ------------------------------------------------------------------------------------------- JSON lines

  public static void jsonLines(InputStream raw, String file, Charset charset, Sink sink) throws IOException {
    BufferedReader reader = (BufferedReader) reader(raw, charset);
    long line = 0;
    try {
      String text;
      while ((text = reader.readLine()) != null) {
        line++;
        if (text.isBlank()) {
          continue;
        }
        JsonNode node;
        try {
          node = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
          sink.problem(line, "not valid JSON at column " + e.getLocation().getColumnNr() + ": "
              + e.getOriginalMessage() + "; each line must be one JSON object", false);
          continue;
        }
        if (!node.isObject()) {
          sink.problem(line, "the line is JSON " + node.getNodeType().name().toLowerCase(Locale.ROOT)
              + ", not an object; each line must be one record object", false);
          continue;
        }
        sink.record(new JsonView(node, node), line, file + ":" + line);
      }
    } catch (CharacterCodingException e) {
      sink.problem(line + 1, encodingHint(charset), true);
    }
  }

  // ------------------------------------------------------------------------------------------------- JSON

  /**
   * A JSON document: a top-level array of records; or an object holding the array under {@code records} (a
   * dotted path), streamed element by element; or a single record object (the object itself, when it does not
   * have that path).
   */
  public static void json(InputStream in, String file, String records, Sink sink) throws IOException {
    try (JsonParser p = MAPPER.createParser(in)) {
      JsonToken t;
      try {
        t = p.nextToken();
      } catch (JsonProcessingException e) {
        throw new RecordFileException(file + " is not JSON: " + e.getOriginalMessage()
            + "; give a JSON array of records, an object holding one, or a single record object", e);
      }
      if (t == null) {
        throw new RecordFileException(file + " is empty; give a JSON array of records or a record object");
      }
      try {
        if (t == JsonToken.START_ARRAY) {
          elements(p, file, "", sink);
        } else if (t == JsonToken.START_OBJECT) {
          long line = p.currentTokenLocation().getLineNr();
          List<String> path = records.isEmpty() ? List.of() : List.of(records.split("\\."));
          if (path.isEmpty()) {
            JsonNode node = p.readValueAsTree();
            sink.record(new JsonView(node, node), line, file + "#");
            return;
          }
          ObjectNode kept = MAPPER.createObjectNode();
          if (!descend(p, file, path, 0, kept, sink)) {
            // no record array: the document is one record (e.g. a single notice)
            sink.record(new JsonView(kept, kept), line, file + "#");
          }
        } else {
          throw new RecordFileException(file + " holds a JSON " + kind(t) + ", not records; give an array"
              + " of record objects, an object holding one, or a single record object");
        }
      } catch (JsonProcessingException e) {
        sink.problem(e.getLocation() == null ? 0 : e.getLocation().getLineNr(), "malformed JSON: "
            + e.getOriginalMessage() + "; the records before it were read, the rest of the file could not be", true);
      }
    }
  }

  // at the START_OBJECT of level i: stream into the field path[i]; level-0 siblings are kept for the fallback
  private static boolean descend(JsonParser p, String file, List<String> path, int i, ObjectNode kept, Sink sink)
      throws IOException {
    boolean found = false;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      if (!found && name.equals(path.get(i))) {
        if (i == path.size() - 1 && value == JsonToken.START_ARRAY) {
          elements(p, file, "/" + String.join("/", path), sink);
          found = true;
          continue;
        } else if (i < path.size() - 1 && value == JsonToken.START_OBJECT) {
          found = descend(p, file, path, i + 1, null, sink);
          if (found) {
            continue;
          }
          continue;
        }
      }
      if (kept != null) {
        kept.set(name, p.readValueAsTree());
      } else {
        p.skipChildren();
      }
    }
    return found;
  }

  private static String kind(JsonToken t) {
    if (t.isNumeric()) {
      return "number";
    } else if (t == JsonToken.VALUE_STRING) {
      return "string";
    } else if (t.isBoolean()) {
      return "boolean";
    } else if (t == JsonToken.START_ARRAY) {
      return "array";
    }
    return "null";
  }

  private static void elements(JsonParser p, String file, String pointer, Sink sink) throws IOException {
    int index = 0;
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t == null) {
        throw new RecordFileException(file + " ends inside the record array; the file is truncated");
      }
      long line = p.currentTokenLocation().getLineNr();
      String id = file + "#" + pointer + "/" + index;
      if (t == JsonToken.START_OBJECT) {
        JsonNode node = p.readValueAsTree();
        sink.record(new JsonView(node, node), line, id);
      } else {
        p.skipChildren();
        sink.problem(line, "record " + pointer + "/" + index + " is a JSON " + kind(t)
            + ", not an object; each record must be an object", false);
      }
      index++;
    }
  }
}
