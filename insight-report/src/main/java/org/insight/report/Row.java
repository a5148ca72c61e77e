package org.insight.report;

import java.util.List;
import java.util.Objects;

/**
 * One row of a {@link Section.Table}: the id of the item it shows (a statement, a document, an entity, a category),
 * its cells in the table's column order, and where it came from (empty for computed rows, such as a trend's).
 */
public record Row(String item, List<String> cells, List<Source> sources) {
  public Row {
    Objects.requireNonNull(item, "item");
    cells = List.copyOf(cells);
    sources = List.copyOf(sources);
  }
}
