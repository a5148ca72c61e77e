package org.insight.geo;

import java.time.Duration;

/**
 * Two sightings of different entities close in space and time: one piece of evidence of a {@link CoLocation}.
 *
 * @param first the sighting of the pair's first entity
 * @param second the sighting of its second
 * @param metres the great-circle distance between them
 * @param apart the time between them (never negative)
 */
public record Encounter(Sighting first, Sighting second, double metres, Duration apart) {
}
