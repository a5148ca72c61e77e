package org.insight.search;

import java.util.Objects;
import java.util.Set;

/**
 * What a reader may see: the label texts (canonical {@code Label} form, as the index stores them) that a session's
 * policy decision allowed. Every {@link Index} read takes one and runs it as a filter inside the index query, so data
 * under any other label reaches no result, count, score or order. Labels are few, so the set is small; the index
 * builds its filter from it once and caches it.
 *
 * @param labels the visible label texts; empty means nothing is visible
 */
public record Visibility(Set<String> labels) {
  private static final Visibility NONE = new Visibility(Set.of());

  public Visibility {
    Objects.requireNonNull(labels, "labels");
    labels = Set.copyOf(labels);
  }

  /** Data under exactly these label texts is visible. */
  public static Visibility of(Set<String> labels) {
    return new Visibility(labels);
  }

  /** Nothing is visible. */
  public static Visibility none() {
    return NONE;
  }

  /** Whether data under this label text is visible. */
  public boolean allows(String label) {
    return labels.contains(label);
  }

  @Override
  public String toString() {
    return "Visibility" + new java.util.TreeSet<>(labels);
  }
}
