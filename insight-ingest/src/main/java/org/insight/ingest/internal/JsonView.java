package org.insight.ingest.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A JSON record read by dotted paths: {@code a.b}, {@code a[].b} (every element), {@code a[2]}; a path that ends
 * on an array gives every element. A path starting with {@code $.} reads from the record's root (inside an
 * {@code each} element). Not API.
 */
final class JsonView implements RecordView {
  private final JsonNode node;
  private final JsonNode root;

  JsonView(JsonNode node, JsonNode root) {
    this.node = node;
    this.root = root;
  }

  @Override
  public List<String> values(String path) {
    List<String> out = new ArrayList<>();
    for (JsonNode n : select(path)) {
      collect(n, path, out);
    }
    return out;
  }

  private static void collect(JsonNode n, String path, List<String> out) {
    if (n == null || n.isNull() || n.isMissingNode()) {
      return;
    }
    if (n.isArray()) {
      for (JsonNode e : n) {
        collect(e, path, out);
      }
    } else if (n.isObject()) {
      throw new FieldException("field '" + path + "' holds an object, not a value; map one of its fields ("
          + path + "." + (n.fieldNames().hasNext() ? n.fieldNames().next() : "name") + ")");
    } else if (n.isBigDecimal() || n.isDouble() || n.isFloat()) {
      out.add(n.decimalValue().stripTrailingZeros().toPlainString());
    } else {
      out.add(n.asText());
    }
  }

  @Override
  public List<RecordView> elements(String path) {
    List<RecordView> out = new ArrayList<>();
    for (JsonNode n : select(path.endsWith("[]") ? path.substring(0, path.length() - 2) : path)) {
      if (n.isArray()) {
        for (JsonNode e : n) {
          out.add(new JsonView(e, root));
        }
      } else if (n.isObject()) {
        out.add(new JsonView(n, root));
      }
    }
    return out;
  }

  private List<JsonNode> select(String path) {
    JsonNode start = node;
    String p = path;
    if (p.startsWith("$.")) {
      start = root;
      p = p.substring(2);
    }
    List<JsonNode> current = new ArrayList<>(List.of(start));
    for (String part : p.split("\\.")) {
      String name = part;
      String index = null;
      int bracket = part.indexOf('[');
      if (bracket >= 0 && part.endsWith("]")) {
        name = part.substring(0, bracket);
        index = part.substring(bracket + 1, part.length() - 1);
      }
      List<JsonNode> next = new ArrayList<>();
      for (JsonNode c : current) {
        JsonNode child = name.isEmpty() ? c : c.get(name);
        if (child == null || child.isNull()) {
          continue;
        }
        if (index == null) {
          next.add(child);
        } else if (index.isEmpty()) {
          if (child.isArray()) {
            child.forEach(next::add);
          } else {
            next.add(child);
          }
        } else if (child.isArray()) {
          JsonNode e = child.get(Integer.parseInt(index));
          if (e != null) {
            next.add(e);
          }
        }
      }
      current = next;
    }
    return current;
  }
}
