package org.insight.ingest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Where the values of one mapped property come from, and how they are transformed before the property's own
 * type cleans them: a field (a CSV column, or a JSON path such as {@code arrest_warrants[].charge}), several
 * fields joined, a constant, or the id of another entity of the same row. Immutable; each method returns a
 * changed copy.
 *
 * <p>Transforms run in this order: trim, split on a separator, drop blanks, code-list lookup, decimal comma,
 * date/date-time pattern. Then {@link org.insight.core.EntityBuilder} cleans the value by its property type.
 *
 * <pre>{@code
 * ValueSource.field("start").datetime("dd/MM/yyyy HH:mm:ss")
 * ValueSource.field("phones").split(";")
 * ValueSource.field("sex_id").lookup("sex")
 * ValueSource.fields(" ", "forename", "name")
 * ValueSource.constant("fr")
 * ValueSource.entity("person")
 * }</pre>
 *
 * @param fields the source fields; one is read as is (all its values), several are joined by {@code join}
 *     (first value of each, blanks skipped). A JSON path starting with {@code $.} is read from the record's root
 *     inside an {@code each} entity
 * @param join the separator for several fields
 * @param constant a constant value instead of fields, or {@code null}
 * @param entity the name of another entity of the mapping whose id(s) this entity-reference property takes, or
 *     {@code null}
 * @param split a literal separator splitting each value into several, or {@code null}
 * @param trim whether values are trimmed (default true)
 * @param lookupName the code list's name (a built-in list, or {@code "inline"})
 * @param lookup code → value (codes upper-cased; matched case-insensitively); a value of {@code ""} drops the
 *     code; empty for no lookup
 * @param strictLookup when true a code missing from the list is a row problem; otherwise it is kept as is
 * @param decimalComma when true {@code 1.500,25} and {@code 1 500,25} are read as 1500.25
 * @param dateFormats {@link java.time.format.DateTimeFormatter} patterns tried in order; the value becomes an
 *     ISO date ({@code 1975-03-14})
 * @param dateTimeFormats patterns tried in order (or {@code iso}); the value becomes an ISO date-time
 *     ({@code 2026-03-14T10:22:05}, with the offset when the pattern reads one)
 * @param optional when true a CSV file may lack the column; otherwise a missing column refuses the file (so a
 *     misspelt column name is caught before anything loads)
 * @param firstOf when true {@code fields} are alternatives (the names different exports give one column): the
 *     first that has a value in the row is read, and a CSV file needs only one of them
 */
public record ValueSource(List<String> fields, String join, String constant, String entity, String split, boolean trim,
    String lookupName, Map<String, String> lookup, boolean strictLookup, boolean decimalComma,
    List<String> dateFormats, List<String> dateTimeFormats, boolean optional, boolean firstOf) {

  /** Copies the collections; upper-cases lookup codes. */
  public ValueSource {
    fields = List.copyOf(fields);
    join = Objects.requireNonNullElse(join, " ");
    lookupName = Objects.requireNonNullElse(lookupName, "");
    Map<String, String> codes = new LinkedHashMap<>();
    lookup.forEach((k, v) -> codes.put(k.trim().toUpperCase(Locale.ROOT), v));
    lookup = java.util.Collections.unmodifiableMap(codes);
    dateFormats = List.copyOf(dateFormats);
    dateTimeFormats = List.copyOf(dateTimeFormats);
  }

  /** The values of one field: a CSV column name, or a JSON path ({@code a.b}, {@code a[].b}, {@code a[0]}). */
  public static ValueSource field(String field) {
    return new ValueSource(List.of(Objects.requireNonNull(field, "field")), " ", null, null, null, true, "", Map.of(),
        false, false, List.of(), List.of(), false, false);
  }

  /**
   * The first of several fields that has a value in the row: the names different exports give one column, e.g.
   * {@code firstOf("caller", "calling_number", "a_number")}. A CSV file needs only one of them.
   */
  public static ValueSource firstOf(String... fields) {
    return new ValueSource(List.of(fields), " ", null, null, null, true, "", Map.of(), false, false, List.of(),
        List.of(), false, true);
  }

  /** Several fields joined by {@code separator}, e.g. {@code fields(" ", "forename", "name")}. */
  public static ValueSource fields(String separator, String... fields) {
    return new ValueSource(List.of(fields), separator, null, null, null, true, "", Map.of(), false, false, List.of(),
        List.of(), false, false);
  }

  /** A constant value, the same for every row (e.g. a country the whole file is about). */
  public static ValueSource constant(String value) {
    return new ValueSource(List.of(), " ", Objects.requireNonNull(value, "value"), null, null, true, "", Map.of(), false,
        false, List.of(), List.of(), false, false);
  }

  /** The id of the entity (or entities) mapped under {@code name} in the same row: for entity references. */
  public static ValueSource entity(String name) {
    return new ValueSource(List.of(), " ", null, Objects.requireNonNull(name, "name"), null, true, "", Map.of(), false,
        false, List.of(), List.of(), false, false);
  }

  /** Splits each value on a literal separator ({@code ";"}, {@code "|"}). */
  public ValueSource split(String separator) {
    return new ValueSource(fields, join, constant, entity, separator, trim, lookupName, lookup, strictLookup, decimalComma,
        dateFormats, dateTimeFormats, optional, firstOf);
  }

  /** Whether to trim values (default true). */
  public ValueSource trim(boolean on) {
    return new ValueSource(fields, join, constant, entity, split, on, lookupName, lookup, strictLookup, decimalComma,
        dateFormats, dateTimeFormats, optional, firstOf);
  }

  /** Maps codes through a built-in code list: {@code sex} (M/F/U) or {@code language} (ISO 639 codes). */
  public ValueSource lookup(String builtInList) {
    return new ValueSource(fields, join, constant, entity, split, trim, builtInList,
        org.insight.ingest.internal.CodeLists.get(builtInList), strictLookup, decimalComma, dateFormats,
        dateTimeFormats, optional, firstOf);
  }

  /** Maps codes through an inline code list (code → value; {@code ""} drops the code). */
  public ValueSource lookup(Map<String, String> codes) {
    return new ValueSource(fields, join, constant, entity, split, trim, "inline", codes, strictLookup, decimalComma,
        dateFormats, dateTimeFormats, optional, firstOf);
  }

  /** Reports a code missing from the lookup list as a row problem instead of keeping it. */
  public ValueSource strictCodes() {
    return new ValueSource(fields, join, constant, entity, split, trim, lookupName, lookup, true, decimalComma,
        dateFormats, dateTimeFormats, optional, firstOf);
  }

  /** Reads numbers written with a decimal comma ({@code 1.500,25}). */
  public ValueSource commaDecimals() {
    return new ValueSource(fields, join, constant, entity, split, trim, lookupName, lookup, strictLookup, true,
        dateFormats, dateTimeFormats, optional, firstOf);
  }

  /** Parses dates with these patterns (tried in order), e.g. {@code "dd/MM/yyyy"}, into ISO dates. */
  public ValueSource date(String... patterns) {
    return new ValueSource(fields, join, constant, entity, split, trim, lookupName, lookup, strictLookup, decimalComma,
        List.of(patterns), dateTimeFormats, optional, firstOf);
  }

  /** Parses date-times with these patterns (tried in order; {@code "iso"} for ISO 8601) into ISO date-times. */
  public ValueSource datetime(String... patterns) {
    return new ValueSource(fields, join, constant, entity, split, trim, lookupName, lookup, strictLookup, decimalComma,
        dateFormats, List.of(patterns), optional, firstOf);
  }

  /** Lets a CSV file lack this value's column(s): the value is then simply absent. */
  public ValueSource optionalColumn() {
    return new ValueSource(fields, join, constant, entity, split, trim, lookupName, lookup, strictLookup, decimalComma,
        dateFormats, dateTimeFormats, true, firstOf);
  }

  /** Where the value comes from, for messages: {@code field 'x'}, {@code constant 'fr'}, {@code entity 'p'}. */
  public String describe() {
    if (constant != null) {
      return "constant '" + constant + "'";
    } else if (entity != null) {
      return "entity '" + entity + "'";
    } else if (fields.size() == 1) {
      return "field '" + fields.get(0) + "'";
    } else if (firstOf) {
      return "first of fields " + fields;
    }
    return "fields " + fields;
  }
}
