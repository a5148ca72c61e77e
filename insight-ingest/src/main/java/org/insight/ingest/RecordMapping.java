package org.insight.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.insight.core.Schema;
import org.insight.ingest.internal.MappingFile;
import org.insight.ingest.internal.MappingValidator;

/**
 * A declarative mapping from the rows of a structured file (CSV, TSV, JSON, JSON-lines) to schema entities and
 * the links between them. Built in code ({@link #builder}), read from a small JSON file ({@link #load}), or one
 * of the built-in mappings ({@link #builtIn}: {@code persons}, {@code cdr}, {@code transfers}, {@code notice}).
 * A mapping is validated against a {@link Schema} when built: every problem (unknown type or property, with the
 * closest name; a link end that is not a mapped entity; a constant the property type refuses) is reported at
 * once in a {@link RecordMappingException}.
 *
 * <pre>{@code
 * RecordMapping cdr = RecordMapping.builder("my-cdr")
 *     .format(RecordFormat.CSV)
 *     .entity("caller", "Phone", e -> e.key("number").property("number", "calling_number"))
 *     .entity("callee", "Phone", e -> e.key("number").property("number", "called_number"))
 *     .link("call", "Call", "caller", "callee", l -> l
 *         .property("startTime", ValueSource.field("start").datetime("dd/MM/yyyy HH:mm:ss"))
 *         .property("duration", "seconds"))
 *     .build();
 * }</pre>
 *
 * <p>Entity ids: an entity with a {@code key} gets an id derived from the dataset, its type and the cleaned values
 * of its key properties, so the same phone number in many rows (and in any order) is one {@code Phone}. Without
 * a key, an entity is one per row (its id derives from the row's record id). Immutable and thread-safe.
 */
public final class RecordMapping {
  private static final List<String> BUILT_IN = List.of("cdr", "notice", "persons", "transfers");
  private static final String BUILT_IN_FOLDER = "org/insight/ingest/mappings/";

  private final String name;
  private final String description;
  private final RecordFormat format;
  private final Character delimiter;
  private final Charset charset;
  private final boolean header;
  private final List<String> columns;
  private final String records;
  private final Map<String, EntitySpec> entities;
  private final Map<String, EntitySpec> links;
  private final Schema schema;
  private final org.insight.core.DateParser dates;

  /**
   * One mapped entity or link: its schema type, how it is identified, where its values come from.
   *
   * @param name the entity's name in the mapping ({@code caller}); links and references use it
   * @param type the schema type ({@code Phone}; for links an edge type such as {@code Call})
   * @param source for links, the name of the entity at the source end; {@code ""} for entities
   * @param target for links, the name of the entity at the target end; {@code ""} for entities
   * @param key properties of this entity whose cleaned values identify it across rows
   * @param keyFields source fields (of the record's root) whose trimmed values identify it across rows, for ids
   *     that are not a property (a person-list row id)
   * @param each a JSON path to an array: one entity per element, its fields read relative to the element;
   *     {@code ""} for one per row
   * @param required when true a row in which this entity (or link) has no value is a row problem; links are
   *     required by default, entities are not
   * @param properties property → the values it takes, in order
   * @param when the rule selecting the rows this entity (or link) is made from; {@link When#ALWAYS} for every row
   */
  public record EntitySpec(String name, String type, String source, String target, List<String> key,
      List<String> keyFields, String each, boolean required, Map<String, List<ValueSource>> properties, When when) {

    /** Copies the collections, keeping property order. */
    public EntitySpec {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(type, "type");
      source = Objects.requireNonNullElse(source, "");
      target = Objects.requireNonNullElse(target, "");
      key = List.copyOf(key);
      keyFields = List.copyOf(keyFields);
      each = Objects.requireNonNullElse(each, "");
      when = Objects.requireNonNullElse(when, When.ALWAYS);
      Map<String, List<ValueSource>> copy = new LinkedHashMap<>();
      properties.forEach((k, v) -> copy.put(k, List.copyOf(v)));
      properties = Collections.unmodifiableMap(copy);
    }

    /** True for a link (it has a source and a target). */
    public boolean isLink() {
      return !source.isEmpty() || !target.isEmpty();
    }

    /** Builds one {@link EntitySpec}; see {@link RecordMapping.Builder#entity}. */
    public static final class Builder {
      private final String name;
      private final String type;
      private final String source;
      private final String target;
      private final List<String> key = new ArrayList<>();
      private final List<String> keyFields = new ArrayList<>();
      private String each = "";
      private Boolean required;
      private When when = When.ALWAYS;
      private final Map<String, List<ValueSource>> properties = new LinkedHashMap<>();

      Builder(String name, String type, String source, String target) {
        this.name = name;
        this.type = type;
        this.source = source;
        this.target = target;
      }

      /** Properties whose cleaned values identify the entity across rows (e.g. {@code number} of a Phone). */
      public Builder key(String... properties) {
        key.addAll(List.of(properties));
        return this;
      }

      /** Source fields whose values identify the entity across rows (e.g. a {@code person_id} column). */
      public Builder keyFields(String... fields) {
        keyFields.addAll(List.of(fields));
        return this;
      }

      /** One entity per element of the JSON array at {@code path} (e.g. {@code arrest_warrants}). */
      public Builder each(String path) {
        this.each = Objects.requireNonNull(path, "path");
        return this;
      }

      /**
       * Makes this entity (or link) only from rows whose {@code field} holds one of {@code values}, e.g.
       * {@code when("schema", "Company", "Organization")}: one file can hold several types, each with its rule. A
       * row that no rule of a mapping matches is reported, not forced into a type.
       */
      public Builder when(String field, String... values) {
        this.when = new When(field, List.of(values));
        return this;
      }

      /** Whether a row without this entity is a problem (default: false for entities, true for links). */
      public Builder required(boolean required) {
        this.required = required;
        return this;
      }

      /** Adds a source of values for a property; call again to add more sources for the same property. */
      public Builder property(String property, ValueSource value) {
        properties.computeIfAbsent(property, k -> new ArrayList<>()).add(Objects.requireNonNull(value, "value"));
        return this;
      }

      /** Shorthand for {@code property(property, ValueSource.field(field))}. */
      public Builder property(String property, String field) {
        return property(property, ValueSource.field(field));
      }

      EntitySpec build() {
        boolean link = !source.isEmpty() || !target.isEmpty();
        return new EntitySpec(name, type, source, target, key, keyFields, each,
            required == null ? link : required, properties, when);
      }
    }
  }

  /**
   * A rule selecting rows by a field: the row's {@code field} (trimmed) equals one of {@code values}.
   *
   * @param field the source field, e.g. {@code schema}; {@code ""} for {@link #ALWAYS}
   * @param values the values selecting the row, compared exactly
   */
  public record When(String field, List<String> values) {
    /** Every row. */
    public static final When ALWAYS = new When("", List.of());

    /** Copies the values. */
    public When {
      Objects.requireNonNull(field, "field");
      values = List.copyOf(values);
    }

    /** True for the rule that selects every row. */
    public boolean always() {
      return field.isEmpty();
    }

    @Override
    public String toString() {
      return always() ? "every row" : field + (values.size() == 1 ? " == \"" + values.get(0) + "\""
          : " in " + values.stream().map(v -> "\"" + v + "\"").toList());
    }
  }

  private RecordMapping(Builder b) {
    this.name = b.name;
    this.description = b.description;
    this.format = b.format;
    this.delimiter = b.delimiter;
    this.charset = b.charset;
    this.header = b.header;
    this.columns = List.copyOf(b.columns);
    this.records = b.records;
    this.entities = Collections.unmodifiableMap(new LinkedHashMap<>(b.entities));
    this.links = Collections.unmodifiableMap(new LinkedHashMap<>(b.links));
    this.schema = b.schema;
    this.dates = b.dates;
  }

  /** A builder for a mapping called {@code name} (used in messages and in provenance methods). */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** The names of the built-in mappings: {@code cdr}, {@code notice}, {@code persons}, {@code transfers}. */
  public static List<String> builtInNames() {
    return BUILT_IN;
  }

  /** A built-in mapping, validated against the default schema. */
  public static RecordMapping builtIn(String name) {
    return builtIn(name, Schema.defaults());
  }

  /**
   * A built-in mapping, validated against {@code schema} (a workspace's extended schema).
   *
   * @throws RecordMappingException if there is no such mapping; the message lists the built-in ones
   */
  public static RecordMapping builtIn(String name, Schema schema) {
    if (!BUILT_IN.contains(name)) {
      throw new RecordMappingException(List.of("no built-in mapping '" + name + "'; "
          + org.insight.Messages.available(name, BUILT_IN) + " (or give a mapping file)"));
    }
    String resource = BUILT_IN_FOLDER + name + ".json";
    try (InputStream in = RecordMapping.class.getResourceAsStream("/" + resource)) {
      if (in == null) {
        throw new IllegalStateException("the built-in mapping resource " + resource + " is missing from the jar");
      }
      return parse(in, name + ".json", schema);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A mapping file (JSON, format in docs/architecture.md), validated against the default schema. */
  public static RecordMapping load(Path file) {
    return load(file, Schema.defaults());
  }

  /** A mapping file, validated against {@code schema}. */
  public static RecordMapping load(Path file, Schema schema) {
    try (InputStream in = Files.newInputStream(file)) {
      return parse(in, file.toString(), schema);
    } catch (NoSuchFileException e) {
      throw new RecordMappingException(List.of("mapping file " + file + " does not exist; give a mapping file or"
          + " one of the built-in mapping names " + BUILT_IN));
    } catch (IOException e) {
      throw new RecordMappingException(List.of("cannot read mapping file " + file + ": " + e.getMessage()));
    }
  }

  /** A mapping from a JSON stream (read, not closed); {@code sourceName} names it in messages. */
  public static RecordMapping parse(InputStream json, String sourceName, Schema schema) {
    return MappingFile.parse(json, sourceName, schema);
  }

  /**
   * What a {@code --mapping} option names: a built-in mapping when {@code nameOrFile} is one of
   * {@link #builtInNames()}, else a mapping file.
   */
  public static RecordMapping resolve(String nameOrFile, Schema schema) {
    if (BUILT_IN.contains(nameOrFile)) {
      return builtIn(nameOrFile, schema);
    }
    Path file = Path.of(nameOrFile);
    if (!Files.exists(file)) {
      throw new RecordMappingException(List.of("'" + nameOrFile + "' is neither a built-in mapping nor a mapping"
          + " file; " + org.insight.Messages.available(nameOrFile, BUILT_IN)));
    }
    return load(file, schema);
  }

  /** The mapping's name. */
  public String name() {
    return name;
  }

  /** What it maps, for people. */
  public String description() {
    return description;
  }

  /** The format it reads, when the mapping names one; otherwise the file's extension decides. */
  public Optional<RecordFormat> format() {
    return Optional.ofNullable(format);
  }

  /** The CSV delimiter, when the mapping sets one (default {@code ,} for CSV, tab for TSV). */
  public Optional<Character> delimiter() {
    return Optional.ofNullable(delimiter);
  }

  /** The text encoding of CSV/TSV/JSON-lines files (default UTF-8; a byte-order mark overrides it). */
  public Charset charset() {
    return charset;
  }

  /** Whether CSV/TSV files start with a header row (default true). */
  public boolean header() {
    return header;
  }

  /** Column names for CSV/TSV files without a header (empty: columns are named {@code 1}, {@code 2}, …). */
  public List<String> columns() {
    return columns;
  }

  /**
   * For JSON documents, the dotted path of the record array inside the top-level object (e.g.
   * {@code _embedded.notices}); {@code ""} when the document is the array. A top-level object without that path
   * is read as one record.
   */
  public String records() {
    return records;
  }

  /** The mapped entities by name, in mapping order. */
  public Map<String, EntitySpec> entities() {
    return entities;
  }

  /** The mapped links by name, in mapping order. */
  public Map<String, EntitySpec> links() {
    return links;
  }

  /** How the source writes dates (day/month order, two-digit years); day-first without a pivot by default. */
  public org.insight.core.DateParser dates() {
    return dates;
  }

  /** The schema the mapping was validated against; the entities it produces follow it. */
  public Schema schema() {
    return schema;
  }

  @Override
  public String toString() {
    return "RecordMapping[" + name + ": " + entities.keySet() + ", links " + links.keySet() + "]";
  }

  /** Builds a {@link RecordMapping}; {@link #build()} validates it against the schema. */
  public static final class Builder {
    private final String name;
    private String description = "";
    private RecordFormat format;
    private Character delimiter;
    private Charset charset = StandardCharsets.UTF_8;
    private boolean header = true;
    private final List<String> columns = new ArrayList<>();
    private String records = "";
    private final Map<String, EntitySpec> entities = new LinkedHashMap<>();
    private final Map<String, EntitySpec> links = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();
    private Schema schema = Schema.defaults();
    private org.insight.core.DateParser dates = org.insight.core.DateParser.defaults();

    private Builder(String name) {
      if (name == null || name.isBlank()) {
        throw new RecordMappingException(List.of("the mapping has no name; give it one (used in provenance)"));
      }
      this.name = name.trim();
    }

    /** What the mapping maps, for people. */
    public Builder description(String description) {
      this.description = Objects.requireNonNullElse(description, "");
      return this;
    }

    /** The format of the files it reads (otherwise the file extension decides). */
    public Builder format(RecordFormat format) {
      this.format = format;
      return this;
    }

    /** The CSV delimiter (e.g. {@code ';'}). */
    public Builder delimiter(char delimiter) {
      this.delimiter = delimiter;
      return this;
    }

    /** The text encoding of CSV/TSV/JSON-lines files (default UTF-8). */
    public Builder charset(Charset charset) {
      this.charset = Objects.requireNonNull(charset, "charset");
      return this;
    }

    /** Whether CSV/TSV files start with a header row (default true). */
    public Builder header(boolean header) {
      this.header = header;
      return this;
    }

    /** Column names for CSV/TSV files without a header. */
    public Builder columns(String... names) {
      columns.addAll(List.of(names));
      return this;
    }

    /** The dotted path of the record array in a JSON document, e.g. {@code _embedded.notices}. */
    public Builder records(String path) {
      this.records = Objects.requireNonNullElse(path, "").trim();
      return this;
    }

    /**
     * How the source writes dates: {@code DateParser.builder().order(MDY).pivot(1930).build()} for a US export
     * with two-digit years. Day-first without a pivot by default.
     */
    public Builder dates(org.insight.core.DateParser parser) {
      this.dates = Objects.requireNonNull(parser, "parser");
      return this;
    }

    /** The schema to validate against and build with (default {@link Schema#defaults()}). */
    public Builder schema(Schema schema) {
      this.schema = Objects.requireNonNull(schema, "schema");
      return this;
    }

    /** Maps an entity called {@code name} of schema type {@code type}. */
    public Builder entity(String name, String type, Consumer<EntitySpec.Builder> spec) {
      EntitySpec.Builder b = new EntitySpec.Builder(name, type, "", "");
      spec.accept(b);
      put(entities, "entity", b.build());
      return this;
    }

    /** Maps a link of edge type {@code type} from entity {@code source} to entity {@code target}. */
    public Builder link(String name, String type, String source, String target, Consumer<EntitySpec.Builder> spec) {
      EntitySpec.Builder b = new EntitySpec.Builder(name, type, Objects.requireNonNull(source, "source"),
          Objects.requireNonNull(target, "target"));
      spec.accept(b);
      put(links, "link", b.build());
      return this;
    }

    private void put(Map<String, EntitySpec> into, String what, EntitySpec spec) {
      if (entities.containsKey(spec.name()) || links.containsKey(spec.name())) {
        problems.add(what + " '" + spec.name() + "' is defined twice; give each entity and link its own name");
        return;
      }
      into.put(spec.name(), spec);
    }

    /**
     * The mapping, validated against the schema.
     *
     * @throws RecordMappingException listing every problem found
     */
    public RecordMapping build() {
      List<String> all = new ArrayList<>(problems);
      all.addAll(MappingValidator.validate(schema, format, delimiter, records, entities, links));
      if (!all.isEmpty()) {
        throw new RecordMappingException(all.stream().map(p -> "mapping '" + name + "': " + p).toList());
      }
      return new RecordMapping(this);
    }
  }
}
