package org.insight.workspace;

import java.util.Objects;
import org.insight.policy.Label;

/**
 * One item of a product drafted in a case (a statement, a row, a figure, or the whole of a plain file), with the
 * label it carries. A release is checked item by item against each recipient.
 *
 * @param id the item's id within the product (e.g. a statement id), non-blank
 * @param label the label it carries
 */
public record ProductItem(String id, Label label) {
  /** Checks the id. */
  public ProductItem {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("a product item needs a non-blank id");
    }
    Objects.requireNonNull(label, "label");
  }
}
