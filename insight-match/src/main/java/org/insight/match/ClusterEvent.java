package org.insight.match;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A change of clustering between two runs, for an analyst to review (and undo with a judgement).
 *
 * @param kind merge or split
 * @param cluster for a merge, the id the merged cluster kept; for a split, the id of the cluster that split
 * @param parts for a merge, the groups that came together, each under the cluster id it had before (a record that
 *     was alone has its singleton id); for a split, the groups it split into, each under its id after the run. The
 *     first part is the one that kept (merge) or retained (split) the cluster id
 */
public record ClusterEvent(Kind kind, String cluster, Map<String, List<String>> parts) {

  /** What happened. */
  public enum Kind {
    /** Records of two or more clusters (or lone records) now form one cluster. */
    MERGE,
    /** The records of one cluster now sit in two or more clusters. */
    SPLIT
  }

  public ClusterEvent {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(cluster, "cluster");
    Map<String, List<String>> copy = new LinkedHashMap<>();
    parts.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    parts = java.util.Collections.unmodifiableMap(copy);
  }

  /** Every record the event concerns, part by part. */
  public List<String> members() {
    return parts.values().stream().flatMap(List::stream).toList();
  }
}
