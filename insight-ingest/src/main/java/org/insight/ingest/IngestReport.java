package org.insight.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What an ingest run did. Every item found ends ingested, unchanged or quarantined; nothing is dropped silently. When a run returns its report, everything it counts as
 * ingested is durable (evidence, index and ledger synced).
 *
 * @param dataset the dataset ingested into
 * @param found items the sources held (files, streams), after include/exclude filters
 * @param ingested items whose documents were written
 * @param unchanged items skipped because an earlier run ingested them with the same path, size, time and bytes
 * @param quarantined items, embedded items and record rows that could not be ingested, each one in
 *     {@code failures} (an e-mail whose attachment is encrypted counts as ingested and its attachment here)
 * @param documents documents written, embedded children included
 * @param entities entities and links written from structured records (with a mapping)
 * @param bytes bytes of the items read (unchanged items not counted)
 * @param duration wall time of the run
 * @param failures each quarantined item with its reason
 * @param skipped entries of a walked directory that are not regular files (symbolic links, FIFOs, sockets,
 *     devices) and so were never read: not counted in {@code found}, but listed here so that nothing is left out
 *     silently
 * @param warnings items ingested with a caveat a reader should know: a PDF (or other paged document) that has
 *     pages but gave no text ({@code no-text}); the document carries the same warning in its metadata
 *     ({@value #WARNING_METADATA})
 */
public record IngestReport(
    String dataset,
    long found,
    long ingested,
    long unchanged,
    long quarantined,
    long documents,
    long entities,
    long bytes,
    Duration duration,
    List<Failure> failures,
    List<Skipped> skipped,
    List<Warning> warnings) {

  /** The metadata key of a document's ingest warning, e.g. {@code no-text: ...}. */
  public static final String WARNING_METADATA = "insight:warning";

  public IngestReport {
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(duration, "duration");
    failures = List.copyOf(failures);
    skipped = List.copyOf(skipped);
    warnings = List.copyOf(warnings);
  }

  /** A report with nothing skipped and no warnings. */
  public IngestReport(String dataset, long found, long ingested, long unchanged, long quarantined, long documents,
      long entities, long bytes, Duration duration, List<Failure> failures) {
    this(dataset, found, ingested, unchanged, quarantined, documents, entities, bytes, duration, failures, List.of(),
        List.of());
  }

  /**
   * A directory entry that was not read because it is not a regular file.
   *
   * @param path the entry's path relative to its source directory
   * @param reason {@code symlink}, {@code fifo}, {@code socket}, {@code device} or {@code special-file}
   * @param message why it was not followed, for a person
   */
  public record Skipped(String path, String reason, String message) {
    public Skipped {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(reason, "reason");
      message = message == null ? "" : message;
    }
  }

  /**
   * An item that was ingested with a caveat.
   *
   * @param path the item (as in {@link Failure#path()})
   * @param reason a stable code: {@code no-text}
   * @param message what it means and what to do, for a person
   */
  public record Warning(String path, String reason, String message) {
    public Warning {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(reason, "reason");
      message = message == null ? "" : message;
    }
  }

  /**
   * An item that was quarantined: its original bytes are kept in the evidence store (when they could be read)
   * and its reason recorded in the ingest ledger.
   *
   * @param path the item: a path relative to its source, or a container chain like {@code mail.eml!/invoice.pdf}
   * @param reason a stable code: a {@link QuarantineReason} in lower case with dashes ({@code unsupported},
   *     {@code encrypted}, {@code corrupt}, {@code timeout}, {@code too-large}, {@code limit-exceeded},
   *     {@code crashed}, {@code ocr-unavailable}, {@code unreadable}), {@code invalid-data} for bad records, or
   *     {@code failed} when an extraction step threw
   * @param message what went wrong and what to do, for a person
   * @param sha256 the hash of the kept original, or "" when its bytes could not be read
   */
  public record Failure(String path, String reason, String message, String sha256) {
    public Failure {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(reason, "reason");
      message = message == null ? "" : message;
      sha256 = sha256 == null ? "" : sha256;
    }
  }

  /** Whether nothing was quarantined. */
  public boolean clean() {
    return failures.isEmpty();
  }

  /** The report as one JSON object (durations in milliseconds). */
  public String toJson() {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode n = mapper.createObjectNode();
    n.put("dataset", dataset);
    n.put("found", found);
    n.put("ingested", ingested);
    n.put("unchanged", unchanged);
    n.put("quarantined", quarantined);
    n.put("documents", documents);
    n.put("entities", entities);
    n.put("bytes", bytes);
    n.put("durationMillis", duration.toMillis());
    ArrayNode f = n.putArray("failures");
    for (Failure x : failures) {
      f.addObject().put("path", x.path()).put("reason", x.reason()).put("message", x.message()).put("sha256", x.sha256());
    }
    ArrayNode sk = n.putArray("skipped");
    for (Skipped x : skipped) {
      sk.addObject().put("path", x.path()).put("reason", x.reason()).put("message", x.message());
    }
    ArrayNode w = n.putArray("warnings");
    for (Warning x : warnings) {
      w.addObject().put("path", x.path()).put("reason", x.reason()).put("message", x.message());
    }
    try {
      return mapper.writeValueAsString(n);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a report of strings and numbers always serialises", e);
    }
  }
}
