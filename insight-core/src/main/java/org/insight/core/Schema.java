package org.insight.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.insight.Messages;
import org.insight.core.internal.SchemaLoader;

/**
 * The entity types and their properties, loaded from data (JSON schema files), not compiled into classes.
 *
 * <p>{@link #defaults()} is the SDK's own schema, the resource {@code org/insight/core/schema.json}: abstract
 * {@code Thing} (root of node types) and {@code Interval} (root of link types), {@code LegalEntity},
 * {@code Person}, {@code Organization}, {@code Vehicle}, {@code IdentityDocument}, {@code Phone},
 * {@code Email}, {@code Address}, {@code BankAccount}, {@code CryptoWallet}, {@code Location}, {@code Event},
 * {@code Document}, {@code Warrant}, and the link types {@code Associate}, {@code Family}, {@code Ownership}, {@code Call},
 * {@code Transfer}, {@code TravelledWith}, {@code SameAs}, {@code CoLocated}.
 *
 * <p>A deployment {@linkplain #extend(InputStream) extends} it with its own file: new types, and new
 * properties on existing types (inherited by their subtypes). An extension cannot change an existing
 * property's type, scheme or range, nor an existing type's parents, abstractness or edge. Every file is
 * validated when loaded — parents exist, no inheritance cycles, property types and identifier schemes
 * are known, ranges name types, edge ends are entity references — and each failure is a
 * {@link SchemaException} naming the file, type and property.
 *
 * <p>Immutable and thread-safe; {@code extend} returns a new schema.
 */
public final class Schema {
  /** The classpath resource of the default schema. */
  public static final String DEFAULT_RESOURCE = "org/insight/core/schema.json";

  private final List<SchemaLoader.Source> sources;
  private final String version;
  private final Map<String, EntityType> types;

  private Schema(List<SchemaLoader.Source> sources) {
    this.sources = List.copyOf(sources);
    SchemaLoader.Resolved r = SchemaLoader.resolve(this.sources);
    this.version = r.version();
    this.types = java.util.Collections.unmodifiableMap(r.types());
  }

  // lazily loaded once: the holder idiom makes it thread-safe without locking
  private static final class Defaults {
    static final Schema INSTANCE = loadDefaults();

    private static Schema loadDefaults() {
      try (InputStream in = Schema.class.getResourceAsStream("/" + DEFAULT_RESOURCE)) {
        if (in == null) {
          throw new SchemaException("the default schema resource " + DEFAULT_RESOURCE + " is missing from the"
              + " class path; the insight-core jar is damaged or repackaged without its resources");
        }
        return new Schema(List.of(SchemaLoader.parse(in, DEFAULT_RESOURCE)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * The SDK's default schema (loaded once).
   *
   * @return the default schema
   */
  public static Schema defaults() {
    return Defaults.INSTANCE;
  }

  /**
   * Loads a schema from files given in order: the first is the base (it must have a {@code version}), the
   * others extend it. The streams are read but not closed.
   *
   * @param jsons schema files
   * @return the schema
   * @throws SchemaException if a file is malformed or the files are inconsistent
   */
  public static Schema load(InputStream... jsons) {
    if (jsons.length == 0) {
      throw new SchemaException("no schema file given; pass at least a base schema (or use Schema.defaults())");
    }
    List<SchemaLoader.Source> sources = new ArrayList<>();
    for (int i = 0; i < jsons.length; i++) {
      sources.add(SchemaLoader.parse(jsons[i], "input #" + (i + 1)));
    }
    return new Schema(sources);
  }

  /**
   * This schema extended by one more file. The stream is read but not closed.
   *
   * @param json an extension file: new types and/or new properties on existing types
   * @return a new schema; this one is unchanged
   * @throws SchemaException if the file is malformed or conflicts with this schema
   */
  public Schema extend(InputStream json) {
    return extend(SchemaLoader.parse(json, "extension #" + sources.size()));
  }

  /**
   * This schema extended by one more file, named by its path in messages.
   *
   * @param file an extension file
   * @return a new schema; this one is unchanged
   * @throws SchemaException if the file cannot be read, is malformed or conflicts with this schema
   */
  public Schema extend(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return extend(SchemaLoader.parse(in, file.toString()));
    } catch (IOException e) {
      throw new SchemaException("cannot read schema file " + file + ": " + e + "; check the path", e);
    }
  }

  private Schema extend(SchemaLoader.Source source) {
    List<SchemaLoader.Source> all = new ArrayList<>(sources);
    all.add(source);
    return new Schema(all);
  }

  /**
   * The version: the base file's {@code version}, then {@code +name@version} for each extension (e.g.
   * {@code 1.0.0+police-fr@2}). Persisted with data so a reader knows which schema wrote it.
   *
   * @return the version string
   */
  public String version() {
    return version;
  }

  /**
   * An entity type by name (exact, case-sensitive).
   *
   * @param name e.g. {@code Person}
   * @return the type
   * @throws SchemaException if there is no such type; the message lists the available ones
   */
  public EntityType type(String name) {
    EntityType t = types.get(name);
    if (t == null) {
      throw new SchemaException("unknown entity type '" + name + "' in schema " + version + "; "
          + Messages.available(name, types.keySet()));
    }
    return t;
  }

  /**
   * An entity type by name, if there is one.
   *
   * @param name e.g. {@code Person}
   * @return the type, or empty
   */
  public Optional<EntityType> find(String name) {
    return Optional.ofNullable(types.get(Objects.requireNonNull(name, "name")));
  }

  /**
   * All entity types, in definition order (base file first).
   *
   * @return an unmodifiable collection
   */
  public Collection<EntityType> types() {
    return types.values();
  }

  @Override
  public String toString() {
    return "Schema[" + version + ", " + types.size() + " types]";
  }
}
