package org.insight.core;

import java.util.Objects;

/**
 * One property of an entity type, as defined in a schema file: its name, its {@link PropertyType}, and for
 * identifiers the scheme, for entity references the expected entity type.
 *
 * @param name the property name, e.g. {@code birthDate}
 * @param label a human label, e.g. {@code "Birth date"}
 * @param type the property type, which carries the cleaning
 * @param scheme the identifier scheme ({@code "iban"}, …) or {@code ""} for none; only for identifiers
 * @param range the entity type a reference points at ({@code "Person"}) or {@code ""} for any; only for
 *     entity references
 */
public record PropertyDef(String name, String label, PropertyType type, String scheme, String range) {
  /** Null scheme and range become {@code ""}; name, label and type are required. */
  public PropertyDef {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(type, "type");
    scheme = scheme == null ? "" : scheme;
    range = range == null ? "" : range;
  }

  /**
   * Cleans a raw value for this property: the type's cleaning under this property's scheme. A rejected value
   * is reported against the property name (e.g. {@code birthDate (date)}).
   *
   * @param raw the value as found in the source
   * @return the normalised value
   * @throws InvalidDataException if the value is not valid for this property
   */
  public String clean(String raw) {
    try {
      return type.clean(raw, scheme);
    } catch (InvalidDataException e) {
      InvalidDataException.Problem p = e.problems().get(0);
      InvalidDataException rethrown = new InvalidDataException(
          new InvalidDataException.Problem(name + " (" + p.where() + ")", p.message()));
      rethrown.addSuppressed(e);
      throw rethrown;
    }
  }
}
