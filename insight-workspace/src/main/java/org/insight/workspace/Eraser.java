package org.insight.workspace;

import java.io.IOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.insight.core.ContentHash;
import org.insight.core.Document;
import org.insight.core.EntityId;
import org.insight.core.EntityType;
import org.insight.core.Mention;
import org.insight.core.Statement;
import org.insight.core.StoreException;
import org.insight.policy.AuditEvent;
import org.insight.search.Visibility;

/**
 * Erasure: works out everything an erasure reaches, and removes it so that a crash cannot leave half of it.
 *
 * <p>What it reaches, from the targets the session may see (an invisible target is treated as missing):
 * <ul>
 *   <li>the visible statements of the entities, the statements, the documents (and, for a dataset, every visible
 *       statement and document of it);
 *   <li>derived data, under every label (it was computed from the erased data, whoever may read it): the mentions in
 *       erased documents and the mentions spotted for an erased entity; a document's translation (statements on the
 *       entity with the document's id); every {@code Flag}, {@code SameAs} and {@code MatchEvent} that names an erased
 *       entity, document or mention; every resolution run that names one, or that ran after an erased person was
 *       written (its clusters and learned weights were shaped by it): its links, events and marker;
 *   <li>evidence blobs no remaining statement, document or mention traces to (blobs are shared by content hash, so
 *       a blob is checked against the index, under every label, after the index has forgotten the erased data);
 *   <li>the in-memory indexes built from them: screening views, subject and entry indexes (rebuilt when next
 *       needed); the store's own caches are per snapshot, and the erasing commit is a new snapshot;
 *   <li>case items about what is now gone under every label — references, notes and annotations whose target
 *       (entity, statement, document, span, link, flag) no longer exists, and productions naming an erased id: a
 *       tombstone removes each from every member's view, and the case journal is rewritten without their lines
 *       ({@link CaseJournal#tombstone}); the erasure's audit entry names them (ids only).
 * </ul>
 * An entity erased only in part (statements the session cannot see remain) is screened again afterwards, so its
 * flags are those its remaining statements raise.
 *
 * <p>Crash safety: the ids to delete and the blobs to check are first written to a journal ({@code erasure.pending},
 * synced, renamed into place); the index then deletes them all in one commit; blobs go; the audit entry is written;
 * the journal is removed. A workspace opened for writing finds a journal left by a crash and finishes it (every step
 * is idempotent), so after a kill -9 the erasure is either not started (no journal) or completed on the next open.
 */
final class Eraser {
  static final String JOURNAL = "erasure.pending";
  private static final Set<String> DERIVED_TYPES = Set.of("Flag", "SameAs", "MatchEvent");

  private Eraser() {}

  /** What one erasure deletes. */
  record Plan(Set<String> ids, Set<ContentHash> hashes, Set<EntityId> rescreen, List<String> entities,
      List<String> documents, int statements, Set<String> datasets) {}

  /**
   * Plans an erasure of the given items and everything derived from them (and of a document's embedded items).
   * {@code reported} decides which of them the receipt may name and whose datasets the erasure right is checked for
   * (what the erasing session sees): nothing about the others may reach the caller.
   */
  static Plan plan(Workspace ws, List<Statement> statements, List<Document> documents,
      Predicate<org.insight.policy.Label> reported) {
    Visibility all = Visibility.of(ws.store.labels());
    Set<String> ids = new LinkedHashSet<>();
    Set<ContentHash> hashes = new LinkedHashSet<>();
    Set<String> datasets = new TreeSet<>();
    Set<EntityId> touched = new LinkedHashSet<>();
    TreeSet<String> reportedEntities = new TreeSet<>();
    TreeSet<String> reportedDocuments = new TreeSet<>();
    int reportedStatements = 0;
    List<Statement> persons = new ArrayList<>();
    for (Statement s : statements) {
      if (ids.add(s.id())) {
        hashes.addAll(s.provenance().evidence());
        touched.add(s.entityId());
        if (reported.test(s.label())) {
          datasets.add(s.provenance().dataset());
          reportedEntities.add(s.entityId().value());
          reportedStatements++;
        }
        if (ws.schema().find(s.schema()).map(t -> t.isA("Person")).orElse(false)) {
          persons.add(s);
        }
      }
    }
    Set<String> references = new LinkedHashSet<>();
    // a container's embedded items (an e-mail's attachments) were extracted from its bytes: they go with it
    List<Document> queue = new ArrayList<>(documents);
    if (!queue.isEmpty()) {
      Map<String, List<Document>> children = new LinkedHashMap<>();
      for (Document d : allDocuments(ws, all)) {
        d.parentId().ifPresent(parent -> children.computeIfAbsent(parent, k -> new ArrayList<>()).add(d));
      }
      Set<String> queued = new HashSet<>();
      for (int i = 0; i < queue.size(); i++) {
        if (queued.add(queue.get(i).id())) {
          queue.addAll(children.getOrDefault(queue.get(i).id(), List.of()));
        }
      }
    }
    for (Document d : queue) {
      if (ids.add(d.id())) {
        hashes.add(d.contentHash());
        hashes.addAll(d.provenance().evidence());
        references.add(d.id());
        if (reported.test(d.label())) {
          datasets.add(d.provenance().dataset());
          reportedDocuments.add(d.id());
        }
        for (Mention m : ws.store.mentions(d.id(), all)) {
          addMention(m, ids, hashes, references);
        }
        // derived statements about the document itself (its translation)
        for (Statement s : ws.store.statements(EntityId.of(d.id()), all)) {
          addDerived(s, ids, hashes);
        }
      }
    }
    // entities left with statements the erasure did not reach are screened again; the others are gone
    Set<EntityId> rescreen = new LinkedHashSet<>();
    for (EntityId e : touched) {
      references.add(e.value());
      if (ws.store.statements(e, all).stream().anyMatch(s -> !ids.contains(s.id()))) {
        rescreen.add(e);
      }
    }
    if (!touched.isEmpty()) {
      for (Mention m : ws.store.allMentions(all)) {
        if (m.entityId().isPresent() && touched.contains(m.entityId().get())) {
          addMention(m, ids, hashes, references);
        }
      }
    }
    // flags, links and events naming what goes, and the resolution runs they belong to
    Set<EntityId> derivedEntities = new LinkedHashSet<>();
    Set<String> runs = new TreeSet<>();
    if (!references.isEmpty()) {
      for (Statement s : ws.store.statementsWithValue(references, all)) {
        if (DERIVED_TYPES.contains(s.schema())) {
          derivedEntities.add(s.entityId());
        }
      }
    }
    if (!persons.isEmpty()) {
      for (Statement s : ws.store.statementsWithValue(Set.of("run"), all)) {
        if (s.schema().equals("MatchEvent") && s.property().equals("kind")
            && persons.stream().anyMatch(p -> mayHaveRead(s, p))) {
          derivedEntities.add(s.entityId());
        }
      }
    }
    for (EntityId e : derivedEntities) {
      for (Statement s : ws.store.statements(e, all)) {
        if (s.property().equals("run") && (s.schema().equals("SameAs") || s.schema().equals("MatchEvent"))) {
          runs.add(s.value());
        }
      }
    }
    if (!runs.isEmpty()) {
      for (Statement s : ws.store.statementsWithValue(runs, all)) {
        if (s.property().equals("run") && DERIVED_TYPES.contains(s.schema())) {
          derivedEntities.add(s.entityId());
        }
      }
    }
    for (EntityId e : derivedEntities) {
      rescreen.remove(e);
      for (Statement s : ws.store.statements(e, all)) {
        addDerived(s, ids, hashes);
      }
    }
    return new Plan(ids, hashes, rescreen, List.copyOf(reportedEntities), List.copyOf(reportedDocuments),
        reportedStatements, datasets);
  }

  /**
   * Whether the resolution run whose marker is {@code marker} may have read {@code person}: it ran after the person
   * was written, while its label was within delete-after, and the marker's label (the conjunction of every record the
   * run read) names every token of the person's label. Conservative: it may say yes for a run that did not read it
   * (the run is then erased, to be run again), never no for one that did.
   */
  private static boolean mayHaveRead(Statement marker, Statement person) {
    Instant at = marker.provenance().ingestedAt();
    java.time.LocalDate day = java.time.LocalDate.ofInstant(at, java.time.ZoneOffset.UTC);
    return !at.isBefore(person.provenance().ingestedAt())
        && person.label().deleteAfter().map(d -> !day.isAfter(d)).orElse(true)
        && marker.label().expression().tokens().containsAll(person.label().expression().tokens());
  }

  private static void addMention(Mention m, Set<String> ids, Set<ContentHash> hashes, Set<String> references) {
    if (ids.add(m.id())) {
      hashes.addAll(m.provenance().evidence());
      references.add(m.id());
    }
  }

  private static void addDerived(Statement s, Set<String> ids, Set<ContentHash> hashes) {
    if (ids.add(s.id())) {
      hashes.addAll(s.provenance().evidence());
    }
  }

  /**
   * Carries out a plan: journal, one index commit, blobs, caches, re-screening (whose flags are audited before they
   * are written). The caller audits the erasure and then calls {@link #done}.
   */
  static Outcome apply(Workspace ws, Plan plan, String principal, String purpose, String reason, String request) {
    if (plan.ids().isEmpty()) {
      return new Outcome(List.of());
    }
    writeJournal(ws.directory(), principal, purpose, reason, request, plan);
    return carryOut(ws, plan.ids(), plan.hashes(), plan.rescreen(), principal, purpose);
  }

  /** What carrying out an erasure also did: the case items it tombstoned. */
  record Outcome(List<String> caseItems) {}

  private static Outcome carryOut(Workspace ws, Collection<String> ids, Collection<ContentHash> hashes,
      Collection<EntityId> rescreen, String principal, String purpose) {
    ws.store.delete(ids);
    List<String> caseItems = tombstoneCases(ws, ids, principal);
    java.util.concurrent.locks.Lock guard = ws.evidenceGuard.writeLock();
    guard.lock(); // a document being written with these bytes is committed first, and then keeps them
    try {
      Visibility all = Visibility.of(ws.store.labels());
      for (ContentHash h : hashes) {
        if (!ws.store.evidenceVisible(h, all)) {
          ws.evidence.delete(h);
        }
      }
    } finally {
      guard.unlock();
    }
    ws.screening.forget();
    ws.standing.erased(ids); // an alert is derived data: it goes with what it points at
    if (!rescreen.isEmpty()) {
      // re-screening's flags are audited before they are written, as every write
      ws.screening.afterAdd(rescreen, principal, ws.store::labels, ws.now(), flags -> ws.audit(new AuditEvent(ws.now(),
          principal, purpose, "flag.create", "screen flags=" + flags.size(),
          flags.stream().map(f -> f.id().value()).toList(), "ok")));
    }
    return new Outcome(caseItems);
  }

  /**
   * Tombstones the case items about what no longer exists under any label (after the index forgot the erased data):
   * a case then reads, for every member, as if they had never been written — an item about something never written
   * could not have been written either.
   */
  private static List<String> tombstoneCases(Workspace ws, Collection<String> ids, String principal) {
    Visibility all = Visibility.of(ws.store.labels());
    Set<String> erased = new HashSet<>(ids);
    return ws.cases().tombstone(last -> gone(ws, last, erased, all), principal, ws.now());
  }

  private static boolean gone(Workspace ws, CaseJournal.Entry last, Set<String> erased, Visibility all) {
    if (last.kind() == org.insight.workspace.CaseItem.Kind.PRODUCTION) {
      return Productions.decode(last.field("items")).stream().anyMatch(i -> erased.contains(i.id()));
    }
    String id = last.field("targetId");
    switch (last.field("target")) {
      case "":
        return false;
      case "document":
      case "span":
        return erased.contains(id); // a document (and each of its embedded items) is erased by its id
      case "statement":
        return erased.contains(last.field("targetStatement"));
      default: // an entity, link or flag is gone when no statement of it is left, under any label
        return ws.store.statements(EntityId.of(id), all).isEmpty();
    }
  }

  /** The erasure is complete and audited: its journal goes. */
  static void done(Workspace ws) {
    try {
      Files.deleteIfExists(ws.directory().resolve(JOURNAL));
    } catch (IOException e) {
      throw new StoreException("the erasure is complete, but its journal could not be removed: " + e.getMessage()
          + "; it will be completed again (harmlessly) when the workspace is next opened", e);
    }
  }

  /**
   * Finishes an erasure a crash interrupted (a journal is left), when a workspace is opened for writing: deletes what
   * it lists, checks its blobs, audits it as its principal with the outcome {@code ok: completed after a restart}.
   */
  static void recover(Workspace ws) {
    Path file = ws.directory().resolve(JOURNAL);
    if (!Files.exists(file)) {
      return;
    }
    Map<String, List<String>> journal = new LinkedHashMap<>();
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        int tab = line.indexOf('\t');
        if (tab > 0) {
          journal.computeIfAbsent(line.substring(0, tab), k -> new ArrayList<>()).add(line.substring(tab + 1));
        }
      }
    } catch (IOException e) {
      throw new StoreException("an interrupted erasure's journal " + file + " could not be read: " + e.getMessage(), e);
    }
    if (!journal.containsKey("end")) {
      // written and synced before anything was deleted: without its last line, nothing was deleted yet
      done(ws);
      return;
    }
    String principal = first(journal, "principal");
    List<String> ids = journal.getOrDefault("id", List.of());
    List<ContentHash> hashes = journal.getOrDefault("hash", List.of()).stream().map(ContentHash::parse).toList();
    List<EntityId> rescreen = journal.getOrDefault("rescreen", List.of()).stream().map(EntityId::of).toList();
    Outcome outcome = carryOut(ws, ids, hashes, rescreen, principal, first(journal, "purpose"));
    Instant now = ws.now();
    List<String> named = new ArrayList<>(ids);
    named.addAll(outcome.caseItems());
    ws.audit(new AuditEvent(now, principal, first(journal, "purpose"), "erase",
        first(journal, "request") + "reason=" + first(journal, "reason"), named, "ok: completed after a restart"));
    done(ws);
  }

  private static String first(Map<String, List<String>> journal, String key) {
    return journal.getOrDefault(key, List.of("")).get(0);
  }

  private static void writeJournal(Path dir, String principal, String purpose, String reason, String request,
      Plan plan) {
    Path tmp = dir.resolve(JOURNAL + ".tmp");
    try {
      try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        w.write("principal\t" + oneLine(principal) + "\n");
        w.write("purpose\t" + oneLine(purpose) + "\n");
        w.write("reason\t" + oneLine(reason) + "\n");
        w.write("request\t" + oneLine(request) + "\n");
        for (String id : plan.ids()) {
          w.write("id\t" + id + "\n");
        }
        for (ContentHash h : plan.hashes()) {
          w.write("hash\t" + h.hex() + "\n");
        }
        for (EntityId e : plan.rescreen()) {
          w.write("rescreen\t" + e.value() + "\n");
        }
        w.write("end\t\n");
      }
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ch.force(true);
      }
      Files.move(tmp, dir.resolve(JOURNAL), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
        ch.force(true);
      }
    } catch (IOException e) {
      throw new StoreException("could not write the erasure journal in " + dir + ": " + e.getMessage()
          + "; nothing was erased", e);
    }
  }

  private static String oneLine(String s) {
    return s.replaceAll("[\\r\\n\\t]", " ");
  }

  /** Every type of the schema (statements are validated against it, so this is every statement's type). */
  static Set<String> allTypes(Workspace ws) {
    Set<String> out = new TreeSet<>();
    for (EntityType t : ws.schema().types()) {
      out.add(t.name());
    }
    return out;
  }

  /** The visible documents of a dataset, paged through the store. */
  static List<Document> documentsOf(Workspace ws, String dataset, Visibility visibility) {
    List<Document> out = new ArrayList<>();
    for (int offset = 0; ; offset += 1000) {
      List<Document> page = ws.store.documents(offset, 1000, visibility);
      page.stream().filter(d -> d.provenance().dataset().equals(dataset)).forEach(out::add);
      if (page.size() < 1000) {
        return out;
      }
    }
  }

  /** Every document under the given visibility. */
  static List<Document> allDocuments(Workspace ws, Visibility visibility) {
    List<Document> out = new ArrayList<>();
    for (int offset = 0; ; offset += 1000) {
      List<Document> page = ws.store.documents(offset, 1000, visibility);
      out.addAll(page);
      if (page.size() < 1000) {
        return out;
      }
    }
  }
}
