package org.insight.geo;

import java.time.Duration;
import java.util.Objects;

/**
 * Two consecutive sightings of one entity too far apart for the time between them.
 *
 * @param entity who or what
 * @param from the earlier sighting
 * @param to the next one
 * @param metres the great-circle distance between them
 * @param apart the time between them (zero for two places at once)
 * @param kmh the implied speed, infinite when {@code apart} is zero
 */
public record ImpossibleTravel(String entity, Sighting from, Sighting to, double metres, Duration apart, double kmh) {

  public ImpossibleTravel {
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(apart, "apart");
  }
}
