package org.insight.ingest.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.insight.core.EntityType;
import org.insight.core.InvalidDataException;
import org.insight.core.PropertyDef;
import org.insight.core.PropertyType;
import org.insight.core.Schema;
import org.insight.Messages;
import org.insight.ingest.RecordFormat;
import org.insight.ingest.RecordMapping.EntitySpec;
import org.insight.ingest.ValueSource;

/** Checks a mapping against a schema and lists every problem, each with its fix. Not API. */
public final class MappingValidator {
  private MappingValidator() {}

  public static List<String> validate(Schema schema, RecordFormat format, Character delimiter, String records,
      Map<String, EntitySpec> entities, Map<String, EntitySpec> links) {
    List<String> problems = new ArrayList<>();
    if (entities.isEmpty() && links.isEmpty()) {
      problems.add("it maps no entity; add at least one under \"entities\"");
    }
    if (delimiter != null && (delimiter == '"' || delimiter == '\n' || delimiter == '\r')) {
      problems.add("the delimiter cannot be a quote or a line break");
    }
    boolean csv = format == RecordFormat.CSV || format == RecordFormat.TSV;
    if (csv && !records.isEmpty()) {
      problems.add("\"records\" (a JSON path) is given for a " + format.id() + " mapping; remove it");
    }
    for (EntitySpec spec : entities.values()) {
      check(schema, spec, false, csv, entities, problems);
    }
    for (EntitySpec spec : links.values()) {
      check(schema, spec, true, csv, entities, problems);
    }
    return problems;
  }

  private static void check(Schema schema, EntitySpec spec, boolean link, boolean csv,
      Map<String, EntitySpec> entities, List<String> problems) {
    String where = (link ? "link '" : "entity '") + spec.name() + "'";
    Optional<EntityType> found = schema.find(spec.type());
    if (found.isEmpty()) {
      problems.add(where + ": unknown type '" + spec.type() + "'; "
          + Messages.available(spec.type(), schema.types().stream().filter(t -> !t.isAbstract()
              && t.isEdge() == link).map(EntityType::name).toList()));
      return;
    }
    EntityType type = found.get();
    if (type.isAbstract()) {
      problems.add(where + ": type " + type.name() + " is abstract; use one of its concrete sub-types");
    }
    if (link && !type.isEdge()) {
      problems.add(where + ": " + type.name() + " is not a link type; links use an edge type ("
          + String.join(", ", schema.types().stream().filter(EntityType::isEdge).map(EntityType::name).toList())
          + "), or map it under \"entities\"");
      return;
    }
    if (!link && type.isEdge()) {
      problems.add(where + ": " + type.name() + " is a link type; map it under \"links\" with a source and a target");
      return;
    }
    if (link) {
      for (String end : List.of(spec.source(), spec.target())) {
        if (end.isEmpty()) {
          problems.add(where + ": a link needs both a \"source\" and a \"target\" entity");
        } else if (!entities.containsKey(end)) {
          problems.add(where + ": its end '" + end + "' is not an entity of this mapping; "
              + Messages.available(end, entities.keySet()));
        }
      }
    }
    if (csv && !spec.each().isEmpty()) {
      problems.add(where + ": \"each\" reads JSON arrays; a CSV/TSV row has none (remove it)");
    }
    for (Map.Entry<String, List<ValueSource>> p : spec.properties().entrySet()) {
      String prop = p.getKey();
      if (!type.has(prop)) {
        problems.add(where + ": unknown property '" + prop + "' on type " + type.name() + "; "
            + Messages.available(prop, type.properties().keySet()));
        continue;
      }
      PropertyDef def = type.property(prop);
      for (ValueSource v : p.getValue()) {
        checkValue(where + "." + prop, def, v, entities, problems);
      }
    }
    for (String k : spec.key()) {
      if (!spec.properties().containsKey(k)) {
        problems.add(where + ": key property '" + k + "' is not mapped; the key is made of mapped properties ("
            + String.join(", ", spec.properties().keySet()) + "), or use \"keyFields\" for source fields");
      }
    }
    if (spec.properties().isEmpty() && !link) {
      problems.add(where + ": it maps no property; give it at least one under \"properties\"");
    }
  }

  private static void checkValue(String where, PropertyDef def, ValueSource v, Map<String, EntitySpec> entities,
      List<String> problems) {
    int sources = (v.fields().isEmpty() ? 0 : 1) + (v.constant() == null ? 0 : 1) + (v.entity() == null ? 0 : 1);
    if (sources != 1) {
      problems.add(where + ": give exactly one of \"field\", \"fields\", \"const\" or \"entity\"");
      return;
    }
    for (String f : v.fields()) {
      if (f.isBlank()) {
        problems.add(where + ": a field name is empty");
      }
    }
    if (v.entity() != null) {
      if (def.type() != PropertyType.ENTITY) {
        problems.add(where + ": takes " + def.type().id() + " values, not an entity id; map a field to it");
      } else if (!entities.containsKey(v.entity())) {
        problems.add(where + ": refers to entity '" + v.entity() + "', which this mapping does not define; "
            + Messages.available(v.entity(), entities.keySet()));
      }
      return;
    }
    if (def.type() == PropertyType.ENTITY) {
      problems.add(where + ": is a reference to another entity; give it {\"entity\": NAME} of a mapped entity");
      return;
    }
    if (v.split() != null && v.split().isEmpty()) {
      problems.add(where + ": \"split\" needs a non-empty separator");
    }
    if (!v.dateFormats().isEmpty() && !v.dateTimeFormats().isEmpty()) {
      problems.add(where + ": give either \"date\" or \"datetime\" patterns, not both");
    }
    for (String p : concat(v.dateFormats(), v.dateTimeFormats())) {
      if (!p.equalsIgnoreCase("iso")) {
        try {
          Transforms.compile(p);
        } catch (IllegalArgumentException e) {
          problems.add(where + ": bad date pattern '" + p + "' (" + e.getMessage()
              + "); use java.time patterns such as dd/MM/yyyy HH:mm:ss, or iso");
        }
      }
    }
    boolean transformed = !v.dateFormats().isEmpty() || !v.dateTimeFormats().isEmpty() || v.decimalComma();
    if (v.constant() != null && !transformed) {
      cleanable(where + " constant", def, v.constant(), problems);
    }
    if (!transformed) {
      for (Map.Entry<String, String> code : v.lookup().entrySet()) {
        if (!code.getValue().isEmpty() && !"inline".equals(v.lookupName()) && !v.lookupName().isEmpty()) {
          continue;   // built-in lists are checked by their own tests, not once per mapping
        }
        if (!code.getValue().isEmpty()) {
          cleanable(where + " lookup '" + code.getKey() + "'", def, code.getValue(), problems);
        }
      }
    }
  }

  private static void cleanable(String where, PropertyDef def, String value, List<String> problems) {
    try {
      def.clean(value);
    } catch (InvalidDataException e) {
      problems.add(where + ": " + e.problems().get(0).message());
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
