package org.insight.workspace;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link Trends} counts: the entities of a {@code type} (and its sub-types) — or the workspace's documents when
 * the type is {@value #DOCUMENTS} — each on the day of its
 * {@code time} property, in the category named by {@code by}:
 *
 * <ul>
 *   <li>{@code "dataset"}: the dataset its time statement came from;
 *   <li>{@code "type"}: its entity type;
 *   <li>any property name ({@code "country"}, {@code "callType"}, ...): each of its visible values (an entity with two
 *       values counts once in each category; one with none is left out and counted in the notes); for documents, a
 *       metadata key.
 * </ul>
 *
 * <p>{@code time} defaults to the first of {@code startTime}, {@code date}, {@code startDate} the entity has visibly
 * (documents: metadata {@code created}, then {@code date}); the earliest visible value that names a day counts.
 * {@code value}, when given, is the property whose values are searched for new co-occurrences, the category being
 * their context (a phone number in a new country's reports).
 */
public record TrendSource(String type, String by, Optional<String> time, Optional<String> value) {
  /** The default time properties, in order of preference. */
  static final List<String> TIMES = List.of("startTime", "date", "startDate");
  /** The default time keys of a document's metadata. */
  static final List<String> DOCUMENT_TIMES = List.of("created", "date");

  /** The type that names the workspace's documents (not entities). */
  public static final String DOCUMENTS = "documents";

  public TrendSource {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(value, "value");
  }

  /** The entities of {@code type} by {@code by}, on their default time property. */
  public static TrendSource of(String type, String by) {
    return new TrendSource(type, by, Optional.empty(), Optional.empty());
  }

  /** Whether it counts the workspace's documents. */
  public boolean documents() {
    return DOCUMENTS.equals(type);
  }

  /** The same on another time property. */
  public TrendSource time(String property) {
    return new TrendSource(type, by, Optional.of(property), value);
  }

  /** The same, searching the values of {@code property} for new co-occurrences. */
  public TrendSource value(String property) {
    return new TrendSource(type, by, time, Optional.of(property));
  }

  @Override
  public String toString() {
    return "type=" + type + " by=" + by + time.map(t -> " time=" + t).orElse("") + value.map(v -> " value=" + v)
        .orElse("");
  }
}
