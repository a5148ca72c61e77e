package org.insight.search.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.insight.InsightException;
import org.insight.core.EntityType;
import org.insight.core.PropertyDef;
import org.insight.core.Schema;
import org.insight.search.QuerySyntaxException;

/** What a clause's type and property names mean in the schema; an unknown name is a {@link QuerySyntaxException}. */
final class SchemaTerms {
  private SchemaTerms() {}

  /** The type {@code name} and its subtypes. */
  static Set<String> types(Schema schema, String name) {
    try {
      schema.type(name);
    } catch (InsightException e) {
      throw new QuerySyntaxException(name, -1, e.getMessage());
    }
    return schema.types().stream().filter(t -> t.isA(name)).map(EntityType::name).collect(Collectors.toSet());
  }

  /** The definitions of {@code property} in every type that has it (one name may have several types). */
  static List<PropertyDef> propertyDefs(Schema schema, String property) {
    List<PropertyDef> defs = new ArrayList<>();
    for (EntityType t : schema.types()) {
      if (t.has(property) && !defs.contains(t.property(property))) {
        defs.add(t.property(property));
      }
    }
    if (!defs.isEmpty()) {
      return defs;
    }
    Set<String> known = new java.util.TreeSet<>();
    schema.types().forEach(t -> known.addAll(t.properties().keySet()));
    throw new QuerySyntaxException(property, -1, "unknown property '" + property + "'; known properties: "
        + String.join(", ", known));
  }
}
