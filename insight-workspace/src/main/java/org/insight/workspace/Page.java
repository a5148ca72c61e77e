package org.insight.workspace;

import java.util.List;

/**
 * One page of a longer result, in a stable order.
 *
 * @param items the items on this page
 * @param total how many items the session may see in all; counts only what it may see
 * @param offset the index of the first item on this page
 * @param limit the page size asked for
 */
public record Page<T>(List<T> items, long total, int offset, int limit) {
  public Page {
    items = List.copyOf(items);
  }

  /** Whether a page follows this one. */
  public boolean hasNext() {
    return offset + items.size() < total;
  }
}
