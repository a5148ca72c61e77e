package org.insight.geo;

import java.time.Instant;
import java.util.Objects;

/**
 * An entity seen at a place and a time: a person involved in an event, a phone in a call's cell.
 *
 * @param entity the id of who or what was seen
 * @param point where
 * @param time when
 * @param source the id of the record that says so (the event, the call), kept as evidence
 */
public record Sighting(String entity, GeoPoint point, Instant time, String source) {

  public Sighting {
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(point, "point");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(source, "source");
  }
}
