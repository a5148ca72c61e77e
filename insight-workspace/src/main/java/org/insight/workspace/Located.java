package org.insight.workspace;

import java.time.Instant;
import java.util.Optional;
import org.insight.core.EntityId;
import org.insight.geo.GeoPoint;
import org.insight.policy.Label;

/**
 * A point a session may see: an entity's geo value (a Location's point, an Address's location, a Call's cell, an
 * Event's point or its Location's), or a document's GPS position read by extraction.
 *
 * @param entity the entity (or, for a document, its id)
 * @param schema its type ({@code Document} for a document)
 * @param property where the point came from: a geo property, {@code location.point} (an event's Location), or
 *     {@code metadata.geo} (a document's GPS)
 * @param point the position
 * @param time when, from the entity's {@code startTime} (an ISO date-time; one without an offset is read as UTC)
 * @param label the label of the point's statement, joined with the Location's for {@code location.point}
 */
public record Located(EntityId entity, String schema, String property, GeoPoint point, Optional<Instant> time,
    Label label) {
}
