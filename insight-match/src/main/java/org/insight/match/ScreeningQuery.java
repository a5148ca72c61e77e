package org.insight.match;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.insight.core.PropertyType;

/**
 * A person to screen: a name in any script, and optionally a birth date (partial: {@code 1975}, {@code 1975-03}),
 * countries (nationality), identifiers of any scheme (passport, national id: exact after normalisation), and any
 * other property the model compares. Immutable; the {@code with…} methods return a new query. Values are cleaned
 * as {@link MatchRecord} cleans them; a value that cannot be read is refused with the core's
 * {@code InvalidDataException}, which names it.
 *
 * <p>An identifier of unknown scheme is compared with every identifier property of each candidate: it counts where
 * it agrees with one of them, and is no evidence where it does not (a number of another scheme cannot disagree).
 *
 * @param record the query as a record (id {@code query}): name, birthDate, nationality and other properties
 * @param identifiers cleaned identifiers of unknown scheme
 */
public record ScreeningQuery(MatchRecord record, List<String> identifiers) {

  public ScreeningQuery {
    Objects.requireNonNull(record, "record");
    identifiers = List.copyOf(identifiers);
  }

  /** A query for a name. */
  public static ScreeningQuery of(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("the name to screen is blank; give the person's name in any script");
    }
    return new ScreeningQuery(MatchRecord.of("query", "query", Map.of("name", List.of(name))), List.of());
  }

  /** A record as a query (continuous screening): its values as they are. */
  public static ScreeningQuery of(MatchRecord record) {
    return new ScreeningQuery(record, List.of());
  }

  /** The query's first name value, or empty. */
  public String name() {
    List<String> names = record.get("name");
    return names.isEmpty() ? "" : names.get(0);
  }

  /** With a birth date (full or partial). */
  public ScreeningQuery withBirthDate(String date) {
    return with("birthDate", date);
  }

  /** With a country of nationality (code or English name). */
  public ScreeningQuery withCountry(String country) {
    return with("nationality", country);
  }

  /** With an identifier of unknown scheme (passport, national id…). */
  public ScreeningQuery withIdentifier(String value) {
    Objects.requireNonNull(value, "value");
    List<String> ids = new ArrayList<>(identifiers);
    String clean = PropertyType.IDENTIFIER.clean(value);
    if (!ids.contains(clean)) {
      ids.add(clean);
    }
    return new ScreeningQuery(record, ids);
  }

  /** With one more value of a property ({@code alias}, {@code passportNumber}, {@code gender}…). */
  public ScreeningQuery with(String property, String value) {
    Objects.requireNonNull(property, "property");
    if (value == null || value.isBlank()) {
      return this;
    }
    Map<String, List<String>> values = new LinkedHashMap<>(record.values());
    List<String> list = new ArrayList<>(values.getOrDefault(property, List.of()));
    list.add(value);
    values.put(property, list);
    return new ScreeningQuery(new MatchRecord(record.id(), record.dataset(), values, record.label()), identifiers);
  }
}
