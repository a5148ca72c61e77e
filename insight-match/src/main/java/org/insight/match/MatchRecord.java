package org.insight.match;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.insight.core.Entity;
import org.insight.core.PropertyType;
import org.insight.core.Statement;
import org.insight.policy.Label;

/**
 * One record to link: an id unique within a run, the dataset it came from, property name → values, and an optional
 * access label (null for plain CSV use; a {@link MatchPair} between two labelled records carries the conjunction).
 *
 * <p>Values of the well-known properties are cleaned with their {@link PropertyType}: {@code name}, {@code alias}
 * (name), {@code birthDate} (date), {@code nationality}, {@code country} (country), {@code passportNumber},
 * {@code idNumber} (identifier, generic form), {@code phone} (E.164, or national digits when the value has no
 * country code), {@code email}, {@code address}; {@code gender} is
 * lowercased. Other properties are only stripped. Blank values are dropped, duplicates removed (first order kept).
 * A value that cannot be read as its type is refused with the core's {@code InvalidDataException}, which names it.
 *
 * @param id the record id (unique within one {@link Linker} run)
 * @param dataset the source dataset name
 * @param values property name → cleaned values (unmodifiable)
 * @param label the record's access label, or null when the caller does not use labels
 */
public record MatchRecord(String id, String dataset, Map<String, List<String>> values, Label label) {

  private static final Map<String, PropertyType> TYPES = Map.ofEntries(
      Map.entry("name", PropertyType.NAME), Map.entry("alias", PropertyType.NAME),
      Map.entry("birthDate", PropertyType.DATE), Map.entry("nationality", PropertyType.COUNTRY),
      Map.entry("country", PropertyType.COUNTRY), Map.entry("passportNumber", PropertyType.IDENTIFIER),
      Map.entry("idNumber", PropertyType.IDENTIFIER), Map.entry("phone", PropertyType.PHONE),
      Map.entry("email", PropertyType.EMAIL), Map.entry("address", PropertyType.ADDRESS));

  public MatchRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(values, "values");
    if (id.isBlank()) {
      throw new IllegalArgumentException("record id is blank; give every record an id unique within the run");
    }
    Map<String, List<String>> cleaned = new LinkedHashMap<>();
    if (TRUSTED.get()) {
      values.forEach((k, v) -> cleaned.put(k, List.copyOf(v)));
    } else {
      for (Map.Entry<String, List<String>> e : values.entrySet()) {
        Set<String> out = new LinkedHashSet<>();
        for (String raw : e.getValue()) {
          if (raw == null || raw.isBlank()) {
            continue;
          }
          out.add(clean(e.getKey(), raw));
        }
        if (!out.isEmpty()) {
          cleaned.put(e.getKey(), List.copyOf(out));
        }
      }
    }
    values = java.util.Collections.unmodifiableMap(cleaned);
  }

  /** Set while {@link #ofCleaned} builds a record from values this class cleaned before. */
  private static final ThreadLocal<Boolean> TRUSTED = ThreadLocal.withInitial(() -> false);

  /** A record from values that a record already cleaned (screening keeps them packed): cleaning again is skipped. */
  static MatchRecord ofCleaned(String id, String dataset, Map<String, List<String>> values, Label label) {
    TRUSTED.set(true);
    try {
      return new MatchRecord(id, dataset, values, label);
    } finally {
      TRUSTED.set(false);
    }
  }

  /** A record without a label. */
  public static MatchRecord of(String id, String dataset, Map<String, List<String>> values) {
    return new MatchRecord(id, dataset, values, null);
  }

  /**
   * A record from an entity: its id, the dataset of its first statement, its property values, and the conjunction
   * of its statements' labels (the record as a whole is derived from all of them).
   */
  public static MatchRecord of(Entity entity) {
    Objects.requireNonNull(entity, "entity");
    Label label = Label.allOf(entity.statements().stream().map(Statement::label).toList());
    String dataset = entity.statements().get(0).provenance().dataset();
    return new MatchRecord(entity.id().value(), dataset, entity.properties(), label);
  }

  /** The cleaned values of one property, empty when it has none. */
  public List<String> get(String property) {
    return values.getOrDefault(property, List.of());
  }

  /** The label, if the record has one. */
  public Optional<Label> labelIfAny() {
    return Optional.ofNullable(label);
  }

  /** This record with another label. */
  public MatchRecord withLabel(Label newLabel) {
    return new MatchRecord(id, dataset, values, newLabel);
  }

  private static String clean(String property, String raw) {
    if (property.equals("phone")) {
      return phone(raw);
    }
    PropertyType type = TYPES.get(property);
    if (type != null) {
      return type.clean(raw);
    }
    if (property.equals("gender")) {
      return raw.strip().toLowerCase(Locale.ROOT);
    }
    return raw.strip();
  }

  /**
   * A phone in E.164 when it has a country code; otherwise its national digits as written ({@code 07911 123456} →
   * {@code 07911123456}): records from one country rarely carry the code, and the phone comparison matches such a
   * number with its international form by the last eight digits.
   */
  private static String phone(String raw) {
    try {
      return PropertyType.PHONE.clean(raw);
    } catch (org.insight.core.InvalidDataException e) {
      String digits = raw.strip().replaceAll("[\\s\\u00A0\\u202F().\\-/\\u2010-\\u2015]", "");
      if (digits.length() >= 6 && digits.length() <= 15 && digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
        return digits;
      }
      throw e;
    }
  }

  /** Id, dataset, the names of its properties and its label, never their values: a log line must not bypass labels. */
  @Override
  public String toString() {
    return "Record[id=" + id + ", dataset=" + dataset + ", properties=" + values.keySet() + ", label=" + label + "]";
  }
}
