package org.insight.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.insight.policy.Label;

/**
 * Builds the statements of one entity from one source record, cleaning every value by its property's type.
 * All problems are collected and reported together, so a caller fixes a bad record in one go.
 *
 * <p>Strict by default: {@link #build()} refuses the record when any value was refused. With {@link #keepValid()}
 * a refused value is only left out — the rule for data as it arrives: report the bad value, keep the record —
 * and {@link #problems()} says what was left out; {@code build()} then fails only when no value is left.
 */
public final class EntityBuilder {
  private final Schema schema;
  private final Dataset dataset;
  private final String recordId;
  private final EntityType type;
  private final List<InvalidDataException.Problem> problems = new ArrayList<>();
  private final List<Pending> pending = new ArrayList<>();
  private EntityId id;
  private String method = "record:api";
  private ContentHash contentHash;
  private boolean keepValid;
  private DateParser dates = DateParser.defaults();

  EntityBuilder(Schema schema, Dataset dataset, String typeName, String recordId) {
    this.schema = Objects.requireNonNull(schema, "schema");
    this.dataset = dataset;
    if (recordId == null || recordId.isBlank()) {
      throw new InvalidDataException(new InvalidDataException.Problem(
          typeName, "the record id is missing: give the id the source uses for this record, so re-ingest is idempotent"));
    }
    this.recordId = recordId;
    this.type = schema.type(typeName);
    if (type.isAbstract()) {
      throw new SchemaException(
          "type " + typeName + " is abstract and cannot describe a record; use one of its concrete sub-types");
    }
    this.id = EntityId.fromSource(dataset.name(), recordId);
  }

  /** Uses a caller-chosen id instead of the source-derived one. */
  public EntityBuilder id(EntityId id) {
    this.id = Objects.requireNonNull(id, "id");
    return this;
  }

  /** The method recorded in provenance, e.g. {@code record:csv}; defaults to {@code record:api}. */
  public EntityBuilder method(String method) {
    this.method = Objects.requireNonNull(method, "method");
    return this;
  }

  /** The evidence the record was read from. */
  public EntityBuilder contentHash(ContentHash hash) {
    this.contentHash = hash;
    return this;
  }

  /** How the source writes dates (day/month order, two-digit years), for its date properties. */
  public EntityBuilder dates(DateParser parser) {
    this.dates = Objects.requireNonNull(parser, "parser");
    return this;
  }

  /**
   * Keeps the record when some of its values are refused: they are left out and listed by {@link #problems()},
   * and {@link #build()} fails only when no value is left.
   */
  public EntityBuilder keepValid() {
    this.keepValid = true;
    return this;
  }

  /** The values refused so far (each with the property and what was wrong), in the order they were added. */
  public List<InvalidDataException.Problem> problems() {
    return List.copyOf(problems);
  }

  /** Adds a value with the dataset's default label. Blank values are skipped: a missing cell is not a value. */
  public EntityBuilder add(String property, String value) {
    return add(property, value, dataset.label());
  }

  /** Adds a value with its own label (cell-level security: one property may be more sensitive than the rest). */
  public EntityBuilder add(String property, String value, Label label) {
    Objects.requireNonNull(label, "label");
    if (value == null || value.isBlank()) {
      return this;
    }
    if (!type.has(property)) {
      problems.add(new InvalidDataException.Problem(type.name() + "." + property,
          "unknown property; " + org.insight.Messages.available(property, type.properties().keySet())
              .replace("available:", type.name() + " has:")));
      return this;
    }
    try {
      PropertyDef def = type.property(property);
      String clean = def.type() == PropertyType.DATE ? dates.clean(value) : def.clean(value);
      for (Pending p : pending) {
        if (p.property().equals(property) && p.value().equals(clean)) {
          if (!p.label().equals(label)) {
            // one claim is one statement: two labels for it would make one of them silently win
            problems.add(new InvalidDataException.Problem(type.name() + "." + property,
                "the same value was given twice with different labels (" + p.label().expression() + ", "
                    + label.expression() + "); give it once, with the label that should govern it"));
          }
          return this;
        }
      }
      pending.add(new Pending(property, clean, value, label));
    } catch (InvalidDataException e) {
      for (InvalidDataException.Problem p : e.problems()) {
        problems.add(new InvalidDataException.Problem(type.name() + "." + property, p.message()));
      }
    }
    return this;
  }

  private record Pending(String property, String value, String original, Label label) {}

  /**
   * The entity. Throws {@link InvalidDataException} listing every bad value when any was refused (strict, the
   * default), or, with {@link #keepValid()}, only when no value is left.
   */
  public Entity build() {
    if (!problems.isEmpty() && (!keepValid || pending.isEmpty())) {
      throw new InvalidDataException(problems);
    }
    if (pending.isEmpty()) {
      throw new InvalidDataException(new InvalidDataException.Problem(
          type.name() + " " + recordId, "the record has no values; an entity is the set of its statements"));
    }
    Provenance provenance = Provenance.of(dataset.name(), recordId, method, dataset.grading());
    if (contentHash != null) {
      provenance = provenance.withContentHash(contentHash);
    }
    List<Statement> statements = new ArrayList<>();
    for (Pending p : pending) {
      statements.add(Statement.of(id, type.name(), p.property(), p.value(), p.original(), p.label(), provenance));
    }
    return Entity.of(id, statements, schema);
  }
}
