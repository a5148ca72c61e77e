package org.insight.workspace;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.insight.Hashing;
import org.insight.InsightException;
import org.insight.core.Entity;
import org.insight.core.EntityId;
import org.insight.core.EntityType;
import org.insight.core.Link;
import org.insight.core.ProgressListener;
import org.insight.core.Provenance;
import org.insight.core.Statement;
import org.insight.match.CanonicalIds;
import org.insight.match.Cluster;
import org.insight.match.ClusterEvent;
import org.insight.match.ComparisonOutcome;
import org.insight.match.Judgement;
import org.insight.match.LinkResult;
import org.insight.match.Linker;
import org.insight.match.MatchPair;
import org.insight.match.MatchRecord;
import org.insight.policy.Label;

/**
 * Entity resolution in a workspace, bound to one {@link Session} (get it with {@link Session#resolution()}): analyst
 * judgements, resolution runs, the merged view of an entity, and the merge/split events. Everything is read and
 * written through the session, label-filtered like any other call, and each public call writes exactly one audit
 * entry however many entities it reads or writes (rule 6: one call, one entry, durable before the result).
 *
 * <ul>
 *   <li>{@link #judge}: a judgement is a {@code SameAs} entity with a {@code judgement} property, labelled with the
 *       conjunction of both records' labels; who and when are in its provenance. The latest judgement of a pair
 *       wins; every run honours the judgements its session can see.
 *   <li>{@link #run}: links the Person entities this session may see (and only those: what it cannot see never
 *       shapes its clusters) with {@link Linker} (blocking, Fellegi–Sunter with EM, clustering with judgements as
 *       must-/cannot-links), gives clusters canonical ids that survive re-runs ({@link CanonicalIds}, from the
 *       previous run this session can see), and writes one {@code SameAs} link per matched pair inside a cluster
 *       (method {@value #METHOD}, score, explanation, cluster id, run id) and one {@code MatchEvent} per merge or
 *       split. A link carries the conjunction of the labels of <em>every</em> record of its cluster, not only its two
 *       ends: whether two records end up in one cluster depends on the others (a third record can bridge or veto),
 *       so a session that cannot see all of them must not see the link. An event carries the conjunction of its
 *       records' labels.
 *   <li>Each run also writes a marker labelled with the conjunction of the labels of every record it read. A session
 *       uses only the links and events of runs whose marker it can see — runs that read nothing it cannot see — so
 *       a run made by a more cleared principal (whose clusters and learned weights depended on records this session
 *       cannot see) is, for this session, not there. {@link #resolved} and {@link #events} read the latest such run.
 *   <li>{@link #resolved}: the entity with the records the latest run this session can see merged it with.
 *   <li>{@link #undo}: an event is undone by judgements (DIFFERENT between the merged parts' first records, SAME
 *       between the split parts'), so the next run and every later one keeps it undone, and the undo is itself
 *       reviewable.
 * </ul>
 */
public final class Resolution {

  /** The provenance method of model links. */
  public static final String METHOD = "match:fs-em@1";
  /** The provenance method of analyst judgements. */
  public static final String JUDGEMENT_METHOD = "judgement:analyst";

  private static final String SAME_AS = "SameAs";
  private static final String EVENT = "MatchEvent";
  private static final String RUN = "run";

  private final Session session;

  Resolution(Session session) {
    this.session = session;
  }

  /**
   * Records an analyst's judgement on two records this session may see, with a reason. Durable when it returns.
   *
   * @throws InsightException when either record is not visible to this session (or does not exist: the two are
   *     not told apart), or both ids are the same
   */
  public MatchJudgement judge(EntityId left, EntityId right, Judgement.Verdict verdict, String reason) {
    Objects.requireNonNull(left, "left");
    Objects.requireNonNull(right, "right");
    Objects.requireNonNull(verdict, "verdict");
    return session.audited("match.judge", left.value() + " " + right.value() + " verdict=" + verdict,
        () -> doJudge(left, right, verdict, reason), j -> List.of(j.id().value()));
  }

  private MatchJudgement doJudge(EntityId left, EntityId right, Judgement.Verdict verdict, String reason) {
    if (left.equals(right)) {
      throw new InsightException("a judgement needs two different records; got " + left + " twice");
    }
    Entity a = visible(left);
    Entity b = visible(right);
    Instant now = session.workspace().now();
    String why = reason == null ? "" : reason.strip();
    EntityId id = EntityId.of("jd-" + hash(left.value(), right.value(), verdict.name(), session.principal().id(),
        now.toString(), why, Long.toString(System.nanoTime())));
    Map<String, List<String>> values = new LinkedHashMap<>();
    values.put("entity", List.of(left.value()));
    values.put("match", List.of(right.value()));
    values.put("judgement", List.of(verdict.name().toLowerCase(Locale.ROOT)));
    values.put("method", List.of(JUDGEMENT_METHOD));
    if (!why.isEmpty()) {
      values.put("reason", List.of(why));
    }
    Label label = label(a).andOrStricter(label(b));
    Provenance provenance = Provenance.derived("judgement", JUDGEMENT_METHOD,
        List.of(a.statements().get(0).provenance(), b.statements().get(0).provenance()));
    session.write(List.of(build(id, SAME_AS, values, label, provenance)), written -> aheadOf("match.judge", written));
    return new MatchJudgement(id, left, right, verdict, why, session.principal().id(), now, label);
  }

  /**
   * The write-ahead entry of a facade call's write (rule 6: durable before the write is applied); the call's own entry
   * follows when it returns.
   */
  private void aheadOf(String operation, Session.Written written) {
    session.audit("write", operation + " entities=" + written.ids().size() + " statements=" + written.statements(),
        written.ids(), "ok");
  }

  /** The judgements this session may see, oldest first. */
  public List<MatchJudgement> judgements() {
    return session.audited("match.judgements", "", this::doJudgements,
        list -> list.stream().map(j -> j.id().value()).toList());
  }

  private List<MatchJudgement> doJudgements() {
    List<MatchJudgement> out = new ArrayList<>();
    for (Entity e : all(SAME_AS)) {
      judgement(e).ifPresent(out::add);
    }
    out.sort(Comparator.comparing(MatchJudgement::at).thenComparing(MatchJudgement::id));
    return out;
  }

  /**
   * Resolves the Person entities this session may see; see the class comment. Durable when it returns.
   */
  public ResolutionRun run(ResolveOptions options) {
    return run(options, ProgressListener.NONE);
  }

  /** The same, telling {@code progress} how far the matching is (see {@link Linker.Builder#progress}). */
  public ResolutionRun run(ResolveOptions options, ProgressListener progress) {
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(progress, "progress");
    return session.audited("match.resolve", "dataset=" + options.dataset().orElse("*") + " threshold="
        + options.threshold(), () -> doRun(options, progress), r -> List.of(r.run()));
  }

  private ResolutionRun doRun(ResolveOptions options, ProgressListener progress) {
    List<MatchRecord> records = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    Map<String, Entity> byId = new HashMap<>();
    for (Entity e : all("Person")) {
      if (options.dataset().isPresent()
          && e.statements().stream().noneMatch(s -> s.provenance().dataset().equals(options.dataset().get()))) {
        continue;
      }
      try {
        records.add(MatchRecord.of(e));
        byId.put(e.id().value(), e);
      } catch (InsightException | IllegalArgumentException ex) {
        skipped.add(e.id() + ": " + ex.getMessage());
      }
    }
    // the latest judgement of a pair wins: make the order strict so equal clock readings cannot tie
    List<Judgement> judgements = new ArrayList<>();
    Instant last = Instant.MIN;
    for (MatchJudgement j : doJudgements()) {
      Instant at = j.at().isAfter(last) ? j.at() : last.plusNanos(1);
      last = at;
      judgements.add(new Judgement(j.left().value(), j.right().value(), j.verdict(), j.principal(), at));
    }
    LinkResult result = Linker.builder().threshold(options.threshold()).progress(progress).build()
        .dedupe(records, judgements);

    Previous previous = previous();
    CanonicalIds.Assignment assignment = CanonicalIds.assign(previous.mapping, result.clusters());
    Instant now = session.workspace().now();
    String run = String.format(Locale.ROOT, "run-%013d-%s", Math.max(now.toEpochMilli(), previous.millis + 1),
        hash(session.principal().id(), now.toString(), Long.toString(System.nanoTime())).substring(0, 8));

    // every link, event and the marker carry the conjunction of the labels of everything the run read: the learned
    // weights, the blocking and the clustering all depend on every record, so only a reader who may see all of them
    // may see any of the run's effects
    Label runLabel = records.isEmpty() ? null : runLabel(records);
    List<ResolvedCluster> clusters = new ArrayList<>();
    for (Cluster c : assignment.clusters()) {
      if (c.recordIds().size() < 2) {
        continue;
      }
      clusters.add(new ResolvedCluster(c.id(), c.recordIds().stream().map(EntityId::of).toList()));
    }

    List<Entity> writes = new ArrayList<>();
    Map<String, String> mapping = assignment.mapping();
    int links = 0;
    for (MatchPair p : result.pairs()) {
      String cl = mapping.get(p.leftId());
      if (cl == null || !cl.equals(mapping.get(p.rightId()))) {
        continue; // above the threshold but kept apart by clustering (or a conflicting judgement)
      }
      Map<String, List<String>> values = new LinkedHashMap<>();
      values.put("entity", List.of(p.leftId()));
      values.put("match", List.of(p.rightId()));
      values.put("score", List.of(String.format(Locale.ROOT, "%.6f", p.probability())));
      values.put("method", List.of(METHOD));
      values.put("explanation", List.of(explain(p)));
      values.put("cluster", List.of(cl));
      values.put("run", List.of(run));
      EntityId id = EntityId.of("sa-" + hash(run, p.leftId(), p.rightId()));
      writes.add(build(id, SAME_AS, values, runLabel,
          derived(run, List.of(byId.get(p.leftId()), byId.get(p.rightId())))));
      links++;
    }
    List<MatchEvent> events = new ArrayList<>();
    for (ClusterEvent ev : assignment.events()) {
      List<Entity> members = ev.members().stream().map(byId::get).toList();
      Label l = runLabel;
      Map<String, List<String>> values = new LinkedHashMap<>();
      values.put("name", List.of(ev.kind().name().toLowerCase(Locale.ROOT) + " " + ev.cluster()));
      values.put("kind", List.of(ev.kind().name().toLowerCase(Locale.ROOT)));
      values.put("cluster", List.of(ev.cluster()));
      List<String> parts = new ArrayList<>();
      ev.parts().forEach((k, v) -> parts.add(k + "=" + String.join(" ", v)));
      values.put("part", parts);
      values.put("member", ev.members());
      values.put("run", List.of(run));
      EntityId id = EntityId.of("ev-" + hash(run, ev.kind().name(), ev.cluster()));
      writes.add(build(id, EVENT, values, l, derived(run, members)));
      Map<String, List<EntityId>> typed = new LinkedHashMap<>();
      ev.parts().forEach((k, v) -> typed.put(k, v.stream().map(EntityId::of).toList()));
      events.add(new MatchEvent(id, ev.kind(), ev.cluster(), typed, run, session.principal().id(), now, l));
    }
    if (!records.isEmpty()) {
      writes.add(marker(run, records, runLabel));
      session.write(writes, written -> aheadOf("match.resolve", written));
    }
    return new ResolutionRun(run, records.size(), clusters, events, links, result.blocking(), result.conflicts(),
        skipped);
  }

  /**
   * The entity with the records the latest resolution run this session can see merged it with, through the links
   * this session may see; empty when the entity is not visible (or does not exist).
   */
  public Optional<ResolvedEntity> resolved(EntityId id) {
    Objects.requireNonNull(id, "id");
    return session.audited("match.resolved", id.value(), () -> doResolved(id),
        r -> r.map(x -> x.members().stream().map(e -> e.id().value()).toList()).orElse(List.of()));
  }

  private Optional<ResolvedEntity> doResolved(EntityId id) {
    Optional<Entity> self = session.visibleEntity(id);
    if (self.isEmpty()) {
      return Optional.empty();
    }
    List<Entity> links = modelLinks();
    Optional<String> run = latestRun();
    Map<String, List<Entity>> adjacent = new HashMap<>();
    for (Entity l : links) {
      if (l.first("run").equals(run)) {
        adjacent.computeIfAbsent(l.first("entity").orElse(""), k -> new ArrayList<>()).add(l);
        adjacent.computeIfAbsent(l.first("match").orElse(""), k -> new ArrayList<>()).add(l);
      }
    }
    Set<String> seen = new TreeSet<>();
    List<Entity> component = new ArrayList<>();
    Set<EntityId> linkIds = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>(List.of(id.value()));
    seen.add(id.value());
    while (!todo.isEmpty()) {
      for (Entity l : adjacent.getOrDefault(todo.pop(), List.of())) {
        if (linkIds.add(l.id())) {
          component.add(l);
        }
        for (String end : List.of(l.first("entity").orElse(""), l.first("match").orElse(""))) {
          if (seen.add(end)) {
            todo.add(end);
          }
        }
      }
    }
    List<Entity> members = new ArrayList<>();
    for (String m : seen) {
      if (m.equals(id.value())) {
        members.add(self.get());
      } else {
        session.visibleEntity(EntityId.of(m)).ifPresent(members::add);
      }
    }
    List<Link> sameAs = new ArrayList<>();
    component.sort(Comparator.comparing(Entity::id));
    for (Entity l : component) {
      Link.of(l, session.workspace().schema()).ifPresent(sameAs::add);
    }
    Optional<String> cluster = component.stream().map(l -> l.first("cluster").orElse("")).filter(s -> !s.isEmpty())
        .findFirst();
    List<MatchJudgement> judged = doJudgements().stream()
        .filter(j -> seen.contains(j.left().value()) || seen.contains(j.right().value())).toList();
    return Optional.of(new ResolvedEntity(id, cluster, component.isEmpty() ? Optional.empty() : run, members,
        sameAs, judged));
  }

  /**
   * The ids of the same-as links a graph of this session uses: the model links of the latest run it can see whole,
   * and per pair of records the latest judgement it can see when that says "same". Unaudited: for a facade call
   * ({@link Session#graph}) audited as a whole.
   */
  Set<EntityId> sameAsInUse() {
    Set<EntityId> out = new HashSet<>();
    Optional<String> run = latestRun();
    for (Entity l : modelLinks()) {
      if (l.first("run").equals(run)) {
        out.add(l.id());
      }
    }
    Map<Set<EntityId>, MatchJudgement> latest = new HashMap<>();
    for (MatchJudgement j : doJudgements()) {
      // oldest first: the last one of a pair wins; a record judged against itself is a pair too (Set.of would throw)
      latest.put(Set.copyOf(List.of(j.left(), j.right())), j);
    }
    latest.values().stream().filter(j -> j.verdict() == Judgement.Verdict.SAME).forEach(j -> out.add(j.id()));
    return out;
  }

  /** The merge and split events this session may see, oldest first. */
  public List<MatchEvent> events() {
    return session.audited("match.events", "", this::doEvents, list -> list.stream().map(e -> e.id().value()).toList());
  }

  private List<MatchEvent> doEvents() {
    Set<String> runs = currentRuns();
    List<MatchEvent> out = new ArrayList<>();
    for (Entity e : all(EVENT)) {
      if (runs.contains(e.first("run").orElse(""))) {
        event(e).ifPresent(out::add);
      }
    }
    out.sort(Comparator.comparing(MatchEvent::run).thenComparing(MatchEvent::kind).thenComparing(MatchEvent::cluster));
    return out;
  }

  /**
   * Undoes a merge or split with judgements: for a merge, DIFFERENT between the first record of the part that kept
   * the id and the first record of each other part; for a split, SAME likewise. The next run honours them.
   *
   * @throws InsightException when no such event is visible to this session
   */
  public List<MatchJudgement> undo(EntityId eventId, String reason) {
    Objects.requireNonNull(eventId, "eventId");
    return session.audited("match.undo", eventId.value(), () -> doUndo(eventId, reason),
        list -> list.stream().map(j -> j.id().value()).toList());
  }

  private List<MatchJudgement> doUndo(EntityId eventId, String reason) {
    MatchEvent event = doEvents().stream().filter(e -> e.id().equals(eventId)).findFirst()
        .orElseThrow(() -> new InsightException("no match event " + eventId + " is visible to this session; list"
            + " them with 'insight match events'"));
    Judgement.Verdict verdict = event.kind() == ClusterEvent.Kind.MERGE ? Judgement.Verdict.DIFFERENT
        : Judgement.Verdict.SAME;
    List<List<EntityId>> parts = new ArrayList<>(event.parts().values());
    String why = "undo " + event.kind().name().toLowerCase(Locale.ROOT) + " " + eventId
        + (reason == null || reason.isBlank() ? "" : ": " + reason.strip());
    List<MatchJudgement> out = new ArrayList<>();
    for (int i = 1; i < parts.size(); i++) {
      out.add(doJudge(parts.get(0).get(0), parts.get(i).get(0), verdict, why));
    }
    return out;
  }

  // ---- reading back

  private record Previous(Map<String, String> mapping, long millis) {}

  /** The record → cluster mapping of the latest run this session can see whole. */
  private Previous previous() {
    Optional<String> latest = latestRun();
    Map<String, String> mapping = new HashMap<>();
    for (Entity l : modelLinks()) {
      if (l.first("run").equals(latest)) {
        String cluster = l.first("cluster").orElse("");
        l.first("entity").ifPresent(r -> mapping.put(r, cluster));
        l.first("match").ifPresent(r -> mapping.put(r, cluster));
      }
    }
    return new Previous(mapping, latest.map(Resolution::millis).orElse(0L));
  }

  private static long millis(String run) {
    try {
      return Long.parseLong(run.substring(4, 17));
    } catch (RuntimeException e) {
      return 0;
    }
  }

  /**
   * The runs this session can see whole: each run writes a marker labelled with the conjunction of the labels of
   * every record it read, so a session sees a run's marker only when it may see all of that run's input. Only the
   * links and events of such runs are used: a run that read something this session cannot see is, for it, not there.
   */
  private Set<String> visibleRuns() {
    return runLabels().keySet();
  }

  /** The runs this session can see whole, each with its marker's label (what it read), in run order. */
  private Map<String, Label> runLabels() {
    Map<String, Label> runs = new java.util.TreeMap<>();
    for (Entity e : all(EVENT)) {
      if (e.first("kind").orElse("").equals(RUN) && e.first("run").isPresent()) {
        runs.put(e.first("run").get(), label(e));
      }
    }
    return runs;
  }

  /**
   * The runs this session reads results from: of the runs it can see whole, those that no other such run
   * outranks. A run outranks another when its input's label is strictly stricter (it implies the other's, not the
   * reverse): a more cleared principal resolved more of what this session sees, so a later, lower-cleared run —
   * which could not see some of the records that shaped those clusters — must not dissolve them for this session.
   */
  private Set<String> currentRuns() {
    Map<String, Label> runs = runLabels();
    Set<String> out = new TreeSet<>();
    for (Map.Entry<String, Label> r : runs.entrySet()) {
      boolean outranked = false;
      for (Map.Entry<String, Label> other : runs.entrySet()) {
        if (!other.getKey().equals(r.getKey()) && stricter(other.getValue(), r.getValue())) {
          outranked = true;
          break;
        }
      }
      if (!outranked) {
        out.add(r.getKey());
      }
    }
    return out;
  }

  private static boolean stricter(Label a, Label b) {
    return a.expression().implies(b.expression()) && !b.expression().implies(a.expression());
  }

  /** The run whose clusters this session sees: the latest of the {@link #currentRuns()}. */
  private Optional<String> latestRun() {
    Set<String> runs = currentRuns();
    return runs.isEmpty() ? Optional.empty() : Optional.of(((TreeSet<String>) runs).last());
  }

  /**
   * The conjunction of the labels of every record a run read; when that is too complex to build, a stricter stand-in
   * ({@link Label#andOrStricter}): never looser, so never visible to a reader who cannot see every input.
   */
  private static Label runLabel(List<MatchRecord> records) {
    Label label = null;
    for (Label l : new java.util.LinkedHashSet<>(records.stream().map(MatchRecord::label).toList())) {
      label = label == null ? l : label.andOrStricter(l);
    }
    return label;
  }

  private Entity marker(String run, List<MatchRecord> records, Label label) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    values.put("name", List.of("resolution " + run + " over " + records.size() + " records"));
    values.put("kind", List.of(RUN));
    values.put("run", List.of(run));
    return build(EntityId.of("mr-" + hash(run)), EVENT, values, label,
        Provenance.of("resolution", run, METHOD, org.insight.policy.SourceGrading.UNGRADED));
  }

  private List<Entity> modelLinks() {
    Set<String> runs = visibleRuns();
    List<Entity> out = new ArrayList<>();
    for (Entity e : all(SAME_AS)) {
      if (e.first("judgement").isEmpty() && runs.contains(e.first("run").orElse(""))
          && e.first("cluster").isPresent()) {
        out.add(e);
      }
    }
    return out;
  }

  private Optional<MatchJudgement> judgement(Entity e) {
    Optional<String> verdict = e.first("judgement");
    Optional<String> left = e.first("entity");
    Optional<String> right = e.first("match");
    if (verdict.isEmpty() || left.isEmpty() || right.isEmpty()) {
      return Optional.empty();
    }
    Judgement.Verdict v;
    try {
      v = Judgement.Verdict.valueOf(verdict.get().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException ex) {
      return Optional.empty();
    }
    Provenance p = e.statements().get(0).provenance();
    return Optional.of(new MatchJudgement(e.id(), EntityId.of(left.get()), EntityId.of(right.get()), v,
        e.first("reason").orElse(""), p.ingestedBy(), p.ingestedAt(), label(e)));
  }

  private Optional<MatchEvent> event(Entity e) {
    Optional<String> kind = e.first("kind");
    if (kind.isEmpty() || kind.get().equals(RUN)) {
      return Optional.empty();
    }
    Map<String, List<EntityId>> parts = new LinkedHashMap<>();
    // parts were written in order; statements come back in store order, so restore it from the values' order
    for (String part : e.values("part")) {
      int eq = part.indexOf('=');
      if (eq > 0) {
        parts.put(part.substring(0, eq), java.util.Arrays.stream(part.substring(eq + 1).split(" "))
            .filter(s -> !s.isEmpty()).map(EntityId::of).toList());
      }
    }
    ClusterEvent.Kind k;
    try {
      k = ClusterEvent.Kind.valueOf(kind.get().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException ex) {
      return Optional.empty();
    }
    String cluster = e.first("cluster").orElse("");
    Map<String, List<EntityId>> ordered = new LinkedHashMap<>();
    if (parts.containsKey(cluster)) {
      ordered.put(cluster, parts.get(cluster));
    }
    parts.forEach(ordered::putIfAbsent);
    Provenance p = e.statements().get(0).provenance();
    return Optional.of(new MatchEvent(e.id(), k, cluster, ordered, e.first("run").orElse(""), p.ingestedBy(),
        p.ingestedAt(), label(e)));
  }

  // ---- helpers

  private Entity visible(EntityId id) {
    return session.visibleEntity(id).orElseThrow(() -> new InsightException("no entity " + id + " is visible to this"
        + " session; check the id (insight entities) or judge as a principal cleared for it"));
  }

  private List<Entity> all(String type) {
    return session.visibleEntities(type);
  }

  /** The conjunction of an entity's statement labels (the labels of everything of it this session sees). */
  private static Label label(Entity e) {
    return Label.allOf(e.statements().stream().map(Statement::label).toList());
  }

  private static Provenance derived(String run, List<Entity> inputs) {
    List<Provenance> from = new ArrayList<>();
    for (Entity e : inputs) {
      from.add(e.statements().get(0).provenance());
    }
    Provenance d = Provenance.derived("resolution", METHOD, from);
    return d.withRecordId(run);
  }

  private Entity build(EntityId id, String type, Map<String, List<String>> values, Label label,
      Provenance provenance) {
    EntityType t = session.workspace().schema().type(type);
    List<Statement> statements = new ArrayList<>();
    values.forEach((property, list) -> {
      for (String v : list) {
        statements.add(Statement.of(id, type, property, t.property(property).clean(v), v, label, provenance));
      }
    });
    return Entity.of(id, statements, session.workspace().schema());
  }

  static String explain(MatchPair p) {
    List<String> parts = new ArrayList<>();
    for (ComparisonOutcome c : p.explanation().comparisons()) {
      parts.add(String.format(Locale.ROOT, "%s:%s(%+.1f)", c.comparison(), c.level(), c.weight()));
    }
    p.explanation().judgement().ifPresent(j -> parts.add("judged " + j.verdict().name().toLowerCase(Locale.ROOT)
        + " by " + j.who()));
    return String.join("; ", parts);
  }

  private static String hash(String... parts) {
    return Hashing.ofTerminatedParts(parts).substring(0, 32);
  }

}
