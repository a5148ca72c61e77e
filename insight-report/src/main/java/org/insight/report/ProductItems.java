package org.insight.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.insight.workspace.ProductItem;

/**
 * The items of a product for analytical production ({@code Productions.draft}): each statement shown, with its own
 * label, and — when the product holds anything else (tables, figures), whose parts carry no label of their own — the
 * product as a whole under its banner's label (the conjunction of everything in it). A release is then refused for
 * exactly the statements a recipient may not see, and for the whole product when a recipient may not see its label.
 */
public final class ProductItems {
  private ProductItems() {}

  /** The items of {@code product}; empty only when it holds nothing labelled (there is nothing to draft then). */
  public static List<ProductItem> of(Product product) {
    Map<String, ProductItem> items = new LinkedHashMap<>();
    boolean other = false;
    for (Section s : product.sections()) {
      if (s instanceof Section.Statements st) {
        st.groups().forEach(g -> g.claims().forEach(c ->
            items.putIfAbsent(c.statementId(), new ProductItem(c.statementId(), c.label()))));
      } else if (!(s instanceof Section.Note)) {
        other = true;
      }
    }
    List<ProductItem> out = new ArrayList<>(items.values());
    if ((other || out.isEmpty()) && product.banner().label().isPresent()) {
      out.add(new ProductItem("product", product.banner().label().get()));
    }
    return List.copyOf(out);
  }
}
