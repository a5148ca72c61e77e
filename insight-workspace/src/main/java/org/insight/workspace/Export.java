package org.insight.workspace;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.insight.core.ftm.FtmWriter;
import org.insight.policy.Label;

/**
 * What a session exported ({@link Session#export}): who took out what, for what, when, under which label — the
 * export's header, of {@link #VERSION format 1} (docs/json/export-header.schema.json). The data itself went to the
 * writer given to {@code export}; this holds only counts, digests and the label, never a value. The shapes
 * ({@link ExportOptions.Shape}):
 *
 * <ul>
 *   <li>{@code ftm} — FollowTheMoney JSON lines ({@link FtmWriter}); FtM has no labels, so the sidecar carries the
 *       conjunction of the labels of everything exported, which the receiving system must attach to all of it;</li>
 *   <li>{@code ftm-statements} — FtM statement CSV, one row per value with its own label in a {@code label}
 *       column;</li>
 *   <li>{@code jsonl} — this header as the first line, then one line per entity with its statements in the model's
 *       JSON form (each with its own label and provenance);</li>
 *   <li>{@code csv} — one row per statement (entity, schema, property, value, label, provenance).</li>
 * </ul>
 *
 * <p>Every shape but {@code jsonl} needs the header beside the file (a sidecar {@code FILE.meta.json}):
 * write {@link #header()} there.
 */
public final class Export {
  /** The version of the header and of the jsonl/csv shapes; a reader refuses a newer one. */
  public static final int VERSION = 1;
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final String principal;
  private final String purpose;
  private final Instant at;
  private final ExportOptions options;
  private final long entities;
  private final long statements;
  private final Optional<Label> label;
  private final Set<String> datasets;
  private final FtmWriter.Result ftm;
  private final String sha256;
  private final String idsSha256;

  Export(String principal, String purpose, Instant at, ExportOptions options, long entities, long statements,
      Optional<Label> label, Set<String> datasets, FtmWriter.Result ftm, String sha256, String idsSha256) {
    this.principal = principal;
    this.purpose = purpose;
    this.at = at;
    this.options = options;
    this.entities = entities;
    this.statements = statements;
    this.label = label;
    this.datasets = Set.copyOf(datasets);
    this.ftm = ftm;
    this.sha256 = sha256;
    this.idsSha256 = idsSha256;
  }

  /** How many entities went out (for FtM shapes, with those of a type FtM cannot hold: see {@link #ftm()}). */
  public long entities() {
    return entities;
  }

  /** How many statements went out. */
  public long statements() {
    return statements;
  }

  /** The conjunction of the labels of every exported statement; empty when nothing was exported. */
  public Optional<Label> label() {
    return label;
  }

  /** Who exported. */
  public String principal() {
    return principal;
  }

  /** For what purpose. */
  public String purpose() {
    return purpose;
  }

  /** When. */
  public Instant exportedAt() {
    return at;
  }

  /** What was selected, and the shape. */
  public ExportOptions options() {
    return options;
  }

  /** For the FtM shapes, what was written and left out (no FtM schema or property); empty otherwise. */
  public Optional<FtmWriter.Result> ftm() {
    return Optional.ofNullable(ftm);
  }

  /**
   * The SHA-256 (hex) of the data handed to the writer — the whole file, or for {@code jsonl} every line after the
   * header — as the audit entry records it, so a file found later can be matched to its export.
   */
  public String sha256() {
    return sha256;
  }

  /** The SHA-256 (hex) of the exported entity ids, one a line ({@code \n}-terminated), in the order written. */
  public String idsSha256() {
    return idsSha256;
  }

  /**
   * The header: format, shape, principal, purpose, time, label, selection, counts, datasets, digests; for the FtM
   * shapes also what they could not hold.
   */
  public ObjectNode header() {
    ObjectNode h = JSON.objectNode();
    h.put("format", VERSION);
    h.put("kind", "insight-export");
    h.put("shape", options.shape().text());
    h.put("exportedBy", principal);
    h.put("purpose", purpose);
    h.put("exportedAt", at.toString());
    if (label.isPresent()) {
      h.put("label", label.get().toString());
      h.put("labelExpression", label.get().expression().canonical());
    } else {
      h.putNull("label");
      h.putNull("labelExpression");
    }
    ObjectNode sel = h.putObject("selection");
    ArrayNode types = sel.putArray("types");
    options.types().forEach(types::add);
    if (options.query().isPresent()) {
      sel.put("query", options.query().get().toString());
    } else {
      sel.putNull("query");
    }
    h.put("entities", entities);
    h.put("statements", statements);
    ArrayNode ds = h.putArray("datasets");
    datasets.stream().sorted().forEach(ds::add);
    h.put("sha256", sha256);
    h.put("idsSha256", idsSha256);
    if (ftm != null) {
      h.put("written", ftm.written());
      ObjectNode omitted = h.putObject("omitted");
      ObjectNode t = omitted.putObject("types");
      new TreeMap<>(ftm.omittedTypes()).forEach(t::put);
      ObjectNode p = omitted.putObject("properties");
      new TreeMap<>(ftm.omittedProperties()).forEach(p::put);
    }
    return h;
  }

  /** The columns of the {@code csv} shape. */
  static final List<String> CSV_COLUMNS = List.of("entity_id", "schema", "statement_id", "property", "value",
      "original", "label", "dataset", "record_id", "method", "grading", "ingested_at", "ingested_by");

  @Override
  public String toString() {
    return "Export[by=" + principal + ", purpose=" + purpose + ", shape=" + options.shape().text() + ", entities="
        + entities + ", statements=" + statements + ", label=" + label.map(Label::toString).orElse("-") + "]";
  }
}
