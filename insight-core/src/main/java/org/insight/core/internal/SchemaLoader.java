package org.insight.core.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.insight.Messages;
import org.insight.core.EntityType;
import org.insight.core.PropertyDef;
import org.insight.core.PropertyType;
import org.insight.core.SchemaException;

/**
 * Reads schema files (JSON) and resolves them into validated {@link EntityType}s: merges extensions, checks
 * parents, cycles, property types, schemes, ranges and edges, and computes inheritance. Every failure is a
 * {@link SchemaException} naming the file, the type and the property.
 *
 * <p>File format: {@code {"name": "...", "version": "1.0.0", "types": {"Person": {"label": "...",
 * "abstract": false, "extends": ["LegalEntity"], "edge": {"source": "a", "target": "b"}, "properties":
 * {"birthDate": {"type": "date", "label": "...", "scheme": "...", "range": "..."}}}}}}.
 */
public final class SchemaLoader {
  private SchemaLoader() {}

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION) // a repeated key is a mistake, not an override
      .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE); // the caller owns the stream
  private static final Pattern TYPE_NAME = Pattern.compile("[A-Z][A-Za-z0-9]{0,63}");
  private static final Pattern PROPERTY_NAME = Pattern.compile("[a-z][A-Za-z0-9]{0,63}");
  private static final Set<String> FILE_KEYS = Set.of("name", "version", "description", "types");
  private static final Set<String> TYPE_KEYS =
      Set.of("label", "description", "abstract", "extends", "edge", "properties");
  private static final Set<String> PROPERTY_KEYS = Set.of("type", "label", "description", "scheme", "range");

  /** One parsed schema file and the name used for it in messages. */
  public record Source(String name, JsonNode json) {}

  /** The resolved schema content. */
  public record Resolved(String version, Map<String, EntityType> types) {}

  /** Parses one file; {@code fallbackName} is used in messages when the file has no {@code name}. */
  public static Source parse(InputStream in, String fallbackName) {
    Objects.requireNonNull(in, "schema input stream");
    JsonNode root;
    try {
      root = JSON.readTree(in);
    } catch (JsonProcessingException e) {
      throw new SchemaException("schema file " + fallbackName + " is not valid JSON: " + e.getOriginalMessage()
          + " at line " + (e.getLocation() == null ? "?" : e.getLocation().getLineNr())
          + "; fix the syntax", e);
    } catch (IOException e) {
      throw new SchemaException("cannot read schema file " + fallbackName + ": " + e, e);
    }
    if (root == null || !root.isObject()) {
      throw new SchemaException("schema file " + fallbackName + " is not a JSON object; it must look like"
          + " {\"version\": \"1.0.0\", \"types\": {…}}");
    }
    String name = root.hasNonNull("name") ? root.get("name").asText() : fallbackName;
    return new Source(name, root);
  }

  // ---------------------------------------------------------------- merge

  private static final class RawType {
    final String name;
    final String file;
    String label;
    boolean isAbstract;
    List<String> parents = List.of();
    EntityType.Edge edge;
    final Map<String, RawProp> props = new LinkedHashMap<>();

    RawType(String name, String file) {
      this.name = name;
      this.file = file;
    }
  }

  private record RawProp(String file, PropertyDef def) {}

  /**
   * Merges the sources (the first is the base, later ones are extensions) and resolves them.
   *
   * @throws SchemaException on any inconsistency
   */
  public static Resolved resolve(List<Source> sources) {
    Map<String, RawType> raw = new LinkedHashMap<>();
    StringBuilder version = new StringBuilder();
    for (int i = 0; i < sources.size(); i++) {
      Source src = sources.get(i);
      JsonNode root = src.json();
      keys(root, FILE_KEYS, "schema file " + src.name());
      String v = root.hasNonNull("version") ? root.get("version").asText() : null;
      if (i == 0) {
        if (v == null || v.isBlank()) {
          throw new SchemaException("schema file " + src.name() + " has no \"version\"; a base schema must be"
              + " versioned (e.g. \"version\": \"1.0.0\") because the version is persisted with the data");
        }
        version.append(v);
      } else {
        version.append('+').append(src.name()).append(v == null ? "" : "@" + v);
      }
      JsonNode types = root.get("types");
      if (types == null || !types.isObject()) {
        throw new SchemaException("schema file " + src.name() + " has no \"types\" object; add"
            + " \"types\": {\"TypeName\": {…}}");
      }
      for (Map.Entry<String, JsonNode> e : types.properties()) {
        merge(raw, src.name(), e.getKey(), e.getValue(), i == 0);
      }
    }
    return new Resolved(version.toString(), build(raw));
  }

  private static void merge(Map<String, RawType> raw, String file, String name, JsonNode node, boolean base) {
    String where = "type " + name + " in " + file;
    if (!TYPE_NAME.matcher(name).matches()) {
      throw new SchemaException("invalid type name '" + name + "' in " + file + "; type names are UpperCamelCase"
          + " letters and digits, e.g. BankAccount");
    }
    if (!node.isObject()) {
      throw new SchemaException(where + " is not a JSON object; define it as {\"properties\": {…}}");
    }
    keys(node, TYPE_KEYS, where);
    RawType t = raw.get(name);
    if (t == null) {
      t = new RawType(name, file);
      t.label = node.hasNonNull("label") ? node.get("label").asText() : name;
      t.isAbstract = node.path("abstract").asBoolean(false);
      t.parents = strings(node.get("extends"), where + ", \"extends\"");
      JsonNode edge = node.get("edge");
      if (edge != null && !edge.isNull()) {
        keys(edge, Set.of("source", "target"), where + ", \"edge\"");
        if (!edge.hasNonNull("source") || !edge.hasNonNull("target")) {
          throw new SchemaException(where + ": \"edge\" needs both \"source\" and \"target\" property names");
        }
        t.edge = new EntityType.Edge(edge.get("source").asText(), edge.get("target").asText());
      }
      raw.put(name, t);
    } else {
      // an extension may add properties to an existing type, but never change what the type is
      for (String k : List.of("abstract", "extends", "edge")) {
        if (node.has(k)) {
          throw new SchemaException(where + " redefines \"" + k + "\" of type " + name + " (defined in "
              + t.file + "); an extension may only add properties to an existing type: remove \"" + k
              + "\" or define a new type that extends " + name);
        }
      }
    }
    JsonNode props = node.get("properties");
    if (props == null) {
      return;
    }
    if (!props.isObject()) {
      throw new SchemaException(where + ": \"properties\" must be a JSON object of name → definition");
    }
    for (Map.Entry<String, JsonNode> e : props.properties()) {
      PropertyDef def = property(file, name, e.getKey(), e.getValue());
      RawProp old = t.props.get(def.name());
      if (old != null && !sameKind(old.def(), def)) {
        throw new SchemaException("property " + name + "." + def.name() + " in " + file + " is " + describe(def)
            + " but " + old.file() + " defines it as " + describe(old.def()) + "; a property keeps its type:"
            + " use another property name");
      }
      if (old == null) {
        t.props.put(def.name(), new RawProp(file, def));
      }
    }
  }

  private static PropertyDef property(String file, String type, String name, JsonNode node) {
    String where = "property " + type + "." + name + " in " + file;
    if (!PROPERTY_NAME.matcher(name).matches()) {
      throw new SchemaException("invalid property name '" + name + "' on type " + type + " in " + file
          + "; property names are lowerCamelCase letters and digits, e.g. birthDate");
    }
    if (!node.isObject()) {
      throw new SchemaException(where + " is not a JSON object; define it as {\"type\": \"name\"}");
    }
    keys(node, PROPERTY_KEYS, where);
    if (!node.hasNonNull("type")) {
      throw new SchemaException(where + " has no \"type\"; give one of "
          + String.join(", ", typeIds()));
    }
    PropertyType pt;
    try {
      pt = PropertyType.forId(node.get("type").asText());
    } catch (SchemaException e) {
      throw new SchemaException(where + ": " + e.getMessage(), e);
    }
    String scheme = node.hasNonNull("scheme") ? node.get("scheme").asText().strip() : "";
    if (!scheme.isEmpty()) {
      if (pt != PropertyType.IDENTIFIER) {
        throw new SchemaException(where + " has a scheme but is of type " + pt.id() + "; only identifier"
            + " properties have schemes: remove \"scheme\" or make the type \"identifier\"");
      }
      try {
        scheme = Identifiers.scheme(scheme);
      } catch (SchemaException e) {
        throw new SchemaException(where + ": " + e.getMessage(), e);
      }
    }
    String range = node.hasNonNull("range") ? node.get("range").asText().strip() : "";
    if (!range.isEmpty() && pt != PropertyType.ENTITY) {
      throw new SchemaException(where + " has a range but is of type " + pt.id() + "; only entity references"
          + " have ranges: remove \"range\" or make the type \"entity\"");
    }
    String label = node.hasNonNull("label") ? node.get("label").asText() : name;
    return new PropertyDef(name, label, pt, scheme, range);
  }

  private static List<String> typeIds() {
    List<String> ids = new ArrayList<>();
    for (PropertyType t : PropertyType.values()) {
      ids.add(t.id());
    }
    return ids;
  }

  private static boolean sameKind(PropertyDef a, PropertyDef b) {
    return a.type() == b.type() && a.scheme().equals(b.scheme()) && a.range().equals(b.range());
  }

  private static String describe(PropertyDef d) {
    return d.type().id() + (d.scheme().isEmpty() ? "" : " (scheme " + d.scheme() + ")")
        + (d.range().isEmpty() ? "" : " (range " + d.range() + ")");
  }

  private static void keys(JsonNode node, Set<String> allowed, String where) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!allowed.contains(k)) {
        // strict so that a typo ("extend", "rnage") fails loudly instead of being silently ignored
        throw new SchemaException(where + " has an unknown key \"" + k + "\"; " + Messages.available(k, allowed));
      }
    }
  }

  private static List<String> strings(JsonNode node, String where) {
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (node.isTextual()) {
      return List.of(node.asText());
    }
    if (!node.isArray()) {
      throw new SchemaException(where + " must be a type name or an array of type names");
    }
    List<String> out = new ArrayList<>();
    for (JsonNode n : node) {
      out.add(n.asText());
    }
    return out;
  }

  // ---------------------------------------------------------------- resolve

  private static Map<String, EntityType> build(Map<String, RawType> raw) {
    for (RawType t : raw.values()) {
      for (String p : t.parents) {
        if (!raw.containsKey(p)) {
          throw new SchemaException("type " + t.name + " in " + t.file + " extends unknown type '" + p + "'; "
              + Messages.available(p, raw.keySet()));
        }
      }
    }
    Map<String, EntityType> done = new LinkedHashMap<>();
    Map<String, Boolean> visiting = new HashMap<>();
    for (RawType t : raw.values()) {
      resolveType(t, raw, done, visiting, new ArrayList<>());
    }
    // ranges and edges are checked once every type exists, so forward references are fine
    Map<String, EntityType> ordered = new LinkedHashMap<>();
    for (String name : raw.keySet()) {
      EntityType t = done.get(name);
      RawType r = raw.get(name);
      for (PropertyDef p : t.properties().values()) {
        if (!p.range().isEmpty() && !done.containsKey(p.range())) {
          throw new SchemaException("property " + name + "." + p.name() + " (in " + fileOf(raw, name, p.name())
              + ") has range '" + p.range() + "', which is not a type; " + Messages.available(p.range(),
              done.keySet()));
        }
      }
      if (t.edge().isPresent()) {
        EntityType.Edge e = t.edge().get();
        for (String end : List.of(e.source(), e.target())) {
          PropertyDef p = t.properties().get(end);
          if (p == null || p.type() != PropertyType.ENTITY) {
            throw new SchemaException("edge type " + name + " in " + r.file + " has edge end '" + end + "', which"
                + (p == null ? " is not one of its properties" : " is of type " + p.type().id())
                + "; an edge end must be an entity-reference property (\"type\": \"entity\") of the type");
          }
        }
        if (e.source().equals(e.target())) {
          throw new SchemaException("edge type " + name + " in " + r.file + " uses '" + e.source()
              + "' as both source and target; give two different entity-reference properties");
        }
      }
      ordered.put(name, t);
    }
    return ordered;
  }

  private static String fileOf(Map<String, RawType> raw, String type, String prop) {
    RawType t = raw.get(type);
    RawProp p = t.props.get(prop);
    if (p != null) {
      return p.file();
    }
    for (String parent : t.parents) {
      String f = fileOf(raw, parent, prop);
      if (f != null) {
        return f;
      }
    }
    return t.file;
  }

  private static EntityType resolveType(RawType t, Map<String, RawType> raw, Map<String, EntityType> done,
      Map<String, Boolean> visiting, List<String> path) {
    EntityType ready = done.get(t.name);
    if (ready != null) {
      return ready;
    }
    path.add(t.name);
    if (Boolean.TRUE.equals(visiting.get(t.name))) {
      throw new SchemaException("types extend each other in a cycle: " + String.join(" → ", path) + " (type "
          + t.name + " in " + t.file + "); remove one of these \"extends\"");
    }
    visiting.put(t.name, true);
    Set<String> ancestors = new LinkedHashSet<>();
    Map<String, PropertyDef> props = new LinkedHashMap<>();
    Map<String, String> from = new HashMap<>();
    Optional<EntityType.Edge> edge = Optional.ofNullable(t.edge);
    for (String p : t.parents) {
      EntityType parent = resolveType(raw.get(p), raw, done, visiting, path);
      ancestors.add(p);
      ancestors.addAll(parent.ancestors());
      for (PropertyDef d : parent.properties().values()) {
        PropertyDef old = props.get(d.name());
        if (old != null && !sameKind(old, d)) {
          throw new SchemaException("type " + t.name + " in " + t.file + " inherits property '" + d.name()
              + "' as " + describe(old) + " from " + from.get(d.name()) + " and as " + describe(d) + " from " + p
              + "; rename one of them");
        }
        if (old == null) {
          props.put(d.name(), d);
          from.put(d.name(), p);
        }
      }
      if (edge.isEmpty()) {
        edge = parent.edge();
      }
    }
    for (RawProp rp : t.props.values()) {
      PropertyDef d = rp.def();
      PropertyDef inherited = props.get(d.name());
      if (inherited != null && !overrides(inherited, d, raw)) {
        throw new SchemaException("property " + t.name + "." + d.name() + " in " + rp.file() + " is "
            + describe(d) + " but " + t.name + " inherits it from " + from.get(d.name()) + " as "
            + describe(inherited) + "; a property keeps its type (a range may only narrow): use another name");
      }
      props.put(d.name(), d); // an own definition may relabel or narrow an inherited one
    }
    EntityType et = new EntityType(t.name, t.label, t.isAbstract, t.parents, ancestors, props, edge);
    visiting.put(t.name, false);
    path.remove(path.size() - 1);
    done.put(t.name, et);
    return et;
  }

  private static boolean overrides(PropertyDef parent, PropertyDef child, Map<String, RawType> raw) {
    if (parent.type() != child.type() || !parent.scheme().equals(child.scheme())) {
      return false;
    }
    return parent.range().isEmpty() || parent.range().equals(child.range())
        || isA(child.range(), parent.range(), raw, new LinkedHashSet<>());
  }

  private static boolean isA(String type, String ancestor, Map<String, RawType> raw, Set<String> seen) {
    RawType t = raw.get(type);
    if (t == null || !seen.add(type)) {
      return false;
    }
    for (String p : t.parents) {
      if (p.equals(ancestor) || isA(p, ancestor, raw, seen)) {
        return true;
      }
    }
    return false;
  }
}
