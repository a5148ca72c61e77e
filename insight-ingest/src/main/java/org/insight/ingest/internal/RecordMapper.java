package org.insight.ingest.internal;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.insight.core.ContentHash;
import org.insight.core.Dataset;
import org.insight.core.Entity;
import org.insight.core.EntityBuilder;
import org.insight.core.EntityId;
import org.insight.core.EntityType;
import org.insight.core.InvalidDataException;
import org.insight.core.Schema;
import org.insight.ingest.MappedRecord;
import org.insight.ingest.RecordMapping;
import org.insight.ingest.RecordMapping.EntitySpec;
import org.insight.ingest.RowProblem;
import org.insight.ingest.ValueSource;

/**
 * Applies a {@link RecordMapping} to one record: evaluates every value, gives each entity its id (from its key, or
 * from the record), builds entities and links with {@link EntityBuilder}, and turns every refused value into a
 * {@link RowProblem}. Values, not rows: a refused value is reported with its column and left out, the entity keeps
 * the rest; an entity with no value left is not built (nor the links to it). A row whose structure is wrong (a
 * required entity missing, no rule of a typed mapping matching it) produces nothing. Not API.
 */
public final class RecordMapper {
  private final RecordMapping mapping;
  private final Dataset dataset;
  private final Schema schema;
  private final String method;
  private final ContentHash evidence;
  private final Map<ValueSource, Transforms> transforms = new IdentityHashMap<>();
  // equal values share one instance, so a row compares them by identity (a lookup list is large to hash)
  private final Map<ValueSource, ValueSource> canonical = new IdentityHashMap<>();

  /**
   * @param method the provenance method, e.g. {@code record:csv:cdr}
   * @param evidence the SHA-256 of the file's bytes, or null
   */
  public RecordMapper(RecordMapping mapping, Dataset dataset, String method, ContentHash evidence) {
    this.mapping = mapping;
    this.dataset = dataset;
    this.schema = mapping.schema();
    this.method = method;
    this.evidence = evidence;
    Map<ValueSource, ValueSource> firstEqual = new java.util.HashMap<>();
    for (EntitySpec s : specs()) {
      s.properties().values().forEach(vs -> vs.forEach(v -> {
        transforms.put(v, new Transforms(v));
        canonical.put(v, firstEqual.computeIfAbsent(v, k -> v));
      }));
    }
  }

  private List<EntitySpec> specs() {
    List<EntitySpec> all = new ArrayList<>(mapping.entities().values());
    all.addAll(mapping.links().values());
    return all;
  }

  private static final class Instance {
    final EntitySpec spec;
    final int index;
    final RecordView view;
    final Map<String, List<String>> values = new LinkedHashMap<>();
    EntityId id;
    EntityId source;
    EntityId target;

    Instance(EntitySpec spec, int index, RecordView view) {
      this.spec = spec;
      this.index = index;
      this.view = view;
    }

    boolean empty() {
      return values.values().stream().allMatch(List::isEmpty);
    }
  }

  /** Maps one record; {@code recordId} is its provenance record ({@code file:line} or {@code file#/pointer}). */
  public MappedRecord map(RecordView root, String file, long line, String recordId) {
    List<String> problems = new ArrayList<>();
    List<RowProblem> leftOut = new ArrayList<>();
    String unmatched = Conditions.unmatched(mapping, root);
    if (unmatched != null) {
      return new MappedRecord(file, line, recordId, List.of(), List.of(), List.of(new RowProblem(file, line, unmatched)));
    }
    Map<String, List<Instance>> nodes = new LinkedHashMap<>();
    for (EntitySpec spec : mapping.entities().values()) {
      if (!Conditions.applies(spec, root)) {
        continue;
      }
      List<Instance> found = new ArrayList<>();
      for (Instance in : instances(spec, root, problems, leftOut, file, line)) {
        if (in.empty()) {
          continue;
        }
        in.id = id(in, root, recordId, "");
        found.add(in);
      }
      if (found.isEmpty() && spec.required()) {
        problems.add(spec.name() + " (" + spec.type() + "): no value in this row (" + sources(spec)
            + " empty or missing); the mapping requires it");
      }
      nodes.put(spec.name(), found);
    }
    List<Instance> links = new ArrayList<>();
    for (EntitySpec spec : mapping.links().values()) {
      if (!Conditions.applies(spec, root)) {
        continue;
      }
      List<Instance> sources = nodes.getOrDefault(spec.source(), List.of());
      List<Instance> targets = nodes.getOrDefault(spec.target(), List.of());
      if (sources.isEmpty() || targets.isEmpty()) {
        if (spec.required()) {
          String missing = sources.isEmpty() ? spec.source() : spec.target();
          problems.add(spec.name() + " (" + spec.type() + "): its " + (sources.isEmpty() ? "source" : "target")
              + " '" + missing + "' has no value in this row (" + sources(mapping.entities().get(missing))
              + " empty or missing), so the link cannot be made");
        }
        continue;
      }
      for (Instance in : instances(spec, root, problems, leftOut, file, line)) {
        for (Instance s : sources) {
          for (Instance t : targets) {
            Instance link = new Instance(spec, in.index, in.view);
            link.values.putAll(in.values);
            link.source = s.id;
            link.target = t.id;
            boolean many = sources.size() * targets.size() > 1;
            link.id = id(link, root, recordId, many ? "/" + s.id + ">" + t.id : "");
            links.add(link);
          }
        }
      }
    }
    List<Entity> builtNodes = new ArrayList<>();
    java.util.Set<EntityId> built = new java.util.HashSet<>();
    for (List<Instance> list : nodes.values()) {
      for (Instance in : list) {
        Entity e = build(in, nodes, recordId, file, line, problems, leftOut);
        if (e != null) {
          builtNodes.add(e);
          built.add(e.id());
        } else if (in.spec.required()) {
          problems.add(in.spec.name() + " (" + in.spec.type() + "): no usable value in this row; the mapping requires it");
        }
      }
    }
    List<Entity> builtLinks = new ArrayList<>();
    for (Instance in : links) {
      if (!built.contains(in.source) || !built.contains(in.target)) {
        // an end had no usable value: the values left out are reported; a required link is the row's problem
        if (in.spec.required()) {
          problems.add(in.spec.name() + " (" + in.spec.type() + "): its " + (built.contains(in.source) ? "target"
              : "source") + " has no usable value in this row, so the link cannot be made");
        }
        continue;
      }
      Entity e = build(in, nodes, recordId, file, line, problems, leftOut);
      if (e != null) {
        builtLinks.add(e);
      }
    }
    if (problems.isEmpty() && builtNodes.isEmpty() && builtLinks.isEmpty()) {
      problems.add(leftOut.isEmpty() ? "no mapped field has a value in this row" : "no usable value in this row");
    }
    List<RowProblem> all = new ArrayList<>(leftOut);
    problems.forEach(p -> all.add(new RowProblem(file, line, p)));
    if (!problems.isEmpty()) {
      return new MappedRecord(file, line, recordId, List.of(), List.of(), all);
    }
    return new MappedRecord(file, line, recordId, builtNodes, builtLinks, all);
  }

  private static String sources(EntitySpec spec) {
    List<String> out = new ArrayList<>();
    spec.properties().values().forEach(vs -> vs.forEach(v -> {
      if (!v.fields().isEmpty()) {
        out.add(v.describe());
      }
    }));
    return out.isEmpty() ? "its values" : String.join(", ", out);
  }

  private List<Instance> instances(EntitySpec spec, RecordView root, List<String> problems, List<RowProblem> leftOut,
      String file, long line) {
    List<RecordView> views;
    try {
      views = spec.each().isEmpty() ? List.of(root) : root.elements(spec.each());
    } catch (RecordView.FieldException e) {
      problems.add(spec.name() + ": " + e.getMessage());
      return List.of();
    }
    List<Instance> out = new ArrayList<>();
    for (int i = 0; i < views.size(); i++) {
      Instance in = new Instance(spec, spec.each().isEmpty() ? -1 : i, views.get(i));
      // one source read the same way for two properties (startTime and startDate) is evaluated, and reported, once
      Map<ValueSource, List<String>> done = new IdentityHashMap<>();
      for (Map.Entry<String, List<ValueSource>> p : spec.properties().entrySet()) {
        for (ValueSource v : p.getValue()) {
          if (v.entity() != null) {
            continue;   // references are resolved once every entity has its id
          }
          ValueSource same = canonical.get(v);
          List<String> values = done.get(same);
          if (values == null && !done.containsKey(same)) {
            try {
              values = evaluate(v, in.view);
            } catch (RecordView.FieldException e) {
              // a value the transform cannot read (a date-time that is not one): left out, the rest of the row stays
              leftOut.add(new RowProblem(file, line, spec.name() + "." + p.getKey() + " (" + v.describe() + "): "
                  + e.getMessage(), column(v, in.view), raw(v, in.view)));
            }
            done.put(same, values);
          }
          if (values != null) {
            in.values.computeIfAbsent(p.getKey(), k -> new ArrayList<>()).addAll(values);
          }
        }
      }
      out.add(in);
    }
    return out;
  }

  /**
   * The source field(s) of a refused value of {@code property}: found again only when a value is refused, so rows
   * that load cost nothing more.
   */
  private String columnOf(Instance in, String property, String value) {
    for (ValueSource v : in.spec.properties().getOrDefault(property, List.of())) {
      if (v.entity() != null || v.constant() != null) {
        continue;
      }
      try {
        if (evaluate(v, in.view).contains(value)) {
          return column(v, in.view);
        }
      } catch (RecordView.FieldException e) {
        // this source could not be read: not the one that gave the value
      }
    }
    return property;
  }

  /** The field(s) a value came from: the one that had a value for a first-of source, else all of them. */
  private static String column(ValueSource v, RecordView view) {
    if (v.firstOf()) {
      for (String f : v.fields()) {
        try {
          if (view.values(f).stream().anyMatch(x -> !x.isBlank())) {
            return f;
          }
        } catch (RecordView.FieldException e) {
          // not a value: try the next field
        }
      }
    }
    return String.join("+", v.fields());
  }

  /** The source text of {@code v}'s fields, for a report. */
  private static String raw(ValueSource v, RecordView view) {
    List<String> out = new ArrayList<>();
    for (String f : v.firstOf() ? List.of(column(v, view)) : v.fields()) {
      try {
        out.addAll(view.values(f));
      } catch (RecordView.FieldException e) {
        out.add("(not a value)");
      }
    }
    return String.join(" ", out);
  }

  private List<String> evaluate(ValueSource v, RecordView view) {
    List<String> raw;
    if (v.constant() != null) {
      raw = List.of(v.constant());
    } else if (v.fields().size() == 1) {
      raw = view.values(v.fields().get(0));
    } else if (v.firstOf()) {
      raw = List.of();
      for (String f : v.fields()) {
        List<String> values = view.values(f);
        if (values.stream().anyMatch(x -> !x.isBlank())) {
          raw = values;
          break;
        }
      }
    } else {
      List<String> parts = new ArrayList<>();
      for (String f : v.fields()) {
        view.values(f).stream().filter(s -> !s.isBlank()).findFirst().ifPresent(s -> parts.add(s.strip()));
      }
      raw = parts.isEmpty() ? List.of() : List.of(String.join(v.join(), parts));
    }
    return transforms.get(v).apply(raw);
  }

  /**
   * The entity's id: from its key (type + cleaned key values + key fields) so the same key gives the same id in
   * any row, else from the record (one entity per row).
   */
  private EntityId id(Instance in, RecordView root, String recordId, String suffix) {
    EntitySpec spec = in.spec;
    EntityType type = schema.type(spec.type());
    List<String> parts = new ArrayList<>();
    for (String k : spec.key()) {
      TreeSet<String> cleaned = new TreeSet<>();
      for (String v : in.values.getOrDefault(k, List.of())) {
        try {
          cleaned.add(type.property(k).clean(v));
        } catch (InvalidDataException e) {
          // the builder reports the bad value; it cannot identify anything
        }
      }
      if (!cleaned.isEmpty()) {
        parts.add(k + "=" + String.join(",", cleaned));
      }
    }
    for (String f : spec.keyFields()) {
      TreeSet<String> values = new TreeSet<>();
      try {
        root.values(f).stream().map(String::strip).filter(s -> !s.isEmpty()).forEach(values::add);
      } catch (RecordView.FieldException e) {
        // an object where a key value was expected: fall back to the record below
      }
      if (!values.isEmpty()) {
        parts.add(f + "=" + String.join(",", values));
      }
    }
    String index = in.index >= 0 ? "[" + in.index + "]" : "";
    String key;
    if (parts.isEmpty()) {
      key = recordId + "/" + spec.name() + index + suffix;
    } else {
      // elements of an array identified only by their record's key are told apart by position
      key = spec.type() + ":" + String.join(";", parts) + (spec.key().isEmpty() ? index : "") + suffix;
    }
    return EntityId.fromSource(dataset.name(), key);
  }

  /** The entity of {@code in}, its refused values reported in {@code leftOut}; null when no value is left. */
  private Entity build(Instance in, Map<String, List<Instance>> nodes, String recordId, String file, long line,
      List<String> problems, List<RowProblem> leftOut) {
    EntitySpec spec = in.spec;
    EntityBuilder b = dataset.entity(schema, spec.type(), recordId).id(in.id).method(method).keepValid()
        .dates(mapping.dates());
    if (evidence != null) {
      b.contentHash(evidence);
    }
    if (spec.isLink()) {
      EntityType.Edge edge = schema.type(spec.type()).edge().orElseThrow();
      b.add(edge.source(), in.source.value());
      b.add(edge.target(), in.target.value());
    }
    int[] seen = {0};
    in.values.forEach((p, vs) -> vs.forEach(v -> {
      b.add(p, v);
      List<InvalidDataException.Problem> now = b.problems();
      if (now.size() > seen[0]) {
        for (InvalidDataException.Problem x : now.subList(seen[0], now.size())) {
          leftOut.add(new RowProblem(file, line, spec.name() + " (" + x.where() + "): " + x.message(),
              columnOf(in, p, v), v));
        }
        seen[0] = now.size();
      }
    }));
    for (Map.Entry<String, List<ValueSource>> p : spec.properties().entrySet()) {
      for (ValueSource v : p.getValue()) {
        if (v.entity() != null) {
          for (Instance ref : nodes.getOrDefault(v.entity(), List.of())) {
            b.add(p.getKey(), ref.id.value());
          }
        }
      }
    }
    try {
      return b.build();
    } catch (InvalidDataException e) {
      if (b.problems().isEmpty()) {
        for (InvalidDataException.Problem p : e.problems()) {
          problems.add(spec.name() + " (" + p.where() + "): " + p.message());
        }
      }
      return null; // every value was refused: each is reported above
    }
  }
}
