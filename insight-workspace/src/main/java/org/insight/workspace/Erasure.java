package org.insight.workspace;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.insight.core.EntityId;

/**
 * What to erase, and why ({@link Session#erase}): entities (every statement of them the session may see), documents,
 * single statements, or whole datasets (every statement and document of them the session may see). The reason is
 * mandatory: it goes to the audit log with who erased and which identifiers, never with the erased values.
 *
 * <pre>{@code
 * session.erase(Erasure.builder().entities(EntityId.of("p-17")).reason("court order 2026/118").build());
 * }</pre>
 *
 * @param entities entity ids
 * @param documents document ids
 * @param statements statement ids
 * @param datasets dataset names
 * @param reason why: a ticket, an order, a retention rule
 */
public record Erasure(Set<EntityId> entities, Set<String> documents, Set<String> statements, Set<String> datasets,
    String reason) {

  public Erasure {
    entities = Set.copyOf(entities);
    documents = Set.copyOf(documents);
    statements = Set.copyOf(statements);
    datasets = Set.copyOf(datasets);
    Objects.requireNonNull(reason, "reason");
    if (reason.isBlank()) {
      throw new IllegalArgumentException("an erasure needs a reason (an order, a ticket, a retention rule); it is"
          + " written to the audit log with who erased what");
    }
    if (entities.isEmpty() && documents.isEmpty() && statements.isEmpty() && datasets.isEmpty()) {
      throw new IllegalArgumentException("an erasure needs something to erase: entities, documents, statements or"
          + " datasets");
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The identifiers asked for, as the audit names them (sorted, so equal requests read alike). */
  String describe() {
    StringBuilder b = new StringBuilder();
    part(b, "entities", entities.stream().map(EntityId::value).toList());
    part(b, "documents", List.copyOf(documents));
    part(b, "statements", List.copyOf(statements));
    part(b, "datasets", List.copyOf(datasets));
    return b.toString();
  }

  private static void part(StringBuilder b, String name, List<String> values) {
    if (!values.isEmpty()) {
      b.append(name).append('=').append(String.join(",", new java.util.TreeSet<>(values))).append(' ');
    }
  }

  /** Collects what to erase; {@link #build()} refuses a request without a reason or without a target. */
  public static final class Builder {
    private final Set<EntityId> entities = new LinkedHashSet<>();
    private final Set<String> documents = new LinkedHashSet<>();
    private final Set<String> statements = new LinkedHashSet<>();
    private final Set<String> datasets = new LinkedHashSet<>();
    private String reason;

    private Builder() {}

    public Builder entities(EntityId... ids) {
      Arrays.stream(ids).map(id -> Objects.requireNonNull(id, "entity id")).forEach(entities::add);
      return this;
    }

    public Builder documents(String... ids) {
      Arrays.stream(ids).map(id -> Objects.requireNonNull(id, "document id")).forEach(documents::add);
      return this;
    }

    public Builder statements(String... ids) {
      Arrays.stream(ids).map(id -> Objects.requireNonNull(id, "statement id")).forEach(statements::add);
      return this;
    }

    public Builder dataset(String name) {
      datasets.add(Objects.requireNonNull(name, "dataset"));
      return this;
    }

    public Builder reason(String why) {
      org.insight.BuilderGuard.requireUnset(reason, "reason");
      this.reason = Objects.requireNonNull(why, "reason");
      return this;
    }

    public Erasure build() {
      return new Erasure(entities, documents, statements, datasets, reason == null ? "" : reason);
    }
  }
}
