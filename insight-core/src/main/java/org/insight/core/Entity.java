package org.insight.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An entity as one reader sees it: the set of its statements that reader may see. Two sessions can get two
 * different views of one entity; an entity with no visible statement does not exist for that session.
 *
 * @param id the entity's id
 * @param schema its type name in the {@link Schema}
 * @param statements its statements, in a stable order (property, then value)
 */
public record Entity(EntityId id, String schema, List<Statement> statements) {
  private static final Comparator<Statement> ORDER =
      Comparator.comparing(Statement::property).thenComparing(Statement::value).thenComparing(Statement::id);

  public Entity {
    if (statements.isEmpty()) {
      throw new IllegalArgumentException("an entity is the set of its statements; none were given for " + id);
    }
    List<Statement> sorted = new ArrayList<>(statements);
    sorted.sort(ORDER);
    statements = List.copyOf(sorted);
  }

  /**
   * Assembles an entity from its statements. The schema is the one its statements name; when sources disagree
   * (one says LegalEntity, one says Person) the most specific type wins, and between unrelated types (Person,
   * Organization) the first by name, so the result never depends on the order the statements come in.
   */
  public static Entity of(EntityId id, List<Statement> statements, Schema schema) {
    java.util.SortedSet<String> types = new java.util.TreeSet<>();
    for (Statement s : statements) {
      if (!s.entityId().equals(id)) {
        throw new IllegalArgumentException("statement " + s.id() + " belongs to " + s.entityId() + ", not " + id);
      }
      types.add(s.schema());
    }
    String type = null;
    for (String t : types) { // in name order: the first that no other type here specialises
      boolean specialised = types.stream()
          .anyMatch(u -> !u.equals(t) && schema.find(u).map(x -> x.isA(t)).orElse(false));
      if (!specialised) {
        type = t;
        break;
      }
    }
    return new Entity(id, type, statements);
  }

  /** The distinct values of one property, in stable order. */
  public List<String> values(String property) {
    Set<String> out = new LinkedHashSet<>();
    for (Statement s : statements) {
      if (s.property().equals(property)) {
        out.add(s.value());
      }
    }
    return List.copyOf(out);
  }

  /** The first value of a property, if it has one. */
  public Optional<String> first(String property) {
    return values(property).stream().findFirst();
  }

  /** Property name → distinct values, in stable order. */
  public Map<String, List<String>> properties() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Statement s : statements) {
      List<String> values = out.computeIfAbsent(s.property(), k -> new ArrayList<>());
      if (!values.contains(s.value())) {
        values.add(s.value());
      }
    }
    out.replaceAll((k, v) -> List.copyOf(v));
    return out;
  }

  /** A human caption: the first name, title or number the entity has, else its id. */
  public String caption() {
    for (String p : List.of("name", "title", "number", "address", "iban", "full", "registrationNumber")) {
      Optional<String> v = first(p);
      if (v.isPresent()) {
        return v.get();
      }
    }
    return id.value();
  }

  /** Id, type and the labels of its statements, never their values: a log line must not bypass the labels. */
  @Override
  public String toString() {
    return "Entity[id=" + id + ", schema=" + schema + ", statements=" + statements.size() + ", labels="
        + statements.stream().map(s -> s.label().toString()).distinct().sorted().toList() + "]";
  }
}
