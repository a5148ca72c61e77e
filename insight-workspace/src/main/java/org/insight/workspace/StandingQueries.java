package org.insight.workspace;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.insight.core.EntityId;
import org.insight.policy.Label;
import org.insight.policy.Principal;
import org.insight.policy.Purpose;

/**
 * Standing queries and their alerts inside a workspace: the one place that serialises them. Storage is
 * {@link AlertJournal}, evaluation {@link AlertEvaluator}, delivery {@link AlertDelivery}; this class runs one pass
 * per batch over them — evaluate the batch, retry what failed before, make the outcome durable, audit it once, hand
 * the alerts over. Not API: {@link Alerts} and {@link Session} delegate here.
 */
final class StandingQueries {
  static final String DIRECTORY = "automation";

  /** What one pass did. */
  record Pass(List<Alert> raised, int failed, int retried, int pending, int delivered, int candidates) {}

  private final Workspace workspace;
  private final Function<String, Optional<Principal>> principals; // null: the owner's latest known principal
  private final AlertJournal journal;
  private final AlertEvaluator evaluator;
  private final PatternEvaluator patterns;
  private final AlertDelivery delivery;
  private final Object lock = new Object();
  /**
   * Batches recorded by {@link #beforeWrite} whose writer has not yet evaluated them, with how many writes of that
   * same batch are under way. Another pass leaves them to their writer: evaluated before they are stored, they would
   * be marked done with nothing found, and a stop before the writer's own pass would lose their alerts.
   */
  private final Map<String, Integer> inFlight = new HashMap<>();

  StandingQueries(Workspace workspace, Function<String, Optional<Principal>> principals, AlertListener listener) {
    this.workspace = workspace;
    this.principals = principals;
    this.journal = new AlertJournal(workspace.directory().resolve(DIRECTORY), workspace.readOnly());
    this.evaluator = new AlertEvaluator(workspace);
    this.patterns = new PatternEvaluator(workspace);
    this.delivery = new AlertDelivery(listener);
  }

  // ---------------------------------------------------------------- saved queries

  StandingQuery save(Principal owner, Purpose purpose, StandingQuery.Kind kind, String text, String reason, Label label) {
    synchronized (lock) {
      journal.reload();
      String id = StandingQuery.idFor(owner.id(), kind, text, label);
      StandingQuery existing = journal.queries.get(id);
      if (existing != null && existing.purpose().equals(purpose) && existing.reason().equals(reason)) {
        know(owner);
        return existing;
      }
      StandingQuery q = new StandingQuery(id, owner.id(), purpose, kind, text, reason, label, workspace.now());
      journal.saved(q, owner);
      return q;
    }
  }

  boolean remove(String owner, String id) {
    synchronized (lock) {
      journal.reload();
      StandingQuery q = journal.queries.get(id);
      if (q == null || !q.owner().equals(owner)) {
        return false;
      }
      journal.removed(id);
      evaluator.retain(journal.queries.values().stream().filter(x -> x.kind().searches()).toList());
      return true;
    }
  }

  /** The owner's standing queries, in the order saved. */
  List<StandingQuery> queriesOf(String owner) {
    synchronized (lock) {
      journal.reload();
      return journal.queries.values().stream().filter(q -> q.owner().equals(owner)).toList();
    }
  }

  /**
   * Records the owner's authorisations as a session of theirs presents them now, so a clearance reduced since the
   * query was saved stops matching what it lost (when the workspace has no principal directory).
   */
  void know(Principal owner) {
    synchronized (lock) {
      journal.reload();
      Principal known = journal.owners.get(owner.id());
      if (known == null || known.equals(owner) || workspace.readOnly()) {
        return;
      }
      journal.knew(owner);
    }
  }

  // ---------------------------------------------------------------- alerts

  List<Alert> alertsOf(String owner) {
    synchronized (lock) {
      journal.reload();
      return journal.alerts.values().stream().filter(a -> a.owner().equals(owner)).toList();
    }
  }

  StandingQuery query(String id) {
    synchronized (lock) {
      return journal.queries.get(id);
    }
  }

  Optional<Alert> acknowledge(String owner, String id, Instant when) {
    synchronized (lock) {
      journal.reload();
      Alert a = journal.alerts.get(id);
      if (a == null || !a.owner().equals(owner)) {
        return Optional.empty();
      }
      return Optional.of(a.acknowledged().isPresent() ? a : journal.acknowledged(a, when));
    }
  }

  /** Erasure: the alerts (and pending retries) of erased items go too. */
  void erased(Collection<String> ids) {
    synchronized (lock) {
      journal.reload();
      journal.erased(ids);
    }
  }

  /** Whether any query is saved, or anything waits to be retried: a workspace without any pays nothing per batch. */
  boolean any() {
    synchronized (lock) {
      journal.reload();
      return !journal.queries.isEmpty() || !journal.failures.isEmpty() || !journal.undelivered.isEmpty();
    }
  }

  // ---------------------------------------------------------------- evaluation

  /**
   * Matches every standing query against what a batch brought (already durable), as each query's owner, and retries
   * what failed before; new matches become durable alerts, audited once for the whole pass as {@code writer}, then
   * handed to the listener (with any it refused before).
   */
  void afterWrite(Session writer, Collection<EntityId> entities, Collection<String> documents, String ahead) {
    if (workspace.readOnly() || (entities.isEmpty() && documents.isEmpty()) || (ahead == null && !any())) {
      return;
    }
    pass(writer, "alert.evaluate", entities, documents, ahead);
  }

  /**
   * Called before a batch is stored: when standing queries exist, records the batch (ids only) as not yet evaluated,
   * synced, so that a process stopped between the write and its evaluation leaves the batch to the next pass (a retry
   * over every query) instead of losing its alerts. Returns the record's id for {@link #afterWrite}, or null.
   */
  String beforeWrite(Collection<EntityId> entities, Collection<String> documents) {
    if (workspace.readOnly() || (entities.isEmpty() && documents.isEmpty())) {
      return null;
    }
    synchronized (lock) {
      journal.reload();
      if (journal.queries.isEmpty()) {
        return null;
      }
      List<String> ids = entities.stream().map(EntityId::value).toList();
      List<String> docs = List.copyOf(documents);
      AlertJournal.Failure f = new AlertJournal.Failure(AlertJournal.Failure.idFor(AlertJournal.EVERY_QUERY, ids, docs),
          AlertJournal.EVERY_QUERY, ids, docs, "written but not yet evaluated", workspace.now());
      journal.evaluated(List.of(), List.of(f), List.of(), true);
      inFlight.merge(f.id(), 1, Integer::sum);
      return f.id();
    }
  }

  /**
   * Called once the write that {@link #beforeWrite} recorded as {@code pending} is over, stored and evaluated or
   * failed: from now on any pass may retry its record (a failed store leaves it to be evaluated as the items are).
   */
  void settled(String pending) {
    if (pending == null) {
      return;
    }
    synchronized (lock) {
      inFlight.computeIfPresent(pending, (id, n) -> n == 1 ? null : n - 1);
    }
  }

  /** Retries every failed evaluation and undelivered alert now, audited once as {@code session}'s call. */
  Pass retry(Session session) {
    if (workspace.readOnly()) {
      throw new IllegalStateException("the workspace is open read-only; open it for writing to retry alerts");
    }
    return pass(session, "alert.retry", List.of(), List.of(), null);
  }

  private Pass pass(Session session, String action, Collection<EntityId> entities, Collection<String> documents,
      String ahead) {
    synchronized (lock) {
      journal.reload();
      List<StandingQuery> saved = List.copyOf(journal.queries.values());
      Set<String> raisedIds = new HashSet<>();
      List<Alert> raised = new ArrayList<>();
      List<AlertJournal.Failure> failed = new ArrayList<>();
      int candidates = 0;
      if (!entities.isEmpty() || !documents.isEmpty()) {
        AlertEvaluator.Outcome o = evaluate(entities, documents, saved, id -> journal.alerts.containsKey(id));
        add(o, raised, raisedIds, failed);
        candidates += o.candidates();
      }
      List<String> retried = retryFailures(raised, raisedIds, failed, ahead);
      List<String> done = new ArrayList<>(retried);
      if (ahead != null && journal.failures.containsKey(ahead)) {
        done.add(ahead); // this batch, written ahead of its evaluation, was just evaluated above
      }
      int pending = (int) (journal.failures.size() - done.size()
          + failed.stream().filter(f -> !journal.failures.containsKey(f.id())).count());
      session.audit(action, "entities=" + entities.size() + " documents=" + documents.size() + " queries="
          + saved.size() + " candidates=" + candidates + " alerts=" + raised.size() + " failed=" + failed.size()
          + " retried=" + retried.size(), raised.stream().map(Alert::id).toList(), "ok");
      List<AlertJournal.Failure> newFailures = failed.stream().filter(f -> !journal.failures.containsKey(f.id()))
          .toList();
      journal.evaluated(raised, newFailures, done, !delivery.listening());
      int delivered = 0;
      if (delivery.listening() && !journal.undelivered.isEmpty()) {
        List<Alert> due = journal.undelivered.stream().map(journal.alerts::get).filter(a -> a != null).toList();
        List<String> taken = delivery.deliver(due);
        journal.delivered(taken);
        delivered = taken.size();
      }
      return new Pass(raised, failed.size(), retried.size(), pending, delivered, candidates);
    }
  }

  /**
   * Evaluates again each failed evaluation still pending — its query over the items of its batch, as they are now —
   * grouped by batch (one scratch index each). Its new matches are raised (ids are stable: nothing twice); a failure
   * whose query was removed since is dropped. Returns the ids of the failures done.
   */
  private List<String> retryFailures(List<Alert> raised, Set<String> raisedIds, List<AlertJournal.Failure> failed,
      String ahead) {
    Map<List<List<String>>, List<AlertJournal.Failure>> byBatch = new LinkedHashMap<>();
    for (AlertJournal.Failure f : journal.failures.values()) {
      if (f.id().equals(ahead)) {
        continue; // the batch of this pass, evaluated by it
      }
      if (inFlight.containsKey(f.id())) {
        continue; // another writer is storing this batch now: its own pass evaluates it
      }
      byBatch.computeIfAbsent(List.of(f.entities(), f.documents()), k -> new ArrayList<>()).add(f);
    }
    List<String> done = new ArrayList<>();
    for (Map.Entry<List<List<String>>, List<AlertJournal.Failure>> e : byBatch.entrySet()) {
      List<StandingQuery> queries = new ArrayList<>();
      for (AlertJournal.Failure f : e.getValue()) {
        if (f.queryId().equals(AlertJournal.EVERY_QUERY)) {
          queries.addAll(journal.queries.values()); // a batch whose evaluation never ran
          continue;
        }
        StandingQuery q = journal.queries.get(f.queryId());
        if (q == null) {
          done.add(f.id()); // removed since: it asks nothing more
        } else {
          queries.add(q);
        }
      }
      queries = new ArrayList<>(new java.util.LinkedHashSet<>(queries));
      if (queries.isEmpty()) {
        e.getValue().stream().filter(f -> f.queryId().equals(AlertJournal.EVERY_QUERY)).forEach(f -> done.add(f.id()));
        continue;
      }
      AlertEvaluator.Outcome o = evaluate(e.getKey().get(0).stream().map(EntityId::of).toList(),
          e.getKey().get(1), queries, id -> journal.alerts.containsKey(id) || raisedIds.contains(id));
      Set<String> stillFailing = new HashSet<>();
      o.failed().forEach(f -> stillFailing.add(f.queryId()));
      for (AlertJournal.Failure f : e.getValue()) {
        // a batch never evaluated is done once evaluated: its queries that failed now are recorded one by one
        boolean every = f.queryId().equals(AlertJournal.EVERY_QUERY);
        if ((every || !stillFailing.contains(f.queryId())) && !done.contains(f.id())) {
          done.add(f.id());
        }
      }
      for (Alert a : o.raised()) {
        if (raisedIds.add(a.id())) {
          raised.add(a);
        }
      }
      failed.addAll(o.failed());
    }
    return done;
  }

  /** Searches and subjects over the batch's scratch index, patterns over each owner's view: one outcome. */
  private AlertEvaluator.Outcome evaluate(Collection<EntityId> entities, Collection<String> documents,
      List<StandingQuery> queries, java.util.function.Predicate<String> known) {
    List<StandingQuery> searches = queries.stream().filter(q -> q.kind().searches()).toList();
    List<StandingQuery> others = queries.stream().filter(q -> !q.kind().searches()).toList();
    List<Alert> raised = new ArrayList<>();
    List<AlertJournal.Failure> failed = new ArrayList<>();
    int candidates = 0;
    if (!searches.isEmpty()) {
      AlertEvaluator.Outcome o = evaluator.evaluate(entities, documents, searches, this::owner, known);
      raised.addAll(o.raised());
      failed.addAll(o.failed());
      candidates += o.candidates();
    }
    if (!others.isEmpty()) {
      AlertEvaluator.Outcome o = patterns.evaluate(entities, documents, others, this::owner, known);
      raised.addAll(o.raised());
      failed.addAll(o.failed());
      candidates += o.candidates();
    }
    return new AlertEvaluator.Outcome(raised, failed, candidates);
  }

  private static void add(AlertEvaluator.Outcome o, List<Alert> raised, Set<String> raisedIds,
      List<AlertJournal.Failure> failed) {
    for (Alert a : o.raised()) {
      if (raisedIds.add(a.id())) {
        raised.add(a);
      }
    }
    failed.addAll(o.failed());
  }

  /** The owner as the deployment's directory says now, else as their latest session presented them. */
  private Optional<Principal> owner(String id) {
    if (principals != null) {
      return principals.apply(id).filter(p -> p.id().equals(id));
    }
    return Optional.ofNullable(journal.owners.get(id));
  }
}
