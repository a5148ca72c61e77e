package org.insight.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.insight.core.Entity;
import org.insight.core.EntityId;
import org.insight.core.EntityType;
import org.insight.core.Link;
import org.insight.core.Mention;
import org.insight.core.PropertyDef;
import org.insight.core.PropertyType;
import org.insight.core.Schema;
import org.insight.core.Statement;
import org.insight.policy.Label;

/**
 * The network builder as it was before the columnar rework (graph4), kept as the reference the rework must equal:
 * same nodes, edges, order, evidence, labels and notes ({@link NetworkBuilderProperties}). Not for production use.
 *
 * <ul>
 *   <li>Entities of a node type are nodes; entities of an edge type ({@code Associate}, {@code Call}, ...) are
 *       {@link EdgeKind#LINK} edges when both ends are nodes; {@code SameAs} links are {@link EdgeKind#SAME_AS}
 *       (an analyst's judgement only when its verdict is {@code same}); screening flags and match events are
 *       neither.
 *   <li>An entity-reference property of a node (a phone's owner) is a {@link EdgeKind#REFERENCE} edge.
 *   <li>Two nodes holding the same phone, e-mail, address or identifier value are joined by a
 *       {@link EdgeKind#SHARED_IDENTIFIER} edge per value; two nodes mentioned in one document by a
 *       {@link EdgeKind#CO_MENTION} edge counting the documents. A value held by (or a document mentioning) more
 *       than {@link #maxGroup} nodes joins none of them, and a note says so.
 *   <li>With {@link #collapseSameAs}, nodes joined by same-as links become one node named by its smallest id.
 * </ul>
 */
final class ReferenceNetworkBuilder {
  /** Property types whose equal values make a shared identifier. */
  private static final Set<PropertyType> SELECTORS = Set.of(PropertyType.PHONE, PropertyType.EMAIL,
      PropertyType.IDENTIFIER, PropertyType.ADDRESS);
  /** Identifier properties that do not identify who holds them. */
  private static final Set<String> NOT_IDENTIFYING = Set.of("currency", "contentHash", "cellId");
  private static final Set<String> NEITHER = Set.of("Flag", "MatchEvent");
  private static final String SAME_AS = "SameAs";

  private final Schema schema;
  private final Map<EntityId, Entity> nodes = new HashMap<>();
  private final List<Entity> links = new ArrayList<>();
  private final List<Mention> mentions = new ArrayList<>();
  private final List<CoLocated> coLocations = new ArrayList<>();
  private int maxGroup = 100;
  private boolean collapse;

  ReferenceNetworkBuilder(Schema schema) {
    this.schema = Objects.requireNonNull(schema, "schema");
  }

  /** Shared values and documents joining more nodes than this join none (default 100): a hub, not a clue. */
  public ReferenceNetworkBuilder maxGroup(int max) {
    if (max < 2) {
      throw new IllegalArgumentException("maxGroup needs at least 2 (a pair), got " + max);
    }
    this.maxGroup = max;
    return this;
  }

  /** Collapse nodes joined by same-as links into one node (default false: same-as links are edges). */
  public ReferenceNetworkBuilder collapseSameAs(boolean collapse) {
    this.collapse = collapse;
    return this;
  }

  /** Adds an entity: a node, or a link when its type is an edge type. */
  public ReferenceNetworkBuilder add(Entity entity) {
    Objects.requireNonNull(entity, "entity");
    EntityType type = schema.type(entity.schema());
    if (NEITHER.contains(type.name())) {
      return this;
    }
    if (type.isEdge()) {
      links.add(entity);
    } else {
      Entity prior = nodes.putIfAbsent(entity.id(), entity);
      if (prior != null) {
        List<Statement> merged = new ArrayList<>(prior.statements());
        merged.addAll(entity.statements());
        nodes.put(entity.id(), Entity.of(entity.id(), merged, schema));
      }
    }
    return this;
  }

  /** Adds entities; see {@link #add(Entity)}. */
  public ReferenceNetworkBuilder addAll(Iterable<Entity> entities) {
    entities.forEach(this::add);
    return this;
  }

  /** Adds a mention: it counts for co-mention when it names an entity that is a node. */
  public ReferenceNetworkBuilder add(Mention mention) {
    Objects.requireNonNull(mention, "mention");
    if (mention.entityId().isPresent()) {
      mentions.add(mention);
    }
    return this;
  }

  /** Adds mentions; see {@link #add(Mention)}. */
  public ReferenceNetworkBuilder addMentions(Iterable<Mention> all) {
    all.forEach(this::add);
    return this;
  }

  /**
   * Two entities seen close in space and time ({@link EdgeKind#CO_LOCATION}): at these encounter times (ISO 8601),
   * shown by these statements (the sightings' points, times and participants), whose labels the edge carries. An end
   * that is not a node joins nothing.
   */
  public ReferenceNetworkBuilder addCoLocation(EntityId a, EntityId b, List<String> times, Collection<Statement> evidence) {
    coLocations.add(new CoLocated(Objects.requireNonNull(a, "a"), Objects.requireNonNull(b, "b"), List.copyOf(times),
        List.copyOf(evidence)));
    return this;
  }

  private record CoLocated(EntityId a, EntityId b, List<String> times, List<Statement> evidence) {}

  public Network build() {
    List<Link> typed = new ArrayList<>();
    for (Entity e : links) {
      Link.of(e, schema).filter(this::counts).ifPresent(typed::add);
    }
    Map<EntityId, EntityId> rep = representatives(typed);
    List<String> notes = new ArrayList<>();
    Map<Key, Acc> acc = new HashMap<>();
    for (Link l : typed) {
      EntityId s = rep.get(l.source());
      EntityId t = rep.get(l.target());
      if (s == null || t == null || s.equals(t)) {
        continue; // an end that is not a node, or a link inside a collapsed cluster
      }
      boolean sameAs = l.type().equals(SAME_AS);
      Acc a = edge(acc, s, t, sameAs ? EdgeKind.SAME_AS : EdgeKind.LINK, l.type(), "", !sameAs);
      a.count++;
      a.amount += number(l.entity(), "amount");
      a.duration += number(l.entity(), "duration");
      for (String d : List.of("startDate", "date", "endDate")) {
        l.entity().values(d).forEach(a::date);
      }
      l.entity().statements().forEach(a::statement);
    }
    Map<String, Map<EntityId, List<Statement>>> shared = new TreeMap<>();
    for (Entity e : nodes.values()) {
      EntityType type = schema.type(e.schema());
      EntityId self = rep.get(e.id());
      for (Statement st : e.statements()) {
        if (!type.has(st.property())) {
          continue;
        }
        PropertyDef def = type.property(st.property());
        if (def.type() == PropertyType.ENTITY) {
          EntityId target = rep.get(org.insight.core.EntityId.of(st.value()));
          if (target != null && !target.equals(self)) {
            Acc a = edge(acc, self, target, EdgeKind.REFERENCE, st.property(), "", true);
            a.count++;
            a.statement(st);
          }
        } else if (SELECTORS.contains(def.type()) && !NOT_IDENTIFYING.contains(st.property())) {
          shared.computeIfAbsent(def.type().id() + "\u0000" + st.value(), k -> new TreeMap<>())
              .computeIfAbsent(self, k -> new ArrayList<>()).add(st);
        }
      }
    }
    shared.forEach((key, holders) -> {
      if (holders.size() < 2) {
        return;
      }
      String kind = key.substring(0, key.indexOf('\u0000'));
      if (holders.size() > maxGroup) {
        notes.add(String.format(Locale.ROOT, "a shared %s held by %d entities joins none of them (more than"
            + " maxGroup %d)", kind, holders.size(), maxGroup));
        return;
      }
      String value = key.substring(key.indexOf('\u0000') + 1);
      List<EntityId> ends = new ArrayList<>(holders.keySet());
      for (int i = 0; i < ends.size(); i++) {
        for (int j = i + 1; j < ends.size(); j++) {
          Acc a = edge(acc, ends.get(i), ends.get(j), EdgeKind.SHARED_IDENTIFIER, kind, value, false);
          a.count++;
          holders.get(ends.get(i)).forEach(a::statement);
          holders.get(ends.get(j)).forEach(a::statement);
        }
      }
    });
    Map<String, Map<EntityId, List<Label>>> byDocument = new TreeMap<>();
    for (Mention m : mentions) {
      EntityId node = rep.get(m.entityId().get());
      if (node != null) {
        byDocument.computeIfAbsent(m.documentId(), k -> new TreeMap<>()).computeIfAbsent(node, k -> new ArrayList<>())
            .add(m.label());
      }
    }
    byDocument.forEach((doc, named) -> {
      if (named.size() > maxGroup) {
        notes.add(String.format(Locale.ROOT, "a document mentioning %d entities joins none of them (more than"
            + " maxGroup %d)", named.size(), maxGroup));
        return;
      }
      List<EntityId> ends = new ArrayList<>(named.keySet());
      for (int i = 0; i < ends.size(); i++) {
        for (int j = i + 1; j < ends.size(); j++) {
          Acc a = edge(acc, ends.get(i), ends.get(j), EdgeKind.CO_MENTION, "mention", "", false);
          a.count++;
          a.documents.add(doc);
          a.labels.addAll(named.get(ends.get(i)));
          a.labels.addAll(named.get(ends.get(j)));
        }
      }
    });
    for (CoLocated c : coLocations) {
      EntityId s = rep.get(c.a());
      EntityId t = rep.get(c.b());
      if (s == null || t == null || s.equals(t)) {
        continue;
      }
      Acc a = edge(acc, s, t, EdgeKind.CO_LOCATION, "co-location", "", false);
      a.count += c.times().size();
      c.times().forEach(a::date);
      c.evidence().forEach(a::statement);
    }
    List<GraphEdge> edges = new ArrayList<>(acc.size());
    Map<Set<Label>, Label> folds = new HashMap<>();
    acc.forEach((k, a) -> edges.add(new GraphEdge(k.source, k.target, k.kind, k.type, k.value, k.directed, a.count,
        a.amount, a.duration, Optional.ofNullable(a.start), Optional.ofNullable(a.end), a.statements(),
        new ArrayList<>(a.documents), fold(folds, a.labels))));
    return new Network(nodeList(rep, folds), edges, notes);
  }

  /** Whether a link counts: screening flags never, an analyst's same-as judgement only when it says "same". */
  private boolean counts(Link l) {
    if (!l.type().equals(SAME_AS)) {
      return true;
    }
    Optional<String> verdict = l.entity().first("judgement");
    return verdict.isEmpty() || verdict.get().equals("same");
  }

  /** Each node's representative: itself, or with collapsing the smallest id of its same-as cluster. */
  private Map<EntityId, EntityId> representatives(List<Link> typed) {
    Map<EntityId, EntityId> parent = new HashMap<>();
    for (EntityId id : nodes.keySet()) {
      parent.put(id, id);
    }
    if (collapse) {
      for (Link l : typed) {
        if (l.type().equals(SAME_AS) && parent.containsKey(l.source()) && parent.containsKey(l.target())) {
          EntityId a = find(parent, l.source());
          EntityId b = find(parent, l.target());
          if (!a.equals(b)) {
            parent.put(a.compareTo(b) < 0 ? b : a, a.compareTo(b) < 0 ? a : b);
          }
        }
      }
      for (EntityId id : nodes.keySet()) {
        parent.put(id, find(parent, id));
      }
    }
    return parent;
  }

  private static EntityId find(Map<EntityId, EntityId> parent, EntityId x) {
    EntityId root = x;
    while (!parent.get(root).equals(root)) {
      root = parent.get(root);
    }
    while (!parent.get(x).equals(root)) {
      EntityId next = parent.get(x);
      parent.put(x, root);
      x = next;
    }
    return root;
  }

  /**
   * The fold of a set of labels, computed once per distinct set: a million edges carry a handful of label sets, and
   * folding is the costly part.
   */
  private static Label fold(Map<Set<Label>, Label> folds, Set<Label> labels) {
    Label folded = folds.get(labels);
    if (folded == null) {
      folded = Network.fold(labels);
      folds.put(Set.copyOf(labels), folded);
    }
    return folded;
  }

  private List<GraphNode> nodeList(Map<EntityId, EntityId> rep, Map<Set<Label>, Label> folds) {
    Map<EntityId, List<EntityId>> members = new HashMap<>();
    if (collapse) {
      rep.forEach((id, r) -> members.computeIfAbsent(r, k -> new ArrayList<>()).add(id));
    }
    List<GraphNode> out = new ArrayList<>(rep.size());
    Set<Label> labels = new HashSet<>();
    rep.forEach((id, r) -> {
      if (!id.equals(r)) {
        return; // a member of a collapsed cluster: its representative stands for it
      }
      List<EntityId> list = collapse ? members.get(r) : List.of(r);
      if (list.size() > 1) {
        list.sort(null);
      }
      Entity head = nodes.get(r);
      labels.clear();
      for (EntityId m : list) {
        nodes.get(m).statements().forEach(s -> labels.add(s.label()));
      }
      out.add(new GraphNode(r, head.schema(), head.caption(), list, fold(folds, labels)));
    });
    return out;
  }

  private static double number(Entity e, String property) {
    double sum = 0;
    for (String v : e.values(property)) {
      try {
        sum += Double.parseDouble(v);
      } catch (NumberFormatException ex) {
        // the schema cleaned it as a number; a value that still does not parse adds nothing
      }
    }
    return sum;
  }

  private static Acc edge(Map<Key, Acc> acc, EntityId a, EntityId b, EdgeKind kind, String type, String value,
      boolean directed) {
    boolean swap = !directed && a.compareTo(b) > 0;
    return acc.computeIfAbsent(new Key(swap ? b : a, swap ? a : b, kind, type, value, directed), k -> new Acc());
  }

  private record Key(EntityId source, EntityId target, EdgeKind kind, String type, String value, boolean directed) {}

  private static final class Acc {
    int count;
    double amount;
    double duration;
    String start;
    String end;
    /** Statement ids, sorted and deduplicated once at the end ({@link #statements()}): cheaper than a TreeSet each. */
    private final List<String> statementIds = new ArrayList<>(4);
    final TreeSet<String> documents = new TreeSet<>();
    final Set<Label> labels = new HashSet<>();

    void statement(Statement s) {
      statementIds.add(s.id());
      labels.add(s.label());
    }

    List<String> statements() {
      statementIds.sort(null);
      List<String> out = new ArrayList<>(statementIds.size());
      for (String id : statementIds) {
        if (out.isEmpty() || !out.get(out.size() - 1).equals(id)) {
          out.add(id);
        }
      }
      return out;
    }

    void date(String d) {
      start = start == null || d.compareTo(start) < 0 ? d : start;
      end = end == null || d.compareTo(end) > 0 ? d : end;
    }
  }
}
