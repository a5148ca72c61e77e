package org.insight.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.insight.Messages;

/**
 * An entity type of a {@link Schema}: a node type such as {@code Person} or, when it has an {@link Edge}, a
 * link type such as {@code Ownership} whose two ends are entity-reference properties.
 *
 * <p>Instances come from {@link Schema}, which validates them; the record constructor only copies its
 * arguments into immutable, order-keeping collections.
 *
 * @param name the type name, e.g. {@code Person}
 * @param label a human label
 * @param isAbstract true for types that only exist to be extended ({@code Thing}); entities are never of an
 *     abstract type
 * @param parents the direct parents, in declaration order
 * @param ancestors every ancestor (parents, their parents, …), not including this type
 * @param properties every property, inherited ones first, in declaration order
 * @param edge for link types, which properties are the source and the target
 */
public record EntityType(String name, String label, boolean isAbstract, List<String> parents,
    Set<String> ancestors, Map<String, PropertyDef> properties, Optional<Edge> edge) {

  /**
   * The two ends of a link type: names of entity-reference properties of the type.
   *
   * @param source the property holding the source entity id (e.g. {@code owner})
   * @param target the property holding the target entity id (e.g. {@code asset})
   */
  public record Edge(String source, String target) {
    /** Both ends are required. */
    public Edge {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(target, "target");
    }
  }

  /** Copies the collections; {@code properties} keeps its iteration order. */
  public EntityType {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(label, "label");
    parents = List.copyOf(parents);
    ancestors = Collections.unmodifiableSet(new java.util.LinkedHashSet<>(ancestors));
    properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    Objects.requireNonNull(edge, "edge");
  }

  /**
   * A property by name (own or inherited).
   *
   * @param name the property name
   * @return its definition
   * @throws SchemaException if this type has no such property; the message lists the ones it has
   */
  public PropertyDef property(String name) {
    PropertyDef p = properties.get(name);
    if (p == null) {
      throw new SchemaException("entity type " + this.name + " has no property '" + name + "'; "
          + Messages.available(name, properties.keySet()));
    }
    return p;
  }

  /**
   * Whether this type has a property (own or inherited).
   *
   * @param property the property name
   * @return true if present
   */
  public boolean has(String property) {
    return properties.containsKey(property);
  }

  /**
   * Whether this type is {@code typeName} or descends from it: {@code Person.isA("LegalEntity")} is true.
   *
   * @param typeName a type name
   * @return true for this type and its ancestors
   */
  public boolean isA(String typeName) {
    return name.equals(typeName) || ancestors.contains(typeName);
  }

  /**
   * Whether this is a link type (has an {@link Edge}).
   *
   * @return true for link types
   */
  public boolean isEdge() {
    return edge.isPresent();
  }
}
