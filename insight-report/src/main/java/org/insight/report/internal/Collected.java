package org.insight.report.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.insight.policy.Label;
import org.insight.report.Banner;
import org.insight.report.Product;
import org.insight.report.ProductKind;
import org.insight.report.Section;

/**
 * What a product's reads gathered before its audit entry is written: the sections, the labels of everything in them
 * (their conjunction is the banner's label) and the ids of every item (the audit entry lists them).
 */
public final class Collected {
  private final String title;
  private final ProductKind kind;
  private final List<Section> sections = new ArrayList<>();
  private final Set<Label> labels = new LinkedHashSet<>();
  private final Set<String> items = new TreeSet<>();

  public Collected(String title, ProductKind kind) {
    this.title = title;
    this.kind = kind;
  }

  Collected add(Section section) {
    sections.add(section);
    return this;
  }

  void label(Label label) {
    labels.add(label);
  }

  void label(Optional<Label> label) {
    label.ifPresent(labels::add);
  }

  void item(String id) {
    items.add(id);
  }

  /** The ids of everything in the product. */
  public Set<String> items() {
    return items;
  }

  /** The conjunction of the labels of everything in the product; empty when nothing in it is labelled. */
  public Optional<Label> label() {
    return labels.isEmpty() ? Optional.empty() : Optional.of(Label.allOf(labels));
  }

  /** The product, with its banner. */
  public Product product(Banner banner) {
    return new Product(title, kind, banner, sections);
  }
}
