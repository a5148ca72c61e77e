package org.insight.geo;

import java.util.Objects;
import java.util.Optional;

/**
 * When an entity first entered an area, as its sightings show: the first sighting inside, and the last sighting
 * outside before it, if any (the entity entered between the two; without one it was already inside when first seen).
 *
 * @param entity who or what
 * @param first its earliest sighting inside the area
 * @param before its last sighting outside the area before {@code first}, if there is one
 */
public record GeofenceEntry(String entity, Sighting first, Optional<Sighting> before) {

  public GeofenceEntry {
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(before, "before");
  }
}
