package org.insight.workspace;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import org.insight.core.EntityId;
import org.insight.core.Statement;
import org.insight.graph.EdgeKind;
import org.insight.graph.GraphEdge;
import org.insight.graph.Network;
import org.insight.policy.Label;
import org.insight.policy.Principal;
import org.insight.trends.Alarm;
import org.insight.trends.TrendAnalysis;
import org.insight.trends.TrendData;
import org.insight.trends.TrendEvent;

/**
 * The evaluation of graph-pattern and trend standing queries over one batch, as each owner: "any new link to entity
 * X" over the owner's graph ({@link Session#graph}'s network, unaudited: the batch is audited once as a whole), an
 * edge touching X of the kinds asked whose evidence includes a statement or document of the batch; and "a CUSUM alarm
 * on category C" over the owner's visible events ({@link Session#trends}'s data, with the default weekly analysis),
 * an alarm of category C not alerted before. Both see only what the owner may see: an invisible link or event is no
 * edge and no count. Alerts carry the conjunction of the labels of their evidence and of the query.
 */
final class PatternEvaluator {
  private final Workspace workspace;

  PatternEvaluator(Workspace workspace) {
    this.workspace = workspace;
  }

  AlertEvaluator.Outcome evaluate(Collection<EntityId> entities, Collection<String> documents,
      Collection<StandingQuery> queries, Function<String, Optional<Principal>> owners, Predicate<String> known) {
    Instant now = workspace.now();
    List<String> entityIds = new LinkedHashSet<>(entities).stream().map(EntityId::value).toList();
    List<String> documentIds = List.copyOf(new LinkedHashSet<>(documents));
    Map<String, Network> networks = new HashMap<>();
    Map<String, Set<String>> batchStatements = new HashMap<>();
    List<Alert> raised = new ArrayList<>();
    List<AlertJournal.Failure> failed = new ArrayList<>();
    for (StandingQuery q : queries) {
      try {
        Optional<Principal> owner = owners.apply(q.owner());
        if (owner.isEmpty() || !workspace.decide(owner.get(), q.purpose(), q.label()).allowed()) {
          continue; // an owner gone, or no longer cleared for their own question: it asks nothing
        }
        Session as = workspace.session(owner.get(), q.purpose());
        String key = owner.get() + "\u0000" + q.purpose().name();
        if (q.kind() == StandingQuery.Kind.LINK) {
          Network network = networks.computeIfAbsent(key, k -> Graphs.unaudited(as, GraphOptions.defaults()));
          Set<String> fresh = batchStatements.computeIfAbsent(key, k -> statementsOf(as, entities));
          links(q, network, fresh, new HashSet<>(documentIds), known, now, raised);
        } else {
          alarms(q, as, known, now, raised);
        }
      } catch (RuntimeException e) {
        failed.add(new AlertJournal.Failure(AlertJournal.Failure.idFor(q.id(), entityIds, documentIds), q.id(),
            entityIds, documentIds, e.getClass().getSimpleName(), now));
      }
    }
    return new AlertEvaluator.Outcome(raised, failed, queries.size());
  }

  private static Set<String> statementsOf(Session as, Collection<EntityId> entities) {
    Set<String> out = new HashSet<>();
    for (EntityId id : new LinkedHashSet<>(entities)) {
      as.visibleEntity(id).ifPresent(e -> e.statements().forEach(s -> out.add(s.id())));
    }
    return out;
  }

  private static void links(StandingQuery q, Network network, Set<String> batchStatements, Set<String> batchDocuments,
      Predicate<String> known, Instant now, List<Alert> raised) {
    StandingQuery.LinkPattern pattern = q.linkPattern();
    EntityId x = pattern.entity();
    for (GraphEdge edge : network.edges()) {
      if (!(edge.source().equals(x) || edge.target().equals(x)) || !pattern.kinds().contains(edge.kind())) {
        continue;
      }
      boolean fresh = edge.documents().stream().anyMatch(batchDocuments::contains)
          || edge.statements().stream().anyMatch(batchStatements::contains);
      if (!fresh) {
        continue;
      }
      String id = Alert.idFor(q.id(), edge.source() + "\u0000" + edge.target() + "\u0000" + edge.kind() + "\u0000"
          + edge.type() + "\u0000" + edge.value());
      if (!known.test(id)) {
        raised.add(new Alert(id, q.id(), q.owner(), Alert.Kind.LINK, edge.other(x).value(),
            edge.label().andOrStricter(q.label()), edge.documents(), edge.statements(), now, Optional.empty()));
      }
    }
  }

  private void alarms(StandingQuery q, Session as, Predicate<String> known, Instant now, List<Alert> raised) {
    StandingQuery.TrendPattern pattern = q.trendPattern();
    TrendData data = new Trends(as).read(pattern.source());
    for (Alarm alarm : TrendAnalysis.builder().build().analyse(data).alarms()) {
      if (!alarm.category().equals(pattern.category())) {
        continue;
      }
      String id = Alert.idFor(q.id(), alarm.category() + "\u0000" + alarm.start());
      if (known.test(id)) {
        continue;
      }
      // the evidence: the category's visible events from the alarm's start on
      Label label = q.label();
      Set<String> docs = new TreeSet<>();
      Map<String, Label> statements = new java.util.TreeMap<>();
      for (TrendEvent e : data.events()) {
        if (!e.category().equals(alarm.category()) || e.day().isBefore(alarm.start())) {
          continue;
        }
        if (pattern.source().documents()) {
          docs.add(e.source());
          label = e.label().map(label::andOrStricter).orElse(label);
        } else {
          as.visibleEntity(EntityId.of(e.source())).ifPresent(en -> en.statements().stream()
              .filter(s -> relevant(s, pattern)).forEach(s -> statements.put(s.id(), s.label())));
        }
      }
      for (Label l : new LinkedHashSet<>(statements.values())) {
        label = label.andOrStricter(l);
      }
      raised.add(new Alert(id, q.id(), q.owner(), Alert.Kind.ALARM, "alarm:" + alarm.category() + ":" + alarm.start(),
          label, List.copyOf(docs), List.copyOf(statements.keySet()), now, Optional.empty()));
    }
  }

  /** A statement an event was built from: its time, or its category value (by a property). */
  private static boolean relevant(Statement s, StandingQuery.TrendPattern pattern) {
    TrendSource source = pattern.source();
    return s.property().equals(source.by()) && s.value().equals(pattern.category())
        || source.time().map(s.property()::equals).orElse(TrendSource.TIMES.contains(s.property()));
  }

  /** The kinds a link query asks for when none are named: every kind the graph has. */
  static Set<EdgeKind> allKinds() {
    return EnumSet.allOf(EdgeKind.class);
  }
}
