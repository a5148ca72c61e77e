package org.insight.core;

import java.util.Objects;
import org.insight.Hashing;
import org.insight.policy.Label;

/**
 * One value of one property of one entity, with its own access label and provenance: the unit of storage, of
 * access control (cell-level security) and of provenance. Two sources saying different things about one person
 * are two statements.
 *
 * @param id content-derived: the same claim from the same source record under the same label always has the same
 *     id; the label is part of it, so a write under one label never replaces a statement under another (rule 7)
 * @param entityId the entity the value belongs to
 * @param schema the entity's type name in the {@link Schema}
 * @param property the property name in that type
 * @param value the normalised value (see {@link PropertyType#clean})
 * @param original the value as the source gave it
 * @param label who may see it, for which purposes, until when
 * @param provenance where it came from
 */
public record Statement(
    String id,
    EntityId entityId,
    String schema,
    String property,
    String value,
    String original,
    Label label,
    Provenance provenance) {

  public Statement {
    Objects.requireNonNull(entityId, "entityId");
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(property, "property");
    Objects.requireNonNull(value, "value");
    original = original == null ? value : original;
    // A statement without a label would be visible to nobody or everybody; both are bugs, so refuse it here.
    Objects.requireNonNull(label, "label: every statement needs an access label; give the source's default label");
    Objects.requireNonNull(provenance, "provenance: every statement must say where it came from");
    if (id == null || id.isBlank()) {
      id = idFor(entityId, property, value, label, provenance);
    }
  }

  /** A statement whose id is derived from its content. */
  public static Statement of(
      EntityId entityId, String schema, String property, String value, String original, Label label, Provenance provenance) {
    return new Statement(null, entityId, schema, property, value, original, label, provenance);
  }

  /** The same statement with its provenance stamped by the workspace on write. */
  public Statement withProvenance(Provenance stamped) {
    return new Statement(id, entityId, schema, property, value, original, label, stamped);
  }

  /**
   * The content-derived id: entity, property, value, the label's canonical text and the source (dataset, record,
   * method). Statements of different labels are different statements and coexist.
   */
  public static String idFor(EntityId entityId, String property, String value, Label label, Provenance p) {
    return "st-" + Hashing.ofParts(entityId.value(), property, value, label.toString(), p.dataset(), p.recordId(),
        p.method()).substring(0, 32);
  }

  /** Whether {@link #id()} is the content-derived one ({@link #idFor}), as every written statement's must be. */
  public boolean hasDerivedId() {
    return id.equals(idFor(entityId, property, value, label, provenance));
  }

  /** The same statement under another label, with the id that label derives. */
  public Statement withLabel(Label other) {
    return new Statement(null, entityId, schema, property, value, original, other, provenance);
  }

  /** Ids, property, label and provenance, never the value: a log line must not bypass the label. */
  @Override
  public String toString() {
    return "Statement[id=" + id + ", entityId=" + entityId + ", schema=" + schema + ", property=" + property
        + ", label=" + label + ", provenance=" + provenance + "]";
  }
}
