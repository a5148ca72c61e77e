package org.insight.policy;

import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.insight.InsightException;

/**
 * A member-country access profile from a deployment's profile file ({@link Profiles}): a country and a role, the
 * purposes its users may declare, and the authorisations those yield. Users are given principals by profile, not by
 * code: {@link #principal(String)}.
 *
 * @param name the profile's name (e.g. {@code fr-analyst})
 * @param country the member country, ISO 3166-1 alpha-2 (e.g. {@code FR})
 * @param role the role (e.g. {@code analyst})
 * @param purposes the purposes a session under this profile may declare; never empty
 * @param authorizations the union of the country's, the role's and the profile's own tokens
 * @param line the line of the profile file where the profile is declared, for messages
 */
public record Profile(String name, String country, String role, Set<Purpose> purposes, SortedSet<String> authorizations,
    int line) {

  /** Copies the sets. */
  public Profile {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(country, "country");
    Objects.requireNonNull(role, "role");
    purposes = Set.copyOf(purposes);
    authorizations = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(authorizations));
  }

  /** The principal of user {@code id} under this profile: the profile's authorisations, nothing more. */
  public Principal principal(String id) {
    return new Principal(id, authorizations);
  }

  /**
   * Checks that a session under this profile may declare {@code purpose}.
   *
   * @throws InsightException naming the purposes allowed when it may not
   */
  public Purpose purpose(Purpose purpose) {
    Objects.requireNonNull(purpose, "purpose");
    if (!purposes.contains(purpose)) {
      throw new InsightException("profile '" + name + "' may not declare the purpose " + purpose + "; it allows "
          + new TreeSet<>(purposes.stream().map(Purpose::name).toList()));
    }
    return purpose;
  }
}
