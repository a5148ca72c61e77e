package org.insight.report;

import java.util.List;
import java.util.Objects;

/**
 * An analytical product as data: its title, kind, banner and sections. An embedding application may use it as it is
 * or write it out ({@link HtmlProduct}, {@link ProductCsv}, {@link ProductFigures}, {@link ProductPdf}). Everything in
 * it was visible to the session it was made for; the banner's label is the conjunction of all their labels.
 */
public record Product(String title, ProductKind kind, Banner banner, List<Section> sections) {
  public Product {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(banner, "banner");
    sections = List.copyOf(sections);
  }

  /** The sections of one type, in order (e.g. every {@code Section.Table}). */
  public <S extends Section> List<S> sections(Class<S> type) {
    return sections.stream().filter(type::isInstance).map(type::cast).toList();
  }
}
