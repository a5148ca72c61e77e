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
import java.util.TreeMap;
import java.util.function.Function;
import org.insight.core.StoreException;

/**
 * The durable store of cases: {@code cases/journal.jsonl}, one JSON line per version of a case item (the whole item
 * as of that version, never a diff), appended and synced before a write returns (rule 5). Nothing is ever rewritten:
 * the history is the journal. On a writable open a torn last line (a crash mid-append) is cut; it was never
 * acknowledged. Readers (a read-only workspace beside the writer) read the lines added since they last looked.
 *
 * <p>A workspace has one writer process (the index's lock), and within it appends are serialised here, so an
 * optimistic version check done under {@link #write}'s lock sees every earlier edit. Not API.
 */
final class CaseJournal {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The journal's line format; a reader refuses a newer one rather than misread it. */
  static final int FORMAT = 1;

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
      } catch (IOException e) {
        throw new StoreException("cannot append to the case journal " + file + ": " + e
            + "; check that the workspace directory is writable and has space", e);
      }
      loaded += bytes.length;
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

  /** A copy of one case's items. */
  private Map<String, List<Entry>> items(String caseId) {
    Map<String, List<Entry>> m = new LinkedHashMap<>();
    cases.getOrDefault(caseId, Map.of()).forEach((i, versions) -> m.put(i, List.copyOf(versions)));
    return m;
  }

  private void refresh() {
    try {
      if (!Files.exists(file)) {
        return;
      }
      long size = Files.size(file);
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
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
          ch.truncate(loaded);
          ch.force(true);
        }
        repaired = true;
      }
    } catch (IOException e) {
      throw new StoreException("cannot read the case journal " + file + ": " + e + "; check its permissions", e);
    }
  }

  private void apply(Entry e) {
    cases.computeIfAbsent(e.caseId(), k -> new LinkedHashMap<>()).computeIfAbsent(e.itemId(), k -> new ArrayList<>())
        .add(e);
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
