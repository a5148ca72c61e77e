package org.insight.workspace;

import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.insight.InsightException;
import org.insight.core.ContentHash;
import org.insight.core.Document;
import org.insight.core.Entity;
import org.insight.core.EntityId;
import org.insight.core.EntityType;
import org.insight.core.InvalidDataException;
import org.insight.core.Mention;
import org.insight.core.Statement;
import org.insight.policy.AuditEvent;
import org.insight.policy.Label;
import org.insight.policy.Principal;
import org.insight.policy.Purpose;
import org.insight.search.Hit;
import org.insight.search.Query;
import org.insight.search.Scan;
import org.insight.search.SearchResult;
import org.insight.search.Suggestion;
import org.insight.search.Visibility;

/**
 * The one read path (rule 1): a principal acting for a purpose. Every read returns only what the principal may
 * see — by label, purpose and retention — with the filter inside the index query, so nothing invisible
 * influences a result, a count or an order (rule 2). Something invisible is indistinguishable from something
 * missing. Every call, read or write, is audited before its result is returned; if the audit entry cannot be
 * written, the call fails and returns nothing (rule 6).
 *
 * <p>Sessions are cheap, thread-safe and hold no resources; closing one only marks it unusable.
 */
public final class Session implements AutoCloseable {
  private final Workspace workspace;
  private final Principal principal;
  private final Purpose purpose;
  /** Set only on the session a {@link #product} hands its reader: the reads it made, audited as one entry. */
  private final java.util.Queue<String> productReads;
  private volatile boolean closed;

  Session(Workspace workspace, Principal principal, Purpose purpose) {
    this(workspace, principal, purpose, null);
  }

  private Session(Workspace workspace, Principal principal, Purpose purpose, java.util.Queue<String> productReads) {
    this.workspace = workspace;
    this.principal = principal;
    this.purpose = purpose;
    this.productReads = productReads;
  }

  public Principal principal() {
    return principal;
  }

  public Purpose purpose() {
    return purpose;
  }

  /** The entity with this id as this session may see it; empty when it does not exist or nothing of it is visible. */
  public Optional<Entity> entity(EntityId id) {
    Objects.requireNonNull(id, "id");
    return audited("entity.get", id.value(), () -> {
      List<Statement> visible = workspace.store.statements(id, visibility());
      return visible.isEmpty() ? Optional.<Entity>empty() : Optional.of(Entity.of(id, visible, workspace.schema()));
    }, e -> e.map(x -> List.of(x.id().value())).orElse(List.of()));
  }

  /**
   * The entities with these ids as this session may see them, in the order asked, each once; ids that do not exist or
   * of which nothing is visible are left out, exactly as {@link #entity} reports them empty. One audit entry covers the
   * whole call (operation {@code entity.get}, the ids asked for, the ids returned), so a caller looking up many ids
   * pays for one durable audit write instead of one per id.
   *
   * @param ids at most 10,000 ids
   * @throws IllegalArgumentException when more than 10,000 ids are asked for
   */
  public List<Entity> entities(Collection<EntityId> ids) {
    Objects.requireNonNull(ids, "ids");
    Set<EntityId> asked = new LinkedHashSet<>();
    for (EntityId id : ids) {
      asked.add(Objects.requireNonNull(id, "an id in ids"));
    }
    if (asked.size() > 10_000) {
      throw new IllegalArgumentException("entities(ids) takes at most 10000 ids per call, got " + asked.size()
          + "; split them into several calls");
    }
    String query = "ids=" + asked.stream().map(EntityId::value).collect(Collectors.joining(","));
    return audited("entity.get", query, () -> {
      Visibility visibility = visibility();
      List<Entity> out = new ArrayList<>();
      for (EntityId id : asked) {
        List<Statement> visible = workspace.store.statements(id, visibility);
        if (!visible.isEmpty()) {
          out.add(Entity.of(id, visible, workspace.schema()));
        }
      }
      return List.copyOf(out);
    }, found -> found.stream().map(e -> e.id().value()).toList());
  }

  /**
   * The visible entities of a type (and its sub-types), in id order; {@code type} {@code null} means all types.
   *
   * @param offset the first entity to return, 0-based
   * @param limit at most this many (1..10,000)
   */
  public Page<Entity> entities(String type, int offset, int limit) {
    checkPage(offset, limit);
    Set<String> types = types(type);
    return audited("entity.list", "type=" + (type == null ? "*" : type) + " offset=" + offset + " limit=" + limit, () -> {
      Visibility visibility = visibility();
      long total = workspace.store.countEntities(types, visibility);
      List<Entity> items = new ArrayList<>();
      for (EntityId id : workspace.store.entityIds(types, offset, limit, visibility)) {
        List<Statement> visible = workspace.store.statements(id, visibility);
        if (!visible.isEmpty()) {
          items.add(Entity.of(id, visible, workspace.schema()));
        }
      }
      return new Page<>(items, total, offset, limit);
    }, p -> p.items().stream().map(e -> e.id().value()).toList());
  }

  /** How many entities of a type (and its sub-types) this session may see; {@code null} means all types. */
  public long count(String type) {
    Set<String> types = types(type);
    return audited("entity.count", "type=" + (type == null ? "*" : type),
        () -> workspace.store.countEntities(types, visibility()), n -> List.of());
  }

  /**
   * Every entity of the given types (and their sub-types) this session may see, each with all its visible
   * statements, for analysis: one pass over one snapshot of the index, in index order (not id order), at close to
   * the rate the index reads stored data. One audit entry covers the whole scan — the types, the snapshot and how
   * many entities it hands out (not their ids: a scan may hand out millions); it is durable before this returns, and
   * if it cannot be written nothing is returned. Close the scan (try-with-resources): it holds the snapshot open.
   *
   * <pre>{@code
   * try (Scan<Entity> people = session.scanEntities("Person", "Organization")) {
   *   for (Entity e : people) { ... }
   * }
   * }</pre>
   *
   * @throws org.insight.core.SchemaException when a type is not in the schema
   * @throws IllegalArgumentException when no type is given
   */
  public Scan<Entity> scanEntities(String... types) {
    Set<String> all = new java.util.TreeSet<>();
    for (String type : requireSome(types, "type", "scanEntities(\"Person\")")) {
      all.addAll(types(type));
    }
    return scanned("entity.scan", "types=" + String.join(",", types), () -> workspace.store.scanEntities(all, visibility()));
  }

  /**
   * Every statement of the given properties (of any type) this session may see, for analysis (dates for trends,
   * coordinates for maps): one pass over one snapshot, in index order, audited once as {@link #scanEntities} is.
   * Close the scan.
   *
   * @throws IllegalArgumentException when no property is given, or no type in the schema has one of them
   */
  public Scan<Statement> scanStatements(String... properties) {
    Set<String> wanted = new java.util.TreeSet<>();
    for (String property : requireSome(properties, "property", "scanStatements(\"birthDate\")")) {
      if (workspace.schema().types().stream().noneMatch(t -> t.has(property))) {
        throw new IllegalArgumentException("no type in the schema has a property '" + property
            + "'; give property names as the schema declares them (e.g. birthDate, latitude, name)");
      }
      wanted.add(property);
    }
    return scanned("statement.scan", "properties=" + String.join(",", properties),
        () -> workspace.store.scanStatements(wanted, visibility()));
  }

  private static String[] requireSome(String[] names, String what, String example) {
    Objects.requireNonNull(names, what + "s");
    if (names.length == 0) {
      throw new IllegalArgumentException("a scan needs at least one " + what + ", e.g. " + example);
    }
    for (String n : names) {
      Objects.requireNonNull(n, what);
    }
    return names;
  }

  /**
   * Opens a scan, writes its one audit entry (with the snapshot and the number of items) and only then hands it
   * over; a failed audit closes the scan, so nothing is read out.
   */
  private <T> Scan<T> scanned(String operation, String query, Supplier<Scan<T>> open) {
    ensureOpen();
    Scan<T> scan;
    try {
      scan = open.get();
    } catch (RuntimeException e) {
      audit(operation, query, List.of(), "error: " + e.getClass().getSimpleName());
      throw e;
    }
    try {
      audit(operation, query + " items=" + scan.size(), List.of(), "ok");
    } catch (RuntimeException e) {
      scan.close();
      throw e;
    }
    return scan;
  }

  /** The document with this id, if this session may see it. */
  public Optional<Document> document(String id) {
    Objects.requireNonNull(id, "id");
    return audited("document.get", id, () -> workspace.store.document(id, visibility()),
        d -> d.map(x -> List.of(x.id())).orElse(List.of()));
  }

  /** The visible documents, in id order. */
  public Page<Document> documents(int offset, int limit) {
    checkPage(offset, limit);
    return audited("document.list", "offset=" + offset + " limit=" + limit, () -> {
      Visibility visibility = visibility();
      return new Page<>(workspace.store.documents(offset, limit, visibility),
          workspace.store.countDocuments(visibility), offset, limit);
    }, p -> p.items().stream().map(Document::id).toList());
  }

  /**
   * Searches entities and documents. Hits, totals, facets, scores and snippets are computed only over what this
   * session may see; the label filter runs inside every index query.
   *
   * @throws org.insight.search.QuerySyntaxException when the query names an unknown type or property, or a
   *     value that is not valid for it
   */
  public SearchResult search(Query query) {
    Objects.requireNonNull(query, "query");
    return audited("search", query.toString(), () -> workspace.store.search(query, visibility()),
        r -> r.hits().stream().map(Hit::id).toList());
  }

  /**
   * Names that complete what an analyst is typing ("iva pe" → "Ivan Petrov"), across scripts, counted and ranked
   * over the entities this session may see only.
   *
   * @param limit at most this many (1..100)
   */
  public List<Suggestion> suggest(String prefix, int limit) {
    Objects.requireNonNull(prefix, "prefix");
    if (limit < 1 || limit > 100) {
      throw new IllegalArgumentException("suggest needs 1 <= limit <= 100, got " + limit);
    }
    return audited("suggest", prefix, () -> workspace.store.suggest(prefix, limit, visibility()),
        list -> list.stream().map(Suggestion::text).toList());
  }

  /** Parses what an analyst typed ({@link Query#parse}) and searches it, ten hits at a time. */
  public SearchResult search(String query) {
    return search(Query.parse(query));
  }

  /**
   * The original bytes with this hash, verified as they are read — if a statement or document this session may
   * see traces to them. Evidence nobody visible points to is, for this session, not there.
   */
  public Optional<InputStream> evidence(ContentHash hash) {
    Objects.requireNonNull(hash, "hash");
    return audited("evidence.open", hash.hex(), () -> workspace.store.evidenceVisible(hash, visibility())
            && workspace.evidence.contains(hash) ? Optional.of(workspace.evidence.open(hash)) : Optional.<InputStream>empty(),
        o -> o.isPresent() ? List.of(hash.hex()) : List.of());
  }

  /** Keeps original bytes in the evidence store (deduplicated by SHA-256); durable when it returns. */
  public ContentHash storeEvidence(InputStream bytes) {
    Objects.requireNonNull(bytes, "bytes");
    ensureOpen();
    if (productReads != null) { // its audit entry names the hash, so it comes after the bytes: refuse them first
      throw new IllegalStateException("a product only reads; store evidence through the session itself, outside"
          + " Session.product");
    }
    ContentHash hash = workspace.evidence.put(bytes);
    audit("evidence.store", hash.hex(), List.of(hash.hex()), "ok");
    return hash;
  }

  /** Writes entities; see {@link #add(Collection)}. */
  public WriteReceipt add(Entity... entities) {
    return add(List.of(entities));
  }

  /**
   * Writes entities — every statement with its own label and provenance. A statement's id is derived from its content
   * and its label ({@link Statement#idFor}), so writing the same statement again is idempotent and a statement under
   * another label — one this session may not even see — is never replaced, relabelled or removed: the two coexist
   * (rule 7). To correct a value, {@link #supersede} it. Each statement's provenance is stamped with this session's
   * principal and the time. The audit entry is durable before anything is stored; the write is durable when this
   * returns.
   *
   * @throws InvalidDataException listing every statement whose type, property or value the schema refuses, or whose
   *     id is not content-derived; nothing is written then
   * @throws WriteRefusedException when this principal may not write one of the datasets, or its authorisations do not
   *     satisfy one of the labels (a writer attaches only labels it holds); nothing is written then
   * @throws org.insight.policy.AuditException when the audit entry cannot be written; nothing is written then
   */
  public WriteReceipt add(Collection<Entity> entities) {
    return write(entities, w -> audit("add", "entities=" + w.ids().size() + " statements=" + w.statements(), w.ids(),
        "ok"));
  }

  /**
   * Validates, authorises and stamps entities, hands what will be written to {@code audit} — which must write its
   * entry durably, or throw to refuse the write — then durably writes them and screens the new persons: {@link #add}
   * audits it as an "add"; a facade whose public call includes the write (a judgement, a resolution run) audits the
   * write ahead as a "write" and the whole call once more when it returns.
   */
  WriteReceipt write(Collection<Entity> entities, java.util.function.Consumer<Written> audit) {
    ensureOpen();
    Instant now = workspace.now();
    List<Statement> stamped = new ArrayList<>();
    List<InvalidDataException.Problem> problems = new ArrayList<>();
    Set<EntityId> ids = new LinkedHashSet<>();
    for (Entity e : entities) {
      ids.add(e.id());
      for (Statement s : e.statements()) {
        validate(s, problems);
        stamped.add(s.withProvenance(s.provenance().stamped(principal.id(), now)));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidDataException(problems);
    }
    authorise("add", stamped.stream().map(st -> st.provenance().dataset()).toList(),
        stamped.stream().map(Statement::label).toList());
    Written written = new Written(ids.stream().map(EntityId::value).toList(), stamped.size());
    String pending = workspace.standing.beforeWrite(ids, List.of()); // a stop before evaluation loses no alert
    try {
      audit.accept(written); // write-ahead: no entry, no write (rule 6)
      stored("add", () -> workspace.store.write(stamped, List.of()));
      workspace.screening.afterAdd(ids, principal.id(), this::visibleLabels, now, this::auditFlags);
      workspace.standing.afterWrite(this, ids, List.of(), pending);
    } finally {
      workspace.standing.settled(pending);
    }
    return new WriteReceipt(List.copyOf(ids), List.of(), stamped.size());
  }

  /**
   * Corrects one value: the statement with id {@code statementId} of {@code entity}, which this session must see, is
   * replaced by one with {@code value} (cleaned by its property's type) and everything else kept — label, dataset,
   * record, method — with this session's principal and the time stamped. Old and new go in one durable commit, after
   * a "supersede" audit entry naming both ids and the entity (never the values). This is the only way a write removes
   * a statement, and only one its writer can see (rule 7); an invisible statement reads as a missing one.
   *
   * @return the receipt, with the new statement counted
   * @throws InvalidDataException when no such statement of that entity is visible, or the value is not valid for
   *     the property; nothing is written then
   * @throws WriteRefusedException when this principal may not write the statement's dataset or does not satisfy its
   *     label; nothing is written then
   */
  public WriteReceipt supersede(EntityId entity, String statementId, String value) {
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(statementId, "statementId");
    Objects.requireNonNull(value, "value");
    ensureOpen();
    String query = "entity=" + entity.value() + " statement=" + statementId;
    Statement old = workspace.store.statements(entity, visibility()).stream()
        .filter(st -> st.id().equals(statementId)).findFirst().orElse(null);
    if (old == null) {
      audit("supersede", query, List.of(), "error: no such statement is visible");
      throw new InvalidDataException(new InvalidDataException.Problem("statement " + statementId,
          "no such statement of entity " + entity.value() + " is visible to this session; list the entity's"
              + " statements with Session.entity"));
    }
    String clean;
    try {
      clean = workspace.schema().type(old.schema()).property(old.property()).clean(value);
    } catch (InvalidDataException e) {
      audit("supersede", query, List.of(), "error: invalid value");
      throw e;
    }
    authorise("supersede", List.of(old.provenance().dataset()), List.of(old.label()));
    Statement replacement = Statement.of(entity, old.schema(), old.property(), clean, value, old.label(),
        old.provenance().stamped(principal.id(), workspace.now()));
    audit("supersede", query + " by=" + replacement.id(), List.of(entity.value(), statementId, replacement.id()), "ok");
    stored("supersede", () -> workspace.store.supersede(statementId, replacement));
    return new WriteReceipt(List.of(entity), List.of(), 1);
  }

  /**
   * Refuses, with an audited {@link WriteRefusedException}, a write into a dataset the deployment does not let this
   * principal write, or under a label whose expression its authorisations do not satisfy: a writer attaches only
   * labels it holds. A label's purposes and retention dates are the source's handling rules; a writer may record data
   * for purposes other than its session's. Checked before anything is stored or audited as written.
   */
  void authorise(String operation, Collection<String> datasets, Collection<Label> labels) {
    for (String dataset : new java.util.TreeSet<>(datasets)) {
      org.insight.policy.Decision d = workspace.mayWrite(principal, dataset);
      if (!d.allowed()) {
        refuse(operation, "dataset=" + dataset, "principal '" + principal.id() + "' may not write into dataset '"
            + dataset + "' (" + d.reason() + "); write as a principal the deployment lists for it, or ask for it to"
            + " be added (Workspace.Builder.writers, insight --writers FILE)");
      }
    }
    for (Label label : new LinkedHashSet<>(labels)) {
      if (!label.expression().visibleTo(principal.authorizations())) {
        refuse(operation, "label=" + label, "principal '" + principal.id() + "' may not attach the label " + label
            + ": its authorisations do not satisfy the label's expression, and a writer attaches only labels it"
            + " satisfies; write as a principal holding the label's authorisations");
      }
    }
  }

  private void refuse(String operation, String what, String message) {
    audit(operation, what, List.of(), "denied: not authorised to write");
    throw new WriteRefusedException(message);
  }

  /**
   * Applies a write whose audit entry is already durable; when the store fails, a second entry says the write
   * failed (if the log still takes one), so the log never claims a write the index does not hold without saying so.
   */
  private void stored(String operation, Runnable write) {
    try {
      write.run();
    } catch (RuntimeException e) {
      try {
        audit(operation, "the write audited just before failed", List.of(), "error: " + e.getClass().getSimpleName());
      } catch (RuntimeException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  /** The ids of the entities a {@link #write} stored and how many statements they had. */
  record Written(List<String> ids, int statements) {}

  /**
   * Writes a document. Its original bytes must already be in the evidence store ({@link #storeEvidence}), so the
   * document can always be traced back to them (rule 4). Durable when it returns.
   */
  public WriteReceipt add(Document document) {
    Objects.requireNonNull(document, "document");
    return addDocuments(List.of(document));
  }

  /**
   * Writes documents in one durable commit; see {@link #add(Document)}.
   *
   * @throws InvalidDataException listing every document whose original bytes are missing; nothing is written then
   */
  public WriteReceipt addDocuments(Collection<Document> documents) {
    ensureOpen();
    String pending;
    List<String> ids;
    java.util.concurrent.locks.Lock guard = workspace.evidenceGuard.readLock();
    guard.lock(); // from the check that the bytes are stored to the commit, no erasure removes them
    try {
      List<Document> stamped = checkedDocuments(documents);
      authorise("add", stamped.stream().map(d -> d.provenance().dataset()).toList(),
          stamped.stream().map(Document::label).toList());
      ids = stamped.stream().map(Document::id).toList();
      pending = workspace.standing.beforeWrite(List.of(), ids); // a stop before evaluation loses no alert
      boolean written = false;
      try {
        audit("add", "documents=" + ids.size(), ids, "ok"); // write-ahead: no entry, no write (rule 6)
        stored("add", () -> workspace.store.write(List.of(), stamped));
        written = true;
      } finally {
        if (!written) {
          workspace.standing.settled(pending);
        }
      }
    } finally {
      guard.unlock();
    }
    try {
      workspace.standing.afterWrite(this, List.of(), ids, pending);
    } finally {
      workspace.standing.settled(pending);
    }
    return new WriteReceipt(List.of(), ids, 0);
  }

  /** The documents stamped with this writer, or every problem: bytes not stored, an id not the derived one. */
  private List<Document> checkedDocuments(Collection<Document> documents) {
    List<InvalidDataException.Problem> problems = new ArrayList<>();
    List<Document> stamped = new ArrayList<>(documents.size());
    Instant now = workspace.now();
    for (Document d : documents) {
      if (!workspace.evidence.contains(d.contentHash())) {
        problems.add(new InvalidDataException.Problem("document " + d.id(),
            "its original bytes " + d.contentHash().hex() + " are not in the evidence store;"
                + " store them first with Session.storeEvidence"));
      }
      String derived = Document.idFor(d.provenance().dataset(), d.label(), d.contentHash());
      if (!d.id().equals(derived)) {
        // a chosen id could name (and so replace) a document of a label this writer cannot see
        problems.add(new InvalidDataException.Problem("document " + d.id(), "a document's id is derived from its"
            + " dataset, label and bytes (" + derived + "); build it with a null id"));
      }
      stamped.add(d.withProvenance(d.provenance().stamped(principal.id(), now)));
    }
    if (!problems.isEmpty()) {
      throw new InvalidDataException(problems);
    }
    return stamped;
  }

  /**
   * Writes mentions found in documents. Each carries the conjunction of its own label and its document's
   * (derived data never shows more than its input, rule 3). The document must be one this session may see: an
   * extractor writes only about what it read, and a refusal cannot tell an invisible document from a missing one.
   * Durable when it returns.
   */
  public WriteReceipt addMentions(Collection<Mention> mentions) {
    ensureOpen();
    Instant now = workspace.now();
    Visibility visibility = visibility();
    List<Mention> derived = new ArrayList<>();
    List<InvalidDataException.Problem> problems = new ArrayList<>();
    Map<String, Optional<Label>> documentLabels = new HashMap<>();
    for (Mention m : mentions) {
      Optional<Label> documentLabel = documentLabels.computeIfAbsent(m.documentId(),
          id -> workspace.store.document(id, visibility).map(Document::label));
      if (documentLabel.isEmpty()) {
        problems.add(new InvalidDataException.Problem("mention " + m.id(),
            "no document " + m.documentId() + " is visible to this session; add the document first, or write"
                + " mentions as a principal cleared for it"));
        continue;
      }
      derived.add(m.withLabel(m.label().and(documentLabel.get()))
          .withProvenance(m.provenance().stamped(principal.id(), now)));
    }
    if (!problems.isEmpty()) {
      throw new InvalidDataException(problems);
    }
    authorise("add", derived.stream().map(m -> m.provenance().dataset()).toList(),
        derived.stream().map(Mention::label).toList());
    List<String> ids = derived.stream().map(Mention::id).toList();
    audit("add", "mentions=" + ids.size(), ids, "ok"); // write-ahead
    stored("add", () -> workspace.store.writeMentions(derived));
    workspace.screening.afterMentions(derived, principal.id(), now, this::auditFlags);
    return new WriteReceipt(List.of(), List.of(), 0);
  }

  /**
   * Ingests directories, files and streams into documents (embedded items as children), each with the request's
   * dataset, label and grading and its own provenance; originals go to the evidence store. Items an earlier run
   * ingested unchanged are skipped; failures are quarantined with a reason, never dropped. Everything the returned
   * report counts as ingested is durable. The session's principal must be able to see the request's label.
   */
  public org.insight.ingest.IngestReport ingest(org.insight.ingest.IngestRequest request) {
    Objects.requireNonNull(request, "request");
    ensureOpen();
    return Ingestion.run(this, workspace, request);
  }

  /**
   * Ingests as {@link #ingest(org.insight.ingest.IngestRequest)} does, and runs {@code enrichment} over each batch of
   * documents once the batch is durable (language, selectors, entities, spotting, translation: whichever steps it
   * has), so a source's documents arrive enriched. Enrichment failures are reported, never undo an ingested item.
   */
  public IngestResult ingest(org.insight.ingest.IngestRequest request, Enrichment enrichment) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(enrichment, "enrichment");
    ensureOpen();
    return Ingestion.run(this, workspace, request, enrichment);
  }

  /**
   * Enrichment's write-back: a visible document's language and metadata replaced, everything else (text, label,
   * provenance) kept as stored, so who ingested it and from where is never overwritten. Durable when it returns.
   */
  WriteReceipt updateDocuments(Collection<Document> updates) {
    ensureOpen();
    Visibility visibility = visibility();
    List<Document> rewritten = new ArrayList<>();
    List<InvalidDataException.Problem> problems = new ArrayList<>();
    for (Document u : updates) {
      Optional<Document> stored = workspace.store.document(u.id(), visibility);
      if (stored.isEmpty()) {
        problems.add(new InvalidDataException.Problem("document " + u.id(), "no such document is visible to this session"));
        continue;
      }
      Document d = stored.get();
      rewritten.add(new Document(d.id(), d.contentHash(), d.title(), d.text(), u.language(), u.metadata(), d.parentId(),
          d.extraction(), d.label(), d.provenance()));
    }
    if (!problems.isEmpty()) {
      throw new InvalidDataException(problems);
    }
    authorise("update", rewritten.stream().map(d -> d.provenance().dataset()).toList(), List.of());
    List<String> ids = rewritten.stream().map(Document::id).toList();
    audit("update", "documents=" + ids.size() + " fields=language,metadata", ids, "ok"); // write-ahead
    stored("update", () -> workspace.store.write(List.of(), rewritten));
    return new WriteReceipt(List.of(), ids, 0);
  }

  /**
   * Erases entities, documents, statements or datasets — as far as this session may see them — and everything
   * derived from them: mentions, translations, flags, same-as links and match events (and the resolution runs they
   * shaped), evidence no remaining item traces to, and the screening indexes built from them. Afterwards every reader
   * sees what it would see had the erased data never been written (partially erased entities are screened again).
   * Asking to erase something invisible is answered exactly as asking to erase something missing: an empty receipt.
   * Durable and atomic when it returns: a crash either erased nothing or leaves a journal the next writable open
   * completes. Audited as {@code erase} with the identifiers asked for, the reason and the ids removed — never the
   * erased values.
   *
   * @throws ErasureRefusedException when something visible to erase belongs to a dataset this principal may not
   *     erase from; nothing is erased then
   */
  public ErasureReceipt erase(Erasure request) {
    Objects.requireNonNull(request, "request");
    ensureOpen();
    String query = request.describe() + "reason=" + request.reason();
    synchronized (workspace.erasures) {
      Eraser.Plan plan;
      List<Statement> statements = new ArrayList<>();
      try {
        Visibility visibility = visibility();
        request.entities().forEach(id -> statements.addAll(workspace.store.statements(id, visibility)));
        if (!request.statements().isEmpty()) {
          statements.addAll(workspace.store.statementsById(request.statements(), visibility));
        }
        if (!request.datasets().isEmpty()) {
          statements.addAll(workspace.store.statementsOf(request.datasets(), Eraser.allTypes(workspace), visibility));
        }
        List<Document> documents = new ArrayList<>();
        request.documents().forEach(id -> workspace.store.document(id, visibility).ifPresent(documents::add));
        request.datasets().forEach(d -> documents.addAll(Eraser.documentsOf(workspace, d, visibility)));
        plan = Eraser.plan(workspace, statements, documents, label -> visibility.labels().contains(label.toString()));
        for (String dataset : plan.datasets()) {
          if (!workspace.mayErase(principal, dataset)) {
            throw new ErasureRefusedException(principal.id() + " may not erase from dataset '" + dataset
                + "'; ask a writer of that dataset to erase it");
          }
        }
      } catch (RuntimeException e) {
        audit("erase", query, List.of(), "error: " + e.getClass().getSimpleName());
        throw e;
      }
      Eraser.Outcome outcome = Eraser.apply(workspace, plan, principal.id(), purpose.name(), request.reason(),
          request.describe());
      audit("erase", query, erased(plan, statements, outcome), "ok");
      Eraser.done(workspace);
      return new ErasureReceipt(plan.entities(), plan.documents(), plan.statements());
    }
  }

  /**
   * What this session may see whose label's review-by date has passed (today, UTC): entities and documents, at most
   * {@code limit} ids of each, in id order, with their totals.
   */
  public RetentionDue retentionDue(int limit) {
    checkPage(0, limit);
    java.time.LocalDate today = java.time.LocalDate.ofInstant(workspace.now(), java.time.ZoneOffset.UTC);
    return audited("retention.due", "limit=" + limit, () -> {
      Set<String> due = new java.util.TreeSet<>();
      for (String text : visibleLabels()) {
        if (org.insight.core.json.ModelJson.label(text).reviewBy().map(d -> d.isBefore(today)).orElse(false)) {
          due.add(text);
        }
      }
      Visibility visibility = Visibility.of(due);
      Set<String> types = types(null);
      List<String> entities = workspace.store.entityIds(types, 0, limit, visibility).stream().map(EntityId::value)
          .toList();
      List<String> documents = workspace.store.documents(0, limit, visibility).stream().map(Document::id).toList();
      return new RetentionDue(today, workspace.store.countEntities(types, visibility), entities,
          workspace.store.countDocuments(visibility), documents);
    }, r -> {
      List<String> items = new ArrayList<>(r.entities());
      items.addAll(r.documents());
      return items;
    });
  }

  /**
   * Erases everything whose label's delete-after date has passed (today, UTC) — data nobody may read any more —
   * with everything derived from it, as {@link #erase} does, in the datasets this principal may erase from. The
   * receipt names only what carries a label whose expression this principal's authorisations satisfy; the audit
   * names every id removed.
   */
  public ErasureReceipt purgeExpired(String reason) {
    Objects.requireNonNull(reason, "reason");
    if (reason.isBlank()) {
      throw new IllegalArgumentException("a purge needs a reason (the retention rule); it is written to the audit log");
    }
    ensureOpen();
    java.time.LocalDate today = java.time.LocalDate.ofInstant(workspace.now(), java.time.ZoneOffset.UTC);
    String query = "delete-after<" + today + " reason=" + reason;
    synchronized (workspace.erasures) {
      Eraser.Plan plan;
      List<Statement> statements;
      try {
        workspace.store.refresh();
        Set<String> expired = new java.util.TreeSet<>();
        for (String text : workspace.store.labels()) {
          if (org.insight.core.json.ModelJson.label(text).deleteAfter().map(d -> d.isBefore(today)).orElse(false)) {
            expired.add(text);
          }
        }
        Visibility visibility = Visibility.of(expired);
        Predicate<String> allowed = dataset -> workspace.mayErase(principal, dataset);
        statements = workspace.store.statementsOfTypes(Eraser.allTypes(workspace), visibility).stream()
            .filter(st -> allowed.test(st.provenance().dataset())).toList();
        List<Document> documents = Eraser.allDocuments(workspace, visibility).stream()
            .filter(d -> allowed.test(d.provenance().dataset())).toList();
        plan = Eraser.plan(workspace, statements, documents,
            label -> label.expression().visibleTo(principal.authorizations()));
      } catch (RuntimeException e) {
        audit("retention.purge", query, List.of(), "error: " + e.getClass().getSimpleName());
        throw e;
      }
      Eraser.Outcome outcome = Eraser.apply(workspace, plan, principal.id(), purpose.name(), reason, query + " ");
      audit("retention.purge", query, erased(plan, statements, outcome), "ok");
      Eraser.done(workspace);
      return new ErasureReceipt(plan.entities(), plan.documents(), plan.statements());
    }
  }

  /**
   * What an erasure's audit entry names: the ids removed, and the entities whose statements were erased (so that an
   * oversight report about a person finds the erasure of part of that person's data, see {@link #subjectReport}),
   * and the case items tombstoned with them.
   */
  private static List<String> erased(Eraser.Plan plan, List<Statement> statements, Eraser.Outcome outcome) {
    Set<String> items = new LinkedHashSet<>(plan.ids());
    if (!plan.ids().isEmpty()) {
      statements.forEach(st -> items.add(st.entityId().value()));
    }
    items.addAll(outcome.caseItems());
    return List.copyOf(items);
  }

  /** The mentions in a document that this session may see, in text order. */
  public List<Mention> mentions(String documentId) {
    Objects.requireNonNull(documentId, "documentId");
    return audited("mention.list", documentId, () -> workspace.store.mentions(documentId, visibility()),
        list -> list.stream().map(Mention::id).toList());
  }

  /** The workspace's schema, for steps that read entities by property type (package-private: not a read of data). */
  org.insight.core.Schema schema() {
    return workspace.schema();
  }

  /**
   * Screens a person against the workspace's watch lists ({@link Workspace.Builder#watchLists}): the best {@code k}
   * entries, ranked and explained. Only the watch-list values this session may see are screened against — the
   * index is built from them alone — so nothing invisible shapes a candidate, a rank, a score or the count.
   *
   * @param k at most this many (1..1,000)
   * @throws InsightException when the workspace has no watch lists
   */
  public List<org.insight.match.ScreeningHit> screen(org.insight.match.ScreeningQuery query, int k) {
    Objects.requireNonNull(query, "query");
    if (k < 1 || k > 1000) {
      throw new IllegalArgumentException("screening needs 1 <= k <= 1000, got " + k);
    }
    return audited("screen", "k=" + k + " " + query.record().values() + (query.identifiers().isEmpty() ? ""
            : " identifiers=" + query.identifiers()),
        () -> workspace.screening.screen(visibleLabels(), query, k),
        hits -> hits.stream().map(org.insight.match.ScreeningHit::id).toList());
  }

  /**
   * The screening flags this session may see (it must see both the subject's and the entry's labels), in id order.
   *
   * @param status only flags with this status ({@code open}, {@code confirmed}, {@code dismissed}); null for all
   */
  public Page<Flag> flags(String status, int offset, int limit) {
    checkPage(offset, limit);
    return audited("flag.list", "status=" + (status == null ? "*" : status) + " offset=" + offset + " limit=" + limit,
        () -> FlagViews.page(workspace, visibility(), status, offset, limit),
        p -> p.items().stream().map(f -> f.id().value()).toList());
  }

  /**
   * Records an analyst's review of a flag this session may see: {@code confirmed} or {@code dismissed} (or
   * {@code open} again). The review is a statement with the flag's label; the latest one wins.
   *
   * @throws InvalidDataException when no such flag is visible, or the status is not one of {@link Flag#STATUSES}
   */
  public Flag reviewFlag(EntityId flag, String status) {
    Objects.requireNonNull(flag, "flag");
    ensureOpen();
    String query = flag.value() + " status=" + status;
    try {
      return FlagViews.review(workspace, visibility(), flag, status, principal.id(), workspace.now(), label -> {
        authorise("flag.review", List.of(WatchListScreening.DATASET), List.of(label));
        audit("flag.review", query, List.of(flag.value()), "ok"); // write-ahead: no entry, no write
      });
    } catch (WriteRefusedException | org.insight.policy.AuditException e) {
      throw e; // audited as refused, or not auditable at all
    } catch (RuntimeException e) {
      audit("flag.review", query, List.of(), "error: " + e.getClass().getSimpleName());
      throw e;
    }
  }

  private void auditFlags(List<Entity> flags) {
    if (!flags.isEmpty()) {
      audit("flag.create", "screen flags=" + flags.size(), flags.stream().map(f -> f.id().value()).toList(), "ok");
    }
  }

  Set<String> visibleLabels() {
    workspace.store.refresh();
    return workspace.visibleLabels(principal, purpose);
  }

  /**
   * The link graph of everything this session may see ({@link org.insight.graph.Network}): entities as nodes, and
   * as edges their explicit links, entity references, shared identifiers, co-mentions and the same-as links of the
   * latest resolution run it can see. Nothing invisible is a node, an edge, a count or an input to any measure; the
   * graph's label is the conjunction of what it used. One audit entry names what was read; built graphs are cached
   * by (visible labels, purpose, index version, options), so asking again is cheap and still audited.
   */
  public org.insight.graph.Network graph(GraphOptions options) {
    Objects.requireNonNull(options, "options");
    ensureOpen();
    return Graphs.build(this, options);
  }

  /**
   * Writes what this session may see to {@code out} for a user to take elsewhere (FollowTheMoney JSON lines or
   * statement CSV, or this SDK's JSON lines or CSV: {@link ExportOptions.Shape}): the visible entities of the selected
   * types (or those a query finds), each with only its visible statements. Constant memory: one pass over one snapshot
   * is spooled to a temporary file, then the one audit entry (counts, label, SHA-256 of the ids and of the bytes, and
   * the ids themselves up to 10,000) is made durable, and only then is the data written to {@code out} (not closed).
   * The returned {@link Export} is the header: who, for what, when, and the conjunction of the labels of everything
   * exported.
   */
  public Export export(ExportOptions options, java.io.Writer out) {
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(out, "out");
    ensureOpen();
    return Exports.write(this, options, out);
  }

  /**
   * Entity resolution as this session: analyst judgements, resolution runs over the Person entities it may see,
   * merged views, merge/split events (see {@link Resolution}). Not itself a read: each of its calls is one.
   */
  public Resolution resolution() {
    ensureOpen();
    return new Resolution(this);
  }

  /**
   * Geospatial analysis as this session: its visible points, hotspots, density, co-locations (see {@link Geo}). Not
   * itself a read: each of its calls is one.
   */
  public Geo geo() {
    ensureOpen();
    return new Geo(this);
  }

  /** Trends as this session: series, alarms and comparisons of its visible events (see {@link Trends}). */
  public Trends trends() {
    ensureOpen();
    return new Trends(this);
  }

  /**
   * This principal's standing queries and alerts ({@link Alerts}): questions asked of every batch that lands, as this
   * principal may see it then. Not itself a read: each of its calls is one.
   */
  public Alerts alerts() {
    ensureOpen();
    return new Alerts(this);
  }

  /**
   * "What would this profile see?": counts as a member-country profile, and samples of what both the profile and
   * this session may see — exactly what {@link ProfileTest} lists, nothing more of what this session cannot see
   * itself. No session is opened as the profile (no impersonation): the call is this session's, audited once as
   * {@code profile.test} by this principal with the profile, purpose and query, naming the sample ids.
   *
   * @param purpose the purpose to test the profile for (one its profile allows)
   * @param samples at most this many samples (0..100)
   * @throws AccessRefusedException when the writers configuration does not grant this principal dataset
   *     {@value ProfileTest#DATASET}
   * @throws InsightException when the profile may not declare the purpose
   */
  public ProfileTest testProfile(org.insight.policy.Profile profile, Purpose purpose, Query query, int samples) {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(query, "query");
    if (samples < 0 || samples > 100) {
      throw new IllegalArgumentException("a profile test shows 0..100 samples, got " + samples);
    }
    ensureOpen();
    String q = "profile=" + profile.name() + " purpose=" + purpose + " query=" + query;
    if (!workspace.writers().decideNamed(principal, ProfileTest.DATASET).allowed()) {
      audit("profile.test", q, List.of(), "denied: not a profile tester");
      throw new AccessRefusedException("principal '" + principal.id() + "' may not test profiles: no line of the workspace's"
          + " writers configuration grants it '" + ProfileTest.DATASET + "' (a * line does not); ask for it to be added");
    }
    return audited("profile.test", q, () -> {
      Purpose p = profile.purpose(purpose);
      Set<String> theirs = new java.util.HashSet<>(workspace.visibleLabels(profile.principal("profile:" + profile.name()), p));
      Set<String> both = new java.util.HashSet<>(theirs);
      both.retainAll(visibleLabels());
      Visibility asProfile = Visibility.of(theirs);
      Visibility asBoth = Visibility.of(both);
      Set<String> all = types(null);
      SearchResult shown = workspace.store.search(query.limit(Math.max(samples, 1)), asBoth);
      return new ProfileTest(profile.name(), p, query.toString(), workspace.store.countEntities(all, asProfile),
          workspace.store.countDocuments(asProfile), workspace.store.search(query.limit(1), asProfile).total(),
          workspace.store.countEntities(all, asBoth), workspace.store.countDocuments(asBoth), shown.total(),
          samples == 0 ? List.of() : shown.hits());
    }, r -> r.samples().stream().map(Hit::id).toList());
  }

  /**
   * Every processing of data about the person with this entity id, for oversight (see {@link SubjectReport}): ids,
   * times, operations, principals and purposes from the audit log, and the statements held (property, source, who
   * and when — never a value), whatever their labels. Only for a principal granted {@value SubjectReport#DATASET} by
   * a line of its own in the writers configuration; audited as {@code subject.report} naming the subject.
   *
   * @throws AccessRefusedException when this principal is not granted oversight
   */
  public SubjectReport subjectReport(EntityId subject) {
    Objects.requireNonNull(subject, "subject");
    return oversight("entity=" + subject.value(), () -> Set.of(subject));
  }

  /**
   * {@link #subjectReport(EntityId)} for every entity holding a statement with this value (a passport number, a
   * phone, an e-mail), whatever its label. The audit entry names the value's SHA-256, not the value.
   */
  public SubjectReport subjectReportForIdentifier(String identifier) {
    Objects.requireNonNull(identifier, "identifier");
    if (identifier.isBlank()) {
      throw new IllegalArgumentException("give the identifier's value, e.g. a passport or phone number");
    }
    return oversight("identifier-sha256=" + org.insight.Hashing.sha256Hex(identifier.strip()),
        () -> SubjectReports.holding(workspace, identifier));
  }

  private SubjectReport oversight(String query, Supplier<Set<EntityId>> subjects) {
    ensureOpen();
    if (!workspace.writers().decideNamed(principal, SubjectReport.DATASET).allowed()) {
      audit("subject.report", query, List.of(), "denied: not an oversight principal");
      throw new AccessRefusedException("principal '" + principal.id() + "' may not read subject reports: no line of"
          + " the workspace's writers configuration grants it '" + SubjectReport.DATASET + "' (a * line does not)");
    }
    return audited("subject.report", query, () -> SubjectReports.build(workspace, subjects.get()),
        SubjectReport::subjects);
  }

  /**
   * Cases as this session: shared pieces of work with members, material, notes, annotations and tasks, seen only as
   * far as this session's clearance and purpose allow (see {@link Cases}). Not itself a read: each of its calls is one.
   */
  public Cases cases() {
    ensureOpen();
    return new Cases(this);
  }

  Workspace workspace() {
    return workspace;
  }

  /** The document as this session may see it, unaudited: only for facades audited once per call ({@link Cases}). */
  Optional<Document> visibleDocument(String id) {
    return workspace.store.document(id, visibility());
  }

  /** Every document this session may see, in id order, unaudited: only for facades audited once per call ({@link Geo}). */
  List<Document> visibleDocuments() {
    Visibility visibility = visibility();
    List<Document> out = new ArrayList<>();
    for (int offset = 0; ; offset += 1000) {
      List<Document> page = workspace.store.documents(offset, 1000, visibility);
      out.addAll(page);
      if (page.size() < 1000) {
        return out;
      }
    }
  }

  /**
   * The entity as this session may see it, without an audit entry of its own: only for facades ({@link Resolution})
   * whose public call reads several things and is audited once as a whole.
   */
  Optional<Entity> visibleEntity(EntityId id) {
    List<Statement> visible = workspace.store.statements(id, visibility());
    return visible.isEmpty() ? Optional.empty() : Optional.of(Entity.of(id, visible, workspace.schema()));
  }

  /** Every entity of a type (and its sub-types) this session may see, in id order, unaudited as above. */
  List<Entity> visibleEntities(String type) {
    try (Scan<Entity> scan = workspace.store.scanEntities(types(type), visibility())) {
      List<Entity> out = new ArrayList<>(scan.stream().toList());
      out.sort(java.util.Comparator.comparing(Entity::id));
      return out;
    }
  }

  /** Marks the session unusable. */
  @Override
  public void close() {
    closed = true;
  }

  void ensureOpen() {
    if (closed) {
      throw new InsightException("this session is closed; open a new one with Workspace.session");
    }
    workspace.ensureOpen();
  }

  private void validate(Statement s, List<InvalidDataException.Problem> problems) {
    String where = "statement " + s.id() + " (" + s.schema() + "." + s.property() + ")";
    if (!s.hasDerivedId()) {
      // a chosen id could name (and so replace) a statement of a label this writer cannot see
      problems.add(new InvalidDataException.Problem(where, "a statement's id is derived from its entity, property,"
          + " value, label and source; build it with Statement.of (or a null id)"));
    }
    Optional<EntityType> type = workspace.schema().find(s.schema());
    if (type.isEmpty()) {
      problems.add(new InvalidDataException.Problem(where, "unknown entity type; known types: "
          + workspace.schema().types().stream().map(EntityType::name).sorted().collect(Collectors.joining(", "))));
    } else if (!type.get().has(s.property())) {
      problems.add(new InvalidDataException.Problem(where, "unknown property of " + s.schema()));
    } else {
      try {
        String clean = type.get().property(s.property()).clean(s.value());
        if (!clean.equals(s.value())) {
          problems.add(new InvalidDataException.Problem(where,
              "the value is not in normal form (expected \"" + clean + "\"); build entities with Dataset.entity(...)"));
        }
      } catch (InvalidDataException e) {
        e.problems().forEach(p -> problems.add(new InvalidDataException.Problem(where, p.message())));
      }
    }
  }

  /** The type and its sub-types; {@code null} means every type (statements are validated against the schema). */
  Set<String> types(String type) {
    if (type == null) {
      return workspace.schema().types().stream().map(EntityType::name).collect(Collectors.toUnmodifiableSet());
    }
    workspace.schema().type(type); // refuses an unknown type with the list of known ones
    return workspace.schema().types().stream().filter(t -> t.isA(type)).map(EntityType::name)
        .collect(Collectors.toUnmodifiableSet());
  }

  private static void checkPage(int offset, int limit) {
    if (offset < 0 || limit < 1 || limit > 10_000) {
      throw new IllegalArgumentException("a page needs offset >= 0 and 1 <= limit <= 10000, got offset=" + offset
          + " limit=" + limit);
    }
  }

  /** Whether this session sees a document with this id: the ingest ledger's check that an erasure did not remove it. */
  boolean holdsDocument(String documentId) {
    return workspace.store.document(documentId, visibility()).isPresent();
  }

  private Visibility visibility() {
    workspace.store.refresh();
    return Visibility.of(workspace.visibleLabels(principal, purpose));
  }

  /** Runs a read, audits it with the ids it returns, and only then hands the result over. */
  <T> T audited(String operation, String query, Supplier<T> read, Function<T, List<String>> items) {
    ensureOpen();
    T result;
    try {
      result = read.get();
    } catch (RuntimeException e) {
      audit(operation, query, List.of(), "error: " + e.getClass().getSimpleName());
      throw e;
    }
    audit(operation, query, items.apply(result), "ok");
    return result;
  }

  void audit(String operation, String query, List<String> items, String outcome) {
    if (productReads != null) {
      // a product's reads are audited together, by the one entry product() writes before handing the product over
      if (!PRODUCT_READS.contains(operation) && !operation.startsWith("geo.")) {
        throw new IllegalStateException("a product only reads, and '" + operation + "' is not a read; write through"
            + " the session itself, outside Session.product");
      }
      productReads.add(operation);
      return;
    }
    workspace.audit(new AuditEvent(workspace.now(), principal.id(), purpose.name(), operation, query, items, outcome));
  }

  /** The operations a product's reader may perform (every other one is a write, or reads outside the product). */
  private static final Set<String> PRODUCT_READS = Set.of("entity.get", "entity.list", "entity.count", "entity.scan",
      "statement.scan", "document.get", "document.list", "search", "suggest", "mention.list", "flag.list",
      "graph.build", "match.resolved", "match.judgements", "match.events", "case.show", "alert.digest");

  /**
   * An analytical product (a report, a chart, a map) as one audited read: {@code read} gets a reader that is this
   * session for reads — the same principal, purpose and visibility — whose reads are not audited one by one; when it
   * returns, one entry {@code operation} names the reads it made and every item the product holds ({@code items}),
   * and only then does {@code finish} get the result with the id of that entry (for the product's banner). A reader
   * that tries to write is refused; the reader is closed when {@code read} returns, so it cannot be kept. If
   * {@code read} fails, an error entry is written and the failure rethrown.
   *
   * @param operation the audit operation, e.g. {@code report.profile}
   * @param query what was asked for, as free text (an entity id, options)
   * @return what {@code finish} makes of the result and the audit id ({@code sequence:hash})
   */
  public <T, R> R product(String operation, String query, Function<Session, T> read,
      Function<T, ? extends Collection<String>> items, java.util.function.BiFunction<T, String, R> finish) {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(read, "read");
    Objects.requireNonNull(items, "items");
    Objects.requireNonNull(finish, "finish");
    ensureOpen();
    if (productReads != null) {
      throw new IllegalStateException("a product's reader cannot make another product; make it with the session");
    }
    Session reader = new Session(workspace, principal, purpose, new java.util.concurrent.ConcurrentLinkedQueue<>());
    T result;
    List<String> listed;
    try {
      result = read.apply(reader);
      listed = List.copyOf(new java.util.TreeSet<>(items.apply(result)));
    } catch (RuntimeException e) {
      audit(operation, query, List.of(), "error: " + e.getClass().getSimpleName());
      throw e;
    } finally {
      reader.close();
    }
    org.insight.policy.AuditRecord entry = workspace.audit(new AuditEvent(workspace.now(), principal.id(),
        purpose.name(), operation, query + " reads=" + new java.util.TreeSet<>(reader.productReads), listed, "ok"));
    return finish.apply(result, entry.sequence() + ":" + entry.hash().substring(0, Math.min(16, entry.hash().length())));
  }
}
