package org.insight.core.ftm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Collection;
import java.util.HashMap;
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

/**
 * Writes entities as FollowTheMoney JSON lines ({@code {"id", "schema", "properties", "datasets"}} one a line)
 * through the {@link FtmMapping} table — the reverse of {@link FtmReader}, so FtM → workspace → FtM keeps ids,
 * schemata and values:
 *
 * <ul>
 *   <li><b>id</b>: the FtM id the entity was imported under ({@link FtmReader#ftmId}), else its own id;</li>
 *   <li><b>values</b>: an imported value as the FtM file wrote it (the statement's original), any other the cleaned
 *       value; a reference names the FtM id of the entity it points at when that entity is written too (or was
 *       imported), else its id;</li>
 *   <li><b>datasets</b>: the datasets of the statements written.</li>
 * </ul>
 *
 * <p>It writes the statements it is given and nothing else: the caller (a session's export) hands over only what its
 * principal may see. A type with no FtM schema (Phone, Email, Warrant, …) and a property with no FtM property are
 * left out and counted in the {@link Result}. Labels are not part of FtM: an export's sidecar carries them.
 */
public final class FtmWriter {
  private static final ObjectMapper JSON = new ObjectMapper();
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

  /** The FtM id of an entity: the FtM id it was imported under (the least, if several), else its own id. */
  public static String ftmId(Entity e) {
    String best = null;
    for (Statement s : e.statements()) {
      Optional<String> id = FtmReader.ftmId(s.provenance());
      if (id.isPresent() && (best == null || id.get().compareTo(best) < 0)) {
        best = id.get();
      }
    }
    return best != null ? best : e.id().value();
  }

  /** One end of our Call as FtM's number and party: the Phone's number and its owners, when the Phone is written. */
  private static void callSide(Statement end, String party, Map<EntityId, String> ids,
      Map<EntityId, Entity> written, Map<String, Set<String>> properties) {
    Entity phone = written.get(new EntityId(end.value()));
    Set<String> numbers = properties.computeIfAbsent(party + "Number", k -> new TreeSet<>());
    if (FtmReader.ftmId(end.provenance()).isPresent()) {
      numbers.add(end.original());
    } else if (phone != null) {
      phone.statements().stream().filter(p -> p.property().equals("number")).forEach(p -> numbers.add(
          FtmReader.ftmId(p.provenance()).isPresent() ? p.original() : p.value()));
    }
    if (numbers.isEmpty()) {
      properties.remove(party + "Number");
    }
    if (phone != null) {
      for (Statement o : phone.statements()) {
        if (o.property().equals("owner")) {
          properties.computeIfAbsent(party, k -> new TreeSet<>()).add(FtmReader.ftmId(o.provenance()).isPresent()
              ? o.original() : ids.getOrDefault(new EntityId(o.value()), o.value()));
        }
      }
    }
  }

  /** Writes {@code entities}, one line each, in the order given. */
  public Result write(Collection<Entity> entities, Writer out) {
    Map<EntityId, String> ids = new HashMap<>();
    Map<EntityId, Entity> byId = new HashMap<>();
    for (Entity e : entities) {
      ids.put(e.id(), ftmId(e));
      byId.put(e.id(), e);
    }
    Map<String, Long> omittedTypes = new TreeMap<>();
    Map<String, Long> omittedProperties = new TreeMap<>();
    long written = 0;
    try {
      for (Entity e : entities) {
        Optional<ObjectNode> line = entity(e, ids, byId, omittedProperties);
        if (line.isEmpty()) {
          omittedTypes.merge(e.schema(), 1L, Long::sum);
          continue;
        }
        out.write(JSON.writeValueAsString(line.get()));
        out.write('\n');
        written++;
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the FtM export: " + e.getMessage(), e);
    }
    return new Result(written, omittedTypes, omittedProperties);
  }

  /**
   * One entity as an FtM object, empty when its type has no FtM schema.
   *
   * @param ids the FtM ids of the entities written with it, for references
   * @param omitted counts values left out by {@code Type.property}
   */
  public Optional<ObjectNode> entity(Entity e, Map<EntityId, String> ids, Map<String, Long> omitted) {
    return entity(e, ids, Map.of(), omitted);
  }

  /**
   * One entity as an FtM object; {@code written} (the entities written with it, by id) gives a Call the numbers and
   * owners of its Phones.
   */
  public Optional<ObjectNode> entity(Entity e, Map<EntityId, String> ids, Map<EntityId, Entity> written,
      Map<String, Long> omitted) {
    Optional<FtmMapping.SchemaMapping> row = mapping.forType(e.schema());
    if (row.isEmpty()) {
      return Optional.empty();
    }
    EntityType type = schema.type(e.schema());
    Map<String, Set<String>> properties = new TreeMap<>();
    Set<String> datasets = new TreeSet<>();
    boolean call = row.get().ftmSchema().equals("Call");
    for (Statement s : e.statements()) {
      if (call && (s.property().equals("caller") || s.property().equals("callee"))) {
        callSide(s, s.property().equals("caller") ? "caller" : "receiver", ids, written, properties);
        datasets.add(s.provenance().dataset());
        continue;
      }
      Optional<String> ftm = row.get().ftmProperty(s.property());
      if (ftm.isEmpty()) {
        omitted.merge(e.schema() + "." + s.property(), 1L, Long::sum);
        continue;
      }
      boolean imported = FtmReader.ftmId(s.provenance()).isPresent();
      String value;
      if (type.has(s.property()) && type.property(s.property()).type() == PropertyType.ENTITY && !imported) {
        value = ids.getOrDefault(new EntityId(s.value()), s.value());
      } else {
        value = imported ? s.original() : s.value();
      }
      properties.computeIfAbsent(ftm.get(), k -> new TreeSet<>()).add(value);
      datasets.add(s.provenance().dataset());
    }
    ObjectNode n = JSON.createObjectNode();
    n.put("id", ids.getOrDefault(e.id(), ftmId(e)));
    // FtM's Call names each side's number and party; ours links the side's Phone, which holds both
    n.put("schema", row.get().ftmSchema());
    ObjectNode props = n.putObject("properties");
    properties.forEach((k, vs) -> {
      ArrayNode a = props.putArray(k);
      vs.forEach(a::add);
    });
    ArrayNode ds = n.putArray("datasets");
    datasets.forEach(ds::add);
    return Optional.of(n);
  }
}
