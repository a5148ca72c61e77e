package org.insight.workspace;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.insight.InsightException;
import org.insight.policy.Label;
import org.insight.search.Query;
import org.insight.search.Visibility;

/**
 * A session's standing queries and alerts ({@link Session#alerts()}): save a question to be asked of every batch that
 * lands, list what it raised, acknowledge it. Everything here is the session principal's own: another principal's
 * queries and alerts are, for this session, not there. An alert is listed only while the session may still see its
 * label and its query's label (a clearance reduced later hides what it lost). Not itself a read: each call is one,
 * audited once.
 *
 * <pre>{@code
 * Alerts alerts = session.alerts();
 * alerts.save("name:\"Ivan Petrov\" OR \"blue van\"", "op heron: new sightings", Label.of("FR"));
 * ... // a watcher or an ingest lands a batch
 * for (Alert a : alerts.list(null)) { ... alerts.acknowledge(a.id()); }
 * }</pre>
 */
public final class Alerts {
  private final Session session;
  private final Workspace workspace;

  Alerts(Session session) {
    this.session = session;
    this.workspace = session.workspace();
  }

  /**
   * Saves a search in the analyst syntax ({@link Query#parse}) as a standing query of this session's principal, for
   * this session's purpose: every batch that lands from now on is searched with it as this principal may then see it.
   * Saving the same query again (same text and label) is idempotent.
   *
   * @param query the query, checked now against the schema
   * @param reason what it serves, e.g. "op heron: new sightings of the van"
   * @param label the label the saved query carries; this principal must satisfy it
   * @throws org.insight.search.QuerySyntaxException when the query does not parse or names an unknown property
   * @throws WriteRefusedException when this principal does not satisfy the label
   */
  public StandingQuery save(String query, String reason, Label label) {
    return saved(StandingQuery.Kind.SEARCH, query, reason, label);
  }

  /**
   * Saves a screening subject: a person's name, matched against each batch as a name (across spelling, script and
   * order, as a {@code name:} search is), as a standing query of this session's principal; see {@link #save}.
   */
  public StandingQuery saveSubject(String name, String reason, Label label) {
    return saved(StandingQuery.Kind.SUBJECT, name, reason, label);
  }

  /**
   * Saves a graph pattern: any new link to {@code entity} — an edge of one of {@code kinds} touching it in this
   * principal's graph (as {@link Session#graph} builds it: explicit links, references, shared identifiers,
   * co-mentions, ...) whose evidence includes something a batch brought — as a standing query of this session's
   * principal; see {@link #save}. Each such edge raises one alert, ever, with the statements and documents behind it.
   *
   * @param kinds the edge kinds that count; empty: every kind
   */
  public StandingQuery saveLink(org.insight.core.EntityId entity, java.util.Set<org.insight.graph.EdgeKind> kinds,
      String reason, Label label) {
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(kinds, "kinds");
    StandingQuery.LinkPattern p = new StandingQuery.LinkPattern(entity, kinds.isEmpty() ? PatternEvaluator.allKinds()
        : java.util.EnumSet.copyOf(kinds));
    return saved(StandingQuery.Kind.LINK, p.text(), reason, label);
  }

  /**
   * Saves a trend alarm: a CUSUM alarm on {@code category} among the events of {@code source} this principal may
   * see (as {@link Session#trends} counts them, weekly, the last 8 weeks monitored), evaluated after every batch, as a
   * standing query of this session's principal; see {@link #save}. Each new alarm (a category and the period its
   * change began) raises one alert, with the documents or statements of the category's events since then.
   */
  public StandingQuery saveTrend(TrendSource source, String category, String reason, Label label) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(category, "category");
    if (category.isBlank() || source.toString().contains(" category=") || source.value().isPresent()) {
      throw new IllegalArgumentException("a trend standing query needs a category and a source without a value"
          + " property, e.g. saveTrend(TrendSource.of(\"Event\", \"category\"), \"burglary\", ...)");
    }
    return saved(StandingQuery.Kind.TREND, new StandingQuery.TrendPattern(source, category).text(), reason, label);
  }

  private StandingQuery saved(StandingQuery.Kind kind, String text, String reason, Label label) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(label, "label");
    if (reason.isBlank()) {
      throw new IllegalArgumentException("a standing query needs the reason it serves (it is audited and shown with"
          + " its alerts), e.g. \"op heron: new sightings\"");
    }
    ensureWritable();
    String audited = "kind=" + kind + " label=" + label;
    try {
      session.authorise("alert.save", List.of(), List.of(label)); // a writer attaches only labels it holds
      StandingQuery probe = new StandingQuery("probe", session.principal().id(), session.purpose(), kind, text, reason,
          label, workspace.now());
      if (kind.searches()) {
        workspace.store.search(probe.query().limit(1), Visibility.none()); // refuses an unknown property now
      } else if (kind == StandingQuery.Kind.TREND && !probe.trendPattern().source().documents()) {
        session.types(probe.trendPattern().source().type()); // refuses an unknown type with the known ones
      }
    } catch (WriteRefusedException e) {
      throw e; // audited as refused
    } catch (RuntimeException e) {
      session.audit("alert.save", audited, List.of(), "error: " + e.getClass().getSimpleName());
      throw e;
    }
    String id = StandingQuery.idFor(session.principal().id(), kind, text, label);
    session.audit("alert.save", audited + " reason=" + reason, List.of(id), "ok"); // write-ahead
    return workspace.standing.save(session.principal(), session.purpose(), kind, text, reason, label);
  }

  /** This principal's standing queries whose label it may still see, in the order saved. */
  public List<StandingQuery> queries() {
    return session.audited("alert.queries", "", () -> {
      workspace.standing.know(session.principal());
      return workspace.standing.queriesOf(session.principal().id()).stream()
          .filter(q -> workspace.decide(session.principal(), session.purpose(), q.label()).allowed()).toList();
    }, list -> list.stream().map(StandingQuery::id).toList());
  }

  /**
   * Removes one of this principal's standing queries: it raises nothing more (its alerts stay listed).
   *
   * @return whether there was such a query of this principal
   */
  public boolean remove(String queryId) {
    Objects.requireNonNull(queryId, "queryId");
    ensureWritable();
    return session.audited("alert.remove", queryId,
        () -> workspace.standing.remove(session.principal().id(), queryId), ok -> ok ? List.of(queryId) : List.of());
  }

  /**
   * This principal's alerts raised at or after {@code since} (all when null), oldest first — only those whose label,
   * and whose query's label, this session may see now.
   */
  public List<Alert> list(Instant since) {
    return session.audited("alert.list", "since=" + (since == null ? "*" : since.toString()), () -> {
      if (!workspace.readOnly()) {
        workspace.standing.know(session.principal());
      }
      return workspace.standing.alertsOf(session.principal().id()).stream()
          .filter(a -> since == null || !a.raised().isBefore(since))
          .filter(this::visible).toList();
    }, list -> list.stream().map(Alert::id).toList());
  }

  /**
   * This principal's daily digest: its alerts raised on {@code day} (UTC) that this session may see now, with the
   * standing queries that raised them and the conjunction of their labels — what a daily product renders (the
   * insight-report module's {@code Reports.alertDigest}). One audit entry naming the alerts.
   */
  public AlertDigest digest(java.time.LocalDate day) {
    Objects.requireNonNull(day, "day");
    return session.audited("alert.digest", "day=" + day, () -> {
      Instant from = day.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
      Instant to = day.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
      List<Alert> alerts = workspace.standing.alertsOf(session.principal().id()).stream()
          .filter(a -> !a.raised().isBefore(from) && a.raised().isBefore(to)).filter(this::visible).toList();
      java.util.Set<String> used = new java.util.HashSet<>();
      alerts.forEach(a -> used.add(a.queryId()));
      List<StandingQuery> queries = workspace.standing.queriesOf(session.principal().id()).stream()
          .filter(q -> used.contains(q.id()))
          .filter(q -> workspace.decide(session.principal(), session.purpose(), q.label()).allowed()).toList();
      Optional<Label> label = Optional.empty();
      for (Alert a : alerts) {
        label = Optional.of(label.map(l -> l.andOrStricter(a.label())).orElse(a.label()));
      }
      for (StandingQuery q : queries) {
        label = Optional.of(label.map(l -> l.andOrStricter(q.label())).orElse(q.label()));
      }
      return new AlertDigest(session.principal().id(), day, alerts, queries, label);
    }, d -> d.alerts().stream().map(Alert::id).toList());
  }

  /**
   * Acknowledges one of this principal's visible alerts (durably); acknowledging it again changes nothing.
   *
   * @return the alert as acknowledged; empty when there is no such alert this session may see
   */
  public Optional<Alert> acknowledge(String alertId) {
    Objects.requireNonNull(alertId, "alertId");
    ensureWritable();
    return session.audited("alert.ack", alertId, () -> {
      Optional<Alert> mine = workspace.standing.alertsOf(session.principal().id()).stream()
          .filter(a -> a.id().equals(alertId)).filter(this::visible).findFirst();
      return mine.isEmpty() ? Optional.<Alert>empty()
          : workspace.standing.acknowledge(session.principal().id(), alertId, workspace.now());
    }, a -> a.map(x -> List.of(x.id())).orElse(List.of()));
  }

  /**
   * Retries now what failed: evaluations of standing queries that threw on a batch (or whose owner could not be
   * looked up), over the items of that batch as they are now, and alerts the {@link AlertListener} refused. Both are
   * otherwise retried after the next batch lands. Every owner's are retried (an evaluation is the workspace's work,
   * not this session's), but only this principal's own new alerts that this session may see are returned; alert ids
   * are stable, so nothing is raised or delivered twice for the same query and item.
   *
   * @return this principal's alerts raised by the retry, oldest first
   */
  public List<Alert> retry() {
    ensureWritable();
    // audited once, inside the pass (as "alert.retry", before anything is made durable or returned)
    return workspace.standing.retry(session).raised().stream()
        .filter(a -> a.owner().equals(session.principal().id())).filter(this::visible).toList();
  }

  private boolean visible(Alert a) {
    StandingQuery q = workspace.standing.query(a.queryId());
    Label queryLabel = q == null ? a.label() : q.label();
    return workspace.decide(session.principal(), session.purpose(), a.label()).allowed()
        && workspace.decide(session.principal(), session.purpose(), queryLabel).allowed();
  }

  private void ensureWritable() {
    if (workspace.readOnly()) {
      throw new InsightException("the workspace in " + workspace.directory() + " is open read-only; open it for"
          + " writing to change standing queries or acknowledge alerts");
    }
  }
}
