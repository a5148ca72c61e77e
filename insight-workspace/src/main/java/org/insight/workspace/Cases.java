package org.insight.workspace;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.insight.Hashing;
import org.insight.core.Document;
import org.insight.core.Entity;
import org.insight.core.EntityId;
import org.insight.core.InvalidDataException;
import org.insight.core.Statement;
import org.insight.policy.Label;

/**
 * Cases as one session may see and change them: named pieces of work with members (principals), the material they
 * concern (entities, documents, links, flags), notes and annotations, tasks, and their history. See
 * docs/collaboration.md.
 *
 * <ul>
 *   <li><b>Who sees a case</b>: a member (its principal id is an active member) whose clearance and purpose allow the
 *       case's label. To anyone else the case does not exist: every call answers as for a missing case, word for
 *       word ({@link NoSuchCaseException}), and {@link #list()} leaves it out.
 *   <li><b>What a member sees of it</b>: the items whose label its clearance and purpose allow and whose target (for a
 *       reference or an annotation) it can see now. Nothing else — no count, id, version or history entry of a
 *       hidden item. So a case looks to each member exactly as it would in a workspace holding only what that member
 *       may see.
 *   <li><b>Labels (rule 3)</b>: an item's label is the conjunction of the case's label, the label its author gives
 *       (the case's when none) and the labels of what it refers to (the statements of an entity the author sees, the
 *       statement, the document). A label is raised, never refused for being too low: the item returned shows the
 *       label it got. It is refused (a {@link WriteRefusedException}) only when the author does not hold the label it
 *       gives, or the result would be invisible to the author itself.
 *   <li><b>Concurrent edits (optimistic)</b>: each item has its own version (1, then one more per edit of that item).
 *       An edit names the version it was based on; if the item changed since, nothing is written and a
 *       {@link CaseConflictException} says so. Adding items never conflicts. Versions are per item, and every
 *       version of an item carries its label, so a version number says nothing about what a reader cannot see.
 *   <li><b>Durable and audited</b>: every call writes one audit entry (ids and kinds, never a note's text or a title)
 *       before it returns; a write's entry is written before the write, and the write is synced to the case journal
 *       before the call returns.
 *   <li><b>Authorised writes</b>: creating a case needs the deployment's writers configuration to let the principal
 *       write dataset {@value #DATASET}; every other change needs membership of the case.
 * </ul>
 */
public final class Cases {
  /** The dataset name the writers configuration must grant for a principal to create cases. */
  public static final String DATASET = "cases";
  private static final String ACTIVE = "active";
  private static final String REMOVED = "removed";

  private final Session session;

  Cases(Session session) {
    this.session = session;
  }

  /**
   * Creates a case with this session's principal as its first member.
   *
   * @param label the case's label: every item of the case carries at least it; the creator must hold it and be able
   *     to see it for its purpose
   * @throws WriteRefusedException when the principal may not create cases or attach the label
   */
  public CaseSummary create(String title, Label label) {
    requireText(title, "a case needs a non-blank title");
    Objects.requireNonNull(label, "label");
    session.ensureOpen();
    Instant now = session.workspace().now();
    String creator = session.principal().id();
    String caseId = "case-" + Hashing.ofParts("case", creator, title, label.toString(), now.toString()).substring(0, 24);
    String query = "case=" + caseId;
    session.authorise("case.create", List.of(DATASET), List.of(label));
    if (!session.workspace().decide(session.principal(), session.purpose(), label).allowed()) {
      refuse("case.create", query, "principal '" + creator + "' could not see a case labelled " + label + " for "
          + session.purpose() + "; give a label its clearance and purpose allow");
    }
    CaseJournal.Written after = journal().write(caseId, items -> {
      session.audit("case.create", query, List.of(caseId), "ok"); // write-ahead: no entry, no write
      if (!items.isEmpty()) {
        return new CaseJournal.Planned(List.of(), caseId); // the same creator, title, label and instant: a retry
      }
      return new CaseJournal.Planned(List.of(
          new CaseJournal.Entry(caseId, caseId, CaseItem.Kind.CASE, 1, label.toString(), creator, now, "create",
              Map.of("title", title)),
          new CaseJournal.Entry(caseId, memberId(caseId, creator), CaseItem.Kind.MEMBER, 1, label.toString(), creator,
              now, "add", Map.of("principal", creator, "state", ACTIVE))), caseId);
    });
    return visible(caseId, after.items()).orElseThrow(() -> noCase(caseId)).summary();
  }

  /**
   * Analytical production within this session's cases: products drafted, reviewed, approved and released to named
   * recipients (see docs/collaboration.md, "Analytical production").
   */
  public Productions productions() {
    session.ensureOpen();
    return new Productions(session, this);
  }

  /** The cases this session's principal is an active member of and may see, in creation order. */
  public List<CaseSummary> list() {
    return session.audited("case.list", "", () -> {
      List<CaseSummary> out = new ArrayList<>();
      journal().snapshot().forEach((id, items) -> header(id, items).ifPresent(out::add));
      out.sort(Comparator.comparing(CaseSummary::createdAt).thenComparing(CaseSummary::id));
      return List.copyOf(out);
    }, l -> l.stream().map(CaseSummary::id).toList());
  }

  /** The case as this session may see it; empty when there is no such case or this session may not see it. */
  public Optional<CaseView> show(String caseId) {
    Objects.requireNonNull(caseId, "caseId");
    return session.audited("case.show", "case=" + caseId, () -> visible(caseId, journal().read(caseId)),
        v -> v.map(this::ids).orElse(List.of()));
  }

  /**
   * Renames a case.
   *
   * @param expectedVersion the header version the new title is based on ({@link CaseSummary#version()})
   * @throws CaseConflictException when the title changed since that version
   */
  public CaseSummary rename(String caseId, long expectedVersion, String title) {
    Objects.requireNonNull(caseId, "caseId");
    requireText(title, "a case needs a non-blank title");
    session.ensureOpen();
    String query = "case=" + caseId + " item=" + caseId + " version=" + expectedVersion;
    CaseJournal.Written after = journal().write(caseId, items -> {
      headerOrFail("case.rename", query, caseId, items);
      CaseJournal.Entry last = checkVersion("case.rename", query, caseId, caseId, items.get(caseId), expectedVersion);
      session.audit("case.rename", query, List.of(caseId), "ok");
      return new CaseJournal.Planned(List.of(next(last, "rename", Map.of("title", title))), caseId);
    });
    return visible(caseId, after.items()).orElseThrow(() -> noCase(caseId)).summary();
  }

  /** Adds a principal as a member (or makes a removed member active again); a member sees what its clearance allows. */
  public CaseItem addMember(String caseId, String principalId) {
    return member(caseId, principalId, ACTIVE, "case.member.add");
  }

  /**
   * Removes a member: it no longer sees the case (the member item stays, as removed, in the history).
   *
   * @throws WriteRefusedException when it is the last active member (nobody could ever see the case again)
   */
  public CaseItem removeMember(String caseId, String principalId) {
    return member(caseId, principalId, REMOVED, "case.member.remove");
  }

  private CaseItem member(String caseId, String principalId, String state, String operation) {
    Objects.requireNonNull(caseId, "caseId");
    requireText(principalId, "a member is a principal id; give a non-blank one");
    session.ensureOpen();
    String itemId = memberId(caseId, principalId);
    String query = "case=" + caseId + " item=" + itemId;
    Instant now = session.workspace().now();
    CaseJournal.Written after = journal().write(caseId, items -> {
      CaseView view = visibleOrFail(operation, query, caseId, items);
      List<CaseJournal.Entry> versions = items.get(itemId);
      CaseJournal.Entry last = versions == null ? null : versions.get(versions.size() - 1);
      if (last != null && last.field("state").equals(state)) {
        session.audit(operation, query, List.of(itemId), "ok"); // already so: nothing to write
        return new CaseJournal.Planned(List.of(), itemId);
      }
      if (state.equals(REMOVED) && view.members().stream().filter(m -> m.state().equals(ACTIVE)).count() <= 1
          && last != null) {
        refuse(operation, query, "'" + principalId + "' is the last active member of case " + caseId
            + "; add another member before removing it, or nobody could see the case again");
      }
      if (last == null && state.equals(REMOVED)) {
        session.audit(operation, query, List.of(), "error: not a member");
        throw new NoSuchCaseException("case " + caseId + " has no member " + org.insight.Messages.quote(principalId)
            + "; show the case to see its members (insight case show)");
      }
      session.audit(operation, query, List.of(itemId), "ok");
      Map<String, String> fields = Map.of("principal", principalId, "state", state);
      return new CaseJournal.Planned(List.of(last == null
          ? new CaseJournal.Entry(caseId, itemId, CaseItem.Kind.MEMBER, 1, view.summary().label().toString(),
              session.principal().id(), now, "add", fields)
          : next(last, state.equals(ACTIVE) ? "add" : "remove", fields)), itemId);
    });
    return toItem(after.items().get(after.itemId()));
  }

  /**
   * Records that the case concerns something: an entity, a document, a link or a flag this session can see. The
   * reference is shown to a member only while that member can see the target too.
   *
   * @param label the label to give the reference (it may hide that the case concerns the target); null for the
   *     case's label. The reference carries the conjunction of it, the case's label and the target's labels.
   * @throws InvalidDataException when no such target is visible to this session (a missing one alike)
   */
  public CaseItem add(String caseId, CaseTarget target, Label label) {
    Objects.requireNonNull(target, "target");
    if (target.kind() == CaseTarget.Kind.STATEMENT || target.kind() == CaseTarget.Kind.SPAN) {
      throw new IllegalArgumentException("a case concerns an entity, a document, a link or a flag; annotate a "
          + "statement or a span instead (Cases.annotate)");
    }
    return addItem("case.add", caseId, CaseItem.Kind.REFERENCE, Optional.of(target), "", label);
  }

  /** A note on the case itself, labelled as {@link #add} describes ({@code label} null: the case's). */
  public CaseItem note(String caseId, String text, Label label) {
    requireText(text, "a note needs a non-blank text");
    return addItem("case.note", caseId, CaseItem.Kind.NOTE, Optional.empty(), text, label);
  }

  /**
   * An annotation: a note on an entity, a statement, a document, a span of a document's text, a link or a flag this
   * session can see. It carries the conjunction of {@code label} (null: the case's), the case's label and the
   * target's labels, so it is never less restricted than what it is about.
   *
   * @throws InvalidDataException when no such target is visible to this session (a missing one alike)
   */
  public CaseItem annotate(String caseId, CaseTarget target, String text, Label label) {
    Objects.requireNonNull(target, "target");
    requireText(text, "an annotation needs a non-blank text");
    return addItem("case.annotate", caseId, CaseItem.Kind.NOTE, Optional.of(target), text, label);
  }

  /**
   * Changes the text of a note or annotation; only its author may (a note is its author's word).
   *
   * @throws CaseConflictException when the note changed since {@code expectedVersion}
   */
  public CaseItem editNote(String caseId, String itemId, long expectedVersion, String text) {
    requireText(text, "a note needs a non-blank text");
    return edit("case.note.edit", caseId, itemId, expectedVersion, CaseItem.Kind.NOTE, (last, fields) -> {
      if (!last.itemAuthor().equals(session.principal().id())) {
        return "only its author may change a note; add a note of your own instead";
      }
      fields.put("text", text);
      return null;
    });
  }

  /**
   * A task for a member.
   *
   * @param owner the principal id responsible
   * @param due the due date, or null for none
   * @param label as {@link #note}
   */
  public CaseItem task(String caseId, String title, String owner, LocalDate due, Label label) {
    requireText(title, "a task needs a non-blank title");
    requireText(owner, "a task needs an owner (a principal id)");
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("owner", owner);
    fields.put("state", "open");
    if (due != null) {
      fields.put("due", due.toString());
    }
    return addItem("case.task", caseId, CaseItem.Kind.TASK, Optional.empty(), title, label, fields);
  }

  /**
   * Changes a task's state, owner or due date (null leaves one as it is); any member who sees the task may.
   *
   * @param state one of {@link CaseItem#TASK_STATES}, or null
   * @throws CaseConflictException when the task changed since {@code expectedVersion}
   */
  public CaseItem updateTask(String caseId, String itemId, long expectedVersion, String state, String owner,
      LocalDate due) {
    if (state != null && !CaseItem.TASK_STATES.contains(state)) {
      throw new IllegalArgumentException("unknown task state '" + state + "'; use one of " + CaseItem.TASK_STATES);
    }
    if (owner != null && owner.isBlank()) {
      throw new IllegalArgumentException("a task's owner is a principal id; give a non-blank one or null to keep it");
    }
    return edit("case.task.update", caseId, itemId, expectedVersion, CaseItem.Kind.TASK, (last, fields) -> {
      if (state != null) {
        fields.put("state", state);
      }
      if (owner != null) {
        fields.put("owner", owner);
      }
      if (due != null) {
        fields.put("due", due.toString());
      }
      return null;
    });
  }

  /**
   * Writes the case as this session sees it as a signed package another workspace can import ({@link #importPackage};
   * docs/collaboration.md, "Sharing packages") — one zip file when {@code dir} names a new {@code .zip} file, else a
   * new directory: the header and the visible members (principal ids), references, notes and tasks with every version
   * and label (the history this session may see, each version with its author and time); the entities they concern with only the visible statements (labels
   * and provenance); the documents' metadata and evidence hashes (and bytes if asked); the handling rules (the
   * conjunction of every label); and the audit entries about the case that name only what goes out (ids, never query
   * text). {@code manifest.json} lists every file's SHA-256 and the signing key; {@code manifest.sig} is its Ed25519
   * signature. One audit entry, {@code case.export}, naming every id that goes out, is durable before any file is
   * written.
   *
   * @throws NoSuchCaseException when this session does not see the case
   * @throws IllegalArgumentException when {@code dir} exists (a zip file) or is not empty (a directory), or the keys
   *     are not one pair
   */
  public CasePackage exportPackage(String caseId, PackageOptions options, java.nio.file.Path dir) {
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(dir, "dir");
    session.ensureOpen();
    return CasePackages.export(session, this, caseId, options, dir);
  }

  /**
   * Imports a package {@link #exportPackage} wrote (its zip file or its directory), after checking its signature with {@code trusted} and every file's
   * SHA-256 (any mismatch refuses the whole package, naming the file). Entities, documents (when their bytes are in
   * the package or already here) and the case's items keep their ids, labels and provenance; each statement and
   * document also records the originator (the exporting workspace and principal) in what it was derived from; each
   * case item's versions keep their original authors and times. The package's members come along as principal ids
   * (what each may see is this deployment's business); this session's principal becomes a member of a case new here. Importing the same package again writes nothing new. One audit
   * entry, {@code case.import}, is durable before anything is stored.
   *
   * @throws PackageRefusedException when the package does not verify; nothing is written
   * @throws WriteRefusedException naming every label this principal does not hold, or when it may not write a dataset
   *     of the package or create cases; nothing is written
   */
  public CasePackageImport importPackage(java.nio.file.Path dir, java.security.PublicKey trusted) {
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(trusted, "trusted");
    session.ensureOpen();
    return CasePackages.importPackage(session, dir, trusted);
  }

  // ---------------------------------------------------------------------------------------------------------------

  /** Decides an edit: puts the new fields in the map, or returns why the editor may not make it. */
  private interface Change {
    String apply(Versions last, Map<String, String> fields);
  }

  /** The first and last version of an item. */
  private record Versions(CaseJournal.Entry first, CaseJournal.Entry last) {
    String itemAuthor() {
      return first.by();
    }
  }

  private CaseItem edit(String operation, String caseId, String itemId, long expectedVersion, CaseItem.Kind kind,
      Change change) {
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(itemId, "itemId");
    session.ensureOpen();
    String query = "case=" + caseId + " item=" + itemId + " version=" + expectedVersion;
    CaseJournal.Written after = journal().write(caseId, items -> {
      headerOrFail(operation, query, caseId, items);
      // the item as a view would show it (its label allowed, its target visible), without building the whole view
      List<CaseJournal.Entry> item = items.get(itemId);
      boolean seen = item != null && item.get(0).kind() == kind && allows(item.get(0).label())
          && target(item.get(item.size() - 1).fields()).map(this::targetVisible).orElse(true);
      if (!seen) {
        session.audit(operation, query, List.of(), "error: no such item");
        throw noItem(caseId, itemId, kind);
      }
      List<CaseJournal.Entry> versions = items.get(itemId);
      CaseJournal.Entry last = checkVersion(operation, query, caseId, itemId, versions, expectedVersion);
      Map<String, String> fields = new LinkedHashMap<>(last.fields());
      String refusal = change.apply(new Versions(versions.get(0), last), fields);
      if (refusal != null) {
        refuse(operation, query, refusal);
      }
      session.audit(operation, query, List.of(itemId), "ok");
      return new CaseJournal.Planned(List.of(next(last, "edit", fields)), itemId);
    });
    return toItem(after.items().get(after.itemId()));
  }

  private CaseItem addItem(String operation, String caseId, CaseItem.Kind kind, Optional<CaseTarget> target,
      String text, Label label) {
    return addItem(operation, caseId, kind, target, text, label, Map.of());
  }

  private CaseItem addItem(String operation, String caseId, CaseItem.Kind kind, Optional<CaseTarget> target,
      String text, Label given, Map<String, String> extra) {
    Objects.requireNonNull(caseId, "caseId");
    session.ensureOpen();
    Instant now = session.workspace().now();
    String author = session.principal().id();
    String query = "case=" + caseId + " kind=" + kind.text() + target.map(t -> " target=" + t).orElse("");
    Map<String, String> fields = new LinkedHashMap<>(extra);
    if (!text.isEmpty()) {
      fields.put("text", text);
    }
    target.ifPresent(t -> putTarget(fields, t));
    CaseJournal.Written after = journal().write(caseId, items -> {
      // the header is enough to decide an addition: building the whole view would cost O(items) per write
      CaseSummary header = headerOrFail(operation, query, caseId, items);
      List<Label> labels = new ArrayList<>();
      labels.add(header.label());
      if (given != null) {
        if (!given.expression().visibleTo(session.principal().authorizations())) {
          refuse(operation, query, "principal '" + author + "' may not attach the label " + given + ": its"
              + " authorisations do not satisfy it, and a writer attaches only labels it holds");
        }
        labels.add(given);
      }
      if (target.isPresent()) {
        Optional<List<Label>> targetLabels = targetLabels(target.get());
        if (targetLabels.isEmpty()) {
          session.audit(operation, query, List.of(), "error: no such target");
          throw new InvalidDataException(new InvalidDataException.Problem(target.get().toString(),
              "no such " + target.get().kind().text() + " is visible to this session; give one you can see"));
        }
        labels.addAll(targetLabels.get());
      }
      Label label;
      try {
        label = Label.allOf(labels);
      } catch (RuntimeException e) {
        session.audit(operation, query, List.of(), "error: " + e.getClass().getSimpleName());
        throw e;
      }
      if (!session.workspace().decide(session.principal(), session.purpose(), label).allowed()) {
        refuse(operation, query, "the item's label " + label + " would not be visible to '" + author + "' for "
            + session.purpose() + "; give a label whose purposes and dates allow it");
      }
      String id = kind.text() + "-" + Hashing.ofParts(caseId, kind.text(), author, now.toString(), label.toString(),
          new java.util.TreeMap<>(fields).toString()).substring(0, 24);
      session.audit(operation, query + " item=" + id, List.of(id), "ok"); // write-ahead
      if (items.containsKey(id)) {
        return new CaseJournal.Planned(List.of(), id); // the same item, author and instant: a retried call
      }
      return new CaseJournal.Planned(
          List.of(new CaseJournal.Entry(caseId, id, kind, 1, label.toString(), author, now, "create", fields)), id);
    });
    return toItem(after.items().get(after.itemId()));
  }

  /** The labels of what a target refers to as this session sees it; empty when it sees nothing of it. */
  private Optional<List<Label>> targetLabels(CaseTarget t) {
    switch (t.kind()) {
      case DOCUMENT:
      case SPAN: {
        Optional<Document> d = session.visibleDocument(t.id());
        if (d.isEmpty() || (t.kind() == CaseTarget.Kind.SPAN && t.end() > d.get().text().length())) {
          return Optional.empty();
        }
        return Optional.of(List.of(d.get().label()));
      }
      case STATEMENT: {
        Optional<Entity> e = session.visibleEntity(EntityId.of(t.id()));
        return e.flatMap(x -> x.statements().stream().filter(s -> s.id().equals(t.statementId().orElseThrow()))
            .findFirst()).map(s -> List.of(s.label()));
      }
      default: {
        Optional<Entity> e = session.visibleEntity(EntityId.of(t.id()));
        if (e.isEmpty()) {
          return Optional.empty();
        }
        boolean edge = session.workspace().schema().find(e.get().schema()).map(ty -> ty.isEdge()).orElse(false);
        if ((t.kind() == CaseTarget.Kind.FLAG && !e.get().schema().equals("Flag"))
            || (t.kind() == CaseTarget.Kind.LINK && (!edge || e.get().schema().equals("Flag")))) {
          return Optional.empty();
        }
        Set<Label> labels = new LinkedHashSet<>();
        e.get().statements().forEach(s -> labels.add(s.label()));
        return Optional.of(List.copyOf(labels));
      }
    }
  }

  /** Whether this session sees the target now. */
  private boolean targetVisible(CaseTarget t) {
    switch (t.kind()) {
      case DOCUMENT:
      case SPAN:
        return session.visibleDocument(t.id()).isPresent();
      case STATEMENT:
        return session.visibleEntity(EntityId.of(t.id())).map(e -> e.statements().stream()
            .map(Statement::id).anyMatch(t.statementId().orElseThrow()::equals)).orElse(false);
      default:
        return session.visibleEntity(EntityId.of(t.id())).isPresent();
    }
  }

  /** The case as this session may see it, from its journal items. */
  Optional<CaseView> visible(String caseId, Map<String, List<CaseJournal.Entry>> items) {
    Optional<CaseSummary> header = header(caseId, items);
    if (header.isEmpty()) {
      return Optional.empty();
    }
    List<CaseItem> members = new ArrayList<>();
    List<CaseItem> references = new ArrayList<>();
    List<CaseItem> notes = new ArrayList<>();
    List<CaseItem> tasks = new ArrayList<>();
    List<CaseEvent> history = new ArrayList<>();
    history.addAll(events(items.get(caseId)));
    for (Map.Entry<String, List<CaseJournal.Entry>> e : items.entrySet()) {
      CaseJournal.Entry first = e.getValue().get(0);
      if (first.kind() == CaseItem.Kind.CASE || !allows(first.label())) {
        continue;
      }
      CaseItem item = toItem(e.getValue());
      if (item.target().isPresent() && !targetVisible(item.target().get())) {
        continue;
      }
      switch (item.kind()) {
        case MEMBER -> members.add(item);
        case REFERENCE -> references.add(item);
        case NOTE -> notes.add(item);
        case TASK -> tasks.add(item);
        case PRODUCTION -> { } // shown by Productions, with its own record; its history is below
        default -> throw new IllegalStateException("unknown item kind " + item.kind());
      }
      history.addAll(events(e.getValue()));
    }
    Comparator<CaseItem> order = Comparator.comparing(CaseItem::createdAt).thenComparing(CaseItem::id);
    members.sort(order);
    references.sort(order);
    notes.sort(order);
    tasks.sort(order);
    history.sort(Comparator.comparing(CaseEvent::at).thenComparing(CaseEvent::itemId)
        .thenComparingLong(CaseEvent::version));
    return Optional.of(new CaseView(header.get(), members, references, notes, tasks, history));
  }

  /** The header, if this session sees the case's label and its principal is an active member. */
  private Optional<CaseSummary> header(String caseId, Map<String, List<CaseJournal.Entry>> items) {
    List<CaseJournal.Entry> versions = items.get(caseId);
    if (versions == null || !allows(versions.get(0).label())) {
      return Optional.empty();
    }
    List<CaseJournal.Entry> member = items.get(memberId(caseId, session.principal().id()));
    if (member == null || !member.get(member.size() - 1).field("state").equals(ACTIVE)) {
      return Optional.empty();
    }
    CaseJournal.Entry first = versions.get(0);
    CaseJournal.Entry last = versions.get(versions.size() - 1);
    return Optional.of(new CaseSummary(caseId, last.field("title"), Label.parse(first.label()), last.version(),
        first.by(), first.at(), last.by(), last.at()));
  }

  /** The header as {@link #visibleOrFail} decides it, without the items. */
  CaseSummary headerOrFail(String operation, String query, String caseId, Map<String, List<CaseJournal.Entry>> items) {
    Optional<CaseSummary> header = header(caseId, items);
    if (header.isEmpty()) {
      session.audit(operation, query, List.of(), "error: no such case");
      throw noCase(caseId);
    }
    return header.get();
  }

  CaseView visibleOrFail(String operation, String query, String caseId,
      Map<String, List<CaseJournal.Entry>> items) {
    Optional<CaseView> view = visible(caseId, items);
    if (view.isEmpty()) {
      session.audit(operation, query, List.of(), "error: no such case");
      throw noCase(caseId);
    }
    return view.get();
  }

  CaseJournal.Entry checkVersion(String operation, String query, String caseId, String itemId,
      List<CaseJournal.Entry> versions, long expected) {
    CaseJournal.Entry last = versions.get(versions.size() - 1);
    if (last.version() != expected) {
      session.audit(operation, query, List.of(), "error: conflict");
      throw new CaseConflictException("item " + itemId + " of case " + caseId + " is at version " + last.version()
          + " (written by " + last.by() + " at " + last.at() + "), but this change was based on version " + expected
          + "; nothing was written: show the case again and reapply the change", expected, last.version());
    }
    return last;
  }

  /** The next version of an item, written by this session now; the label never changes. */
  CaseJournal.Entry next(CaseJournal.Entry last, String action, Map<String, String> fields) {
    return new CaseJournal.Entry(last.caseId(), last.itemId(), last.kind(), last.version() + 1, last.label(),
        session.principal().id(), session.workspace().now(), action, Map.copyOf(fields));
  }

  private static CaseItem toItem(List<CaseJournal.Entry> versions) {
    CaseJournal.Entry first = versions.get(0);
    CaseJournal.Entry last = versions.get(versions.size() - 1);
    Optional<CaseTarget> target = target(last.fields());
    String due = last.field("due");
    return new CaseItem(first.itemId(), first.caseId(), first.kind(), last.version(), target, last.field("text"),
        last.field("principal"), last.field("owner"), due.isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(due)),
        last.field("state"), Label.parse(first.label()), first.by(), first.at(), last.by(), last.at());
  }

  private static List<CaseEvent> events(List<CaseJournal.Entry> versions) {
    List<CaseEvent> out = new ArrayList<>();
    Map<String, String> before = Map.of();
    for (CaseJournal.Entry v : versions) {
      List<String> changed = new ArrayList<>();
      if (v.version() > 1) {
        Set<String> names = new java.util.TreeSet<>(before.keySet());
        names.addAll(v.fields().keySet());
        for (String n : names) {
          if (!Objects.equals(before.get(n), v.fields().get(n))) {
            changed.add(n);
          }
        }
      }
      out.add(new CaseEvent(v.at(), v.by(), v.itemId(), v.kind(), v.version(), v.action(), changed,
          Label.parse(v.label())));
      before = v.fields();
    }
    return out;
  }

  private static void putTarget(Map<String, String> fields, CaseTarget t) {
    fields.put("target", t.kind().text());
    fields.put("targetId", t.id());
    t.statementId().ifPresent(s -> fields.put("targetStatement", s));
    if (t.kind() == CaseTarget.Kind.SPAN) {
      fields.put("targetStart", Integer.toString(t.start()));
      fields.put("targetEnd", Integer.toString(t.end()));
    }
  }

  private static Optional<CaseTarget> target(Map<String, String> fields) {
    String kind = fields.get("target");
    if (kind == null) {
      return Optional.empty();
    }
    return Optional.of(new CaseTarget(CaseTarget.Kind.valueOf(kind.toUpperCase(java.util.Locale.ROOT)),
        fields.get("targetId"), Optional.ofNullable(fields.get("targetStatement")),
        Integer.parseInt(fields.getOrDefault("targetStart", "0")), Integer.parseInt(fields.getOrDefault("targetEnd", "0"))));
  }

  private List<String> ids(CaseView v) {
    List<String> ids = new ArrayList<>();
    ids.add(v.id());
    for (List<CaseItem> l : List.of(v.members(), v.references(), v.notes(), v.tasks())) {
      l.forEach(i -> ids.add(i.id()));
    }
    return ids;
  }

  boolean allows(String label) {
    return session.workspace().allows(session.principal(), session.purpose(), label);
  }

  CaseJournal journal() {
    return session.workspace().cases();
  }

  void refuse(String operation, String query, String message) {
    session.audit(operation, query, List.of(), "denied: not authorised to write");
    throw new WriteRefusedException(message);
  }

  static String memberId(String caseId, String principal) {
    return "member-" + Hashing.ofParts(caseId, "member", principal).substring(0, 24);
  }

  static NoSuchCaseException noCase(String caseId) {
    return new NoSuchCaseException("no case " + org.insight.Messages.quote(caseId) + " is visible to this session;"
        + " list the cases you are a member of with Session.cases().list() (insight case list)");
  }

  private static NoSuchCaseException noItem(String caseId, String itemId, CaseItem.Kind kind) {
    return new NoSuchCaseException("case " + caseId + " has no " + kind.text() + " " + org.insight.Messages.quote(itemId)
        + " visible to this session; show the case to see its items (insight case show)");
  }

  private static void requireText(String text, String message) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException(message);
    }
  }
}
