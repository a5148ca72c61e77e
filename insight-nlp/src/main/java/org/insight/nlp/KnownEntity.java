package org.insight.nlp;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.insight.policy.Label;

/**
 * An entity an {@link EntitySpotter} looks for in text: its names and aliases, and its identifiers (passport and ID
 * numbers, phone numbers, e-mail addresses, IBANs, wallets).
 *
 * @param id the entity's id
 * @param kind what it is; person names must be more specific than other names to be looked for
 * @param names its names and aliases, as written
 * @param identifiers its identifiers, as written or cleaned
 * @param label the label the entity's names and identifiers carry, conjoined into every mention; empty when
 *     spotting outside a workspace
 */
public record KnownEntity(String id, Kind kind, List<String> names, List<String> identifiers, Optional<Label> label) {

  /** What a known entity is, as far as spotting cares. */
  public enum Kind {
    /** A person: names need two or more distinctive tokens. */
    PERSON,
    /** An organisation: a single rare token ({@code Europol}) may name it. */
    ORGANIZATION,
    /** Anything else with a name: vessels, aircraft, places, operations. */
    OTHER
  }

  /** Checks the fields and copies the lists. */
  public KnownEntity {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("a known entity needs an id");
    }
    Objects.requireNonNull(kind, "kind");
    names = List.copyOf(names);
    identifiers = List.copyOf(identifiers);
    label = Objects.requireNonNullElse(label, Optional.empty());
  }

  /** A known entity without a label. */
  public static KnownEntity of(String id, Kind kind, List<String> names, List<String> identifiers) {
    return new KnownEntity(id, kind, names, identifiers, Optional.empty());
  }

  /** Id, kind, counts and label, never the names or identifiers: a log line must not bypass the label. */
  @Override
  public String toString() {
    return "KnownEntity[id=" + id + ", kind=" + kind + ", names=" + names.size() + ", identifiers=" + identifiers.size()
        + label.map(l -> ", label=" + l).orElse("") + "]";
  }
}
