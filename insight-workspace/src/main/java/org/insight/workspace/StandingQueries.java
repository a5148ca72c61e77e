package org.insight.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.insight.core.Document;
import org.insight.core.EntityId;
import org.insight.core.Mention;
import org.insight.core.Statement;
import org.insight.core.StoreException;
import org.insight.policy.Label;
import org.insight.policy.Principal;
import org.insight.policy.Purpose;
import org.insight.search.Hit;
import org.insight.search.Index;
import org.insight.search.Query;
import org.insight.search.Visibility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Standing queries and their alerts inside a workspace. Not API: {@link Alerts} and {@link Session} delegate here.
 *
 * <p>State: two append-only journals of JSON lines under {@code automation/} — {@code queries.jsonl} (saved, removed,
 * and each owner's latest known authorisations) and {@code alerts.jsonl} (raised, acknowledged) —, each line synced
 * before the call that wrote it returns; a torn last line (a crash mid-append) is ignored and cut on the next append.
 *
 * <p>Evaluation is incremental: after a batch is durable, the batch's documents and the whole current state of the
 * entities it touched (every statement of them, whatever its label) are written to a scratch index of their own, and
 * every standing query is run there as its owner: with the visibility that owner has now, for the purpose the query
 * was saved under, exactly as a search of theirs would run over the whole workspace. So a query costs a search of a
 * batch, not of everything, and sees nothing its owner could not: data only others may see is filtered inside the
 * scratch index's query as it is in the workspace's. The whole evaluation is audited once per batch.
 */
final class StandingQueries {
  private static final Logger LOG = LoggerFactory.getLogger(StandingQueries.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String DIRECTORY = "automation";

  private final Workspace workspace;
  private final Path queriesFile;
  private final Path alertsFile;
  private final Function<String, Optional<Principal>> principals; // null: the owner's latest known principal
  private final AlertListener listener;
  private final Object lock = new Object();
  private final Map<String, StandingQuery> queries = new LinkedHashMap<>();
  private final Map<String, Principal> owners = new HashMap<>();
  private final Map<String, Alert> alerts = new LinkedHashMap<>();
  private long loadedQueries = -1;
  private long loadedAlerts = -1;

  StandingQueries(Workspace workspace, Function<String, Optional<Principal>> principals, AlertListener listener) {
    this.workspace = workspace;
    Path dir = workspace.directory().resolve(DIRECTORY);
    this.queriesFile = dir.resolve("queries.jsonl");
    this.alertsFile = dir.resolve("alerts.jsonl");
    this.principals = principals;
    this.listener = listener == null ? AlertListener.NONE : listener;
  }

  // ---------------------------------------------------------------- saved queries

  StandingQuery save(Principal owner, Purpose purpose, StandingQuery.Kind kind, String text, String reason, Label label) {
    synchronized (lock) {
      reload();
      String id = StandingQuery.idFor(owner.id(), kind, text, label);
      StandingQuery existing = queries.get(id);
      if (existing != null && existing.purpose().equals(purpose) && existing.reason().equals(reason)) {
        know(owner);
        return existing;
      }
      StandingQuery q = new StandingQuery(id, owner.id(), purpose, kind, text, reason, label, workspace.now());
      ObjectNode n = JSON.createObjectNode();
      n.put("op", "save").put("id", id).put("owner", q.owner()).put("purpose", purpose.name())
          .put("kind", kind.name()).put("text", text).put("reason", reason).put("label", label.toString())
          .put("created", q.created().toString());
      n.set("auths", auths(owner));
      append(queriesFile, List.of(n));
      queries.put(id, q);
      owners.put(owner.id(), owner);
      return q;
    }
  }

  boolean remove(String owner, String id) {
    synchronized (lock) {
      reload();
      StandingQuery q = queries.get(id);
      if (q == null || !q.owner().equals(owner)) {
        return false;
      }
      append(queriesFile, List.of(JSON.createObjectNode().put("op", "remove").put("id", id)));
      queries.remove(id);
      return true;
    }
  }

  /** The owner's standing queries, in the order saved. */
  List<StandingQuery> queriesOf(String owner) {
    synchronized (lock) {
      reload();
      return queries.values().stream().filter(q -> q.owner().equals(owner)).toList();
    }
  }

  /**
   * Records the owner's authorisations as a session of theirs presents them now, so a clearance reduced since the
   * query was saved stops matching what it lost (when the workspace has no principal directory).
   */
  void know(Principal owner) {
    synchronized (lock) {
      reload();
      Principal known = owners.get(owner.id());
      if (known == null || known.equals(owner) || workspace.readOnly()) {
        return;
      }
      ObjectNode n = JSON.createObjectNode().put("op", "owner").put("owner", owner.id());
      n.set("auths", auths(owner));
      append(queriesFile, List.of(n));
      owners.put(owner.id(), owner);
    }
  }

  // ---------------------------------------------------------------- alerts

  List<Alert> alertsOf(String owner) {
    synchronized (lock) {
      reload();
      return alerts.values().stream().filter(a -> a.owner().equals(owner)).toList();
    }
  }

  StandingQuery query(String id) {
    synchronized (lock) {
      return queries.get(id);
    }
  }

  Optional<Alert> acknowledge(String owner, String id, Instant when) {
    synchronized (lock) {
      reload();
      Alert a = alerts.get(id);
      if (a == null || !a.owner().equals(owner)) {
        return Optional.empty();
      }
      if (a.acknowledged().isPresent()) {
        return Optional.of(a);
      }
      append(alertsFile, List.of(JSON.createObjectNode().put("op", "ack").put("id", id).put("at", when.toString())));
      Alert acked = a.acknowledgedAt(when);
      alerts.put(id, acked);
      return Optional.of(acked);
    }
  }

  /**
   * Erasure: every alert whose item or evidence is among {@code ids} is removed, and the alerts journal rewritten
   * without it (atomically), so no trace of the erased item stays here either.
   */
  void erased(Collection<String> ids) {
    synchronized (lock) {
      reload();
      Set<String> gone = new java.util.HashSet<>(ids);
      List<Alert> kept = alerts.values().stream().filter(a -> !gone.contains(a.itemId())
          && a.documentIds().stream().noneMatch(gone::contains) && a.statementIds().stream().noneMatch(gone::contains))
          .toList();
      if (kept.size() == alerts.size()) {
        return;
      }
      List<ObjectNode> lines = new ArrayList<>();
      for (Alert a : kept) {
        lines.add(json(a));
        a.acknowledged().ifPresent(t -> lines.add(JSON.createObjectNode().put("op", "ack").put("id", a.id())
            .put("at", t.toString())));
      }
      Path tmp = alertsFile.resolveSibling("alerts.jsonl.tmp");
      try {
        Files.deleteIfExists(tmp);
        Path target = alertsFile;
        // written as the journal is, then moved over it in one step
        StringBuilder text = new StringBuilder();
        for (ObjectNode n : lines) {
          text.append(JSON.writeValueAsString(n)).append('\n');
        }
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
          ByteBuffer buf = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
          while (buf.hasRemaining()) {
            ch.write(buf);
          }
          ch.force(true);
        }
        Files.move(tmp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        throw new StoreException("could not remove erased items' alerts from " + alertsFile + ": " + e.getMessage()
            + "; the erasure completes again when the workspace is next opened", e);
      }
      alerts.clear();
      kept.forEach(a -> alerts.put(a.id(), a));
      loadedAlerts = size(alertsFile);
    }
  }

  /** Whether any query is saved: a workspace without any pays nothing per batch. */
  boolean any() {
    synchronized (lock) {
      reload();
      return !queries.isEmpty();
    }
  }

  // ---------------------------------------------------------------- evaluation

  /**
   * Matches every standing query against what a batch brought (already durable), as each query's owner; new matches
   * become durable alerts, audited once for the whole batch as {@code writer}, then handed to the listener.
   */
  void afterWrite(Session writer, Collection<EntityId> entities, Collection<String> documents) {
    if (workspace.readOnly() || (entities.isEmpty() && documents.isEmpty()) || !any()) {
      return;
    }
    List<Alert> raised;
    synchronized (lock) {
      raised = evaluate(entities, documents);
      writer.audit("alert.evaluate", "entities=" + entities.size() + " documents=" + documents.size() + " queries="
          + queries.size() + " alerts=" + raised.size(), raised.stream().map(Alert::id).toList(), "ok");
      if (!raised.isEmpty()) {
        List<ObjectNode> lines = new ArrayList<>();
        for (Alert a : raised) {
          lines.add(json(a));
        }
        append(alertsFile, lines);
        raised.forEach(a -> alerts.put(a.id(), a));
      }
    }
    for (Alert a : raised) {
      try {
        listener.raised(a);
      } catch (RuntimeException e) {
        LOG.warn("the alert listener failed on {}; the alert is kept and listed: {}", a.id(), e.toString());
      }
    }
  }

  private List<Alert> evaluate(Collection<EntityId> entities, Collection<String> documents) {
    workspace.store.refresh();
    Visibility all = Visibility.of(workspace.store.labels());
    List<Statement> statements = new ArrayList<>();
    for (EntityId id : new LinkedHashSet<>(entities)) {
      statements.addAll(workspace.store.statements(id, all));
    }
    List<Document> docs = new ArrayList<>();
    List<Mention> mentions = new ArrayList<>();
    for (String id : new LinkedHashSet<>(documents)) {
      workspace.store.document(id, all).ifPresent(d -> {
        docs.add(d);
        mentions.addAll(workspace.store.mentions(id, all));
      });
    }
    if (statements.isEmpty() && docs.isEmpty()) {
      return List.of();
    }
    Path scratch = null;
    try {
      Files.createDirectories(workspace.directory().resolve(DIRECTORY));
      scratch = Files.createTempDirectory(workspace.directory().resolve(DIRECTORY), "batch-");
      try (Index batch = Index.open(scratch, workspace.schema())) {
        batch.write(statements, docs);
        if (!mentions.isEmpty()) {
          batch.writeMentions(mentions);
        }
        batch.refresh();
        // every item of the batch can be a hit, and no more: a bounded result, not the index's maximum
        return match(batch, Math.min(Query.MAX_LIMIT, statements.size() + docs.size()));
      }
    } catch (IOException e) {
      throw new StoreException("could not evaluate standing queries in " + workspace.directory().resolve(DIRECTORY)
          + ": " + e.getMessage() + "; check that the workspace directory is writable", e);
    } finally {
      if (scratch != null) {
        deleteTree(scratch);
      }
    }
  }

  private List<Alert> match(Index batch, int limit) {
    Instant now = workspace.now();
    Set<String> labels = batch.labels();
    Map<String, Visibility> byOwner = new HashMap<>();
    List<Alert> raised = new ArrayList<>();
    for (StandingQuery q : queries.values()) {
      Optional<Principal> owner = owner(q.owner());
      if (owner.isEmpty() || !workspace.decide(owner.get(), q.purpose(), q.label()).allowed()) {
        continue; // an owner gone, or no longer cleared for their own question: it asks nothing
      }
      Visibility visibility = byOwner.computeIfAbsent(owner.get().id() + '\u0000' + q.purpose().name(),
          k -> visibleTo(owner.get(), q.purpose(), labels));
      if (visibility.labels().isEmpty()) {
        continue;
      }
      List<Hit> hits;
      try {
        hits = batch.search(q.query().limit(limit).highlight(false), visibility).hits();
      } catch (RuntimeException e) {
        LOG.warn("standing query {} could not run on a batch and was skipped there: {}", q.id(), e.toString());
        continue;
      }
      for (Hit h : hits) {
        String id = Alert.idFor(q.id(), h.id());
        if (alerts.containsKey(id)) {
          continue;
        }
        raised.add(alert(id, q, h, now));
      }
    }
    return raised;
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

  /** The owner as the deployment's directory says now, else as their latest session presented them. */
  private Optional<Principal> owner(String id) {
    if (principals != null) {
      return principals.apply(id).filter(p -> p.id().equals(id));
    }
    return Optional.ofNullable(owners.get(id));
  }

  // ---------------------------------------------------------------- journals

  /** Reads the journals again when another process (a watcher beside a reader) appended to them. */
  private void reload() {
    long q = size(queriesFile);
    if (q != loadedQueries) {
      queries.clear();
      owners.clear();
      for (JsonNode n : lines(queriesFile)) {
        switch (n.path("op").asText()) {
          case "save" -> {
            Principal p = principal(n);
            queries.put(n.get("id").asText(), new StandingQuery(n.get("id").asText(), p.id(),
                Purpose.of(n.get("purpose").asText()), StandingQuery.Kind.valueOf(n.get("kind").asText()),
                n.get("text").asText(), n.get("reason").asText(), Label.parse(n.get("label").asText()),
                Instant.parse(n.get("created").asText())));
            owners.put(p.id(), p);
          }
          case "remove" -> queries.remove(n.get("id").asText());
          case "owner" -> owners.put(n.get("owner").asText(), principal(n));
          default -> { }
        }
      }
      loadedQueries = q;
    }
    long a = size(alertsFile);
    if (a != loadedAlerts) {
      alerts.clear();
      for (JsonNode n : lines(alertsFile)) {
        switch (n.path("op").asText()) {
          case "alert" -> {
            List<String> docs = new ArrayList<>();
            n.path("documents").forEach(x -> docs.add(x.asText()));
            List<String> sts = new ArrayList<>();
            n.path("statements").forEach(x -> sts.add(x.asText()));
            alerts.put(n.get("id").asText(), new Alert(n.get("id").asText(), n.get("query").asText(),
                n.get("owner").asText(), Alert.Kind.valueOf(n.get("kind").asText()), n.get("item").asText(),
                Label.parse(n.get("label").asText()), docs, sts, Instant.parse(n.get("raised").asText()),
                Optional.empty()));
          }
          case "ack" -> {
            Alert old = alerts.get(n.get("id").asText());
            if (old != null) {
              alerts.put(old.id(), old.acknowledgedAt(Instant.parse(n.get("at").asText())));
            }
          }
          default -> { }
        }
      }
      loadedAlerts = a;
    }
  }

  private static Principal principal(JsonNode n) {
    List<String> auths = new ArrayList<>();
    n.path("auths").forEach(x -> auths.add(x.asText()));
    return Principal.of(n.get("owner").asText(), auths);
  }

  private static ArrayNode auths(Principal p) {
    ArrayNode a = JSON.createArrayNode();
    p.authorizations().forEach(a::add);
    return a;
  }

  private static ObjectNode json(Alert a) {
    ObjectNode n = JSON.createObjectNode();
    n.put("op", "alert").put("id", a.id()).put("query", a.queryId()).put("owner", a.owner())
        .put("kind", a.kind().name()).put("item", a.itemId()).put("label", a.label().toString())
        .put("raised", a.raised().toString());
    ArrayNode docs = n.putArray("documents");
    a.documentIds().forEach(docs::add);
    ArrayNode sts = n.putArray("statements");
    a.statementIds().forEach(sts::add);
    return n;
  }

  private static long size(Path file) {
    try {
      return Files.isRegularFile(file) ? Files.size(file) : 0;
    } catch (IOException e) {
      return -2;
    }
  }

  /** The complete lines of a journal; a torn last line (no newline) is not one. */
  private static List<JsonNode> lines(Path file) {
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      List<JsonNode> out = new ArrayList<>();
      int start = 0;
      for (int end; (end = text.indexOf('\n', start)) >= 0; start = end + 1) {
        String line = text.substring(start, end).strip();
        if (line.isEmpty()) {
          continue;
        }
        try {
          out.add(JSON.readTree(line));
        } catch (IOException e) {
          LOG.warn("{}: an unreadable line was skipped: {}", file, e.getMessage());
        }
      }
      return out;
    } catch (IOException e) {
      throw new StoreException("cannot read " + file + ": " + e.getMessage() + "; check the workspace's files", e);
    }
  }

  /** Appends whole lines and syncs them; a torn last line left by a crash is cut first. */
  private void append(Path file, List<ObjectNode> nodes) {
    if (workspace.readOnly()) {
      throw new IllegalStateException("the workspace is open read-only; open it for writing to save or acknowledge");
    }
    StringBuilder text = new StringBuilder();
    for (ObjectNode n : nodes) {
      try {
        text.append(JSON.writeValueAsString(n)).append('\n');
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
    try {
      Files.createDirectories(file.getParent());
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE)) {
        long size = ch.size();
        long keep = size;
        if (size > 0 && !endsWithNewline(ch, size)) {
          String existing = Files.readString(file, StandardCharsets.UTF_8);
          int last = existing.lastIndexOf('\n');
          keep = last < 0 ? 0 : existing.substring(0, last + 1).getBytes(StandardCharsets.UTF_8).length;
        }
        if (keep < size) {
          ch.truncate(keep);
        }
        ch.position(keep);
        ByteBuffer buf = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        ch.force(true);
        long now = ch.size();
        if (file.equals(queriesFile)) {
          loadedQueries = now;
        } else {
          loadedAlerts = now;
        }
      }
    } catch (IOException e) {
      throw new StoreException("cannot write " + file + ": " + e.getMessage() + "; check that the workspace is"
          + " writable and has space", e);
    }
  }

  private static boolean endsWithNewline(FileChannel ch, long size) throws IOException {
    ByteBuffer last = ByteBuffer.allocate(1);
    ch.read(last, size - 1);
    return last.get(0) == '\n';
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      LOG.warn("could not delete the scratch index {}: {}", dir, e.toString());
    }
  }
}
