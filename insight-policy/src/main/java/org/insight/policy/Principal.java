package org.insight.policy;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import org.insight.InsightException;
import org.insight.policy.internal.Text;

/**
 * Who is reading: an identity and the authorization tokens it holds.
 *
 * @param id the principal's identifier, not blank (e.g. a user or service account name)
 * @param authorizations the tokens held; copied to an immutable sorted set, none of them blank
 */
public record Principal(String id, Set<String> authorizations) {

  /**
   * Validates and copies.
   *
   * @throws InsightException if the id is blank, or a token is null, blank or not well-formed UTF-16
   */
  public Principal {
    if (id == null || id.isBlank()) {
      throw new InsightException("A principal needs a non-blank id (a user or service account name)");
    }
    if (authorizations == null) {
      throw new InsightException("Principal \"" + id + "\": the authorization set is null; pass an empty set"
          + " for a principal without authorizations");
    }
    TreeSet<String> copy = new TreeSet<>();
    for (String a : authorizations) {
      if (a == null || a.isBlank()) {
        throw new InsightException("Principal \"" + id + "\": an authorization token is null or blank; remove it"
            + " or give its name");
      }
      if (!Text.wellFormed(a)) {
        throw new InsightException("Principal \"" + id + "\": an authorization token has an unpaired UTF-16"
            + " surrogate; fix the text encoding of the directory it came from");
      }
      copy.add(a);
    }
    authorizations = Collections.unmodifiableSortedSet(copy);
  }

  /** A principal holding the given tokens. */
  public static Principal of(String id, String... authorizations) {
    if (authorizations == null) {
      throw new InsightException("Principal \"" + id + "\": the authorization array is null");
    }
    return new Principal(id, new HashSet<>(Arrays.asList(authorizations)));
  }

  /** A principal holding the given tokens. */
  public static Principal of(String id, Collection<String> authorizations) {
    if (authorizations == null) {
      throw new InsightException("Principal \"" + id + "\": the authorization collection is null");
    }
    return new Principal(id, new HashSet<>(authorizations));
  }
}
