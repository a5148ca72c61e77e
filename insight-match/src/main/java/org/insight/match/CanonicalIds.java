package org.insight.match;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Canonical cluster ids that survive re-runs, and the merges and splits between two runs.
 *
 * <p>The previous run is given as a mapping record id → cluster id for the records that were in clusters of two or
 * more; a record not in it was alone and has its singleton id (the id {@link Linker} gives a cluster whose smallest
 * member it is). Each previous id is inherited by the new cluster holding most of its records (ties: the cluster
 * whose smallest member sorts first). A new cluster keeps, of the ids it inherits, the one of the largest previous
 * cluster (ties: the smaller id); a cluster of lone records keeps its smallest member's singleton id; a cluster that
 * inherits nothing (a part split off) gets its smallest member's singleton id, or a fresh id derived from it when
 * that one is taken. A new cluster holding records of two or more previous clusters is a {@link ClusterEvent.Kind#MERGE};
 * a previous cluster of two or more whose records now sit in two or more clusters is a
 * {@link ClusterEvent.Kind#SPLIT}. Pure and deterministic: the same inputs give the same ids and events.
 */
public final class CanonicalIds {

  private CanonicalIds() {}

  /**
   * The clusters of this run under their canonical ids, and the events since the previous run.
   *
   * @param clusters every cluster of this run, singletons included, sorted by id
   * @param events merges (in cluster id order), then splits (in previous id order)
   * @param mapping record id → cluster id for the records in clusters of two or more: the {@code previous} of the
   *     next run
   */
  public record Assignment(List<Cluster> clusters, List<ClusterEvent> events, Map<String, String> mapping) {
    public Assignment {
      clusters = List.copyOf(clusters);
      events = List.copyOf(events);
      mapping = java.util.Collections.unmodifiableMap(new TreeMap<>(mapping));
    }
  }

  /** The singleton id of a record: what a cluster of one (or a new cluster whose smallest member it is) is called. */
  public static String singletonId(String recordId) {
    return Cluster.idOf(recordId);
  }

  /**
   * Assigns ids to {@code current} (the clusters of a run, as {@link LinkResult#clusters()} gives them) given the
   * {@code previous} mapping.
   */
  public static Assignment assign(Map<String, String> previous, List<Cluster> current) {
    List<List<String>> groups = new ArrayList<>();
    for (Cluster c : current) {
      List<String> ids = new ArrayList<>(c.recordIds());
      ids.sort(null);
      groups.add(ids);
    }
    groups.sort(Comparator.comparing((List<String> g) -> g.get(0)));
    Map<String, Integer> previousSize = new HashMap<>();
    previous.values().forEach(id -> previousSize.merge(id, 1, Integer::sum));

    // how many records of each previous id each group holds
    List<Map<String, List<String>>> from = new ArrayList<>();
    Map<String, Integer> heir = new HashMap<>();
    Map<String, Integer> heirCount = new HashMap<>();
    for (int g = 0; g < groups.size(); g++) {
      Map<String, List<String>> byOld = new LinkedHashMap<>();
      for (String r : groups.get(g)) {
        byOld.computeIfAbsent(old(previous, r), k -> new ArrayList<>()).add(r);
      }
      from.add(byOld);
      for (Map.Entry<String, List<String>> e : byOld.entrySet()) {
        int n = e.getValue().size();
        Integer best = heirCount.get(e.getKey());
        // groups are in order of their smallest member, so the first of equal counts wins the tie
        if (best == null || n > best) {
          heir.put(e.getKey(), g);
          heirCount.put(e.getKey(), n);
        }
      }
    }

    String[] ids = new String[groups.size()];
    Set<String> taken = new HashSet<>();
    for (int g = 0; g < groups.size(); g++) {
      String kept = null;
      for (String oldId : from.get(g).keySet()) {
        if (heir.get(oldId) == g && previousSize.containsKey(oldId)
            && (kept == null || better(oldId, kept, previousSize))) {
          kept = oldId;
        }
      }
      if (kept == null) {
        // only lone records inherited: the smallest of them names the cluster, unless its singleton id is still a
        // previous cluster's (it was that cluster's smallest member and has left it)
        for (String r : groups.get(g)) {
          String lone = singletonId(r);
          if (!previous.containsKey(r) && !previousSize.containsKey(lone) && !taken.contains(lone)) {
            kept = lone;
            break;
          }
        }
      }
      if (kept != null) {
        ids[g] = kept;
        taken.add(kept);
      }
    }
    for (int g = 0; g < groups.size(); g++) {
      if (ids[g] == null) {
        String base = groups.get(g).get(0);
        String id = singletonId(base);
        for (int k = 1; taken.contains(id) || previousSize.containsKey(id); k++) {
          id = singletonId(base + "#" + k);
        }
        ids[g] = id;
        taken.add(id);
      }
    }

    List<Cluster> clusters = new ArrayList<>();
    Map<String, String> mapping = new HashMap<>();
    List<ClusterEvent> merges = new ArrayList<>();
    for (int g = 0; g < groups.size(); g++) {
      clusters.add(new Cluster(ids[g], groups.get(g)));
      if (groups.get(g).size() > 1) {
        for (String r : groups.get(g)) {
          mapping.put(r, ids[g]);
        }
      }
      if (from.get(g).size() > 1) {
        Map<String, List<String>> shownParts = new TreeMap<>();
        from.get(g).forEach((k, v) -> shownParts.put(shown(k), v));
        Map<String, List<String>> parts = new LinkedHashMap<>();
        if (shownParts.containsKey(ids[g])) {
          parts.put(ids[g], shownParts.get(ids[g]));
        }
        shownParts.forEach(parts::putIfAbsent);
        merges.add(new ClusterEvent(ClusterEvent.Kind.MERGE, ids[g], parts));
      }
    }
    // splits: a previous cluster of two or more whose records are now in two or more groups
    Map<String, Map<String, List<String>>> spread = new TreeMap<>();
    for (int g = 0; g < groups.size(); g++) {
      for (Map.Entry<String, List<String>> e : from.get(g).entrySet()) {
        if (previousSize.containsKey(e.getKey())) {
          spread.computeIfAbsent(e.getKey(), k -> new TreeMap<>()).put(ids[g], e.getValue());
        }
      }
    }
    List<ClusterEvent> splits = new ArrayList<>();
    spread.forEach((oldId, parts) -> {
      if (parts.size() > 1) {
        Map<String, List<String>> ordered = new LinkedHashMap<>();
        if (parts.containsKey(oldId)) {
          ordered.put(oldId, parts.get(oldId));
        }
        parts.forEach(ordered::putIfAbsent);
        splits.add(new ClusterEvent(ClusterEvent.Kind.SPLIT, oldId, ordered));
      }
    });
    clusters.sort(Comparator.comparing(Cluster::id));
    merges.sort(Comparator.comparing(ClusterEvent::cluster));
    List<ClusterEvent> events = new ArrayList<>(merges);
    events.addAll(splits);
    return new Assignment(clusters, events, mapping);
  }

  /** The previous cluster id of a record, or a key of its own when it was alone (never equal to a cluster id). */
  private static String old(Map<String, String> previous, String record) {
    String id = previous.get(record);
    return id != null ? id : LONE + record;
  }

  private static final String LONE = "\u0000";

  /** The id under which a previous group is shown in an event. */
  private static String shown(String oldKey) {
    return oldKey.startsWith(LONE) ? singletonId(oldKey.substring(LONE.length())) : oldKey;
  }

  /** The larger previous cluster; then the smaller id. */
  private static boolean better(String a, String b, Map<String, Integer> size) {
    int sa = size.get(a);
    int sb = size.get(b);
    if (sa != sb) {
      return sa > sb;
    }
    return a.compareTo(b) < 0;
  }
}
