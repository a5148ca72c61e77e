package org.insight.workspace;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.insight.core.Entity;
import org.insight.core.Schema;
import org.insight.core.Statement;
import org.insight.core.ftm.FtmWriter;
import org.insight.core.json.ModelJson;
import org.insight.policy.Label;

/**
 * What a session exported ({@link Session#export}): the entities it may see, each with only its visible statements,
 * and who took them out, for what, when, under which label. Writers turn it into a file a user can take elsewhere;
 * every shape has a header (a first line, or a sidecar {@code FILE.meta.json}) of {@link #VERSION format 1}
 * (docs/json/export-header.schema.json):
 *
 * <ul>
 *   <li>{@link #writeFtm} — FollowTheMoney JSON lines ({@link FtmWriter}); FtM has no labels, so the sidecar carries
 *       the conjunction of the labels of everything exported, which the receiving system must attach to all of it;</li>
 *   <li>{@link #writeJsonLines} — a header line, then one line per entity with its statements in the model's JSON
 *       form (each with its own label and provenance);</li>
 *   <li>{@link #writeCsv} — one row per statement (entity, schema, property, value, label, provenance), sidecar
 *       header.</li>
 * </ul>
 *
 * <p>{@code toString()} names counts and the label, never a value.
 */
public final class Export {
  /** The version of the header and of the jsonl/csv shapes; a reader refuses a newer one. */
  public static final int VERSION = 1;
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final List<String> CSV_COLUMNS = List.of("entity_id", "schema", "statement_id", "property", "value",
      "original", "label", "dataset", "record_id", "method", "grading", "ingested_at", "ingested_by");

  private final Schema schema;
  private final String principal;
  private final String purpose;
  private final Instant at;
  private final ExportOptions options;
  private final List<Entity> entities;
  private final Optional<Label> label;
  private final long statements;

  Export(Schema schema, String principal, String purpose, Instant at, ExportOptions options, List<Entity> entities) {
    this.schema = schema;
    this.principal = principal;
    this.purpose = purpose;
    this.at = at;
    this.options = options;
    this.entities = List.copyOf(entities);
    Set<Label> labels = new java.util.TreeSet<>(java.util.Comparator.comparing(Label::toString));
    long n = 0;
    for (Entity e : entities) {
      for (Statement s : e.statements()) {
        labels.add(s.label());
        n++;
      }
    }
    Label all = null;
    for (Label l : labels) {
      all = all == null ? l : all.andOrStricter(l);
    }
    this.label = Optional.ofNullable(all);
    this.statements = n;
  }

  /** The exported entities, in id order, each with the statements the session may see. */
  public List<Entity> entities() {
    return entities;
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

  /** How many statements went out. */
  public long statements() {
    return statements;
  }

  /**
   * The header of a file of {@code shape} ({@code ftm}, {@code jsonl} or {@code csv}): format, principal, purpose,
   * time, label, selection, counts; for FtM also what the shape could not hold ({@code ftm} may be null otherwise).
   */
  public ObjectNode header(String shape, FtmWriter.Result ftm) {
    ObjectNode h = JSON.objectNode();
    h.put("format", VERSION);
    h.put("kind", "insight-export");
    h.put("shape", shape);
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
    h.put("entities", entities.size());
    h.put("statements", statements);
    Set<String> datasets = new TreeSet<>();
    entities.forEach(e -> e.statements().forEach(s -> datasets.add(s.provenance().dataset())));
    ArrayNode ds = h.putArray("datasets");
    datasets.forEach(ds::add);
    if (ftm != null) {
      h.put("written", ftm.written());
      ObjectNode omitted = h.putObject("omitted");
      ObjectNode t = omitted.putObject("types");
      new java.util.TreeMap<>(ftm.omittedTypes()).forEach(t::put);
      ObjectNode p = omitted.putObject("properties");
      new java.util.TreeMap<>(ftm.omittedProperties()).forEach(p::put);
    }
    return h;
  }

  /** FollowTheMoney JSON lines; returns what it wrote and left out (for the sidecar {@link #header}). */
  public FtmWriter.Result writeFtm(Writer out) {
    return FtmWriter.of(schema).write(entities, out);
  }

  /** The header line, then one line per entity: {@code {"id", "schema", "statements": [...]}}. */
  public void writeJsonLines(Writer out) {
    try {
      out.write(ModelJson.write(header("jsonl", null)));
      out.write('\n');
      for (Entity e : entities) {
        ObjectNode n = JSON.objectNode();
        n.put("id", e.id().value());
        n.put("schema", e.schema());
        ArrayNode st = n.putArray("statements");
        e.statements().forEach(s -> st.add(ModelJson.statement(s)));
        out.write(ModelJson.write(n));
        out.write('\n');
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the export: " + e.getMessage(), e);
    }
  }

  /** One row per statement (RFC 4180, header row {@link #CSV_COLUMNS}); the header goes in a sidecar. */
  public void writeCsv(Writer out) {
    try {
      out.write(String.join(",", CSV_COLUMNS));
      out.write("\r\n");
      for (Entity e : entities) {
        for (Statement s : e.statements()) {
          List<String> row = List.of(e.id().value(), e.schema(), s.id(), s.property(), s.value(), s.original(),
              s.label().toString(), s.provenance().dataset(), s.provenance().recordId(), s.provenance().method(),
              s.provenance().grading().toString(), s.provenance().ingestedAt().toString(),
              s.provenance().ingestedBy());
          for (int i = 0; i < row.size(); i++) {
            if (i > 0) {
              out.write(',');
            }
            out.write(csv(row.get(i)));
          }
          out.write("\r\n");
        }
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the export: " + e.getMessage(), e);
    }
  }

  private static String csv(String v) {
    if (v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0) {
      return v;
    }
    return '"' + v.replace("\"", "\"\"") + '"';
  }

  @Override
  public String toString() {
    return "Export[by=" + principal + ", purpose=" + purpose + ", entities=" + entities.size() + ", statements="
        + statements + ", label=" + label.map(Label::toString).orElse("-") + "]";
  }

  static Export of(Schema schema, String principal, String purpose, Instant at, ExportOptions options,
      List<Entity> entities) {
    return new Export(Objects.requireNonNull(schema), principal, purpose, at, options, entities);
  }
}
