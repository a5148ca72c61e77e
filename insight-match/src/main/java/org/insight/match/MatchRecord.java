package org.insight.match;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.insight.core.DateParser;
import org.insight.core.Entity;
import org.insight.core.InvalidDataException;
import org.insight.core.PropertyType;
import org.insight.core.Statement;
import org.insight.policy.Label;

/**
 * One record to link: an id unique within a run, the dataset it came from, property name → values, and an optional
 * access label (null for plain CSV use; a {@link MatchPair} between two labelled records carries the conjunction).
 *
 * <p>Values of the well-known properties are cleaned with their {@link PropertyType}: {@code name}, {@code alias}
 * and the name parts {@code firstName}, {@code middleName}, {@code fatherName}, {@code motherName}, {@code lastName}
 * (name), {@code birthDate} (date), {@code nationality}, {@code country} (country), {@code passportNumber},
 * {@code idNumber} (identifier, generic form), {@code phone} (E.164, or national digits when the value has no
 * country code), {@code email}, {@code address} and the address parts {@code street}, {@code city}, {@code region},
 * {@code postalCode}; {@code gender} is lowercased. Other properties are only stripped. Blank values are dropped,
 * duplicates removed (first order kept). This constructor is strict: a value that cannot be read as its type is
 * refused with the core's {@code InvalidDataException}, which names it. {@link #reader()} reads records from data as
 * it arrives instead: a bad value is reported and left out, the record keeps the rest.
 *
 * <p>Parts compose the whole, so that records written either way compare: the name parts (first, middle, father's,
 * mother's, last, in that order) make one more {@code name} value, the address parts one more {@code address}
 * ({@link #joinAddress}); the parts are kept for comparisons that use them.
 *
 * <p>A date that a {@link Reader} refuses because its month or day is out of range (a corrupted {@code 1940-27-04})
 * is kept as written under {@code birthDate.unchecked} ({@link #UNCHECKED}): never a date, but the date comparison
 * still sees its valid parts (the year, a swapped day and month, one mistyped digit).
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
      Map.entry("email", PropertyType.EMAIL), Map.entry("address", PropertyType.ADDRESS),
      Map.entry("firstName", PropertyType.NAME), Map.entry("middleName", PropertyType.NAME),
      Map.entry("fatherName", PropertyType.NAME), Map.entry("motherName", PropertyType.NAME),
      Map.entry("lastName", PropertyType.NAME), Map.entry("street", PropertyType.ADDRESS),
      Map.entry("city", PropertyType.NAME), Map.entry("region", PropertyType.NAME),
      Map.entry("postalCode", PropertyType.NAME));

  /** The suffix of the property that keeps a corrupted date's parts as written, e.g. {@code birthDate.unchecked}. */
  public static final String UNCHECKED = ".unchecked";

  /** The name parts, in the order they compose a full name. */
  public static final List<String> NAME_PARTS = List.of("firstName", "middleName", "fatherName", "motherName",
      "lastName");

  /** The address parts, in the order they compose an address. */
  public static final List<String> ADDRESS_PARTS = List.of("street", "city", "region", "postalCode");

  /** Properties with a meaning here (others are kept, stripped, for custom comparisons). */
  private static final List<String> KNOWN = List.of("name", "alias", "firstName", "middleName", "fatherName",
      "motherName", "lastName", "birthDate", "nationality", "country", "passportNumber", "idNumber", "phone", "email",
      "address", "street", "city", "region", "postalCode", "gender");

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
    compose(cleaned);
    values = java.util.Collections.unmodifiableMap(cleaned);
  }

  /** The properties this class knows how to clean and compose, for callers that check a mapping. */
  public static List<String> knownProperties() {
    return KNOWN;
  }

  /** Adds the full name and the address composed from their parts, when there are parts. */
  private static void compose(Map<String, List<String>> values) {
    String name = join(values, NAME_PARTS, " ");
    if (name != null) {
      String key = tokenKey(name);
      List<String> names = values.getOrDefault("name", List.of());
      if (names.stream().noneMatch(n -> tokenKey(n).equals(key))) {
        List<String> out = new ArrayList<>(names);
        out.add(name);
        values.put("name", List.copyOf(out));
      }
    }
    List<String> parts = new ArrayList<>();
    for (String p : ADDRESS_PARTS) {
      List<String> v = values.getOrDefault(p, List.of());
      if (!v.isEmpty()) {
        parts.add(v.get(0));
      }
    }
    if (!parts.isEmpty()) {
      String address = joinAddress(parts);
      List<String> addresses = values.getOrDefault("address", List.of());
      if (!addresses.contains(address)) {
        List<String> out = new ArrayList<>(addresses);
        out.add(address);
        values.put("address", List.copyOf(out));
      }
    }
  }

  private static String join(Map<String, List<String>> values, List<String> parts, String separator) {
    List<String> found = new ArrayList<>();
    for (String p : parts) {
      List<String> v = values.getOrDefault(p, List.of());
      if (!v.isEmpty()) {
        found.add(v.get(0));
      }
    }
    return found.isEmpty() ? null : String.join(separator, found);
  }

  private static String tokenKey(String name) {
    String[] t = name.toLowerCase(Locale.ROOT).split("[\\s,.]+");
    Arrays.sort(t);
    return String.join(" ", t).strip();
  }

  /**
   * One address from its parts in order, as separate columns hold them: joined with {@code ", "}, except that a
   * part which is only a house number ({@code 12}, {@code 12a}, {@code 12-14}) joins the next with a space, so
   * {@code [12, Main Street, Springfield, 2000]} is {@code 12 Main Street, Springfield, 2000}. Blank parts are
   * skipped.
   */
  public static String joinAddress(List<String> parts) {
    StringBuilder sb = new StringBuilder();
    boolean afterNumber = false;
    for (String raw : parts) {
      String part = raw == null ? "" : raw.strip();
      if (part.isEmpty()) {
        continue;
      }
      if (sb.length() > 0) {
        sb.append(afterNumber ? " " : ", ");
      }
      sb.append(part);
      afterNumber = part.matches("\\d{1,5}[A-Za-z]?(?:-\\d{1,5}[A-Za-z]?)?");
    }
    return sb.toString();
  }

  /** Set while {@link #ofCleaned} builds a record from values this class cleaned before. */
  private static final ThreadLocal<Boolean> TRUSTED = ThreadLocal.withInitial(() -> false);

  /**
   * A record from values that a record already cleaned (screening keeps them packed; a distributed run reads them
   * back from its own dataset): cleaning again is skipped. Values that were not cleaned by a record may then compare
   * wrongly; use the constructor for anything else.
   */
  public static MatchRecord ofCleaned(String id, String dataset, Map<String, List<String>> values, Label label) {
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

  /**
   * A reader of records from data as it arrives: each bad value is reported and left out, the record keeps the
   * rest (the rule for sources); {@link Reader.Builder#strict()} refuses the record instead.
   */
  public static Reader.Builder reader() {
    return new Reader.Builder();
  }

  /**
   * A value a {@link Reader} left out.
   *
   * @param property the property it was given for
   * @param value the value as given
   * @param reason what was wrong and what to do
   */
  public record Problem(String property, String value, String reason) {
    /** All parts are required. */
    public Problem {
      Objects.requireNonNull(property, "property");
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * What a {@link Reader} made of one source record.
   *
   * @param record the record, empty when it had no usable value (or, strict, any bad one)
   * @param problems the values left out, in the order given
   */
  public record Read(Optional<MatchRecord> record, List<Problem> problems) {
    /** Copies the list. */
    public Read {
      Objects.requireNonNull(record, "record");
      problems = List.copyOf(problems);
    }
  }

  /** Reads records value by value; immutable and thread-safe. */
  public static final class Reader {
    private final DateParser dates;
    private final boolean strict;

    private Reader(DateParser dates, boolean strict) {
      this.dates = dates;
      this.strict = strict;
    }

    /**
     * The record of {@code values} (property → raw values): bad values are left out and reported, a corrupted
     * date is kept under {@link #UNCHECKED}. Empty when no usable value is left.
     */
    public Read read(String id, String dataset, Map<String, List<String>> values) {
      Objects.requireNonNull(values, "values");
      List<Problem> problems = new ArrayList<>();
      Map<String, List<String>> cleaned = new LinkedHashMap<>();
      for (Map.Entry<String, List<String>> e : values.entrySet()) {
        String property = e.getKey();
        for (String raw : e.getValue()) {
          if (raw == null || raw.isBlank()) {
            continue;
          }
          try {
            String v = TYPES.get(property) == PropertyType.DATE ? dates.clean(raw) : clean(property, raw);
            addTo(cleaned, property, v);
          } catch (InvalidDataException x) {
            problems.add(new Problem(property, raw, x.problems().isEmpty() ? x.getMessage()
                : x.problems().get(0).message()));
            if (TYPES.get(property) == PropertyType.DATE) {
              dates.unchecked(raw).ifPresent(u -> addTo(cleaned, property + UNCHECKED, u));
            }
          }
        }
      }
      if (cleaned.isEmpty() || strict && !problems.isEmpty()) {
        return new Read(Optional.empty(), problems);
      }
      return new Read(Optional.of(ofCleaned(id, dataset, cleaned, null)), problems);
    }

    private static void addTo(Map<String, List<String>> values, String property, String v) {
      List<String> list = values.computeIfAbsent(property, k -> new ArrayList<>());
      if (!list.contains(v)) {
        list.add(v);
      }
    }

    /** Options of a {@link Reader}. */
    public static final class Builder {
      private DateParser dates = DateParser.defaults();
      private boolean strict;

      private Builder() {}

      /** How this source writes dates (day/month order, two-digit years); {@link DateParser#defaults()} if not given. */
      public Builder dates(DateParser parser) {
        this.dates = Objects.requireNonNull(parser, "parser");
        return this;
      }

      /** Refuses a record with any bad value instead of leaving the value out. */
      public Builder strict() {
        this.strict = true;
        return this;
      }

      /** The reader. */
      public Reader build() {
        return new Reader(dates, strict);
      }
    }
  }

  /** Id, dataset, the names of its properties and its label, never their values: a log line must not bypass labels. */
  @Override
  public String toString() {
    return "Record[id=" + id + ", dataset=" + dataset + ", properties=" + values.keySet() + ", label=" + label + "]";
  }
}
