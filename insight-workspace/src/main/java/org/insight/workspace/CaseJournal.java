package org.insight.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.TreeMap;
import java.util.function.Function;
import org.insight.core.StoreException;

/**
 * The durable store of cases: {@code cases/journal.jsonl}, one JSON line per version of a case item (the whole item
 * as of that version, never a diff), appended and synced before a write returns (rule 5). The history is the
 * journal; the one rewrite is erasure's ({@link #tombstone}): a tombstone line removes an item from every view at
 * once, and the journal is then rewritten (to a temporary file, synced, renamed over it) without any line of the
 * erased item, so its values leave the disk too. On a writable open a torn last line (a crash mid-append) is cut with
 * a warning; it was never acknowledged. Readers (a read-only workspace beside the writer) read the lines added since
 * they last looked, and read the whole file again when it was replaced by a rewrite.
 *
 * <p>A workspace has one writer process (the index's lock), and within it appends are serialised here, so an
 * optimistic version check done under {@link #write}'s lock sees every earlier edit. Not API.
 */
final class CaseJournal {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The journal's line format; a reader refuses a newer one rather than misread it. */
  static final int FORMAT = 1;
  /** The action of a tombstone line: the item is gone from every view (an erasure reached what it was about). */
  static final String ERASED = "erase";
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CaseJournal.class);

  /** One version of one item: the fields of its line. */
  record Entry(String caseId, String itemId, CaseItem.Kind kind, long version, String label, String by, Instant at,
      String action, Map<String, String> fields) {
    String field(String name) {
      return fields.getOrDefault(name, "");
    }
  }

  private final Path file;
  private final boolean readOnly;
  private long loaded; // bytes of complete lines read so far
  private boolean repaired;
  private Object fileKey; // the file read so far: a rewrite replaces it, and a reader then reads the new one whole
  /** Items a tombstone removed whose lines may still be on disk ("case item"): the next rewrite drops them. */
  private final Set<String> erased = new java.util.HashSet<>();
  /** case id → item id → versions, oldest first (items in creation order). */
  private final Map<String, Map<String, List<Entry>>> cases = new LinkedHashMap<>();

  CaseJournal(Path directory, boolean readOnly) {
    this.file = directory.resolve("cases").resolve("journal.jsonl");
    this.readOnly = readOnly;
  }

  /** A snapshot of every case's items (the lists are copies), after reading what was appended since. */
  synchronized Map<String, Map<String, List<Entry>>> snapshot() {
    refresh();
    Map<String, Map<String, List<Entry>>> copy = new LinkedHashMap<>();
    cases.keySet().forEach(c -> copy.put(c, items(c)));
    return copy;
  }

  /**
   * Under the journal's lock: reads what was appended, gives {@code plan} the case's items (an empty map for a case
   * not in the journal) to decide what to write — it refuses by throwing, and writes the audit entry ahead —, appends
   * and syncs its entries, and returns the case's items after the write.
   */
  synchronized Written write(String caseId, Function<Map<String, List<Entry>>, Planned> plan) {
    if (readOnly) {
      throw new StoreException("this workspace is open read-only; open it for writing to change a case");
    }
    refresh();
    Planned planned = plan.apply(items(caseId));
    List<Entry> entries = planned.entries();
    if (!entries.isEmpty()) {
      append(entries);
      entries.forEach(this::apply);
    }
    return new Written(items(caseId), planned.itemId());
  }

  /** What a write decided: the lines to append (none for a retried call) and the item it is about. */
  record Planned(List<Entry> entries, String itemId) {}

  /** A case's items after a write, and the item the write was about. */
  record Written(Map<String, List<Entry>> items, String itemId) {}

  /** One case's items (copies), after reading what was appended since; empty for a case not in the journal. */
  synchronized Map<String, List<Entry>> read(String caseId) {
    refresh();
    return items(caseId);
  }

  /** A copy of one case's items: a shallow one, since each item's list of versions is immutable (see apply). */
  private Map<String, List<Entry>> items(String caseId) {
    return new LinkedHashMap<>(cases.getOrDefault(caseId, Map.of()));
  }

  /**
   * Erasure's tombstones: for every item whose latest version {@code gone} accepts, appends (synced) a line naming it
   * — ids only, no value — that removes it from every view, then rewrites the journal without any line of an erased
   * item. Returns the ids of the items removed, for the erasure's audit entry. Idempotent: a removed item is not
   * seen again.
   */
  synchronized List<String> tombstone(Predicate<Entry> gone, String by, Instant at) {
    if (readOnly) {
      return List.of();
    }
    refresh();
    List<Entry> tombs = new ArrayList<>();
    cases.forEach((caseId, items) -> items.forEach((itemId, versions) -> {
      Entry last = versions.get(versions.size() - 1);
      if (last.kind() != CaseItem.Kind.CASE && gone.test(last)) {
        tombs.add(new Entry(caseId, itemId, last.kind(), last.version() + 1, last.label(), by, at, ERASED, Map.of()));
      }
    }));
    if (!tombs.isEmpty()) {
      append(tombs);
      tombs.forEach(this::apply);
    }
    if (!erased.isEmpty()) {
      rewrite();
    }
    return tombs.stream().map(Entry::itemId).toList();
  }

  private void append(List<Entry> entries) {
    StringBuilder sb = new StringBuilder();
    entries.forEach(e -> sb.append(toJson(e)).append('\n'));
    byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
    try {
      Files.createDirectories(file.getParent());
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.APPEND)) {
        ByteBuffer bb = ByteBuffer.wrap(bytes);
        while (bb.hasRemaining()) {
          ch.write(bb);
        }
        ch.force(false);
      }
      if (fileKey == null) {
        fileKey = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
      }
    } catch (IOException e) {
      throw new StoreException("cannot append to the case journal " + file + ": " + e
          + "; check that the workspace directory is writable and has space", e);
    }
    loaded += bytes.length;
  }

  /**
   * Writes the journal again without the lines of erased items (their tombstones included), synced, and renames it
   * over the old one: a crash leaves either the old journal (tombstones and all: the next writable open rewrites it)
   * or the new one.
   */
  private void rewrite() {
    Path tmp = file.resolveSibling(file.getFileName() + ".rewrite");
    try {
      long kept = 0;
      try (java.io.BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
          java.io.Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        for (String line; (line = in.readLine()) != null; ) {
          JsonNode n = JSON.readTree(line);
          if (!erased.contains(n.path("case").asText() + " " + n.path("item").asText())) {
            out.write(line);
            out.write('\n');
            kept += line.getBytes(StandardCharsets.UTF_8).length + 1;
          }
        }
      }
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ch.force(true);
      }
      Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      try (FileChannel ch = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
        ch.force(true);
      }
      loaded = kept;
      fileKey = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
      erased.clear();
    } catch (IOException e) {
      throw new StoreException("the erased case items are hidden, but the case journal " + file + " could not be"
          + " rewritten without them: " + e + "; it is rewritten when the workspace is next opened for writing", e);
    }
  }

  private void refresh() {
    try {
      if (!Files.exists(file)) {
        return;
      }
      Object key = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
      if (fileKey != null && !fileKey.equals(key)) {
        cases.clear(); // rewritten by an erasure: read the new file from its start
        loaded = 0;
      }
      fileKey = key;
      long size = Files.size(file);
      if (size < loaded) {
        cases.clear();
        loaded = 0;
      }
      if (size <= loaded) {
        return;
      }
      byte[] tail;
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
        ByteBuffer bb = ByteBuffer.allocate(Math.toIntExact(size - loaded));
        while (bb.hasRemaining() && ch.read(bb, loaded + bb.position()) >= 0) {
          // read until full
        }
        tail = bb.array();
      }
      int start = 0;
      for (int i = 0; i < tail.length; i++) {
        if (tail[i] != '\n') {
          continue;
        }
        String text = new String(tail, start, i - start, StandardCharsets.UTF_8);
        apply(parse(text, loaded + start));
        start = i + 1;
      }
      loaded += start;
      if (start < tail.length && !readOnly && !repaired) {
        // a torn last line: only a crash mid-append leaves one, and its write was never acknowledged
        LOG.warn("the case journal {} ends in a torn line of {} bytes (a write interrupted by a crash, never"
            + " acknowledged); it is discarded", file, tail.length - start);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
          ch.truncate(loaded);
          ch.force(true);
        }
        repaired = true;
      }
      if (!readOnly && !erased.isEmpty()) {
        rewrite(); // a crash came between an erasure's tombstones and its rewrite: finish it
      }
    } catch (IOException e) {
      throw new StoreException("cannot read the case journal " + file + ": " + e + "; check its permissions", e);
    }
  }

  private void apply(Entry e) {
    if (ERASED.equals(e.action())) {
      Map<String, List<Entry>> items = cases.get(e.caseId());
      if (items != null) {
        items.remove(e.itemId());
      }
      erased.add(e.caseId() + " " + e.itemId());
      return;
    }
    // each item's versions are an immutable list, replaced on each version (items have few), so a copy of a case's
    // items is a copy of references: a write costs O(1) per item, not a copy of every version
    Map<String, List<Entry>> items = cases.computeIfAbsent(e.caseId(), k -> new LinkedHashMap<>());
    List<Entry> before = items.get(e.itemId());
    if (before == null) {
      items.put(e.itemId(), List.of(e));
    } else {
      List<Entry> after = new ArrayList<>(before.size() + 1);
      after.addAll(before);
      after.add(e);
      items.put(e.itemId(), List.copyOf(after));
    }
  }

  static String toJson(Entry e) {
    ObjectNode n = JSON.createObjectNode();
    n.put("f", FORMAT);
    n.put("case", e.caseId());
    n.put("item", e.itemId());
    n.put("kind", e.kind().text());
    n.put("v", e.version());
    n.put("label", e.label());
    n.put("by", e.by());
    n.put("at", e.at().toString());
    n.put("action", e.action());
    ObjectNode f = n.putObject("fields");
    new TreeMap<>(e.fields()).forEach(f::put);
    return n.toString();
  }

  private Entry parse(String text, long offset) {
    try {
      JsonNode n = JSON.readTree(text);
      if (n.path("f").asInt(0) > FORMAT) {
        throw new StoreException("the case journal " + file + " has a line of format " + n.path("f").asInt()
            + " at byte " + offset + "; this version reads format " + FORMAT + ": use the INSIGHT version that wrote it");
      }
      return entry(n);
    } catch (IOException | RuntimeException e) {
      if (e instanceof StoreException se) {
        throw se;
      }
      throw new StoreException("the case journal " + file + " has an unreadable line at byte " + offset + " (" + e
          + "); restore it from a backup", e);
    }
  }

  /** The entry a line's JSON holds (the caller checks the format). */
  static Entry entry(JsonNode n) {
    Map<String, String> fields = new LinkedHashMap<>();
    JsonNode f = n.path("fields");
    for (Iterator<String> it = f.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      fields.put(name, f.get(name).asText());
    }
    return new Entry(n.get("case").asText(), n.get("item").asText(),
        CaseItem.Kind.valueOf(n.get("kind").asText().toUpperCase(java.util.Locale.ROOT)), n.get("v").asLong(),
        n.get("label").asText(), n.get("by").asText(), Instant.parse(n.get("at").asText()), n.get("action").asText(),
        Map.copyOf(fields));
  }
}
