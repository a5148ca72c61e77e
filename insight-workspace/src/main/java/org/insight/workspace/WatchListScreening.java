package org.insight.workspace;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.insight.InsightException;
import org.insight.core.Entity;
import org.insight.core.EntityId;
import org.insight.core.EntityType;
import org.insight.core.Mention;
import org.insight.core.PropertyType;
import org.insight.core.Provenance;
import org.insight.core.Statement;
import org.insight.core.StoreException;
import org.insight.match.ComparisonOutcome;
import org.insight.match.Explanation;
import org.insight.match.FtmWatchList;
import org.insight.match.MatchModel;
import org.insight.match.MatchRecord;
import org.insight.match.Screening;
import org.insight.match.ScreeningHit;
import org.insight.match.ScreeningQuery;
import org.insight.policy.Label;
import org.insight.policy.LabelSyntaxException;
import org.insight.search.Index;
import org.insight.search.Visibility;

/**
 * Screening inside a workspace: which datasets are watch lists, the screening indexes over them, and continuous
 * screening that turns hits into {@link Flag}s. Not API; {@link Session} delegates here.
 *
 * <p>Configuration: {@code screening.properties} in the workspace directory: {@code watchLists=a,b},
 * {@code flagThreshold=0.9} (records) and {@code mentionFlagThreshold=0.05} (a name alone, as mentioned in a document,
 * is weak evidence: an exact rare name reaches about 0.1, a near miss about 0.01); {@link Workspace.Builder#watchLists}
 * writes the first two.
 *
 * <p>A session screens against an index built from the watch-list statements it may see, and nothing else: one
 * index per visible-label set and watch-list generation (Caffeine, a few kept), so neither the candidates, their
 * ranks, their scores (term frequencies included) nor their number depend on anything invisible.
 *
 * <p>Continuous screening reads every watch-list entry whatever the writer may see, because a flag is labelled
 * with the conjunction of both sides and only readers cleared for both ever see it; the writer gets nothing back
 * from it. A flag's probability is the model's on the pair alone (no term frequencies of the list), so it does not
 * depend on other entries.
 *
 * <p>The other way round, a new watch-list entry is screened against the subjects already in the workspace — the
 * persons of other datasets and the person names mentioned in documents — through a screening index of those
 * subjects (built per visible-label set and subject generation, a few kept): each subject it matches raises the same
 * flag, with the same id, label (subject ∧ entry), explanation and audit, that screening the subject would have
 * raised had it arrived after the entry, so a pair is never flagged twice whichever came first. By default every
 * subject is screened ({@code reverseScreening=all}), as the forward direction reads every entry: the flags then do
 * not depend on which side came first nor on who wrote it, and only readers cleared for both sides see them.
 * {@code reverseScreening=writer} in {@code screening.properties} screens only the subjects the writing session may
 * see (a deployment that wants a desk's notices matched only against what that desk may see).
 */
final class WatchListScreening {

  static final String FILE = "screening.properties";
  static final String METHOD = "screen:fs-person-defaults@1";
  static final String DATASET = "screening";
  /** How many index candidates continuous screening considers per subject before the threshold. */
  private static final int CONTINUOUS_CANDIDATES = 50;
  /** How many subjects a new entry is compared with (one name may be mentioned in many documents). */
  private static final int REVERSE_CANDIDATES = 1000;
  /** Ids of mention subjects in the subject index (entity ids never contain it). */
  private static final String MENTION_KEY = "mention|";

  private final Workspace workspace;
  private final Set<String> watchLists;
  private final double threshold;
  private final double mentionThreshold;
  private final boolean reverseAll;
  /** Subject indexes per visible-label set, kept up to date as subjects are written; guarded by subjectLock. */
  private final Cache<Set<String>, Subjects> subjectViews = Caffeine.newBuilder().maximumSize(4).build();
  private final Object subjectLock = new Object();
  private final MatchModel model = MatchModel.personDefaults();
  private final AtomicLong generation = new AtomicLong();
  private final Cache<ViewKey, View> views = Caffeine.newBuilder().maximumSize(8).build();
  private Screening everything; // all watch-list entries, for continuous screening; guarded by this

  private record ViewKey(Set<String> labels, long generation) {}

  /** A session's screening index and what its lists say about each entry (topics, sanctions), from what it sees. */
  private record View(Screening screening, Map<String, Map<String, List<String>>> attributes) {}

  /**
   * The subjects a new entry is screened against, as a screening index, and what each index id stands for;
   * {@code universe} is the store's label terms when it was built (a subject with another label invalidates it).
   */
  private record Subjects(Screening index, Map<String, Subject> byId, Set<String> universe) {}

  /**
   * A subject as the forward direction compares it ({@code record}) and names it in a flag: a person (no document),
   * or a name mentioned in a document ({@code subjectId} is then the document's id, as forward flags have it).
   */
  private record Subject(MatchRecord record, String subjectId, String documentId, String mentionId, String name,
      Provenance provenance) {}

  WatchListScreening(Workspace workspace, Set<String> watchLists, double threshold, double mentionThreshold,
      boolean reverseAll) {
    this.workspace = workspace;
    this.watchLists = Set.copyOf(watchLists);
    this.threshold = threshold;
    this.mentionThreshold = mentionThreshold;
    this.reverseAll = reverseAll;
  }

  /** Reads the configuration in {@code dir}, or writes the given one (when not null) and returns it. */
  static Properties configure(Path dir, List<String> watchLists, Double threshold, boolean readOnly) {
    Path file = dir.resolve(FILE);
    Properties p = new Properties();
    try {
      if (Files.exists(file)) {
        try (InputStream in = Files.newInputStream(file)) {
          p.load(in);
        }
      }
      if ((watchLists != null || threshold != null) && !readOnly) {
        if (watchLists != null) {
          p.setProperty("watchLists", String.join(",", watchLists));
        }
        if (threshold != null) {
          p.setProperty("flagThreshold", Double.toString(threshold));
        }
        Path tmp = dir.resolve(FILE + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
          p.store(w, "INSIGHT screening: the datasets that are watch lists, and the probability that raises a flag");
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } else if (watchLists != null) {
        p.setProperty("watchLists", String.join(",", watchLists));
        if (threshold != null) {
          p.setProperty("flagThreshold", Double.toString(threshold));
        }
      }
    } catch (IOException e) {
      throw new StoreException("could not read or write " + file + ": " + e.getMessage(), e);
    }
    return p;
  }

  static WatchListScreening from(Workspace ws, Properties p) {
    Set<String> lists = new TreeSet<>();
    for (String s : p.getProperty("watchLists", "").split(",")) {
      if (!s.isBlank()) {
        lists.add(s.strip());
      }
    }
    String reverse = p.getProperty("reverseScreening", "all").strip();
    if (!reverse.equals("writer") && !reverse.equals("all")) {
      throw new InsightException("reverseScreening in " + FILE + " is '" + reverse + "'; give 'writer' (screen a new"
          + " watch-list entry against the subjects its writer may see) or 'all' (against every subject)");
    }
    return new WatchListScreening(ws, lists, probability(p, "flagThreshold", "0.9"),
        probability(p, "mentionFlagThreshold", "0.05"), reverse.equals("all"));
  }

  private static double probability(Properties p, String key, String otherwise) {
    double v;
    try {
      v = Double.parseDouble(p.getProperty(key, otherwise));
    } catch (NumberFormatException e) {
      throw new InsightException(key + " in " + FILE + " is not a number: " + p.getProperty(key)
          + "; give a probability such as " + otherwise);
    }
    if (!(v >= 0 && v <= 1)) {
      throw new InsightException(key + " in " + FILE + " must be a probability in [0,1]; got " + v);
    }
    return v;
  }

  Set<String> watchLists() {
    return watchLists;
  }

  double threshold() {
    return threshold;
  }

  /** Screens against the watch-list statements visible under {@code visibleLabels} only. */
  List<ScreeningHit> screen(Set<String> visibleLabels, ScreeningQuery query, int k) {
    requireWatchLists();
    long gen = workspace.readOnly() ? workspace.store.version() : generation.get();
    View view = views.get(new ViewKey(visibleLabels, gen), key -> view(Visibility.of(key.labels())));
    List<ScreeningHit> hits = view.screening().candidates(query, k);
    return view.attributes().isEmpty() ? hits
        : hits.stream().map(h -> h.withAttributes(view.attributes().getOrDefault(h.id(), Map.of()))).toList();
  }

  /**
   * Drops every index built from the store (session views, the entries, the subject views) after an erasure: they
   * may hold erased names and identifiers. Each is rebuilt from the store when next needed.
   */
  void forget() {
    synchronized (subjectLock) {
      subjectViews.invalidateAll();
    }
    synchronized (this) {
      everything = null;
    }
    generation.incrementAndGet();
    views.invalidateAll();
  }

  private void requireWatchLists() {
    if (watchLists.isEmpty()) {
      throw new InsightException("this workspace has no watch lists; mark datasets as watch lists with"
          + " Workspace.builder(dir).watchLists(\"dataset\", ...) (saved in " + FILE + ")");
    }
  }

  private Set<String> personTypes() {
    return workspace.schema().types().stream().filter(t -> t.isA("Person")).map(EntityType::name)
        .collect(Collectors.toUnmodifiableSet());
  }

  private View view(Visibility visibility) {
    return new View(build(visibility), attributes(visibility));
  }

  /**
   * What the watch lists say about their entries besides what is compared, as {@link FtmWatchList} says it for a
   * file: the entry's {@code topics} and each {@code Sanction} naming it — from the statements {@code visibility}
   * lets through only.
   */
  private Map<String, Map<String, List<String>>> attributes(Visibility visibility) {
    Map<String, Map<String, Set<String>>> out = new LinkedHashMap<>();
    for (Statement s : workspace.store.statementsOf(watchLists, personTypes(), visibility)) {
      if (s.property().equals("topics")) {
        out.computeIfAbsent(s.entityId().value(), x -> new java.util.TreeMap<>())
            .computeIfAbsent("topics", x -> new TreeSet<>()).add(s.value());
      }
    }
    if (workspace.schema().find("Sanction").isPresent()) {
      Map<EntityId, List<Statement>> sanctions = new LinkedHashMap<>();
      for (Statement s : workspace.store.statementsOf(watchLists, Set.of("Sanction"), visibility)) {
        sanctions.computeIfAbsent(s.entityId(), x -> new ArrayList<>()).add(s);
      }
      sanctions.forEach((id, statements) -> {
        Entity sanction = Entity.of(id, statements, workspace.schema());
        for (String target : sanction.values("entity")) {
          out.computeIfAbsent(target, x -> new java.util.TreeMap<>())
              .computeIfAbsent("sanction", x -> new TreeSet<>()).add(FtmWatchList.describe(sanction));
        }
      });
    }
    Map<String, Map<String, List<String>>> result = new LinkedHashMap<>();
    out.forEach((id, a) -> {
      Map<String, List<String>> m = new java.util.TreeMap<>();
      a.forEach((k, v) -> m.put(k, List.copyOf(v)));
      result.put(id, m);
    });
    return result;
  }

  private Screening build(Visibility visibility) {
    Map<String, List<Statement>> byEntity = new LinkedHashMap<>();
    for (Statement s : workspace.store.statementsOf(watchLists, personTypes(), visibility)) {
      byEntity.computeIfAbsent(s.entityId().value(), x -> new ArrayList<>()).add(s);
    }
    List<MatchRecord> records = new ArrayList<>(byEntity.size());
    byEntity.forEach((id, statements) -> records.add(MatchRecord.of(Entity.of(EntityId.of(id), statements,
        workspace.schema()))));
    Screening s = Screening.builder().model(model).build();
    s.addAll(records);
    return s;
  }

  private Visibility everyLabel() {
    return Visibility.of(workspace.store.labels());
  }

  private synchronized Screening everything() {
    if (everything == null) {
      everything = build(everyLabel());
    }
    return everything;
  }

  private boolean isWatchList(Entity e) {
    return e.statements().stream().anyMatch(s -> watchLists.contains(s.provenance().dataset()));
  }

  /**
   * After entities were written: watch-list entries refresh the indexes and are screened against the subjects
   * already in the workspace (those visible under {@code writerLabels}, unless {@code reverseScreening=all}); other
   * persons are screened against the entries. Hits at or above the threshold become flags, each audited by
   * {@code auditAhead} before it is written (no entry, no flag). Returns the flags written.
   */
  List<Entity> afterAdd(Collection<EntityId> written, String principal,
      java.util.function.Supplier<Set<String>> writerLabels, Instant now,
      java.util.function.Consumer<List<Entity>> auditAhead) {
    if (watchLists.isEmpty() || written.isEmpty()) {
      return List.of();
    }
    Visibility all = everyLabel();
    List<Entity> subjects = new ArrayList<>();
    List<MatchRecord> entries = new ArrayList<>();
    boolean listChanged = false;
    for (EntityId id : new LinkedHashSet<>(written)) {
      List<Statement> statements = workspace.store.statements(id, all);
      if (statements.isEmpty()) {
        continue;
      }
      Entity e = Entity.of(id, statements, workspace.schema());
      if (!workspace.schema().type(e.schema()).isA("Person")) {
        continue;
      }
      if (isWatchList(e)) {
        listChanged = true;
        List<Statement> listed = statements.stream()
            .filter(s -> watchLists.contains(s.provenance().dataset())).toList();
        MatchRecord entry = MatchRecord.of(Entity.of(id, listed, workspace.schema()));
        entries.add(entry);
        synchronized (this) {
          if (everything != null) {
            everything.add(entry);
          }
        }
      } else {
        subjects.add(e);
      }
      updateSubjects(id, statements);
    }
    if (listChanged) {
      generation.incrementAndGet();
    }
    List<Entity> flags = new ArrayList<>();
    if (!entries.isEmpty()) {
      Subjects known = subjects(reverseAll ? workspace.store.labels() : writerLabels.get());
      for (MatchRecord entry : entries) {
        flags.addAll(screenEntry(entry, known, principal, now));
      }
    }
    for (Entity subject : subjects) {
      MatchRecord r = MatchRecord.of(subject);
      if (r.get("name").isEmpty() && r.get("alias").isEmpty()) {
        continue;
      }
      for (ScreeningHit hit : everything().candidates(ScreeningQuery.of(r), CONTINUOUS_CANDIDATES)) {
        Explanation x = model.explain(r, hit.entry()); // the pair alone: no other entry shapes the score
        if (x.probability() >= threshold) {
          flags.add(flag(subject.id().value(), null, null, firstName(r), r.label(),
              subject.statements().get(0).provenance(), hit, x, principal, now));
        }
      }
    }
    return write(flags, auditAhead);
  }

  /** After mentions were written: each person-name mention is screened like a record with only a name. */
  List<Entity> afterMentions(Collection<Mention> mentions, String principal, Instant now,
      java.util.function.Consumer<List<Entity>> auditAhead) {
    if (watchLists.isEmpty()) {
      return List.of();
    }
    List<Entity> flags = new ArrayList<>();
    updateSubjects(mentions);
    for (Mention m : mentions) {
      if (m.type() != PropertyType.NAME || m.value().isBlank()) {
        continue;
      }
      MatchRecord r = new MatchRecord(m.id(), m.provenance().dataset(), Map.of("name", List.of(m.value())), m.label());
      for (ScreeningHit hit : everything().candidates(ScreeningQuery.of(r), CONTINUOUS_CANDIDATES)) {
        Explanation x = model.explain(r, hit.entry());
        if (x.probability() >= mentionThreshold) {
          flags.add(flag(m.documentId(), m.documentId(), m.id(), m.value(), m.label(), m.provenance(), hit, x,
              principal, now));
        }
      }
    }
    return write(flags, auditAhead);
  }

  /**
   * The subjects visible under {@code labels} as a screening index: persons of datasets that are not watch lists
   * (an entity with a visible watch-list statement is an entry), and person names mentioned in documents. Built from
   * the store once per label set, then kept up to date by {@link #updateSubjects} (the index's results do not depend
   * on the order entries were added in, so an updated index is the one a rebuild would give).
   */
  private Subjects subjects(Set<String> labels) {
    Set<String> key = Set.copyOf(labels);
    synchronized (subjectLock) {
      // A view built for K with universe U serves any L with L ∩ U = K: a subject under a label outside U would have
      // invalidated it, so labels new since (a flag's conjunction, the notices' own) change nothing it holds.
      for (Map.Entry<Set<String>, Subjects> view : subjectViews.asMap().entrySet()) {
        Set<String> placed = new java.util.HashSet<>(key);
        placed.retainAll(view.getValue().universe());
        if (placed.equals(view.getKey())) {
          return view.getValue();
        }
      }
      Subjects known = buildSubjects(key);
      subjectViews.put(key, known);
      return known;
    }
  }

  private Subjects buildSubjects(Set<String> labels) {
    Set<String> universe = workspace.store.labels(); // before the reads: a label newer than this invalidates
    Visibility visibility = Visibility.of(labels);
    Map<String, List<Statement>> byEntity = new LinkedHashMap<>();
    for (Statement s : workspace.store.statementsOfTypes(personTypes(), visibility)) {
      byEntity.computeIfAbsent(s.entityId().value(), x -> new ArrayList<>()).add(s);
    }
    List<MatchRecord> records = new ArrayList<>();
    Map<String, Subject> byId = new java.util.concurrent.ConcurrentHashMap<>();
    byEntity.forEach((id, statements) -> {
      Subject subject = personSubject(id, statements);
      if (subject != null) {
        records.add(subject.record());
        byId.put(id, subject);
      }
    });
    for (Mention m : workspace.store.allMentions(visibility)) {
      Subject subject = mentionSubject(m);
      if (subject != null) {
        String key = MENTION_KEY + m.id();
        records.add(new MatchRecord(key, subject.record().dataset(), subject.record().values(), subject.record().label()));
        byId.put(key, subject);
      }
    }
    Screening index = Screening.builder().model(model).build();
    index.addAll(records);
    return new Subjects(index, byId, universe);
  }

  /** A person as a subject, from the statements of it a view sees; null when it is an entry or has no name. */
  private Subject personSubject(String id, List<Statement> visible) {
    if (visible.isEmpty() || visible.stream().anyMatch(s -> watchLists.contains(s.provenance().dataset()))) {
      return null;
    }
    MatchRecord r = MatchRecord.of(Entity.of(EntityId.of(id), visible, workspace.schema()));
    String name = firstName(r);
    return name == null ? null : new Subject(r, id, null, null, name, visible.get(0).provenance());
  }

  /** A name mention as a subject (as the forward direction screens it); null for other mentions. */
  private static Subject mentionSubject(Mention m) {
    if (m.type() != PropertyType.NAME || m.value().isBlank()) {
      return null;
    }
    try {
      MatchRecord r = new MatchRecord(m.id(), m.provenance().dataset(), Map.of("name", List.of(m.value())), m.label());
      return new Subject(r, m.documentId(), m.documentId(), m.id(), m.value(), m.provenance());
    } catch (InsightException e) {
      return null; // not readable as a name (the forward direction refused it when it was written)
    }
  }

  /** A person was written (all its statements, every label): each cached view takes what it sees of it. */
  private void updateSubjects(EntityId id, List<Statement> statements) {
    synchronized (subjectLock) {
      for (Map.Entry<Set<String>, Subjects> view : subjectViews.asMap().entrySet()) {
        Subjects v = view.getValue();
        if (statements.stream().anyMatch(s -> !v.universe().contains(s.label().toString()))) {
          subjectViews.invalidate(view.getKey()); // a label the view cannot place: rebuilt when next needed
          continue;
        }
        List<Statement> visible = statements.stream().filter(s -> view.getKey().contains(s.label().toString()))
            .toList();
        Subject subject = personSubject(id.value(), visible);
        if (subject == null) {
          if (v.byId().remove(id.value()) != null) {
            v.index().remove(id.value());
          }
        } else {
          v.byId().put(id.value(), subject);
          v.index().add(subject.record());
        }
      }
    }
  }

  /** Mentions were written (with their stored labels): each cached view takes the name mentions it sees. */
  private void updateSubjects(Collection<Mention> mentions) {
    synchronized (subjectLock) {
      for (Map.Entry<Set<String>, Subjects> view : subjectViews.asMap().entrySet()) {
        Subjects v = view.getValue();
        for (Mention m : mentions) {
          Subject subject = mentionSubject(m);
          if (subject == null) {
            continue;
          }
          String term = m.label().toString();
          if (!v.universe().contains(term)) {
            subjectViews.invalidate(view.getKey());
            break;
          }
          String key = MENTION_KEY + m.id();
          if (view.getKey().contains(term)) {
            v.byId().put(key, subject);
            MatchRecord r = subject.record();
            v.index().add(new MatchRecord(key, r.dataset(), r.values(), r.label()));
          } else if (v.byId().remove(key) != null) {
            v.index().remove(key); // rewritten under a label this view does not see
          }
        }
      }
    }
  }

  /** A new entry against the known subjects: the flags screening each of them would raise against it. */
  private List<Entity> screenEntry(MatchRecord entry, Subjects known, String principal, Instant now) {
    if (firstName(entry) == null || known.byId().isEmpty()) {
      return List.of();
    }
    List<Entity> flags = new ArrayList<>();
    for (ScreeningHit hit : known.index().candidates(ScreeningQuery.of(entry), REVERSE_CANDIDATES)) {
      Subject s = known.byId().get(hit.id());
      Explanation x = model.explain(s.record(), entry); // subject left, entry right: as the forward direction has it
      if (x.probability() >= (s.mentionId() == null ? threshold : mentionThreshold)) {
        flags.add(flag(s.subjectId(), s.documentId(), s.mentionId(), s.name(), s.record().label(), s.provenance(),
            entry.id(), entry.dataset(), entry.label(), x, principal, now));
      }
    }
    return flags;
  }

  private static String firstName(MatchRecord r) {
    return !r.get("name").isEmpty() ? r.get("name").get(0) : !r.get("alias").isEmpty() ? r.get("alias").get(0) : null;
  }

  private List<Entity> write(List<Entity> flags, java.util.function.Consumer<List<Entity>> auditAhead) {
    // one flag per id: a batch holding both a subject and an entry finds their pair from both sides
    Map<EntityId, Entity> distinct = new LinkedHashMap<>();
    flags.forEach(f -> distinct.putIfAbsent(f.id(), f));
    // a flag raised before keeps its statements and its reviews: re-screening must not reopen a dismissed flag
    Visibility all = everyLabel();
    flags = distinct.values().stream().filter(f -> workspace.store.statements(f.id(), all).isEmpty()).toList();
    if (flags.isEmpty()) {
      return flags;
    }
    List<Statement> statements = new ArrayList<>();
    flags.forEach(f -> statements.addAll(f.statements()));
    auditAhead.accept(flags); // write-ahead, as every write: no entry, no flag
    workspace.store.write(statements, List.of());
    return flags;
  }

  private Entity flag(String subjectId, String documentId, String mentionId, String subjectName, Label subjectLabel,
      Provenance subjectProvenance, ScreeningHit hit, Explanation x, String principal, Instant now) {
    return flag(subjectId, documentId, mentionId, subjectName, subjectLabel, subjectProvenance, hit.id(),
        hit.dataset(), hit.label(), x, principal, now);
  }

  private Entity flag(String subjectId, String documentId, String mentionId, String subjectName, Label subjectLabel,
      Provenance subjectProvenance, String entryId, String entryDataset, Label entryLabel, Explanation x,
      String principal, Instant now) {
    List<Statement> entry = workspace.store.statements(EntityId.of(entryId), everyLabel());
    Provenance entryProvenance = entry.isEmpty() ? null : entry.get(0).provenance();
    List<Provenance> inputs = entryProvenance == null ? List.of(subjectProvenance)
        : List.of(subjectProvenance, entryProvenance);
    Provenance provenance = Provenance.derived(DATASET, METHOD, inputs).stamped(principal, now);
    Label label = subjectLabel == null ? entryLabel : entryLabel == null ? subjectLabel : null;
    String labelNote = null;
    if (label == null) {
      try {
        label = subjectLabel.and(entryLabel);
      } catch (LabelSyntaxException e) {
        // the flag is raised after the subject is stored: it must not fail here, nor be any looser than both sides
        label = subjectLabel.stricterAnd(entryLabel);
        labelNote = "the conjunction of the subject's label (" + subjectLabel.expression() + ") and the entry's ("
            + entryLabel.expression() + ") is too complex to build (" + e.getMessage() + "); the flag carries the"
            + " stricter label " + label.expression() + ", which only readers who satisfy both can see";
      }
    }
    EntityId id = EntityId.fromSource(DATASET, subjectId + "|" + (mentionId == null ? "" : mentionId + "|") + entryId);
    EntityType type = workspace.schema().type("Flag");
    Map<String, String> values = new LinkedHashMap<>();
    values.put("subject", subjectId);
    values.put("entry", entryId);
    if (documentId != null) {
      values.put("document", documentId);
      values.put("mention", mentionId);
    }
    values.put("subjectName", subjectName);
    values.put("watchList", entryDataset);
    values.put("probability", String.format(Locale.ROOT, "%.4f", x.probability()));
    values.put("weight", String.format(Locale.ROOT, "%.2f", x.weight()));
    values.put("explanation", explanation(x));
    values.put("method", METHOD);
    values.put("status", "open");
    if (labelNote != null) {
      values.put("labelNote", labelNote);
    }
    List<Statement> statements = new ArrayList<>();
    Label flagLabel = label;
    values.forEach((p, v) -> {
      String clean = type.property(p).clean(v);
      statements.add(Statement.of(id, "Flag", p, clean, v, flagLabel, provenance));
    });
    return Entity.of(id, statements, workspace.schema());
  }

  /** {@code name:exact(+13.2); birthDate:partial(+5.1)}: the comparisons that had values on both sides. */
  static String explanation(Explanation x) {
    List<String> parts = new ArrayList<>();
    for (ComparisonOutcome o : x.comparisons()) {
      if (!o.level().equals("null")) {
        parts.add(String.format(Locale.ROOT, "%s:%s(%+.1f)", o.comparison(), o.level(), o.weight()));
      }
    }
    return String.join("; ", parts);
  }
}
