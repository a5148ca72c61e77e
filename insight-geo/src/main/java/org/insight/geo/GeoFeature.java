package org.insight.geo;

import java.util.Map;
import java.util.Objects;

/**
 * A point to export or draw, with its id and properties (strings, numbers, booleans).
 *
 * @param id the feature's id (an entity id)
 * @param point where
 * @param properties what to keep with it, in order
 */
public record GeoFeature(String id, GeoPoint point, Map<String, Object> properties) {

  public GeoFeature {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(point, "point");
    properties = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(properties));
  }
}
