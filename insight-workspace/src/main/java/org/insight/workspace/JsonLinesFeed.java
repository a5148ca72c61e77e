package org.insight.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.insight.core.ContentHash;
import org.insight.core.Dataset;
import org.insight.core.Document;
import org.insight.core.Provenance;

/**
 * A message feed as JSON lines — standard input, a named pipe, a file — ingested as documents in batches until the
 * stream ends: one object per line, {@code text} required, {@code id} (the source's message id, kept as the record
 * id in provenance), {@code title} and {@code language} optional, every other string (or array of strings) field
 * kept as metadata. Each line's own bytes are its original, in the evidence store. A line that is not such an
 * object is reported with its number and reason (and logged), never silently dropped.
 *
 * <p>A document's id is derived from dataset, label and the line's bytes, so a feed replayed after a crash writes the
 * same documents again and raises no alert twice: replay from the last acknowledged position, or from the start.
 * Each batch is durable, audited and matched against the standing queries before the next is read.
 *
 * <pre>{@code
 * JsonLinesFeed.Result r = JsonLinesFeed.builder(session, dataset).batchSize(500).build()
 *     .run(new BufferedReader(new InputStreamReader(System.in, UTF_8)));
 * }</pre>
 */
public final class JsonLinesFeed {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Session session;
  private final Dataset dataset;
  private final String name;
  private final int batchSize;
  private final Enrichment enrichment;
  private final Consumer<Result> progress;

  /**
   * What a feed run did.
   *
   * @param lines lines read (blank ones not counted)
   * @param documents documents written
   * @param batches batches written
   * @param problems the lines left out, each as {@code line N: reason}
   */
  public record Result(long lines, long documents, long batches, List<String> problems) {
    public Result {
      problems = List.copyOf(problems);
    }
  }

  private JsonLinesFeed(Builder b) {
    this.session = b.session;
    this.dataset = b.dataset;
    this.name = b.name;
    this.batchSize = b.batchSize;
    this.enrichment = b.enrichment;
    this.progress = b.progress;
  }

  /** A feed ingested into {@code dataset} (its label, grading) as {@code session}. */
  public static Builder builder(Session session, Dataset dataset) {
    return new Builder(session, dataset);
  }

  /** Reads {@code in} to its end (a pipe: until the writer closes it), writing a batch every {@code batchSize} lines. */
  public Result run(BufferedReader in) {
    Objects.requireNonNull(in, "in");
    long lines = 0;
    long documents = 0;
    long batches = 0;
    List<String> problems = new ArrayList<>();
    List<Document> batch = new ArrayList<>();
    Workspace workspace = session.workspace();
    List<ContentHash> stored = new ArrayList<>();
    long number = 0;
    try {
      for (String line; (line = in.readLine()) != null; ) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        lines++;
        Document d;
        try {
          d = document(line, number, workspace, stored);
        } catch (IllegalArgumentException e) {
          problems.add("line " + number + ": " + e.getMessage());
          org.slf4j.LoggerFactory.getLogger(JsonLinesFeed.class).warn("{} line {} left out: {}", name, number,
              e.getMessage());
          continue;
        }
        batch.add(d);
        if (batch.size() >= batchSize) {
          documents += write(batch, stored, workspace);
          batches++;
          progress.accept(new Result(lines, documents, batches, problems));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading the feed " + name + " failed after line " + number + ": " + e.getMessage()
          + "; what was written before is durable", e);
    } finally {
      if (!batch.isEmpty()) {
        documents += write(batch, stored, workspace);
        batches++;
      }
    }
    Result r = new Result(lines, documents, batches, problems);
    progress.accept(r);
    return r;
  }

  private Document document(String line, long number, Workspace workspace, List<ContentHash> stored) {
    JsonNode n;
    try {
      n = JSON.readTree(line);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON (" + e.getOriginalMessage() + "); write one JSON object per line");
    }
    if (n == null || !n.isObject()) {
      throw new IllegalArgumentException("not a JSON object; write one object per line, e.g. {\"id\":\"m1\",\"text\":\"...\"}");
    }
    JsonNode text = n.get("text");
    if (text == null || !text.isTextual() || text.asText().isBlank()) {
      throw new IllegalArgumentException("no \"text\" string; every message needs its text");
    }
    Map<String, List<String>> metadata = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = n.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      if (List.of("id", "text", "title", "language").contains(f.getKey())) {
        continue;
      }
      List<String> values = new ArrayList<>();
      if (f.getValue().isArray()) {
        f.getValue().forEach(v -> values.add(v.asText()));
      } else if (f.getValue().isValueNode()) {
        values.add(f.getValue().asText());
      }
      if (!values.isEmpty()) {
        metadata.put(f.getKey(), values);
      }
    }
    ContentHash hash = workspace.evidence.putUnsynced(new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8)));
    stored.add(hash);
    String record = n.hasNonNull("id") ? n.get("id").asText() : name + ":" + number;
    return new Document(null, hash, n.path("title").asText(""), text.asText(), n.path("language").asText(""), metadata,
        null, null, dataset.label(), Provenance.of(dataset.name(), record, "feed:jsonl", dataset.grading())
            .withContentHash(hash));
  }

  private long write(List<Document> batch, List<ContentHash> stored, Workspace workspace) {
    // the originals first, synced and audited once per batch (as an ingest batch's are)
    workspace.evidence.sync(stored);
    session.audit("evidence.store", "items=" + stored.size(), stored.stream().map(ContentHash::hex).toList(), "ok");
    stored.clear();
    Map<String, Document> byId = new java.util.LinkedHashMap<>(); // the same line twice is one document
    batch.forEach(d -> byId.put(d.id(), d));
    List<Document> unique = new ArrayList<>(byId.values());
    session.addDocuments(unique);
    if (enrichment != null) {
      enrichment.run(session, unique.stream().map(Document::id).toList());
    }
    batch.clear();
    return unique.size();
  }

  /** Options for a feed. */
  public static final class Builder {
    private final Session session;
    private final Dataset dataset;
    private String name = "feed";
    private int batchSize = 100;
    private Enrichment enrichment;
    private Consumer<Result> progress = r -> { };

    private Builder(Session session, Dataset dataset) {
      this.session = Objects.requireNonNull(session, "session");
      this.dataset = Objects.requireNonNull(dataset, "dataset");
    }

    /** The feed's name, for record ids of lines without an {@code id} and for messages (default {@code feed}). */
    public Builder name(String name) {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("a feed needs a non-blank name, e.g. the pipe's path");
      }
      this.name = name;
      return this;
    }

    /** Lines per batch (default 100). */
    public Builder batchSize(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("batchSize must be at least 1, got " + n);
      }
      this.batchSize = n;
      return this;
    }

    /** Enriches each batch once it is durable. */
    public Builder enrichment(Enrichment enrichment) {
      this.enrichment = Objects.requireNonNull(enrichment, "enrichment");
      return this;
    }

    /** Told after every batch. */
    public Builder progress(Consumer<Result> listener) {
      this.progress = Objects.requireNonNull(listener, "listener");
      return this;
    }

    public JsonLinesFeed build() {
      return new JsonLinesFeed(this);
    }
  }
}
