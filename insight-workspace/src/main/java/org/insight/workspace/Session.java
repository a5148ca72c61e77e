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
  private volatile boolean closed;

  Session(Workspace workspace, Principal principal, Purpose purpose) {
    this.workspace = workspace;
    this.principal = principal;
    this.purpose = purpose;
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
    ContentHash hash = workspace.evidence.put(bytes);
    audit("evidence.store", hash.hex(), List.of(hash.hex()), "ok");
    return hash;
  }

  /** Writes entities; see {@link #add(Collection)}. */
  public WriteReceipt add(Entity... entities) {
    return add(List.of(entities));
  }

  /**
   * Writes entities — every statement with its own label and provenance — replacing statements with the same id.
   * Each statement's provenance is stamped with this session's principal and the time. Durable when it returns.
   *
   * @throws InvalidDataException listing every statement whose type, property or value the schema refuses;
   *     nothing is written then
   */
  public WriteReceipt add(Collection<Entity> entities) {
    return write(entities, w -> audit("add", "entities=" + w.ids().size() + " statements=" + w.statements(), w.ids(),
        "ok"));
  }

  /**
   * Validates, stamps and durably writes entities, then hands what was written to {@code audit} before screening
   * the new persons: {@link #add} audits it as an "add"; a facade whose one public call includes the write (a
   * judgement, a resolution run) audits the whole call once instead.
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
    workspace.store.write(stamped, List.of());
    audit.accept(new Written(ids.stream().map(EntityId::value).toList(), stamped.size()));
    auditFlags(workspace.screening.afterAdd(ids, principal.id(), this::visibleLabels, now));
    return new WriteReceipt(List.copyOf(ids), List.of(), stamped.size());
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
    List<InvalidDataException.Problem> problems = new ArrayList<>();
    List<Document> stamped = new ArrayList<>(documents.size());
    Instant now = workspace.now();
    for (Document d : documents) {
      if (!workspace.evidence.contains(d.contentHash())) {
        problems.add(new InvalidDataException.Problem("document " + d.id(),
            "its original bytes " + d.contentHash().hex() + " are not in the evidence store;"
                + " store them first with Session.storeEvidence"));
      }
      stamped.add(d.withProvenance(d.provenance().stamped(principal.id(), now)));
    }
    if (!problems.isEmpty()) {
      throw new InvalidDataException(problems);
    }
    workspace.store.write(List.of(), stamped);
    List<String> ids = stamped.stream().map(Document::id).toList();
    audit("add", "documents=" + ids.size(), ids, "ok");
    return new WriteReceipt(List.of(), ids, 0);
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
    workspace.store.writeMentions(derived);
    List<String> ids = derived.stream().map(Mention::id).toList();
    audit("add", "mentions=" + ids.size(), ids, "ok");
    auditFlags(workspace.screening.afterMentions(derived, principal.id(), now));
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
    workspace.store.write(List.of(), rewritten);
    List<String> ids = rewritten.stream().map(Document::id).toList();
    audit("update", "documents=" + ids.size() + " fields=language,metadata", ids, "ok");
    return new WriteReceipt(List.of(), ids, 0);
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
    Flag reviewed;
    try {
      reviewed = FlagViews.review(workspace, visibility(), flag, status, principal.id(), workspace.now());
    } catch (RuntimeException e) {
      audit("flag.review", flag.value() + " status=" + status, List.of(), "error: " + e.getClass().getSimpleName());
      throw e;
    }
    audit("flag.review", flag.value() + " status=" + status, List.of(flag.value()), "ok");
    return reviewed;
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
   * Entity resolution as this session: analyst judgements, resolution runs over the Person entities it may see,
   * merged views, merge/split events (see {@link Resolution}). Not itself a read: each of its calls is one.
   */
  public Resolution resolution() {
    ensureOpen();
    return new Resolution(this);
  }

  Workspace workspace() {
    return workspace;
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

  private void ensureOpen() {
    if (closed) {
      throw new InsightException("this session is closed; open a new one with Workspace.session");
    }
    workspace.ensureOpen();
  }

  private void validate(Statement s, List<InvalidDataException.Problem> problems) {
    String where = "statement " + s.id() + " (" + s.schema() + "." + s.property() + ")";
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
    workspace.audit(new AuditEvent(workspace.now(), principal.id(), purpose.name(), operation, query, items, outcome));
  }
}
