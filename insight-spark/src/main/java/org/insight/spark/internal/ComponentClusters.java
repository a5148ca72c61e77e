package org.insight.spark.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.insight.match.Judgement;
import org.insight.match.LinkKernel;
import org.insight.policy.Label;

/**
 * The clusters of one connected component of a run's match graph, by the embedded clusterer
 * ({@link LinkKernel#cluster}) with the component's own members, edges and judgements, as cluster rows labelled with
 * the conjunction of their members' labels. Not API.
 */
public final class ComponentClusters {

  private ComponentClusters() {}

  /** The cluster rows (cluster_id, record_ids, label) of a component of {@code members} and {@code edges}. */
  public static List<Row> of(LinkKernel kernel, Collection<LinkRecord> members, Collection<LinkEdge> edges,
      Map<String, List<Judgement>> judgements) {
    List<LinkRecord> ordered = new ArrayList<>(members);
    ordered.sort(LinkRecord.RUN_ORDER);
    List<org.insight.match.MatchRecord> records = new ArrayList<>(ordered.size());
    Map<String, Integer> position = new HashMap<>();
    Map<String, LinkRecord> byId = new HashMap<>();
    for (LinkRecord r : ordered) {
      position.put(r.id(), records.size());
      records.add(r.record());
      byId.put(r.id(), r);
    }
    List<LinkKernel.Edge> local = new ArrayList<>(edges.size());
    for (LinkEdge e : edges) {
      local.add(new LinkKernel.Edge(position.get(e.left()), position.get(e.right()), e.weight()));
    }
    Set<Judgement> own = new LinkedHashSet<>(); // a judgement names two members or none
    if (!judgements.isEmpty()) {
      ordered.forEach(r -> own.addAll(judgements.getOrDefault(r.id(), List.of())));
    }
    List<Row> out = new ArrayList<>();
    for (List<String> ids : kernel.cluster(records, local, own)) {
      out.add(row(ids, ids.stream().map(byId::get).toList()));
    }
    return out;
  }

  /** The row of one record alone. */
  public static Row single(LinkRecord r) {
    return row(List.of(r.id()), List.of(r));
  }

  private static Row row(List<String> ids, List<LinkRecord> members) {
    if (members.size() == 1) {
      return RowFactory.create(LinkKernel.clusterId(ids.get(0)), ids.toArray(new String[0]), members.get(0).label());
    }
    List<Label> labels = new ArrayList<>();
    for (LinkRecord m : members) {
      if (m.label() != null) {
        labels.add(m.record().label());
      }
    }
    Label label = labels.isEmpty() ? null : Label.allOf(labels);
    return RowFactory.create(LinkKernel.clusterId(ids.get(0)), ids.toArray(new String[0]),
        label == null ? null : label.toString());
  }
}
