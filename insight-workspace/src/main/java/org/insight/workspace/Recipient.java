package org.insight.workspace;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.insight.policy.Principal;
import org.insight.policy.Profile;
import org.insight.policy.Purpose;

/**
 * Whom a product is released to: a principal with its authorisations, or a member-country profile (its
 * authorisations and the purposes it may declare).
 *
 * @param name the principal id, or {@code profile:NAME}
 * @param principal the authorisations a release is checked against
 * @param purposes the purposes the recipient may declare; empty when it is not restricted (a principal)
 */
public record Recipient(String name, Principal principal, Optional<Set<Purpose>> purposes) {
  /** Copies the purposes. */
  public Recipient {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(principal, "principal");
    purposes = purposes.map(Set::copyOf);
  }

  /** A principal with its authorisations. */
  public static Recipient of(Principal principal) {
    return new Recipient(principal.id(), principal, Optional.empty());
  }

  /** A member-country profile: its authorisations, for the purposes it allows. */
  public static Recipient of(Profile profile) {
    return new Recipient("profile:" + profile.name(), profile.principal("profile:" + profile.name()),
        Optional.of(profile.purposes()));
  }
}
