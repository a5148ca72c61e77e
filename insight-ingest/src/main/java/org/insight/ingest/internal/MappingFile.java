package org.insight.ingest.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.insight.core.Schema;
import org.insight.Messages;
import org.insight.ingest.RecordFormat;
import org.insight.ingest.RecordMapping;
import org.insight.ingest.RecordMappingException;
import org.insight.ingest.ValueSource;

/** Reads the JSON mapping file format (see docs/architecture.md) into a {@link RecordMapping}. Not API. */
public final class MappingFile {
  // comments are allowed: mapping files are written and annotated by people
  private static final ObjectMapper MAPPER = com.fasterxml.jackson.databind.json.JsonMapper.builder()
      .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_JAVA_COMMENTS).build();
  private static final Set<String> TOP = Set.of("name", "description", "format", "delimiter", "encoding", "header",
      "columns", "records", "entities", "links", "dateOrder", "datePivot");
  private static final Set<String> SPEC = Set.of("type", "source", "target", "key", "keyFields", "each", "required",
      "properties", "description", "when");
  private static final Set<String> VALUE = Set.of("field", "fields", "join", "const", "entity", "split", "trim",
      "lookup", "strictLookup", "decimalComma", "date", "datetime", "optional");

  private MappingFile() {}

  public static RecordMapping parse(InputStream in, String sourceName, Schema schema) {
    JsonNode root;
    try {
      root = MAPPER.readTree(in);
    } catch (JsonProcessingException e) {
      throw new RecordMappingException(List.of(sourceName + " is not valid JSON at line "
          + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage()));
    } catch (IOException e) {
      throw new RecordMappingException(List.of("cannot read mapping " + sourceName + ": " + e.getMessage()));
    }
    if (root == null || !root.isObject()) {
      throw new RecordMappingException(List.of(sourceName + " must be a JSON object with \"entities\""
          + " (and optionally \"links\"); see the mapping file format in docs/architecture.md"));
    }
    List<String> problems = new ArrayList<>();
    unknownKeys(root, TOP, "", problems);
    String name = root.path("name").asText("");
    if (name.isBlank()) {
      String file = sourceName.replace('\\', '/');
      file = file.substring(file.lastIndexOf('/') + 1);
      name = file.endsWith(".json") ? file.substring(0, file.length() - 5) : file;
    }
    RecordMapping.Builder b = RecordMapping.builder(name).schema(schema)
        .description(root.path("description").asText(""));
    if (root.hasNonNull("format")) {
      try {
        b.format(RecordFormat.forId(root.get("format").asText()));
      } catch (RecordMappingException e) {
        problems.addAll(e.problems());
      }
    }
    if (root.hasNonNull("delimiter")) {
      String d = root.get("delimiter").asText();
      d = d.equals("\\t") || d.equalsIgnoreCase("tab") ? "\t" : d;
      if (d.length() != 1) {
        problems.add("\"delimiter\" must be one character (\",\", \";\", \"|\", \"\\t\"), not '" + d + "'");
      } else {
        b.delimiter(d.charAt(0));
      }
    }
    if (root.hasNonNull("encoding")) {
      try {
        b.charset(Charset.forName(root.get("encoding").asText()));
      } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
        problems.add("unknown \"encoding\" '" + root.get("encoding").asText()
            + "'; use a Java charset name such as UTF-8, windows-1252, ISO-8859-1, UTF-16");
      }
    }
    if (root.has("header")) {
      b.header(root.get("header").asBoolean(true));
    }
    if (root.hasNonNull("dateOrder") || root.hasNonNull("datePivot")) {
      org.insight.core.DateParser.Builder dates = org.insight.core.DateParser.builder();
      try {
        if (root.hasNonNull("dateOrder")) {
          dates.order(org.insight.core.DateParser.Order.forId(root.get("dateOrder").asText()));
        }
        if (root.hasNonNull("datePivot")) {
          if (!root.get("datePivot").canConvertToInt()) {
            throw new IllegalArgumentException("\"datePivot\" must be a year such as 1930");
          }
          dates.pivot(root.get("datePivot").asInt());
        }
        b.dates(dates.build());
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage());
      }
    }
    b.columns(strings(root.get("columns"), "columns", problems).toArray(String[]::new));
    b.records(root.path("records").asText(""));
    specs(root.get("entities"), "entities", false, b, problems);
    specs(root.get("links"), "links", true, b, problems);
    List<String> all = new ArrayList<>(problems.stream().map(p -> sourceName + ": " + p).toList());
    RecordMapping mapping = null;
    try {
      mapping = b.build();
    } catch (RecordMappingException e) {
      e.problems().forEach(p -> all.add(sourceName + ": " + p));
    }
    if (!all.isEmpty()) {
      throw new RecordMappingException(all);
    }
    return mapping;
  }

  private static void specs(JsonNode node, String section, boolean links, RecordMapping.Builder b,
      List<String> problems) {
    if (node == null || node.isNull()) {
      return;
    }
    if (!node.isObject()) {
      problems.add("\"" + section + "\" must be an object: name → {\"type\": …, \"properties\": {…}}");
      return;
    }
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      String name = e.getKey();
      JsonNode spec = e.getValue();
      String where = section + "." + name;
      if (!spec.isObject()) {
        problems.add(where + " must be an object with \"type\" and \"properties\"");
        continue;
      }
      unknownKeys(spec, SPEC, where + ".", problems);
      String type = spec.path("type").asText("");
      if (type.isEmpty()) {
        problems.add(where + " has no \"type\"; give a schema type such as Person, Phone or Call");
        continue;
      }
      Map<String, List<ValueSource>> properties = new LinkedHashMap<>();
      JsonNode props = spec.get("properties");
      if (props != null && props.isObject()) {
        props.properties().forEach(p -> properties.put(p.getKey(),
            values(p.getValue(), where + ".properties." + p.getKey(), problems)));
      } else if (props != null) {
        problems.add(where + ".properties must be an object: property → field or {…}");
      }
      java.util.function.Consumer<RecordMapping.EntitySpec.Builder> fill = s -> {
        s.key(strings(spec.get("key"), where + ".key", problems).toArray(String[]::new));
        s.keyFields(strings(spec.get("keyFields"), where + ".keyFields", problems).toArray(String[]::new));
        if (spec.hasNonNull("each")) {
          s.each(spec.get("each").asText());
        }
        if (spec.has("required")) {
          s.required(spec.get("required").asBoolean());
        }
        if (spec.hasNonNull("when")) {
          when(spec.get("when"), where + ".when", s, problems);
        }
        properties.forEach((p, vs) -> vs.forEach(v -> s.property(p, v)));
      };
      if (links) {
        b.link(name, type, spec.path("source").asText(""), spec.path("target").asText(""), fill);
      } else {
        if (spec.has("source") || spec.has("target")) {
          problems.add(where + " has a source/target; links go under \"links\"");
        }
        b.entity(name, type, fill);
      }
    }
  }

  private static final java.util.regex.Pattern WHEN = java.util.regex.Pattern.compile(
      "\\s*([^\\s=]+)\\s*==\\s*\"?([^\"]*)\"?\\s*");

  /** {@code "when": {"field": "schema", "equals": ["Company", …]}} or {@code "when": "schema == \"Company\""}. */
  private static void when(JsonNode n, String where, RecordMapping.EntitySpec.Builder s, List<String> problems) {
    String field = null;
    List<String> values = new ArrayList<>();
    if (n.isTextual()) {
      java.util.regex.Matcher m = WHEN.matcher(n.asText());
      if (m.matches()) {
        field = m.group(1);
        values.add(m.group(2).strip());
      }
    } else if (n.isObject()) {
      unknownKeys(n, Set.of("field", "equals"), where + ".", problems);
      field = n.path("field").asText("");
      JsonNode eq = n.get("equals");
      if (eq != null && eq.isArray()) {
        eq.forEach(v -> values.add(v.asText().strip()));
      } else if (eq != null && eq.isValueNode()) {
        values.add(eq.asText().strip());
      }
    }
    if (field == null || field.isBlank() || values.isEmpty()) {
      problems.add(where + " must be {\"field\": \"schema\", \"equals\": [\"Company\", …]} or \"schema =="
          + " \\\"Company\\\"\": the field whose value selects the rows, and the values");
      return;
    }
    s.when(field, values.toArray(String[]::new));
  }

  private static List<ValueSource> values(JsonNode node, String where, List<String> problems) {
    List<ValueSource> out = new ArrayList<>();
    if (node.isTextual()) {
      out.add(ValueSource.field(node.asText()));
    } else if (node.isArray()) {
      node.forEach(n -> out.addAll(values(n, where, problems)));
    } else if (node.isObject()) {
      ValueSource v = value(node, where, problems);
      if (v != null) {
        out.add(v);
      }
    } else {
      problems.add(where + ": give a field name, an object {\"field\": …} or a list of them");
    }
    return out;
  }

  private static ValueSource value(JsonNode n, String where, List<String> problems) {
    unknownKeys(n, VALUE, where + ".", problems);
    ValueSource v;
    if (n.hasNonNull("field") && n.get("field").isArray()) {
      v = ValueSource.firstOf(strings(n.get("field"), where + ".field", problems).toArray(String[]::new));
    } else if (n.hasNonNull("field")) {
      v = ValueSource.field(n.get("field").asText());
    } else if (n.hasNonNull("fields")) {
      v = ValueSource.fields(n.path("join").asText(" "), strings(n.get("fields"), where + ".fields", problems)
          .toArray(String[]::new));
    } else if (n.has("const")) {
      v = ValueSource.constant(n.get("const").asText());
    } else if (n.hasNonNull("entity")) {
      v = ValueSource.entity(n.get("entity").asText());
    } else {
      problems.add(where + ": give one of \"field\", \"fields\", \"const\" or \"entity\"");
      return null;
    }
    if (n.hasNonNull("split")) {
      v = v.split(n.get("split").asText());
    }
    if (n.has("trim")) {
      v = v.trim(n.get("trim").asBoolean(true));
    }
    JsonNode lookup = n.get("lookup");
    if (lookup != null && lookup.isTextual()) {
      try {
        v = v.lookup(lookup.asText());
      } catch (RecordMappingException e) {
        problems.add(where + ": " + e.problems().get(0));
      }
    } else if (lookup != null && lookup.isObject()) {
      Map<String, String> codes = new LinkedHashMap<>();
      lookup.properties().forEach(c -> codes.put(c.getKey(), c.getValue().isNull() ? "" : c.getValue().asText()));
      v = v.lookup(codes);
    } else if (lookup != null) {
      problems.add(where + ".lookup: give a built-in list name (" + String.join(", ", CodeLists.names())
          + ") or an object of code → value");
    }
    if (n.path("strictLookup").asBoolean(false)) {
      v = v.strictCodes();
    }
    if (n.path("optional").asBoolean(false)) {
      v = v.optionalColumn();
    }
    if (n.path("decimalComma").asBoolean(false)) {
      v = v.commaDecimals();
    }
    if (n.hasNonNull("date")) {
      v = v.date(strings(n.get("date"), where + ".date", problems).toArray(String[]::new));
    }
    if (n.hasNonNull("datetime")) {
      v = v.datetime(strings(n.get("datetime"), where + ".datetime", problems).toArray(String[]::new));
    }
    return v;
  }

  private static List<String> strings(JsonNode n, String where, List<String> problems) {
    List<String> out = new ArrayList<>();
    if (n == null || n.isNull()) {
      return out;
    }
    if (n.isTextual()) {
      out.add(n.asText());
    } else if (n.isArray()) {
      n.forEach(e -> out.add(e.asText()));
    } else {
      problems.add(where + ": give a string or a list of strings");
    }
    return out;
  }

  private static void unknownKeys(JsonNode n, Set<String> known, String where, List<String> problems) {
    n.fieldNames().forEachRemaining(k -> {
      if (!known.contains(k)) {
        problems.add("unknown key '" + where + k + "'; " + Messages.available(k, known));
      }
    });
  }
}
