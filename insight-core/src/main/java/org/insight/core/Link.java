package org.insight.core;

import java.util.Optional;

/**
 * A typed relation between two entities — associate, family, owner, caller→callee, transfer, same-as — read
 * from an entity whose schema is an edge type. A link is a statement like any other: its properties have their
 * own labels and provenance, and a reader sees a link only through the statements it may see.
 *
 * @param id the link's own entity id
 * @param type the edge type name, e.g. {@code Call}
 * @param source the entity at the source end (the caller, the payer, the owner)
 * @param target the entity at the target end
 * @param entity the link's full entity, with its other properties (dates, amounts)
 */
public record Link(EntityId id, String type, EntityId source, EntityId target, Entity entity) {

  /** The link an entity describes, if its type is an edge type and both ends are visible in it. */
  public static Optional<Link> of(Entity entity, Schema schema) {
    EntityType type = schema.type(entity.schema());
    return type.edge().flatMap(edge -> {
      Optional<String> source = entity.first(edge.source());
      Optional<String> target = entity.first(edge.target());
      if (source.isEmpty() || target.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new Link(entity.id(), type.name(), EntityId.of(source.get()), EntityId.of(target.get()), entity));
    });
  }

  /** Ids, type and the labels of its statements, never their values: a log line must not bypass the labels. */
  @Override
  public String toString() {
    return "Link[id=" + id + ", type=" + type + ", source=" + source + ", target=" + target + ", labels="
        + entity.statements().stream().map(s -> s.label().toString()).distinct().sorted().toList() + "]";
  }
}
