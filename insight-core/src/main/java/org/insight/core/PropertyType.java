package org.insight.core;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.insight.core.internal.Cleaners;
import org.insight.core.internal.Countries;
import org.insight.core.internal.Identifiers;
import org.insight.Messages;

/**
 * The few strong types a property value can have. Each carries its own cleaning: {@link #clean(String)} turns
 * a raw value into the one normalised form the SDK stores, indexes and matches on, or rejects it with an
 * {@link InvalidDataException} (one {@link InvalidDataException.Problem}) saying what was wrong and what to do.
 *
 * <p>Cleaning is idempotent: {@code clean(clean(x)).equals(clean(x))} for every accepted {@code x}, so values
 * can be re-cleaned safely (after a schema change, on re-ingest). Cleaning never throws anything but
 * {@code InvalidDataException} for bad input ({@code NullPointerException} for a null value).
 *
 * <p>The {@link #id()} of each type (e.g. {@code "geo"}) is what schema files use and is persisted; it never
 * changes.
 */
public enum PropertyType {
  /**
   * A name as displayed: NFC-normalised, control characters removed, whitespace collapsed to single spaces,
   * trimmed; 1–500 characters; case is kept. {@code "  John\n  SMITH "} → {@code "John SMITH"}.
   */
  NAME("name", "Name", true, Cleaners::name),
  /**
   * A date with partial precision, output in ISO form: {@code 1975}, {@code 1975-03} or {@code 1975-03-09}.
   * Read as {@link DateParser#defaults()} reads it: ISO extended and basic ({@code 19750309}, {@code 197503}),
   * ISO week and ordinal dates, day-first {@code 09.03.1975} / {@code 09/03/1975} (sources writing month-first
   * need a {@link DateParser} with {@link DateParser.Order#MDY}; a value that only reads month-first is reported,
   * never swapped), English month names ({@code 9 March 1975}), and ISO date-times, of which the date part is kept
   * <em>as written</em> (not shifted to UTC, which could change the day). Two-digit years need a parser with a
   * pivot. Dates must exist (no 1975-02-30); years 1000–2999.
   */
  DATE("date", "Date", true, Cleaners::date),
  /**
   * A country as a lowercase ISO 3166-1 alpha-2 code ({@code fr}), from an alpha-2 or alpha-3 code or an
   * English name (case-, diacritic- and punctuation-insensitive), plus common aliases (UK → gb, USA → us,
   * Russia → ru). {@code xk} (Kosovo) is accepted.
   */
  COUNTRY("country", "Country", true, Countries::clean),
  /**
   * An identifier: spaces, dashes, dots and slashes removed, uppercased, 1–64 ASCII letters and digits. With a
   * scheme ({@link #clean(String, String)}), the scheme's format and check digit are enforced too.
   */
  IDENTIFIER("identifier", "Identifier", true, raw -> Identifiers.clean(raw, null)),
  /**
   * A phone number in E.164 form: {@code +} and 8–15 digits, the first not 0. Spaces, dashes, dots and
   * brackets are removed, a leading {@code 00} is read as {@code +}, a bracketed trunk zero {@code (0)} after
   * the country code is dropped. Numbers without an international prefix are rejected: telling national
   * numbering plans apart is the job of {@code insight-nlp}.
   */
  PHONE("phone", "Phone number", true, Cleaners::phone),
  /**
   * An e-mail address: trimmed ({@code mailto:} dropped), exactly one {@code @}, a dot-atom local part (case
   * kept: it is the mailbox owner's to interpret) and a domain with a dot, converted to lowercase ASCII
   * (internationalised names to punycode).
   */
  EMAIL("email", "E-mail address", true, Cleaners::email),
  /**
   * A postal address on one line: NFC-normalised, control characters removed, lines joined with {@code ", "},
   * whitespace collapsed; 1–1000 characters.
   */
  ADDRESS("address", "Address", true, Cleaners::address),
  /**
   * A point in decimal degrees as {@code "lat,lon"} (input also {@code "lat lon"}, {@code "lat;lon"}), ranges
   * checked, at most 6 decimals (about 0.1 m), no trailing zeros: {@code 48.856600, 2.35220} →
   * {@code 48.8566,2.3522}.
   */
  GEO_POINT("geo", "Geographic point", false, Cleaners::geoPoint),
  /**
   * Free text: NFC-normalised, control characters removed except newline and tab (CR and CRLF become
   * newline), trimmed; non-empty, at most 1,000,000 characters.
   */
  TEXT("text", "Text", false, Cleaners::text),
  /**
   * An absolute http, https, ftp or ftps URL with a host; scheme and host lowercased, the rest kept as
   * written.
   */
  URL("url", "URL", false, Cleaners::url),
  /**
   * A finite decimal number as a plain string without trailing zeros: {@code "1,500.50"} → {@code "1500.5"},
   * {@code "1e3"} → {@code "1000"}. {@code ','} is only read as a thousands separator (groups of three).
   */
  NUMBER("number", "Number", false, Cleaners::number),
  /**
   * A reference to another entity by id: trimmed, lowercased, {@code [a-z0-9][a-z0-9._:-]{0,127}}.
   */
  ENTITY("entity", "Entity reference", false, Cleaners::entity);

  private final String id;
  private final String label;
  private final boolean matchable;
  private final UnaryOperator<String> cleaner;

  PropertyType(String id, String label, boolean matchable, UnaryOperator<String> cleaner) {
    this.id = id;
    this.label = label;
    this.matchable = matchable;
    this.cleaner = cleaner;
  }

  /**
   * The stable identifier used in schema files, e.g. {@code "geo"} for {@link #GEO_POINT}.
   *
   * @return the type id
   */
  public String id() {
    return id;
  }

  /**
   * A human name for the type, e.g. {@code "Phone number"}.
   *
   * @return the label
   */
  public String label() {
    return label;
  }

  /**
   * Whether two entities sharing a value of this type is evidence that they are the same or linked (names,
   * dates, countries, identifiers, phones, e-mails, addresses), so matching and graph building use it.
   *
   * @return true for types worth matching on
   */
  public boolean matchable() {
    return matchable;
  }

  /**
   * Cleans a raw value into this type's normalised form.
   *
   * @param raw the value as found in the source
   * @return the normalised value
   * @throws InvalidDataException if the value cannot be read as this type (one problem, with the fix)
   * @throws NullPointerException if {@code raw} is null
   */
  public String clean(String raw) {
    if (raw == null) {
      throw new NullPointerException("raw value of type " + id + " is null; leave the property out instead");
    }
    return cleaner.apply(raw);
  }

  /**
   * Cleans a raw value under an identifier scheme. The scheme only applies to {@link #IDENTIFIER}; null or
   * empty means none (generic). Known schemes: {@code generic}, {@code iban} (mod-97), {@code bic} (8 or 11
   * characters), {@code lei} (20 characters, mod-97), {@code imei} (15 digits, Luhn), {@code imo} ({@code
   * IMO} + 7 digits, check digit; output {@code IMO9074729}), {@code vin} (17 characters without I, O, Q; the
   * North-American check digit is not enforced because VINs from elsewhere do not have one), {@code passport}
   * (4–20 characters), {@code national-id} (2–32 characters), {@code sha256} (64 hex digits, output
   * lowercase) and {@code crypto} (20–128 letters and digits, case kept because base58 addresses are
   * case-sensitive).
   *
   * @param raw the value as found in the source
   * @param scheme the identifier scheme, or null / empty for none
   * @return the normalised value
   * @throws InvalidDataException if the value is not valid under the scheme
   * @throws SchemaException if the scheme is unknown (the message lists the known ones), or a scheme is given
   *     for a type other than {@code IDENTIFIER}
   */
  public String clean(String raw, String scheme) {
    if (this == IDENTIFIER) {
      if (raw == null) {
        throw new NullPointerException("raw identifier is null; leave the property out instead");
      }
      return Identifiers.clean(raw, scheme);
    }
    if (scheme != null && !scheme.isBlank()) {
      throw new SchemaException("scheme '" + scheme + "' given for a " + id + " value; only identifier values"
          + " have schemes: remove the scheme or make the property an identifier");
    }
    return clean(raw);
  }

  /**
   * The known identifier schemes (for {@link #clean(String, String)}).
   *
   * @return scheme names, {@code generic} first
   */
  public static Set<String> identifierSchemes() {
    return Identifiers.schemes();
  }

  /**
   * Resolves a type by its {@link #id()} (case-insensitive), as schema files name them.
   *
   * @param id a type id such as {@code "date"}
   * @return the type
   * @throws SchemaException if no type has this id; the message lists the available ids
   */
  public static PropertyType forId(String id) {
    for (PropertyType t : values()) {
      if (t.id.equalsIgnoreCase(id == null ? "" : id.strip())) {
        return t;
      }
    }
    Set<String> ids = Arrays.stream(values()).map(PropertyType::id).collect(Collectors.toSet());
    throw new SchemaException("unknown property type '" + id + "'; "
        + Messages.available(id == null ? "" : id.toLowerCase(Locale.ROOT), ids));
  }
}
