package org.insight.match;

import java.util.List;
import java.util.Objects;
import org.insight.match.internal.Levels;

/**
 * How one property (or a few pooled properties) of two records is compared: into discrete levels, best first, as
 * Splink does. Level 0 is always {@code "null"} (either side has no value: no evidence, weight 0); the last is
 * {@code "else"}. A multi-valued property takes the best level over all value pairs. Every comparison is symmetric:
 * {@code level(a, b) == level(b, a)}.
 *
 * <ul>
 *   <li>{@link #names}: exact (same normalised tokens in any order), then {@link org.insight.names.NameSimilarity}
 *       ≥ 0.92, ≥ 0.85, ≥ 0.75, else — the better of the names as written and with known nicknames and variants
 *       replaced by a canonical form (Bill → William, Sasha → Alexander, Muhammad → Mohammed). Exact agreement is
 *       term-frequency adjusted: a common name weighs less.
 *   <li>{@link #dates}: exact, partial (one date is a less precise form of the other: {@code 1975} vs
 *       {@code 1975-03-14}), day/month swapped, typo (one digit differs, or the year is off by one), else. A corrupted
 *       date kept as written ({@code birthDate.unchecked}, see {@link MatchRecord}) is compared the same way, as text
 *       in ISO positions: {@code 1940-27-04} is a day/month swap of {@code 1940-04-27}.
 *   <li>{@link #identifiers}: exact (after cleaning), else; a blocking key.
 *   <li>{@link #phones}: exact (same digits), national (the same last eight digits: a missing or different country
 *       code, a national trunk prefix — {@code +44 7911 123456} and {@code 07911 123456}), typo (one digit differs
 *       or two adjacent ones are swapped), else; the last eight digits are a blocking key.
 *   <li>{@link #emails}: exact (case-insensitive), normalised (the same after provider normalisation: {@code +tag}
 *       removed, Gmail's dots removed, googlemail = gmail), local-part (the same local part, four characters or
 *       more and not a role account like {@code info}, at another domain), else; the normalised form is a blocking
 *       key.
 *   <li>{@link #addresses}: exact (the same normalised tokens in any order: case, diacritics and punctuation folded,
 *       abbreviations of English, French, Spanish and German expanded — St/Street, r./rue, Av./Avda./Avenue,
 *       Str./Straße, Bd/Blvd/Boulevard), number+street (the same house number and street name, or the same house
 *       number and postcode), token-set similarity ≥ 0.8, ≥ 0.6 (different house numbers stop here), else.
 *   <li>{@link #exact}: exact, else (countries, gender); no blocking key.
 * </ul>
 */
public final class Comparison implements java.io.Serializable {
  private static final long serialVersionUID = 1L;


  /** The kinds of comparison. */
  public enum Kind {
    /** Person or organisation names. */
    NAME,
    /** Dates with partial precision. */
    DATE,
    /** Identifiers (blocking). */
    IDENTIFIER,
    /** Phone numbers (blocking). */
    PHONE,
    /** E-mail addresses (blocking). */
    EMAIL,
    /** Postal addresses. */
    ADDRESS,
    /** Exact equality, no blocking. */
    EXACT
  }

  private final String name;
  private final Kind kind;
  private final List<String> properties;

  private Comparison(String name, Kind kind, List<String> properties) {
    this.name = Objects.requireNonNull(name, "name");
    this.kind = kind;
    if (properties.isEmpty()) {
      throw new IllegalArgumentException("comparison " + name + " names no property; give at least one");
    }
    this.properties = List.copyOf(properties);
  }

  /** Names in the given properties (pooled), named after the first. */
  public static Comparison names(String... properties) {
    return new Comparison(properties[0], Kind.NAME, List.of(properties));
  }

  /** Dates in the given properties, named after the first. */
  public static Comparison dates(String... properties) {
    return new Comparison(properties[0], Kind.DATE, List.of(properties));
  }

  /** Identifiers in the given properties (exact after cleaning), named after the first. */
  public static Comparison identifiers(String... properties) {
    return new Comparison(properties[0], Kind.IDENTIFIER, List.of(properties));
  }

  /** Phone numbers. */
  public static Comparison phones(String... properties) {
    return new Comparison(properties[0], Kind.PHONE, List.of(properties));
  }

  /** E-mail addresses (compared case-insensitively). */
  public static Comparison emails(String... properties) {
    return new Comparison(properties[0], Kind.EMAIL, List.of(properties));
  }

  /** Postal addresses (one line each, as {@link org.insight.core.PropertyType#ADDRESS} cleans them). */
  public static Comparison addresses(String... properties) {
    return new Comparison(properties[0], Kind.ADDRESS, List.of(properties));
  }

  /** Exact equality of the pooled values of the given properties, under a name of your choice. */
  public static Comparison exact(String name, String... properties) {
    return new Comparison(name, Kind.EXACT, List.of(properties));
  }

  /**
   * The person defaults: name, birthDate, passportNumber, idNumber, nationality/country, phone, email, address,
   * gender.
   */
  public static List<Comparison> personDefaults() {
    return List.of(names("name", "alias"), dates("birthDate"), identifiers("passportNumber"),
        identifiers("idNumber"), exact("country", "nationality", "country"), phones("phone"), emails("email"),
        addresses("address"), exact("gender", "gender"));
  }

  /** The comparison's name (unique within a linker). */
  public String name() {
    return name;
  }

  /** Its kind. */
  public Kind kind() {
    return kind;
  }

  /** The properties it reads. */
  public List<String> properties() {
    return properties;
  }

  /** Level names, index 0 = {@code "null"}, then best first, last {@code "else"}. */
  public List<String> levels() {
    return Levels.names(kind);
  }

  /** The level two records reach (an index into {@link #levels()}); symmetric. */
  public int level(MatchRecord a, MatchRecord b) {
    return Levels.compare(kind, values(a), values(b)).level();
  }

  List<String> values(MatchRecord r) {
    if (kind == Kind.DATE) {
      // a corrupted date kept as written still takes part: its valid parts can agree (year, swapped day, one digit)
      java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
      for (String p : properties) {
        out.addAll(r.get(p));
        out.addAll(r.get(p + MatchRecord.UNCHECKED));
      }
      return List.copyOf(out);
    }
    if (properties.size() == 1) {
      return r.get(properties.get(0));
    }
    java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
    for (String p : properties) {
      out.addAll(r.get(p));
    }
    return List.copyOf(out);
  }

  @Override
  public String toString() {
    return name + "(" + kind.name().toLowerCase(java.util.Locale.ROOT) + " " + String.join(",", properties) + ")";
  }
}
