package org.insight.core.ftm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.insight.core.Entity;
import org.insight.core.EntityId;
import org.insight.core.EntityType;
import org.insight.core.PropertyType;
import org.insight.core.Schema;
import org.insight.core.Statement;
import org.insight.policy.Label;

/**
 * Writes entities as FollowTheMoney — JSON lines ({@code {"id", "schema", "properties", "datasets"}} one a line,
 * {@link #jsonLines}) or FtM statement CSV (one row per value, {@link #statements}) — through the {@link FtmMapping}
 * table, the reverse of {@link FtmReader}, so FtM → workspace → FtM keeps ids, schemata and values. It needs no
 * workspace: give it entities (each with the statements to write) and a {@link Lookup} for the entities they refer to.
 *
 * <ul>
 *   <li><b>id</b>: the FtM id the entity was imported under ({@link FtmReader#ftmId}), else its own id;</li>
 *   <li><b>values</b>: an imported value as the FtM file wrote it (the statement's original), any other the cleaned
 *       value; a reference names the FtM id of the entity it points at when that entity is written too (the
 *       {@link Lookup} says so) or the reference was imported, else its id;</li>
 *   <li><b>datasets</b>: the datasets of the statements written.</li>
 * </ul>
 *
 * <p>It writes the statements it is given and nothing else: the caller (a session's export) hands over only what its
 * principal may see. A type with no FtM schema (Phone, Email, Warrant, …) and a property with no FtM property are
 * left out and counted in the {@link Result}. Labels are not part of FtM JSON: an export's sidecar carries their
 * conjunction; the statement CSV carries each row's label in an extra {@code label} column ({@link #STATEMENT_COLUMNS}).
 */
public final class FtmWriter {
  /**
   * The statement CSV columns: FtM's statement columns ({@code id} = SHA-1 of {@code dataset.entity_id.prop.value},
   * as FtM keys statements), then {@code label}, each row's label (canonical text), which FtM tools ignore.
   */
  public static final List<String> STATEMENT_COLUMNS = List.of("id", "entity_id", "canonical_id", "prop",
      "prop_type", "schema", "value", "dataset", "lang", "original_value", "first_seen", "last_seen", "label");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter SEEN = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", java.util.Locale.ROOT)
      .withZone(ZoneOffset.UTC);
  private final Schema schema;
  private final FtmMapping mapping;

  private FtmWriter(Schema schema, FtmMapping mapping) {
    this.schema = Objects.requireNonNull(schema, "schema");
    this.mapping = Objects.requireNonNull(mapping, "mapping");
  }

  /** A writer through the published table, for entities of {@code schema}. */
  public static FtmWriter of(Schema schema) {
    return new FtmWriter(schema, FtmMapping.defaults());
  }

  /** A writer through another table. */
  public static FtmWriter of(Schema schema, FtmMapping mapping) {
    return new FtmWriter(schema, mapping);
  }

  /**
   * The entities written in the same file, by id: a reference to one names its FtM id, and a Call takes its Phones'
   * numbers and owners from them. Answer only for entities that are written (with the statements written).
   */
  @FunctionalInterface
  public interface Lookup {
    /** The entity {@code id} as it is written in the same file, or empty when it is not written. */
    Optional<Entity> written(EntityId id);

    /** Nothing else is written: references keep their own value. */
    static Lookup none() {
      return id -> Optional.empty();
    }

    /** The given entities. */
    static Lookup of(Collection<Entity> entities) {
      Map<EntityId, Entity> byId = new HashMap<>();
      entities.forEach(e -> byId.put(e.id(), e));
      return id -> Optional.ofNullable(byId.get(id));
    }
  }

  /**
   * What a write wrote and left out.
   *
   * @param written entities written
   * @param omittedTypes entities left out, by type (no FtM schema)
   * @param omittedProperties values left out, by {@code Type.property} (no FtM property)
   */
  public record Result(long written, Map<String, Long> omittedTypes, Map<String, Long> omittedProperties) {
    public Result {
      omittedTypes = Map.copyOf(omittedTypes);
      omittedProperties = Map.copyOf(omittedProperties);
    }
  }

  /**
   * A file being written, one entity at a time (constant memory: nothing is kept but counts). {@link #finish} flushes
   * and says what was written; it does not close the writer.
   */
  public interface Sink {
    /** Writes one entity (or counts it as left out). */
    void write(Entity e);

    /** Flushes; what was written and left out. */
    Result finish();
  }

  /** The FtM id of an entity: the FtM id it was imported under (the least, if several), else its own id. */
  public static String ftmId(Entity e) {
    return idSource(e).flatMap(s -> FtmReader.ftmId(s.provenance())).orElse(e.id().value());
  }

  /** The statement whose provenance gives the entity's FtM id (the least), if it was imported from FtM. */
  private static Optional<Statement> idSource(Entity e) {
    Statement best = null;
    String bestId = null;
    for (Statement s : e.statements()) {
      Optional<String> id = FtmReader.ftmId(s.provenance());
      if (id.isPresent() && (bestId == null || id.get().compareTo(bestId) < 0)) {
        best = s;
        bestId = id.get();
      }
    }
    return Optional.ofNullable(best);
  }

  /** The label a value derived from {@code e}'s FtM id must carry besides its own (the id's statement's). */
  private static Label withId(Label own, Entity e) {
    return withId(own, idSource(e));
  }

  private static Label withId(Label own, Optional<Statement> source) {
    return source.isEmpty() || source.get().label().equals(own) ? own : own.andOrStricter(source.get().label());
  }

  /** One FtM value of an entity, with what it was derived from. */
  private record Value(String prop, String value, String original, String dataset, Label label, Instant seen) {}

  /** Writes {@code entities} as FtM JSON lines, one line each, in the order given. */
  public Result write(Collection<Entity> entities, Writer out) {
    Sink sink = jsonLines(out, Lookup.of(entities));
    entities.forEach(sink::write);
    return sink.finish();
  }

  /** Writes {@code entities} as FtM statement CSV (with its header row), in the order given. */
  public Result writeStatements(Collection<Entity> entities, Writer out) {
    Sink sink = statements(out, Lookup.of(entities));
    entities.forEach(sink::write);
    return sink.finish();
  }

  /** FtM JSON lines to {@code out}, one line per entity written. */
  public Sink jsonLines(Writer out, Lookup lookup) {
    return new Base(lookup) {
      @Override
      void entity(Entity e, String id, String ftmSchema, List<Value> values) throws IOException {
        out.write(JSON.writeValueAsString(json(id, ftmSchema, values)));
        out.write('\n');
      }

      @Override
      void flush() throws IOException {
        out.flush();
      }
    };
  }

  /**
   * FtM statement CSV to {@code out} (RFC 4180, CRLF): the header row {@link #STATEMENT_COLUMNS}, then per entity its
   * {@code id} row (FtM's row saying the entity exists, labelled with the conjunction of the entity's rows) and one row
   * per value, each with its own label.
   */
  public Sink statements(Writer out, Lookup lookup) {
    try {
      out.write(String.join(",", STATEMENT_COLUMNS));
      out.write("\r\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the FtM statements: " + e.getMessage(), e);
    }
    return new Base(lookup) {
      /** The last time formatted: an entity's values, and often a whole import's, share one. */
      private Instant seen;
      private String seenText;

      private final Map<Label, String> labels = new HashMap<>();

      private String label(Label l) {
        if (labels.size() > 1_000) {
          labels.clear(); // few distinct labels in practice; bounded whatever the data
        }
        return labels.computeIfAbsent(l, Label::toString);
      }

      private String seen(Instant at) {
        if (!at.equals(seen)) {
          seen = at;
          seenText = SEEN.format(at);
        }
        return seenText;
      }

      @Override
      void entity(Entity e, String id, String ftmSchema, List<Value> values) throws IOException {
        Set<String> keys = new HashSet<>();
        Label all = null;
        Instant first = null;
        Instant last = null;
        String dataset = null;
        for (Value v : values) {
          all = all == null ? v.label() : all.equals(v.label()) ? all : all.andOrStricter(v.label());
          first = first == null || v.seen().isBefore(first) ? v.seen() : first;
          last = last == null || v.seen().isAfter(last) ? v.seen() : last;
          dataset = dataset == null || v.dataset().compareTo(dataset) < 0 ? v.dataset() : dataset;
        }
        row(out, keys, id, "id", "id", ftmSchema, id, dataset, "", seen(first), seen(last), label(all));
        for (Value v : values) {
          String at = seen(v.seen());
          row(out, keys, id, v.prop(), propType(ftmSchema, v.prop(), e.schema()), ftmSchema, v.value(), v.dataset(),
              v.original(), at, at, label(v.label()));
        }
      }

      @Override
      void flush() throws IOException {
        out.flush();
      }
    };
  }

  /** FtM's statement key: SHA-1 of {@code dataset.entity_id.prop.value}. */
  public static String statementId(String dataset, String entityId, String prop, String value) {
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      return HexFormat.of().formatHex(sha1.digest((dataset + "." + entityId + "." + prop + "." + value)
          .getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-1", e);
    }
  }

  private static void row(Writer out, Set<String> keys, String entityId, String prop, String propType,
      String ftmSchema, String value, String dataset, String original, String first, String last, String label)
      throws IOException {
    String id = statementId(dataset, entityId, prop, value);
    if (!keys.add(id)) {
      return; // the same value from the same dataset twice (two statements of ours): FtM holds it once
    }
    List<String> cells = List.of(id, entityId, entityId, prop, propType, ftmSchema, value, dataset, "", original,
        first, last, label);
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(csv(cells.get(i)));
    }
    out.write("\r\n");
  }

  /** FtM's type name for a property: ours where the names agree, {@code string} otherwise. */
  private String propType(String ftmSchema, String ftmProp, String type) {
    if (ftmSchema.equals("Call") && ftmProp.endsWith("Number")) {
      return "phone";
    }
    if (ftmSchema.equals("Call")) {
      return "entity";
    }
    Optional<String> ours = mapping.forFtm(ftmSchema).flatMap(r -> r.property(ftmProp));
    EntityType t = schema.type(type);
    if (ours.isEmpty() || !t.has(ours.get())) {
      return "string";
    }
    PropertyType p = t.property(ours.get()).type();
    return p == PropertyType.GEO_POINT ? "string" : p.id();
  }

  static String csv(String v) {
    if (v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0) {
      return v;
    }
    return '"' + v.replace("\"", "\"\"") + '"';
  }

  private static ObjectNode json(String id, String ftmSchema, List<Value> values) {
    Map<String, Set<String>> properties = new TreeMap<>();
    Set<String> datasets = new TreeSet<>();
    for (Value v : values) {
      properties.computeIfAbsent(v.prop(), k -> new TreeSet<>()).add(v.value());
      datasets.add(v.dataset());
    }
    ObjectNode n = JSON.createObjectNode();
    n.put("id", id);
    n.put("schema", ftmSchema);
    ObjectNode props = n.putObject("properties");
    properties.forEach((k, vs) -> {
      ArrayNode a = props.putArray(k);
      vs.forEach(a::add);
    });
    ArrayNode ds = n.putArray("datasets");
    datasets.forEach(ds::add);
    return n;
  }

  /** The counting and mapping both shapes share. */
  private abstract class Base implements Sink {
    private final Lookup lookup;
    private final Map<String, Long> omittedTypes = new TreeMap<>();
    private final Map<String, Long> omittedProperties = new TreeMap<>();
    private long written;

    Base(Lookup lookup) {
      this.lookup = Objects.requireNonNull(lookup, "lookup");
    }

    abstract void entity(Entity e, String id, String ftmSchema, List<Value> values) throws IOException;

    abstract void flush() throws IOException;

    @Override
    public void write(Entity e) {
      Optional<FtmMapping.SchemaMapping> row = mapping.forType(e.schema());
      if (row.isEmpty()) {
        omittedTypes.merge(e.schema(), 1L, Long::sum);
        return;
      }
      try {
        entity(e, ftmId(e), row.get().ftmSchema(), values(e, row.get(), lookup, omittedProperties));
      } catch (IOException x) {
        throw new UncheckedIOException("cannot write the FtM export: " + x.getMessage(), x);
      }
      written++;
    }

    @Override
    public Result finish() {
      try {
        flush();
      } catch (IOException x) {
        throw new UncheckedIOException("cannot write the FtM export: " + x.getMessage(), x);
      }
      return new Result(written, omittedTypes, omittedProperties);
    }
  }

  /**
   * One entity as an FtM object, empty when its type has no FtM schema.
   *
   * @param lookup the entities written with it, for references and a Call's Phones
   * @param omitted counts values left out by {@code Type.property}
   */
  public Optional<ObjectNode> entity(Entity e, Lookup lookup, Map<String, Long> omitted) {
    return mapping.forType(e.schema()).map(row -> json(ftmId(e), row.ftmSchema(), values(e, row, lookup, omitted)));
  }

  /** The FtM values of an entity, each with its dataset and the label of everything it was derived from. */
  private List<Value> values(Entity e, FtmMapping.SchemaMapping row, Lookup lookup, Map<String, Long> omitted) {
    EntityType type = schema.type(e.schema());
    List<Value> out = new ArrayList<>();
    boolean call = row.ftmSchema().equals("Call");
    Optional<Statement> idSource = idSource(e);
    for (Statement s : e.statements()) {
      Label label = withId(s.label(), idSource);
      if (call && (s.property().equals("caller") || s.property().equals("callee"))) {
        callSide(s, s.property().equals("caller") ? "caller" : "receiver", label, lookup, out);
        continue;
      }
      Optional<String> ftm = row.ftmProperty(s.property());
      if (ftm.isEmpty()) {
        omitted.merge(e.schema() + "." + s.property(), 1L, Long::sum);
        continue;
      }
      boolean imported = FtmReader.ftmId(s.provenance()).isPresent();
      String value;
      if (type.has(s.property()) && type.property(s.property()).type() == PropertyType.ENTITY && !imported) {
        Optional<Entity> target = lookup.written(new EntityId(s.value()));
        value = target.map(FtmWriter::ftmId).orElse(s.value());
        if (target.isPresent()) {
          label = withId(label, target.get());
        }
      } else {
        value = imported ? s.original() : s.value();
      }
      out.add(new Value(ftm.get(), value, imported || s.original().equals(value) ? "" : s.original(),
          s.provenance().dataset(), label, s.provenance().ingestedAt()));
    }
    return out;
  }

  /**
   * One end of our Call as FtM's number and party: an imported number as the file wrote it, else the Phone's number
   * and its owners, when the Phone is written; each carries the label of the Call's end and of what it was read from.
   */
  private static void callSide(Statement end, String party, Label label, Lookup lookup, List<Value> out) {
    Optional<Entity> phone = lookup.written(new EntityId(end.value()));
    String dataset = end.provenance().dataset();
    Instant seen = end.provenance().ingestedAt();
    if (FtmReader.ftmId(end.provenance()).isPresent()) {
      out.add(new Value(party + "Number", end.original(), "", dataset, label, seen));
    } else if (phone.isPresent()) {
      for (Statement p : phone.get().statements()) {
        if (p.property().equals("number")) {
          out.add(new Value(party + "Number", FtmReader.ftmId(p.provenance()).isPresent() ? p.original() : p.value(),
              "", dataset, label.andOrStricter(p.label()), seen));
        }
      }
    }
    if (phone.isEmpty()) {
      return;
    }
    for (Statement o : phone.get().statements()) {
      if (!o.property().equals("owner")) {
        continue;
      }
      Label l = label.andOrStricter(o.label());
      String value;
      if (FtmReader.ftmId(o.provenance()).isPresent()) {
        value = o.original();
      } else {
        Optional<Entity> owner = lookup.written(new EntityId(o.value()));
        value = owner.map(FtmWriter::ftmId).orElse(o.value());
        if (owner.isPresent()) {
          l = withId(l, owner.get());
        }
      }
      out.add(new Value(party, value, "", dataset, l, seen));
    }
  }
}
