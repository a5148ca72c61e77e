package org.insight.core;

import java.util.Objects;
import java.util.Optional;
import org.insight.policy.Label;

/**
 * A span of a document's text that refers to a value or an entity. It is derived data, so it carries the
 * document's label (rule 3) and a provenance naming the extractor.
 *
 * @param documentId the document the span is in
 * @param start start offset (UTF-16 chars) in the document's text, inclusive
 * @param end end offset, exclusive
 * @param text the span's text
 * @param type what kind of value it is
 * @param value the normalised value
 * @param entityId the entity it denotes, if known
 * @param confidence the extractor's confidence in [0, 1]
 * @param label the label it carries: the document's label
 * @param provenance the extractor, and the document's provenance as input
 */
public record Mention(
    String documentId,
    int start,
    int end,
    String text,
    PropertyType type,
    String value,
    Optional<EntityId> entityId,
    double confidence,
    Label label,
    Provenance provenance) {

  public Mention {
    Objects.requireNonNull(documentId, "documentId");
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("a mention span needs 0 <= start <= end, got [" + start + ", " + end + ")");
    }
    if (!(confidence >= 0 && confidence <= 1)) {
      throw new IllegalArgumentException("confidence must be in [0, 1], got " + confidence);
    }
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(value, "value");
    entityId = Objects.requireNonNullElse(entityId, Optional.empty());
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(provenance, "provenance");
  }

  /**
   * Content-derived: the same span, value, extractor and label always give the same id, so re-extraction is
   * idempotent and a mention under one label never replaces one under another (rule 7).
   */
  public String id() {
    return "mn-" + org.insight.Hashing.ofParts(documentId, Integer.toString(start), Integer.toString(end),
        type.name(), value, provenance.method(), label.toString()).substring(0, 32);
  }

  /** The same mention carrying another label (the workspace conjoins it with its document's, rule 3). */
  public Mention withLabel(Label other) {
    return new Mention(documentId, start, end, text, type, value, entityId, confidence, other, provenance);
  }

  /** The same mention with its provenance stamped by the workspace on write. */
  public Mention withProvenance(Provenance stamped) {
    return new Mention(documentId, start, end, text, type, value, entityId, confidence, label, stamped);
  }

  /** Ids, span, type, label and provenance, never the text or value: a log line must not bypass the label. */
  @Override
  public String toString() {
    return "Mention[id=" + id() + ", documentId=" + documentId + ", span=[" + start + "," + end + "), type=" + type
        + entityId.map(e -> ", entityId=" + e).orElse("") + ", confidence=" + confidence + ", label=" + label
        + ", provenance=" + provenance + "]";
  }
}
