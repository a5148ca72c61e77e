package org.insight.workspace;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import org.insight.core.Entity;
import org.insight.core.EntityType;
import org.insight.core.PropertyDef;
import org.insight.core.PropertyType;
import org.insight.core.Schema;
import org.insight.core.Statement;
import org.insight.nlp.EntitySpotter;
import org.insight.nlp.KnownEntity;
import org.insight.policy.Label;
import org.insight.search.Scan;

/**
 * {@code spot}: finds the workspace's known entities — people, organisations, vessels, phones, accounts — in each
 * document's text ({@link EntitySpotter}) and writes each hit as a {@link org.insight.core.Mention} linking the
 * document to the entity. This is how a police report gets connected to a notice.
 *
 * <p>The dictionary is built from the entities the enriching session may see, once per session, so an entity the
 * session cannot see never produces a mention for it. A mention carries the conjunction of the document's label and
 * the labels of every name and identifier statement the entity's dictionary entry was built from (stricter than the
 * one statement that matched, never looser), and provenance {@value EntitySpotter#METHOD}.
 *
 * <p>Names are the {@code name}, {@code alias} and {@code previousName} values, and a person's
 * {@code firstName middleName lastName} joined; identifiers are the values of identifier, phone and e-mail
 * properties, except those that are not specific to one entity (postal codes, currencies, content hashes, cell ids).
 * Relatives' names ({@code fatherName}) are not the entity's and are left out.
 */
public final class EntitySpottingStep implements EnrichmentStep {
  private static final Set<String> NAME_PROPERTIES = Set.of("name", "alias", "previousName");
  private static final Set<String> NOT_SPECIFIC = Set.of("postalCode", "currency", "contentHash", "cellId");

  private final Map<Session, EntitySpotter> spotters = Collections.synchronizedMap(new WeakHashMap<>());

  private EntitySpottingStep() {}

  /** The step; it builds its dictionary from the enriching session's visible entities on first use. */
  public static EntitySpottingStep create() {
    return new EntitySpottingStep();
  }

  @Override
  public String name() {
    return "spot";
  }

  @Override
  public void enrich(EnrichmentContext context) {
    EntitySpotter spotter = spotters.computeIfAbsent(context.session(), EntitySpottingStep::spotter);
    context.addMentions(spotter.mentions(context.document()));
  }

  /**
   * A spotter over every entity {@code session} may see, built from one scan (one audit entry), in time linear in
   * the visible statements. Edge types and {@code Document} entities are not looked for.
   */
  public static EntitySpotter spotter(Session session) {
    Objects.requireNonNull(session, "session");
    Schema schema = session.schema();
    String[] types = schema.types().stream().filter(t -> !t.isEdge() && !t.isA("Document")).map(EntityType::name)
        .sorted().toArray(String[]::new);
    EntitySpotter.Builder b = EntitySpotter.builder();
    try (Scan<Entity> entities = session.scanEntities(types)) {
      for (Entity e : entities) {
        known(e, schema).ifPresent(b::add);
      }
    }
    return b.build();
  }

  static Optional<KnownEntity> known(Entity e, Schema schema) {
    Optional<EntityType> type = schema.find(e.schema());
    if (type.isEmpty() || type.get().isEdge() || type.get().isA("Document")) {
      return Optional.empty();
    }
    EntityType t = type.get();
    List<String> names = new ArrayList<>();
    List<String> identifiers = new ArrayList<>();
    List<Label> labels = new ArrayList<>();
    for (Statement s : e.statements()) {
      if (!t.has(s.property())) {
        continue;
      }
      PropertyDef def = t.property(s.property());
      boolean used = false;
      if (NAME_PROPERTIES.contains(s.property())) {
        names.add(s.value());
        used = true;
      } else if ((def.type() == PropertyType.IDENTIFIER || def.type() == PropertyType.PHONE
          || def.type() == PropertyType.EMAIL) && !NOT_SPECIFIC.contains(s.property()) && !"sha256".equals(def.scheme())) {
        identifiers.add(s.value());
        used = true;
      } else if (s.property().equals("firstName") || s.property().equals("middleName")
          || s.property().equals("lastName")) {
        used = true;
      }
      if (used) {
        labels.add(s.label());
      }
    }
    List<String> first = e.values("firstName");
    List<String> last = e.values("lastName");
    if (!first.isEmpty() && !last.isEmpty()) {
      String middle = e.values("middleName").isEmpty() ? "" : " " + e.values("middleName").get(0);
      names.add(first.get(0) + middle + " " + last.get(0));
    }
    if (names.isEmpty() && identifiers.isEmpty()) {
      return Optional.empty();
    }
    KnownEntity.Kind kind = t.isA("Person") ? KnownEntity.Kind.PERSON
        : t.isA("LegalEntity") ? KnownEntity.Kind.ORGANIZATION : KnownEntity.Kind.OTHER;
    return Optional.of(new KnownEntity(e.id().value(), kind, names, identifiers,
        labels.isEmpty() ? Optional.empty() : Optional.of(Label.allOf(labels))));
  }
}
