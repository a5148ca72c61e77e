package org.insight.workspace;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.insight.search.Query;

/**
 * What {@link Session#export} hands out: the visible entities of some types (all when none is named), optionally only
 * those a search query finds.
 *
 * @param types type names (each with its sub-types); empty means every type
 * @param query a search query the entities must match (its paging is ignored), or empty for all
 */
public record ExportOptions(List<String> types, Optional<Query> query) {
  public ExportOptions {
    types = List.copyOf(types);
    Objects.requireNonNull(query, "query");
  }

  /** Every visible entity. */
  public static ExportOptions all() {
    return new ExportOptions(List.of(), Optional.empty());
  }

  /** The same selection, only of these types (and their sub-types). */
  public ExportOptions types(String... names) {
    return new ExportOptions(List.of(names), query);
  }

  /** The same selection, only entities {@code q} finds. */
  public ExportOptions query(Query q) {
    return new ExportOptions(types, Optional.of(q));
  }
}
