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
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.insight.core.StoreException;
import org.insight.policy.Label;
import org.insight.policy.Principal;
import org.insight.policy.Purpose;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The storage of standing queries and alerts: two append-only journals of JSON lines under {@code automation/} —
 * {@code queries.jsonl} (saved, removed, each owner's latest known authorisations) and {@code alerts.jsonl} (raised,
 * acknowledged; evaluations that failed and were retried; deliveries that failed and were redone) —, each line synced
 * before the call that wrote it returns; a torn last line (a crash mid-append) is ignored and cut on the next append.
 * Reads them again when another process (a watcher beside a reader) appended. Not thread-safe: its owner,
 * {@link StandingQueries}, serialises every call.
 */
final class AlertJournal {
  private static final Logger LOG = LoggerFactory.getLogger(AlertJournal.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The query id of a batch stored but not yet evaluated: every standing query is to be evaluated over it. */
  static final String EVERY_QUERY = "*";

  /**
   * An evaluation that failed and waits to be done again: one query over the items of one batch (or
   * {@link #EVERY_QUERY} for a batch written ahead of its evaluation).
   */
  record Failure(String id, String queryId, List<String> entities, List<String> documents, String error,
      Instant at) {
    static String idFor(String queryId, Collection<String> entities, Collection<String> documents) {
      return "af-" + org.insight.Hashing.sha256Hex((queryId + '\u0000' + String.join(",", entities) + '\u0000'
          + String.join(",", documents)).getBytes(StandardCharsets.UTF_8)).substring(0, 20);
    }
  }

  private final boolean readOnly;
  private final Path queriesFile;
  private final Path alertsFile;
  final Map<String, StandingQuery> queries = new LinkedHashMap<>();
  final Map<String, Principal> owners = new HashMap<>();
  final Map<String, Alert> alerts = new LinkedHashMap<>();
  /** Evaluations waiting to be retried, by id. */
  final Map<String, Failure> failures = new LinkedHashMap<>();
  /** Alerts the listener has not yet taken, in the order raised. */
  final Set<String> undelivered = new LinkedHashSet<>();
  private long loadedQueries = -1;
  private long loadedAlerts = -1;

  AlertJournal(Path directory, boolean readOnly) {
    this.readOnly = readOnly;
    this.queriesFile = directory.resolve("queries.jsonl");
    this.alertsFile = directory.resolve("alerts.jsonl");
  }

  // ---------------------------------------------------------------- writes

  void saved(StandingQuery q, Principal owner) {
    ObjectNode n = JSON.createObjectNode();
    n.put("op", "save").put("id", q.id()).put("owner", q.owner()).put("purpose", q.purpose().name())
        .put("kind", q.kind().name()).put("text", q.text()).put("reason", q.reason()).put("label", q.label().toString())
        .put("created", q.created().toString());
    n.set("auths", auths(owner));
    append(queriesFile, List.of(n));
    queries.put(q.id(), q);
    owners.put(owner.id(), owner);
  }

  void removed(String id) {
    append(queriesFile, List.of(JSON.createObjectNode().put("op", "remove").put("id", id)));
    queries.remove(id);
  }

  void knew(Principal owner) {
    ObjectNode n = JSON.createObjectNode().put("op", "owner").put("owner", owner.id());
    n.set("auths", auths(owner));
    append(queriesFile, List.of(n));
    owners.put(owner.id(), owner);
  }

  /**
   * One batch's outcome in one synced append: new alerts (awaiting delivery unless {@code delivered}: there is no
   * listener to tell), evaluations that failed, and failed evaluations that have now been done.
   */
  void evaluated(List<Alert> raised, List<Failure> failed, Collection<String> retried, boolean delivered) {
    List<ObjectNode> lines = new ArrayList<>();
    for (Alert a : raised) {
      lines.add(json(a));
      if (delivered) {
        lines.add(JSON.createObjectNode().put("op", "delivered").put("id", a.id()));
      }
    }
    for (Failure f : failed) {
      ObjectNode n = JSON.createObjectNode().put("op", "failed").put("id", f.id()).put("query", f.queryId())
          .put("error", f.error()).put("at", f.at().toString());
      ArrayNode es = n.putArray("entities");
      f.entities().forEach(es::add);
      ArrayNode ds = n.putArray("documents");
      f.documents().forEach(ds::add);
      lines.add(n);
    }
    for (String id : retried) {
      lines.add(JSON.createObjectNode().put("op", "retried").put("id", id));
    }
    if (lines.isEmpty()) {
      return;
    }
    append(alertsFile, lines);
    raised.forEach(a -> {
      alerts.put(a.id(), a);
      if (!delivered) {
        undelivered.add(a.id());
      }
    });
    failed.forEach(f -> failures.put(f.id(), f));
    retried.forEach(failures::remove);
  }

  /** The listener took these alerts. */
  void delivered(Collection<String> ids) {
    if (ids.isEmpty()) {
      return;
    }
    List<ObjectNode> lines = new ArrayList<>();
    ids.forEach(id -> lines.add(JSON.createObjectNode().put("op", "delivered").put("id", id)));
    append(alertsFile, lines);
    undelivered.removeAll(ids);
  }

  Alert acknowledged(Alert a, Instant when) {
    append(alertsFile, List.of(JSON.createObjectNode().put("op", "ack").put("id", a.id()).put("at", when.toString())));
    Alert acked = a.acknowledgedAt(when);
    alerts.put(a.id(), acked);
    return acked;
  }

  /**
   * Erasure: every alert whose item or evidence is among {@code ids}, and every pending retry over them, is removed,
   * and the alerts journal rewritten without them (atomically), so no trace of the erased item stays here either.
   */
  void erased(Collection<String> ids) {
    Set<String> gone = new HashSet<>(ids);
    List<Alert> kept = alerts.values().stream().filter(a -> !gone.contains(a.itemId())
        && a.documentIds().stream().noneMatch(gone::contains) && a.statementIds().stream().noneMatch(gone::contains))
        .toList();
    List<Failure> keptFailures = failures.values().stream().map(f -> new Failure(f.id(), f.queryId(),
        f.entities().stream().filter(x -> !gone.contains(x)).toList(),
        f.documents().stream().filter(x -> !gone.contains(x)).toList(), f.error(), f.at())).toList();
    boolean failuresChanged = !keptFailures.equals(List.copyOf(failures.values()));
    if (kept.size() == alerts.size() && !failuresChanged) {
      return;
    }
    Set<String> keptIds = new HashSet<>();
    kept.forEach(a -> keptIds.add(a.id()));
    List<ObjectNode> lines = new ArrayList<>();
    for (Alert a : kept) {
      lines.add(json(a));
      a.acknowledged().ifPresent(t -> lines.add(JSON.createObjectNode().put("op", "ack").put("id", a.id())
          .put("at", t.toString())));
      if (!undelivered.contains(a.id())) {
        lines.add(JSON.createObjectNode().put("op", "delivered").put("id", a.id()));
      }
    }
    failures.clear();
    List<Failure> stillPending = new ArrayList<>();
    for (Failure f : keptFailures) {
      if (!f.entities().isEmpty() || !f.documents().isEmpty()) {
        stillPending.add(f);
      }
    }
    rewrite(lines);
    alerts.clear();
    kept.forEach(a -> alerts.put(a.id(), a));
    undelivered.retainAll(keptIds);
    evaluated(List.of(), stillPending, List.of(), true);
  }

  private void rewrite(List<ObjectNode> lines) {
    Path tmp = alertsFile.resolveSibling("alerts.jsonl.tmp");
    try {
      Files.deleteIfExists(tmp);
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
      // written as the journal is, then moved over it in one step
      Files.move(tmp, alertsFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new StoreException("could not remove erased items' alerts from " + alertsFile + ": " + e.getMessage()
          + "; the erasure completes again when the workspace is next opened", e);
    }
    loadedAlerts = size(alertsFile);
  }

  // ---------------------------------------------------------------- reads

  /** Reads the journals again when another process appended to them. */
  void reload() {
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
      failures.clear();
      undelivered.clear();
      for (JsonNode n : lines(alertsFile)) {
        String id = n.path("id").asText();
        switch (n.path("op").asText()) {
          case "alert" -> {
            alerts.put(id, new Alert(id, n.get("query").asText(), n.get("owner").asText(),
                Alert.Kind.valueOf(n.get("kind").asText()), n.get("item").asText(),
                Label.parse(n.get("label").asText()), strings(n.path("documents")), strings(n.path("statements")),
                Instant.parse(n.get("raised").asText()), java.util.Optional.empty()));
            undelivered.add(id);
          }
          case "ack" -> {
            Alert old = alerts.get(id);
            if (old != null) {
              alerts.put(id, old.acknowledgedAt(Instant.parse(n.get("at").asText())));
            }
          }
          case "delivered" -> undelivered.remove(id);
          case "failed" -> failures.put(id, new Failure(id, n.get("query").asText(), strings(n.path("entities")),
              strings(n.path("documents")), n.path("error").asText(), Instant.parse(n.get("at").asText())));
          case "retried" -> failures.remove(id);
          default -> { }
        }
      }
      loadedAlerts = a;
    }
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(x -> out.add(x.asText()));
    return out;
  }

  private static Principal principal(JsonNode n) {
    return Principal.of(n.get("owner").asText(), strings(n.path("auths")));
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
    if (readOnly) {
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
}
