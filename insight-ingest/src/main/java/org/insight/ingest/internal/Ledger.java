package org.insight.ingest.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.insight.ingest.IngestException;

/**
 * The ingest ledger: one JSON line per finished item (key, size, modification time, content hash, outcome,
 * reason), appended and synced after the item's documents were committed, so a line never claims more than the
 * index holds. On open, the last entry per key is loaded; a torn last line (a crash mid-append) is cut off: its
 * item was not acknowledged and is simply done again.
 */
public final class Ledger implements AutoCloseable {
  public static final String INGESTED = "ingested";
  public static final String QUARANTINED = "quarantined";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The last state of one key. */
  public record Entry(String key, long size, long modified, String sha256, String outcome, String reason) {}

  private final Path file;
  private final FileChannel out;
  private final Map<String, Entry> last = new HashMap<>();

  private Ledger(Path file, FileChannel out) {
    this.file = file;
    this.out = out;
  }

  /** Opens (creating) the ledger file, cutting a torn last line. */
  public static Ledger open(Path file) {
    try {
      Files.createDirectories(file.getParent());
      FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      Ledger ledger = new Ledger(file, ch);
      long complete = ledger.load();
      if (complete < ch.size()) {
        ch.truncate(complete);
        ch.force(true);
      }
      ch.position(complete);
      return ledger;
    } catch (IOException e) {
      throw new IngestException("cannot open the ingest ledger " + file + ": " + e
          + "; check that the workspace directory is writable", e);
    }
  }

  /** Reads complete lines; returns the offset just after the last complete, parsable one. */
  private long load() throws IOException {
    long offset = 0;
    long complete = 0;
    try (InputStream in = Files.newInputStream(file);
         BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      // read raw lines with their terminators to know the byte offsets
      StringBuilder line = new StringBuilder();
      int c;
      while ((c = r.read()) != -1) {
        if (c != '\n') {
          line.append((char) c);
          continue;
        }
        String text = line.toString();
        offset += text.getBytes(StandardCharsets.UTF_8).length + 1;
        line.setLength(0);
        Entry e = parse(text);
        if (e == null) {
          // an unparsable complete line: only a crash can leave one at the end; stop here so it is cut
          break;
        }
        last.put(e.key(), e);
        complete = offset;
      }
    }
    return complete;
  }

  private static Entry parse(String text) {
    try {
      JsonNode n = JSON.readTree(text);
      if (n == null || !n.hasNonNull("key")) {
        return null;
      }
      return new Entry(n.get("key").asText(), n.path("size").asLong(-1), n.path("modified").asLong(-1),
          n.path("sha256").asText(""), n.path("outcome").asText(""), n.path("reason").asText(""));
    } catch (IOException e) {
      return null;
    }
  }

  /** The last entry for a key, or null. */
  public synchronized Entry last(String key) {
    return last.get(key);
  }

  public synchronized int size() {
    return last.size();
  }

  /** Appends entries and syncs them: durable when this returns. */
  public synchronized void append(List<ObjectNode> lines) {
    if (lines.isEmpty()) {
      return;
    }
    StringBuilder sb = new StringBuilder();
    for (ObjectNode n : lines) {
      sb.append(n.toString()).append('\n');
    }
    try {
      ByteBuffer bb = ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.UTF_8));
      while (bb.hasRemaining()) {
        out.write(bb);
      }
      out.force(false);
    } catch (IOException e) {
      throw new IngestException("cannot append to the ingest ledger " + file + ": " + e
          + "; the items of this batch are in the index but will be processed again by the next run", e);
    }
    for (ObjectNode n : lines) {
      Entry e = parse(n.toString());
      last.put(e.key(), e);
    }
  }

  /** A ledger line. */
  public static ObjectNode line(String key, long size, long modified, String sha256, String outcome, String reason,
      String message, int documents, String at) {
    ObjectNode n = JSON.createObjectNode();
    n.put("key", key).put("size", size).put("modified", modified).put("sha256", sha256).put("outcome", outcome);
    if (!reason.isEmpty()) {
      n.put("reason", reason).put("message", message);
    }
    n.put("documents", documents).put("at", at);
    return n;
  }

  @Override
  public synchronized void close() {
    try {
      out.close();
    } catch (IOException e) {
      // appends were already synced
    }
  }
}
