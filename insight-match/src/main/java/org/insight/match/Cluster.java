package org.insight.match;

import java.util.List;

/**
 * Records judged to be one real-world entity.
 *
 * @param id a stable id: {@code "cl-"} and 16 hex digits of the SHA-256 of the smallest member id (by
 *     {@link String#compareTo}), so re-running over the same or grown data gives a cluster the same id as long as
 *     its smallest member stays in it
 * @param recordIds member ids, sorted
 */
public record Cluster(String id, List<String> recordIds) {
  public Cluster {
    recordIds = List.copyOf(recordIds);
  }
}
