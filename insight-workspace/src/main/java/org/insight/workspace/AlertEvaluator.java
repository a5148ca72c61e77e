package org.insight.workspace;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import org.insight.core.Document;
import org.insight.core.EntityId;
import org.insight.core.Mention;
import org.insight.core.Statement;
import org.insight.policy.Label;
import org.insight.policy.Principal;
import org.insight.policy.Purpose;
import org.insight.search.Hit;
import org.insight.search.Index;
import org.insight.search.Presearcher;
import org.insight.search.Query;
import org.insight.search.Visibility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The evaluation of standing queries over one batch. The batch's documents and the whole current state of the
 * entities it touched (every statement of them, whatever its label) are written to a scratch index of their own; a
 * {@link Presearcher} picks, from that index's terms, the queries that could match anything in it (in one pass, the
 * others cannot match and are not run); each candidate then runs there as its owner — the visibility that owner has
 * now, the purpose the query was saved under — exactly as a search of theirs would over the whole workspace. So the
 * alerts are those of running every query, at the cost of the few that could match, and nothing the owner cannot see
 * makes a match, a count or a label. A query whose evaluation throws (or whose owner cannot be looked up) is returned
 * as a failure to be retried, never dropped.
 */
final class AlertEvaluator {
  private static final Logger LOG = LoggerFactory.getLogger(AlertEvaluator.class);

  /** What one evaluation raised and what it could not do. */
  record Outcome(List<Alert> raised, List<AlertJournal.Failure> failed, int candidates) {}

  private final Workspace workspace;
  private final Presearcher presearcher;

  AlertEvaluator(Workspace workspace) {
    this.workspace = workspace;
    this.presearcher = Presearcher.of(workspace.schema());
  }

  /**
   * Evaluates {@code queries} over the batch of these entities and documents; {@code owners} says who each owner is
   * now; alerts for which {@code known} holds were raised before and are not raised again.
   */
  Outcome evaluate(Collection<EntityId> entities, Collection<String> documents, Collection<StandingQuery> queries,
      Function<String, Optional<Principal>> owners, Predicate<String> known) {
    List<String> entityIds = new LinkedHashSet<>(entities).stream().map(EntityId::value).toList();
    List<String> documentIds = List.copyOf(new LinkedHashSet<>(documents));
    workspace.store.refresh();
    Visibility all = Visibility.of(workspace.store.labels());
    List<Statement> statements = new ArrayList<>();
    for (EntityId id : new LinkedHashSet<>(entities)) {
      statements.addAll(workspace.store.statements(id, all));
    }
    List<Document> docs = new ArrayList<>();
    List<Mention> mentions = new ArrayList<>();
    for (String id : documentIds) {
      workspace.store.document(id, all).ifPresent(d -> {
        docs.add(d);
        mentions.addAll(workspace.store.mentions(id, all));
      });
    }
    if (statements.isEmpty() && docs.isEmpty()) {
      return new Outcome(List.of(), List.of(), 0);
    }
    // in memory: the scratch index lives for this evaluation only, and syncing it would buy nothing
    try (Index batch = Index.inMemory(workspace.schema())) {
      batch.write(statements, docs);
      if (!mentions.isEmpty()) {
        batch.writeMentions(mentions);
      }
      batch.refresh();
      // every item of the batch can be a hit, and no more: a bounded result, not the index's maximum
      int limit = Math.min(Query.MAX_LIMIT, statements.size() + docs.size());
      return match(batch, limit, queries, owners, known, entityIds, documentIds);
    }
  }

  /** Forgets what the presearch compiled for queries no longer saved. */
  void retain(Collection<StandingQuery> saved) {
    Set<Query> keep = new java.util.HashSet<>();
    saved.forEach(q -> keep.add(q.query()));
    presearcher.retain(keep);
  }

  private Outcome match(Index batch, int limit, Collection<StandingQuery> queries,
      Function<String, Optional<Principal>> owners, Predicate<String> known, List<String> entityIds,
      List<String> documentIds) {
    Instant now = workspace.now();
    Map<StandingQuery, Query> compiled = new LinkedHashMap<>();
    List<AlertJournal.Failure> failed = new ArrayList<>();
    for (StandingQuery q : queries) {
      try {
        compiled.put(q, q.query());
      } catch (RuntimeException e) {
        failed.add(failure(q, entityIds, documentIds, e, now));
      }
    }
    Set<StandingQuery> candidates = presearcher.candidates(compiled, batch);
    Set<String> labels = batch.labels();
    Map<String, Optional<Principal>> ownerNow = new HashMap<>();
    Map<String, Visibility> byOwner = new HashMap<>();
    List<Alert> raised = new ArrayList<>();
    for (StandingQuery q : candidates) {
      try {
        Optional<Principal> owner = ownerNow.computeIfAbsent(q.owner(), owners);
        if (owner.isEmpty() || !workspace.decide(owner.get(), q.purpose(), q.label()).allowed()) {
          continue; // an owner gone, or no longer cleared for their own question: it asks nothing
        }
        Visibility visibility = byOwner.computeIfAbsent(owner.get().id() + '\u0000' + q.purpose().name(),
            k -> visibleTo(owner.get(), q.purpose(), labels));
        if (visibility.labels().isEmpty()) {
          continue;
        }
        List<Hit> hits = batch.search(compiled.get(q).limit(limit).highlight(false), visibility).hits();
        for (Hit h : hits) {
          String id = Alert.idFor(q.id(), h.id());
          if (!known.test(id)) {
            raised.add(alert(id, q, h, now));
          }
        }
      } catch (RuntimeException e) {
        LOG.warn("standing query {} could not be evaluated on a batch; it is recorded and retried: {}", q.id(),
            e.toString());
        failed.add(failure(q, entityIds, documentIds, e, now));
      }
    }
    return new Outcome(raised, failed, candidates.size());
  }

  private static AlertJournal.Failure failure(StandingQuery q, List<String> entities, List<String> documents,
      RuntimeException e, Instant now) {
    return new AlertJournal.Failure(AlertJournal.Failure.idFor(q.id(), entities, documents), q.id(), entities,
        documents, e.getClass().getSimpleName(), now);
  }

  private static Alert alert(String id, StandingQuery q, Hit h, Instant now) {
    if (h.kind() == Hit.Kind.DOCUMENT) {
      Document d = h.document().orElseThrow();
      return new Alert(id, q.id(), q.owner(), Alert.Kind.DOCUMENT, h.id(), d.label().andOrStricter(q.label()),
          List.of(d.id()), List.of(), now, Optional.empty());
    }
    List<Statement> visible = h.entity().orElseThrow().statements();
    Label label = q.label();
    for (Label l : new LinkedHashSet<>(visible.stream().map(Statement::label).toList())) {
      label = label.andOrStricter(l);
    }
    return new Alert(id, q.id(), q.owner(), Alert.Kind.ENTITY, h.id(), label, List.of(),
        visible.stream().map(Statement::id).sorted().toList(), now, Optional.empty());
  }

  private Visibility visibleTo(Principal owner, Purpose purpose, Set<String> labels) {
    Set<String> visible = new TreeSet<>();
    for (String text : labels) {
      if (workspace.decide(owner, purpose, Label.parse(text)).allowed()) {
        visible.add(text);
      }
    }
    return Visibility.of(visible);
  }

}
