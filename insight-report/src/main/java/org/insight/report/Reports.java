package org.insight.report;

import java.time.Clock;
import java.util.Objects;
import org.insight.core.EntityId;
import org.insight.report.internal.AlertDigests;
import org.insight.report.internal.CaseDigests;
import org.insight.report.internal.Collected;
import org.insight.report.internal.Dashboards;
import org.insight.report.internal.Maps;
import org.insight.report.internal.Networks;
import org.insight.report.internal.Profiles;
import org.insight.trends.TrendReport;
import org.insight.workspace.Session;

/**
 * Makes products for one session ({@code Reports.of(session)}). Each product is one audited read
 * ({@link Session#product}): its reads go through the session — so they see only what it may see — and are recorded
 * in one audit entry, {@code report.<kind>}, which names the reads made and every item the product holds; the id of
 * that entry is in the product's banner. Nothing is written to the workspace.
 *
 * <p>The case digest waits for cases (not yet in the workspace).
 */
public final class Reports {
  private final Session session;
  private final Clock clock;

  private Reports(Session session, Clock clock) {
    this.session = session;
    this.clock = clock;
  }

  /** Products for this session, stamped with the system clock's time. */
  public static Reports of(Session session) {
    return of(session, Clock.systemUTC());
  }

  /** Products for this session, stamped with {@code clock}'s time. */
  public static Reports of(Session session, Clock clock) {
    return new Reports(Objects.requireNonNull(session, "session"), Objects.requireNonNull(clock, "clock"));
  }

  /**
   * Everything this session may see about one entity: its statements by property with provenance and grading, the
   * documents that mention it (with snippets), its screening flags, the records resolved with it, the network around
   * it (one hop), a map of its places and events, and a timeline.
   *
   * @throws ReportException when no entity with this id is visible (missing and invisible look the same)
   */
  public Product profile(EntityId id) {
    Objects.requireNonNull(id, "id");
    return make("report.profile", id.value(), reader -> Profiles.read(reader, id));
  }

  /** The network around {@code centre} within {@code hops} (1..3) hops, as a link chart with its nodes and edges. */
  public Product network(EntityId centre, int hops) {
    Objects.requireNonNull(centre, "centre");
    if (hops < 1 || hops > 3) {
      throw new IllegalArgumentException("hops must be 1, 2 or 3, got " + hops);
    }
    return make("report.network", centre.value() + " hops=" + hops, reader -> Networks.around(reader, centre, hops));
  }

  /** The whole network this session may see, as a link chart with its nodes and edges. */
  public Product network() {
    return make("report.network", "*", Networks::whole);
  }

  /**
   * Every point this session may see on country outlines, with DBSCAN clusters ({@code clusterMetres}, at least 3
   * points) and Getis–Ord hotspots over cells of {@code cellMetres}.
   */
  public Product map(double cellMetres, double clusterMetres) {
    if (!(cellMetres > 0) || !(clusterMetres > 0)) {
      throw new IllegalArgumentException("cellMetres and clusterMetres must be > 0, got " + cellMetres + " and "
          + clusterMetres);
    }
    return make("report.map", "cellMetres=" + cellMetres + " clusterMetres=" + clusterMetres,
        reader -> Maps.read(reader, cellMetres, clusterMetres));
  }

  /**
   * A dashboard of a trends analysis: each series with its expected band and alarms, the alarms, the period
   * comparisons and the new co-occurrences. The analysis read (and audited) its own inputs; the dashboard reads
   * nothing more and is audited as one entry naming its categories.
   */
  public Product trends(TrendReport report) {
    Objects.requireNonNull(report, "report");
    return make("report.trends", "series=" + report.series().size(), reader -> Dashboards.of(report));
  }

  /**
   * A digest of a case as this session may see it (see {@code Session.cases()}): its members, what it concerns
   * (named by the captions this session may see), notes and annotations, tasks and history, each with its label.
   *
   * @throws ReportException when there is no such case or this session may not see it (the same error for both)
   */
  public Product caseDigest(String caseId) {
    Objects.requireNonNull(caseId, "caseId");
    return make("report.case", "case=" + caseId, reader -> CaseDigests.read(reader, caseId));
  }

  /**
   * This session principal's daily digest: the alerts its standing queries raised on {@code day} (UTC) that it may
   * see now, by standing query (its reason, text and label), each with what it points at as this session may see it
   * now and its evidence; another principal's alerts are never in it (see {@code Alerts.digest}).
   */
  public Product alertDigest(java.time.LocalDate day) {
    Objects.requireNonNull(day, "day");
    return make("report.alerts", "day=" + day, reader -> AlertDigests.read(reader, day));
  }

  private Product make(String operation, String query, java.util.function.Function<Session, Collected> read) {
    return session.product(operation, query, read, Collected::items, (collected, auditId) -> collected.product(
        Banner.of(collected.label(), session.purpose().name(), session.principal().id(), clock.instant(), auditId)));
  }
}
