package org.insight.core.ftm;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.insight.Messages;
import org.insight.core.ContentHash;
import org.insight.core.Dataset;
import org.insight.core.Entity;
import org.insight.core.EntityId;
import org.insight.core.EntityType;
import org.insight.core.InvalidDataException;
import org.insight.core.PropertyDef;
import org.insight.core.PropertyType;
import org.insight.core.Provenance;
import org.insight.core.Schema;
import org.insight.core.Statement;

/**
 * Reads FollowTheMoney entities — JSON lines ({@code {"id", "schema", "properties": {prop: [values]}}} one a line,
 * as Aleph, OpenSanctions and yente exchange them), one JSON array of them, or FtM statement CSV (a header with
 * {@code entity_id}, {@code schema}, {@code prop}, {@code value}; the rows of one entity together) — into entities of a
 * {@link Dataset},
 * through the {@link FtmMapping} table, streaming (memory is bounded by the largest entity).
 *
 * <ul>
 *   <li><b>Ids</b>: the FtM id is the entity's source id, {@code EntityId.fromSource(dataset, ftmId)}, so a
 *       re-import (or another line of the same entity) is the same entity; an FtM reference (Ownership.owner …)
 *       becomes the id of the entity it names the same way, its FtM id kept as the statement's original value.</li>
 *   <li><b>Provenance</b> of every statement: the dataset's label and grading, method {@value #METHOD}, record
 *       {@code file:line#ftmId} ({@link #ftmId(Provenance)} reads the FtM id back), the file's content hash.</li>
 *   <li><b>Bad input</b> is reported, one {@link FtmProblem} each (file:line, FtM id, what and why), and the rest
 *       loads: a line that is not JSON, an entity with no id or schema, a schema the table does not hold (the
 *       entity is not loaded: it is never forced into another type), a property the table does not hold, a value
 *       that is not a string or that its property's type refuses (left out; the entity keeps its other values).</li>
 * </ul>
 *
 * <p>Top-level {@code datasets} (the lists that name the entity) and {@code referents} (the ids of the source entities
 * merged into it) are read into each {@link Read} (a value that is not a string is reported); they are not values of
 * the entity — every value gets the dataset this reader was built with, and this SDK makes no same-as judgement from
 * referents — but they stay in the provenance: every statement names its record ({@code file:line#ftmId}) and the
 * file's bytes, which hold them. Other top-level fields ({@code first_seen}, {@code target}, …) are not read.
 */
public final class FtmReader {
  /** The provenance method of every statement an FtM import writes. */
  public static final String METHOD = "record:ftm";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int LISTED = 1_000;

  private final Dataset dataset;
  private final Schema schema;
  private final FtmMapping mapping;

  private FtmReader(Builder b) {
    this.dataset = b.dataset;
    this.schema = b.schema;
    this.mapping = b.mapping;
  }

  /** The dataset every entity this reader reads belongs to. */
  public Dataset dataset() {
    return dataset;
  }

  /** A reader whose entities belong to {@code dataset} (its label, grading and name on every statement). */
  public static Builder builder(Dataset dataset) {
    return new Builder(dataset);
  }

  /** How a reader is set up. */
  public static final class Builder {
    private final Dataset dataset;
    private Schema schema;
    private FtmMapping mapping;

    private Builder(Dataset dataset) {
      this.dataset = Objects.requireNonNull(dataset, "dataset");
    }

    /** The schema the entities are checked against (a workspace's, when it extends the defaults). */
    public Builder schema(Schema s) {
      org.insight.BuilderGuard.requireUnset(schema, "schema");
      this.schema = Objects.requireNonNull(s, "schema");
      return this;
    }

    /** The mapping table; {@link FtmMapping#defaults()} unless given. */
    public Builder mapping(FtmMapping m) {
      org.insight.BuilderGuard.requireUnset(mapping, "mapping");
      this.mapping = Objects.requireNonNull(m, "mapping");
      return this;
    }

    public FtmReader build() {
      if (schema == null) {
        schema = Schema.defaults();
      }
      if (mapping == null) {
        mapping = FtmMapping.defaults();
      }
      return new FtmReader(this);
    }
  }

  /**
   * One FtM entity as read: its entity (empty when nothing of it could be loaded) and what was left out of it.
   *
   * @param source the file name
   * @param line the line the entity starts on
   * @param ftmId its FtM id ({@code ""} when it has none)
   * @param ftmSchema its FtM schema ({@code ""} when it has none)
   * @param entity what loads
   * @param problems what did not, one each
   * @param derived entities made from it besides its own: a Call's Phones (see docs/ftm.md)
   * @param datasets the entity's top-level FtM {@code datasets} (the lists that name it), as the file gives them
   * @param referents the entity's top-level FtM {@code referents} (the ids of the source entities merged into it)
   */
  public record Read(String source, long line, String ftmId, String ftmSchema, Optional<Entity> entity,
      List<FtmProblem> problems, List<Entity> derived, List<String> datasets, List<String> referents) {
    public Read {
      problems = List.copyOf(problems);
      derived = List.copyOf(derived);
      datasets = List.copyOf(datasets);
      referents = List.copyOf(referents);
    }

    /** A read without top-level datasets or referents. */
    public Read(String source, long line, String ftmId, String ftmSchema, Optional<Entity> entity,
        List<FtmProblem> problems, List<Entity> derived) {
      this(source, line, ftmId, ftmSchema, entity, problems, derived, List.of(), List.of());
    }

    /** A read that made no other entity. */
    public Read(String source, long line, String ftmId, String ftmSchema, Optional<Entity> entity,
        List<FtmProblem> problems) {
      this(source, line, ftmId, ftmSchema, entity, problems, List.of());
    }

    /** The entity and the entities derived from it (the Phones of a Call), to write together. */
    public List<Entity> all() {
      List<Entity> out = new ArrayList<>(derived.size() + 1);
      entity.ifPresent(out::add);
      out.addAll(derived);
      return out;
    }

    @Override
    public String toString() {
      return "Read[" + source + ":" + line + ", ftmId=" + ftmId + ", ftmSchema=" + ftmSchema + ", entity="
          + entity.map(e -> e.id().value()).orElse("-") + ", derived=" + derived.size() + ", problems="
          + problems.size() + "]";
    }
  }

  /**
   * What a file gave.
   *
   * @param source the file name
   * @param entities FtM entities read (lines or array elements that are JSON objects)
   * @param loaded entities with something to load
   * @param problemCount every problem
   * @param problems the first 1,000 problems (all are in each {@link Read})
   * @param complete false when reading stopped early (a JSON array cut short or broken); the reason is the last
   *     problem
   */
  public record Summary(String source, long entities, long loaded, long problemCount, List<FtmProblem> problems,
      boolean complete) {
    public Summary {
      problems = List.copyOf(problems);
    }
  }

  /**
   * Reads {@code in} (UTF-8; a JSON array when its first non-blank character is {@code [}, FtM statement CSV when its
   * first line is a header naming {@code entity_id}, {@code schema}, {@code prop} and {@code value}, JSON lines
   * otherwise),
   * handing each entity to {@code sink} as it is read.
   *
   * @param source the file name recorded in provenance and problems
   * @param hash the content hash of the bytes (the evidence they are kept as), or null
   * @throws UncheckedIOException when the stream cannot be read
   */
  public Summary read(InputStream in, String source, ContentHash hash, Consumer<Read> sink) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(sink, "sink");
    Counter counter = new Counter(source, sink);
    try {
      BufferedInputStream buffered = new BufferedInputStream(in);
      if (firstNonBlank(buffered) == '[') {
        readArray(buffered, source, hash, counter);
      } else if (FtmStatementCsv.isHeader(firstLine(buffered))) {
        FtmStatementCsv.read(buffered, source, (node, line) -> entity(node, source, line, hash, counter),
            (line, message) -> counter.bad(line, message));
      } else {
        readLines(buffered, source, hash, counter);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + source + ": " + e.getMessage(), e);
    }
    return new Summary(source, counter.entities, counter.loaded, counter.problemCount, counter.listed,
        counter.complete);
  }

  /** Reads all of {@code in} into a list; for small files and tests. */
  public List<Read> readAll(InputStream in, String source) {
    List<Read> out = new ArrayList<>();
    read(in, source, null, out::add);
    return out;
  }

  private static String firstLine(BufferedInputStream in) throws IOException {
    in.mark(1 << 16);
    byte[] head = in.readNBytes((1 << 16) - 1);
    in.reset();
    String text = new String(head, StandardCharsets.UTF_8);
    int end = text.indexOf('\n');
    return end < 0 ? text : text.substring(0, end);
  }

  private static int firstNonBlank(BufferedInputStream in) throws IOException {
    in.mark(1 << 16);
    int c;
    int n = 0;
    do {
      c = in.read();
      n++;
    } while (c != -1 && (Character.isWhitespace(c) || c == 0xEF || c == 0xBB || c == 0xBF) && n < (1 << 16) - 1);
    in.reset();
    return c;
  }

  private final class Counter implements Consumer<Read> {
    final String source;
    final Consumer<Read> sink;
    long entities;
    long loaded;
    long problemCount;
    final List<FtmProblem> listed = new ArrayList<>();
    boolean complete = true;

    Counter(String source, Consumer<Read> sink) {
      this.source = source;
      this.sink = sink;
    }

    @Override
    public void accept(Read r) {
      entities++;
      if (r.entity().isPresent()) {
        loaded++;
      }
      problems(r.problems());
      sink.accept(r);
    }

    void problems(List<FtmProblem> ps) {
      for (FtmProblem p : ps) {
        problemCount++;
        if (listed.size() < LISTED) {
          listed.add(p);
        }
      }
    }

    /** A line that is not an entity at all: reported as a read with nothing loaded. */
    void bad(long line, String message) {
      Read r = new Read(source, line, "", "", Optional.empty(), List.of(new FtmProblem(source, line, "", message)));
      problems(r.problems());
      sink.accept(r);
    }
  }

  private void readLines(InputStream in, String source, ContentHash hash, Counter counter) throws IOException {
    BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    long n = 0;
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      n++;
      if (n == 1 && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      if (line.isBlank()) {
        continue;
      }
      JsonNode node;
      try {
        node = JSON.readTree(line);
      } catch (JsonProcessingException e) {
        counter.bad(n, "not a JSON object (" + e.getOriginalMessage() + "); line left out");
        continue;
      }
      entity(node, source, n, hash, counter);
    }
  }

  private void readArray(InputStream in, String source, ContentHash hash, Counter counter) throws IOException {
    try (JsonParser p = JSON.getFactory().createParser(in)) {
      p.nextToken(); // [
      for (JsonToken t = p.nextToken(); t != null && t != JsonToken.END_ARRAY; t = p.nextToken()) {
        long line = p.currentTokenLocation().getLineNr();
        JsonNode node = p.readValueAsTree();
        entity(node, source, line, hash, counter);
      }
    } catch (JsonProcessingException e) {
      counter.bad(e.getLocation() == null ? 0 : e.getLocation().getLineNr(), "the JSON array is broken or cut short ("
          + e.getOriginalMessage() + "); reading stopped here, the entities before it are loaded");
      counter.complete = false;
    }
  }

  private void entity(JsonNode node, String source, long line, ContentHash hash, Counter counter) {
    if (!node.isObject()) {
      counter.bad(line, "not a JSON object but " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
          + "; an FtM entity is {\"id\", \"schema\", \"properties\"}");
      return;
    }
    counter.accept(read(node, source, line, hash));
  }

  /** One entity object. */
  private Read read(JsonNode node, String source, long line, ContentHash hash) {
    String ftmId = text(node.get("id"));
    String ftmSchema = text(node.get("schema"));
    List<FtmProblem> problems = new ArrayList<>();
    if (ftmId.isBlank()) {
      problems.add(new FtmProblem(source, line, "", "the entity has no id; FtM entities need one (it is kept as the"
          + " source id, so a re-import updates the same entity); entity left out"));
      return new Read(source, line, "", ftmSchema, Optional.empty(), problems);
    }
    if (ftmSchema.isBlank()) {
      problems.add(new FtmProblem(source, line, ftmId, "the entity has no schema; entity left out"));
      return new Read(source, line, ftmId, "", Optional.empty(), problems);
    }
    Optional<FtmMapping.SchemaMapping> row = mapping.forFtm(ftmSchema);
    Optional<EntityType> type = row.flatMap(r -> schema.find(r.type()));
    if (type.isEmpty()) {
      problems.add(new FtmProblem(source, line, ftmId, "schema " + Messages.quote(ftmSchema) + " is not held by this"
          + " SDK and is never forced into another type; entity left out (docs/ftm.md lists the schemata held)"));
      return new Read(source, line, ftmId, ftmSchema, Optional.empty(), problems);
    }
    EntityId id = EntityId.fromSource(dataset.name(), ftmId);
    Provenance provenance = Provenance.of(dataset.name(), recordId(source, line, ftmId), METHOD, dataset.grading());
    if (hash != null) {
      provenance = provenance.withContentHash(hash);
    }
    JsonNode properties = node.get("properties");
    Map<String, Statement> statements = new LinkedHashMap<>();
    if (properties != null && !properties.isObject()) {
      problems.add(new FtmProblem(source, line, ftmId, "\"properties\" is not an object of property → [values]"));
    } else if (properties != null) {
      for (Map.Entry<String, JsonNode> p : properties.properties()) {
        if (row.get().ftmSchema().equals("Call") && CALL_SIDES.containsKey(p.getKey())) {
          continue; // read below, side by side
        }
        property(row.get(), type.get(), p.getKey(), p.getValue(), id, provenance, statements, problems, source, line,
            ftmId);
      }
    }
    List<Entity> derived = new ArrayList<>();
    if (row.get().ftmSchema().equals("Call") && properties != null && properties.isObject()) {
      for (String side : List.of("callerNumber", "receiverNumber")) { // caller first: derived() is in this order
        callSide(properties, side, CALL_SIDES.get(side), type.get(), id, provenance, statements, derived, problems,
            source, line, ftmId);
      }
    }
    if (statements.isEmpty()) {
      problems.add(new FtmProblem(source, line, ftmId, ftmSchema + " has no value this SDK holds; entity left out"));
      return new Read(source, line, ftmId, ftmSchema, Optional.empty(), problems);
    }
    List<String> datasets = strings(node.get("datasets"), "datasets (top-level)", problems, source, line, ftmId);
    List<String> referents = strings(node.get("referents"), "referents (top-level)", problems, source, line, ftmId);
    return new Read(source, line, ftmId, ftmSchema,
        Optional.of(Entity.of(id, List.copyOf(statements.values()), schema)), problems, derived, datasets, referents);
  }

  /**
   * FtM Call's number → party, and our Call's end: each number is a Phone (keyed by its number, as call records key
   * them), owned by the side's party, and is the Call's caller or callee.
   */
  private static final Map<String, String> CALL_SIDES = Map.of("callerNumber", "caller", "receiverNumber", "callee",
      "caller", "caller", "receiver", "callee");

  private void callSide(JsonNode properties, String numberProperty, String end, EntityType call, EntityId id,
      Provenance provenance, Map<String, Statement> statements, List<Entity> derived, List<FtmProblem> problems,
      String source, long line, String ftmId) {
    String partyProperty = numberProperty.equals("callerNumber") ? "caller" : "receiver";
    List<String> numbers = strings(properties.get(numberProperty), "Call." + numberProperty, problems, source, line,
        ftmId);
    List<String> parties = strings(properties.get(partyProperty), "Call." + partyProperty, problems, source, line,
        ftmId);
    if (numbers.isEmpty() && !parties.isEmpty()) {
      problems.add(new FtmProblem(source, line, ftmId, "property Call." + partyProperty + " names a party but there is"
          + " no " + numberProperty + ": our Call links phones (docs/ftm.md); the party is left out"));
      return;
    }
    Optional<EntityType> phone = schema.find("Phone");
    if (numbers.isEmpty() || phone.isEmpty()) {
      return;
    }
    for (String raw : numbers) {
      String number;
      try {
        number = phone.get().property("number").clean(raw);
      } catch (InvalidDataException e) {
        problems.add(new FtmProblem(source, line, ftmId, "property Call." + numberProperty + ": value refused ("
            + e.problems().get(0).message() + "); value left out"));
        continue;
      }
      EntityId phoneId = EntityId.fromSource(dataset.name(), "Phone:number=" + number);
      List<Statement> ps = new ArrayList<>();
      ps.add(Statement.of(phoneId, "Phone", "number", number, raw, dataset.label(), provenance));
      for (String party : parties) {
        ps.add(Statement.of(phoneId, "Phone", "owner", EntityId.fromSource(dataset.name(), party).value(), party,
            dataset.label(), provenance));
      }
      derived.add(Entity.of(phoneId, ps, schema));
      statements.putIfAbsent(end + '\u0000' + phoneId.value(), Statement.of(id, call.name(), end, phoneId.value(),
          raw, dataset.label(), provenance));
    }
  }

  private static List<String> strings(JsonNode values, String where, List<FtmProblem> problems, String source,
      long line, String ftmId) {
    List<String> out = new ArrayList<>();
    if (values == null) {
      return out;
    }
    List<JsonNode> items = new ArrayList<>();
    if (values.isArray()) {
      values.forEach(items::add);
    } else {
      items.add(values);
    }
    for (JsonNode v : items) {
      if (!v.isTextual()) {
        problems.add(new FtmProblem(source, line, ftmId, "property " + where + " holds a "
            + v.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + "; FtM values are strings; value left out"));
      } else if (!v.asText().isBlank()) {
        out.add(v.asText().trim());
      }
    }
    return out;
  }

  private void property(FtmMapping.SchemaMapping row, EntityType type, String ftmProperty, JsonNode values,
      EntityId id, Provenance provenance, Map<String, Statement> out, List<FtmProblem> problems, String source,
      long line, String ftmId) {
    String where = row.ftmSchema() + "." + ftmProperty;
    Optional<String> ours = row.property(ftmProperty);
    List<JsonNode> items = new ArrayList<>();
    if (values.isArray()) {
      values.forEach(items::add);
    } else {
      items.add(values); // a bare string is read as one value; anything else is reported below
    }
    if (ours.isEmpty() || !type.has(ours.get())) {
      problems.add(new FtmProblem(source, line, ftmId, "property " + where + " is not held by this SDK; "
          + items.size() + " value(s) left out, the rest of the entity kept"));
      return;
    }
    PropertyDef def = type.property(ours.get());
    for (JsonNode v : items) {
      if (!v.isTextual()) {
        problems.add(new FtmProblem(source, line, ftmId, "property " + where + " holds a "
            + v.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + "; FtM values are strings; value left out"));
        continue;
      }
      String raw = v.asText();
      if (raw.isBlank()) {
        continue;
      }
      String clean;
      try {
        clean = def.type() == PropertyType.ENTITY ? EntityId.fromSource(dataset.name(), raw.trim()).value()
            : def.clean(raw);
      } catch (InvalidDataException e) {
        problems.add(new FtmProblem(source, line, ftmId, "property " + where + ": value refused ("
            + e.problems().get(0).message() + "); value left out"));
        continue;
      }
      String key = def.name() + '\u0000' + clean;
      out.putIfAbsent(key, Statement.of(id, type.name(), def.name(), clean, raw, dataset.label(), provenance));
    }
  }

  private static String text(JsonNode n) {
    return n != null && n.isTextual() ? n.asText().trim() : "";
  }

  /** The provenance record of an FtM entity: {@code file:line#ftmId}, '#' in the file name written {@code %23}. */
  static String recordId(String source, long line, String ftmId) {
    return source.replace("%", "%25").replace("#", "%23") + ":" + line + "#" + ftmId;
  }

  /** The FtM id a statement was imported under, when its provenance is an FtM import's. */
  public static Optional<String> ftmId(Provenance p) {
    if (!METHOD.equals(p.method())) {
      return Optional.empty();
    }
    int hash = p.recordId().indexOf('#');
    return hash < 0 ? Optional.empty() : Optional.of(p.recordId().substring(hash + 1));
  }
}
