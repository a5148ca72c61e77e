package org.insight.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.insight.core.Entity;
import org.insight.core.EntityId;
import org.insight.core.EntityType;
import org.insight.core.Mention;
import org.insight.core.PropertyDef;
import org.insight.core.PropertyType;
import org.insight.core.Schema;
import org.insight.core.Statement;
import org.insight.graph.internal.LabelSets;
import org.insight.policy.Label;

/**
 * Builds a {@link Network} from entities and mentions, with everything given taken as visible: through a workspace
 * session, give it only what the session may see (the workspace does). Get one with {@link Network#builder}.
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
 *
 * <p>Built for a million edges: nodes get int numbers as they are added, a link is read in one pass over its
 * statements when added, and the evidence of the edges lives in columns of primitive arrays ({@link EdgeTable}) with
 * label sets interned ({@link LabelSets}); {@link GraphEdge} records are made once, in edge order, at the end.
 */
public final class NetworkBuilder {
  /** Property types whose equal values make a shared identifier. */
  private static final java.util.Set<PropertyType> SELECTORS = java.util.Set.of(PropertyType.PHONE,
      PropertyType.EMAIL, PropertyType.IDENTIFIER, PropertyType.ADDRESS);
  /** Identifier properties that do not identify who holds them. */
  private static final java.util.Set<String> NOT_IDENTIFYING = java.util.Set.of("currency", "contentHash", "cellId");
  private static final java.util.Set<String> NEITHER = java.util.Set.of("Flag", "MatchEvent");
  private static final String SAME_AS = "SameAs";
  /** The properties {@link Entity#caption()} looks at, in its order. */
  private static final List<String> CAPTION = List.of("name", "title", "number", "address", "iban", "full",
      "registrationNumber");

  private final Schema schema;
  private final Map<String, EntityType> types = new HashMap<>();
  /** What each property of a node type contributes: a reference, a selector, or nothing. */
  private final Map<String, Map<String, Role>> roles = new HashMap<>();
  /** Node number (in order of adding) by id value, and the node entities by number. */
  private final Map<String, Integer> nodeIndex = new HashMap<>();
  private final List<Entity> nodes = new ArrayList<>();
  private final List<LinkRow> links = new ArrayList<>();
  private final List<Mention> mentions = new ArrayList<>();
  private final List<CoLocated> coLocations = new ArrayList<>();
  private int maxGroup = 100;
  private boolean collapse;

  NetworkBuilder(Schema schema) {
    this.schema = Objects.requireNonNull(schema, "schema");
  }

  /** Shared values and documents joining more nodes than this join none (default 100): a hub, not a clue. */
  public NetworkBuilder maxGroup(int max) {
    if (max < 2) {
      throw new IllegalArgumentException("maxGroup needs at least 2 (a pair), got " + max);
    }
    this.maxGroup = max;
    return this;
  }

  /** Collapse nodes joined by same-as links into one node (default false: same-as links are edges). */
  public NetworkBuilder collapseSameAs(boolean collapse) {
    this.collapse = collapse;
    return this;
  }

  /** Adds an entity: a node, or a link when its type is an edge type. */
  public NetworkBuilder add(Entity entity) {
    Objects.requireNonNull(entity, "entity");
    EntityType type = types.computeIfAbsent(entity.schema(), schema::type);
    if (NEITHER.contains(type.name())) {
      return this;
    }
    if (type.isEdge()) {
      LinkRow row = LinkRow.read(entity, type);
      if (row != null) {
        links.add(row);
      }
    } else {
      Integer prior = nodeIndex.putIfAbsent(entity.id().value(), nodes.size());
      if (prior == null) {
        nodes.add(entity);
      } else {
        List<Statement> merged = new ArrayList<>(nodes.get(prior).statements());
        merged.addAll(entity.statements());
        nodes.set(prior, Entity.of(entity.id(), merged, schema));
      }
    }
    return this;
  }

  /** Adds entities; see {@link #add(Entity)}. */
  public NetworkBuilder addAll(Iterable<Entity> entities) {
    entities.forEach(this::add);
    return this;
  }

  /** Adds a mention: it counts for co-mention when it names an entity that is a node. */
  public NetworkBuilder add(Mention mention) {
    Objects.requireNonNull(mention, "mention");
    if (mention.entityId().isPresent()) {
      mentions.add(mention);
    }
    return this;
  }

  /** Adds mentions; see {@link #add(Mention)}. */
  public NetworkBuilder addMentions(Iterable<Mention> all) {
    all.forEach(this::add);
    return this;
  }

  /**
   * Two entities seen close in space and time ({@link EdgeKind#CO_LOCATION}): at these encounter times (ISO 8601),
   * shown by these statements (the sightings' points, times and participants), whose labels the edge carries. An end
   * that is not a node joins nothing.
   */
  public NetworkBuilder addCoLocation(EntityId a, EntityId b, List<String> times, Collection<Statement> evidence) {
    coLocations.add(new CoLocated(Objects.requireNonNull(a, "a"), Objects.requireNonNull(b, "b"), List.copyOf(times),
        List.copyOf(evidence)));
    return this;
  }

  private record CoLocated(EntityId a, EntityId b, List<String> times, List<Statement> evidence) {}

  /**
   * A link entity read in one pass over its statements (sorted by property then value, so a property's distinct
   * values are runs): its ends, the sums of its distinct amounts and durations, its date range. Null when an end is
   * missing or it is a same-as judgement that does not say "same".
   */
  private record LinkRow(String source, String target, String type, double amount, double duration, String first,
      String last, List<Statement> statements) {
    static LinkRow read(Entity e, EntityType type) {
      EntityType.Edge edge = type.edge().orElseThrow();
      String source = null;
      String target = null;
      String judgement = null;
      String first = null;
      String last = null;
      double amount = 0;
      double duration = 0;
      String prevProperty = null;
      String prevValue = null;
      for (Statement s : e.statements()) {
        String p = s.property();
        String v = s.value();
        if (p.equals(prevProperty) && v.equals(prevValue)) {
          continue; // the same value again: distinct values only, as Entity.values gives them
        }
        prevProperty = p;
        prevValue = v;
        if (source == null && p.equals(edge.source())) {
          source = v;
        }
        if (target == null && p.equals(edge.target())) {
          target = v;
        }
        switch (p) {
          case "judgement" -> judgement = judgement == null ? v : judgement;
          case "amount" -> amount += number(v);
          case "duration" -> duration += number(v);
          case "startDate", "date", "endDate" -> {
            first = first == null || v.compareTo(first) < 0 ? v : first;
            last = last == null || v.compareTo(last) > 0 ? v : last;
          }
          default -> { }
        }
      }
      if (source == null || target == null) {
        return null;
      }
      if (type.name().equals(SAME_AS) && judgement != null && !judgement.equals("same")) {
        return null; // an analyst's same-as judgement counts only when it says "same"
      }
      return new LinkRow(source, target, type.name(), amount, duration, first, last,
          e.statements());
    }
  }

  /** What a property of a node type contributes. */
  private record Role(boolean reference, String selector) {
    static final Role NONE = new Role(false, null);
    static final Role REFERENCE = new Role(true, null);
  }

  private Role role(EntityType type, String property) {
    return roles.computeIfAbsent(type.name(), t -> new HashMap<>()).computeIfAbsent(property, p -> {
      if (!type.has(p)) {
        return Role.NONE;
      }
      PropertyDef def = type.property(p);
      if (def.type() == PropertyType.ENTITY) {
        return Role.REFERENCE;
      }
      return SELECTORS.contains(def.type()) && !NOT_IDENTIFYING.contains(p) ? new Role(false, def.type().id())
          : Role.NONE;
    });
  }

  /** The holders of one shared value: node numbers (representatives) and the statements holding it. */
  private static final class Holders {
    int[] nodes = new int[2];
    Statement[] statements = new Statement[2];
    int size;

    void add(int node, Statement s) {
      if (size == nodes.length) {
        nodes = Arrays.copyOf(nodes, size * 2);
        statements = Arrays.copyOf(statements, size * 2);
      }
      nodes[size] = node;
      statements[size++] = s;
    }
  }

  public Network build() {
    int n = nodes.size();
    // node numbers in id order: comparing numbers is comparing ids from here on
    Integer[] byId = new Integer[n];
    for (int i = 0; i < n; i++) {
      byId[i] = i;
    }
    Arrays.sort(byId, (a, b) -> nodes.get(a).id().compareTo(nodes.get(b).id()));
    int[] rank = new int[n];
    for (int r = 0; r < n; r++) {
      rank[byId[r]] = r;
    }
    int[] rep = representatives(rank, byId);
    LabelSets labelSets = new LabelSets();
    EdgeTable table = new EdgeTable(Math.max(16, links.size() + n / 4), labelSets);
    List<String> notes = new ArrayList<>();
    for (LinkRow l : links) {
      Integer si = node(l.source());
      Integer ti = node(l.target());
      if (si == null || ti == null) {
        continue; // an end that is not a node
      }
      int s = rep[rank[si]];
      int t = rep[rank[ti]];
      if (s == t) {
        continue; // a link inside a collapsed cluster
      }
      boolean sameAs = l.type().equals(SAME_AS);
      int e = table.edge(s, t, sameAs ? EdgeKind.SAME_AS : EdgeKind.LINK, l.type(), !sameAs);
      table.count[e]++;
      table.amount[e] += l.amount();
      table.duration[e] += l.duration();
      if (l.first() != null) {
        table.date(e, l.first());
        table.date(e, l.last());
      }
      for (Statement st : l.statements()) {
        table.statement(e, st);
      }
    }
    Map<String, Map<String, Holders>> shared = new HashMap<>();
    int[] nodeLabels = new int[n];
    for (int i = 0; i < n; i++) {
      Entity node = nodes.get(i);
      EntityType type = types.computeIfAbsent(node.schema(), schema::type);
      int self = rep[rank[i]];
      int labels = 0;
      for (Statement st : node.statements()) {
        labels = labelSets.add(labels, st.label());
        Role role = role(type, st.property());
        if (role.reference()) {
          Integer target = node(st.value());
          if (target != null && rep[rank[target]] != self) {
            int e = table.edge(self, rep[rank[target]], EdgeKind.REFERENCE, st.property(), true);
            table.count[e]++;
            table.statement(e, st);
          }
        } else if (role.selector() != null) {
          shared.computeIfAbsent(role.selector(), k -> new HashMap<>()).computeIfAbsent(st.value(), k -> new Holders())
              .add(self, st);
        }
      }
      nodeLabels[rank[i]] = labels;
    }
    sharedIdentifiers(shared, table, notes);
    coMentions(rep, rank, table, notes);
    for (CoLocated c : coLocations) {
      Integer ai = nodeIndex.get(c.a().value());
      Integer bi = nodeIndex.get(c.b().value());
      if (ai == null || bi == null || rep[rank[ai]] == rep[rank[bi]]) {
        continue;
      }
      int e = table.edge(rep[rank[ai]], rep[rank[bi]], EdgeKind.CO_LOCATION, "co-location", false);
      table.count[e] += c.times().size();
      c.times().forEach(d -> table.date(e, d));
      c.evidence().forEach(st -> table.statement(e, st));
    }
    return assemble(rank, byId, rep, nodeLabels, labelSets, table, notes);
  }

  /**
   * The number of the node an entity-reference value names, null when it is not a node. The value is looked up as
   * stored (the schema keeps ids normalised) before being parsed as an {@link EntityId}, which folds case and checks
   * the form (and refuses a malformed id, as reading the link did): most lookups skip the parse.
   */
  private Integer node(String value) {
    Integer i = nodeIndex.get(value);
    return i != null ? i : nodeIndex.get(EntityId.of(value).value());
  }

  /**
   * Shared identifiers: per value held by two to {@link #maxGroup} nodes, an edge per pair of holders; the notes of
   * values held by too many come in (type, value) order.
   */
  private void sharedIdentifiers(Map<String, Map<String, Holders>> shared, EdgeTable table, List<String> notes) {
    TreeMap<String, String> tooMany = new TreeMap<>();
    shared.forEach((kind, values) -> values.forEach((value, h) -> {
      if (h.size < 2) {
        return;
      }
      // holders in node order, each node once with all its statements holding the value
      Integer[] order = new Integer[h.size];
      for (int i = 0; i < h.size; i++) {
        order[i] = i;
      }
      Arrays.sort(order, (a, b) -> Integer.compare(h.nodes[a], h.nodes[b]));
      int[] starts = new int[h.size + 1];
      int distinct = 0;
      for (int i = 0; i < h.size; i++) {
        if (i == 0 || h.nodes[order[i]] != h.nodes[order[i - 1]]) {
          starts[distinct++] = i;
        }
      }
      starts[distinct] = h.size;
      if (distinct < 2) {
        return;
      }
      if (distinct > maxGroup) {
        tooMany.put(kind + "\u0000" + value, String.format(Locale.ROOT, "a shared %s held by %d entities joins none"
            + " of them (more than maxGroup %d)", kind, distinct, maxGroup));
        return;
      }
      int ktv = table.sharedKind(kind, value);
      for (int i = 0; i < distinct; i++) {
        for (int j = i + 1; j < distinct; j++) {
          int e = table.edge(h.nodes[order[starts[i]]], h.nodes[order[starts[j]]], ktv);
          table.count[e]++;
          for (int x = starts[i]; x < starts[i + 1]; x++) {
            table.statement(e, h.statements[order[x]]);
          }
          for (int x = starts[j]; x < starts[j + 1]; x++) {
            table.statement(e, h.statements[order[x]]);
          }
        }
      }
    }));
    notes.addAll(tooMany.values());
  }

  private void coMentions(int[] rep, int[] rank, EdgeTable table, List<String> notes) {
    Map<String, Map<Integer, List<Label>>> byDocument = new TreeMap<>();
    for (Mention m : mentions) {
      Integer node = nodeIndex.get(m.entityId().get().value());
      if (node != null) {
        byDocument.computeIfAbsent(m.documentId(), k -> new TreeMap<>())
            .computeIfAbsent(rep[rank[node]], k -> new ArrayList<>()).add(m.label());
      }
    }
    byDocument.forEach((doc, named) -> {
      if (named.size() > maxGroup) {
        notes.add(String.format(Locale.ROOT, "a document mentioning %d entities joins none of them (more than"
            + " maxGroup %d)", named.size(), maxGroup));
        return;
      }
      List<Integer> ends = new ArrayList<>(named.keySet());
      for (int i = 0; i < ends.size(); i++) {
        for (int j = i + 1; j < ends.size(); j++) {
          int e = table.edge(ends.get(i), ends.get(j), EdgeKind.CO_MENTION, "mention", false);
          table.count[e]++;
          table.document(e, doc);
          for (Label l : named.get(ends.get(i))) {
            table.label(e, l);
          }
          for (Label l : named.get(ends.get(j))) {
            table.label(e, l);
          }
        }
      }
    });
  }

  /**
   * Each node's representative, by id rank: itself, or with collapsing the smallest (first in id order) of its
   * same-as cluster.
   */
  private int[] representatives(int[] rank, Integer[] byId) {
    int n = rank.length;
    int[] parent = new int[n];
    for (int r = 0; r < n; r++) {
      parent[r] = r;
    }
    if (collapse) {
      for (LinkRow l : links) {
        Integer a = node(l.source());
        Integer b = node(l.target());
        if (l.type().equals(SAME_AS) && a != null && b != null) {
          int ra = find(parent, rank[a]);
          int rb = find(parent, rank[b]);
          if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
          }
        }
      }
      for (int r = 0; r < n; r++) {
        parent[r] = find(parent, r);
      }
    }
    return parent;
  }

  private static int find(int[] parent, int x) {
    int root = x;
    while (parent[root] != root) {
      root = parent[root];
    }
    while (parent[x] != root) {
      int next = parent[x];
      parent[x] = root;
      x = next;
    }
    return root;
  }

  /** The nodes and edges, in the network's orders, from the columns. */
  private Network assemble(int[] rank, Integer[] byId, int[] rep, int[] nodeLabels, LabelSets labelSets,
      EdgeTable table, List<String> notes) {
    int n = rank.length;
    Map<Integer, Label> folds = new HashMap<>(); // a handful of distinct label sets, each folded once
    // the nodes: representatives in id order, numbered 0.. in that order
    int[] index = new int[n];
    int kept = 0;
    for (int r = 0; r < n; r++) {
      index[r] = rep[r] == r ? kept++ : -1;
    }
    int[] members = new int[n];
    int[] memberStart = new int[kept + 1];
    for (int r = 0; r < n; r++) {
      memberStart[index[rep[r]] + 1]++;
    }
    for (int i = 0; i < kept; i++) {
      memberStart[i + 1] += memberStart[i];
    }
    int[] fill = Arrays.copyOf(memberStart, kept);
    for (int r = 0; r < n; r++) {
      members[fill[index[rep[r]]]++] = r; // in rank order: members in id order
    }
    GraphNode[] out = new GraphNode[kept];
    for (int r = 0; r < n; r++) {
      if (index[r] < 0) {
        continue; // a member of a collapsed cluster: its representative stands for it
      }
      int i = index[r];
      Entity head = nodes.get(byId[r]);
      int labels = nodeLabels[r];
      List<EntityId> list;
      if (memberStart[i + 1] - memberStart[i] == 1) {
        list = List.of(head.id());
      } else {
        EntityId[] ids = new EntityId[memberStart[i + 1] - memberStart[i]];
        for (int x = memberStart[i]; x < memberStart[i + 1]; x++) {
          ids[x - memberStart[i]] = nodes.get(byId[members[x]]).id();
          labels = labelSets.union(labels, nodeLabels[members[x]]);
        }
        list = List.of(ids);
      }
      out[i] = new GraphNode(head.id(), head.schema(), caption(head), list, fold(folds, labelSets, labels));
    }
    int m = table.size;
    int[] order = table.order();
    GraphEdge[] edges = new GraphEdge[m];
    int[] from = new int[m];
    int[] to = new int[m];
    String[][] statements = table.statementsByEdge();
    for (int at = 0; at < m; at++) {
      int e = order[at];
      int ktv = table.ktv[e];
      from[at] = index[table.source[e]];
      to[at] = index[table.target[e]];
      TreeSet<String> docs = table.documents.get(e);
      edges[at] = new GraphEdge(out[from[at]].id(), out[to[at]].id(), table.kindOf.get(ktv), table.typeOf.get(ktv),
          table.valueOf.get(ktv), table.directedOf.get(ktv), table.count[e], table.amount[e], table.duration[e],
          Optional.ofNullable(table.start[e]), Optional.ofNullable(table.end[e]), List.of(statements[e]),
          docs == null ? List.of() : List.copyOf(docs), fold(folds, labelSets, table.labels[e]));
    }
    return new Network(out, edges, from, to, notes);
  }

  private static Label fold(Map<Integer, Label> folds, LabelSets sets, int set) {
    return folds.computeIfAbsent(set, k -> Network.fold(sets.labels(k)));
  }

  /** {@link Entity#caption()} in one pass: the first value of the first caption property the entity has. */
  private static String caption(Entity e) {
    String[] found = new String[CAPTION.size()];
    for (Statement s : e.statements()) {
      int at = CAPTION.indexOf(s.property());
      if (at >= 0 && found[at] == null) {
        found[at] = s.value();
      }
    }
    for (String v : found) {
      if (v != null) {
        return v;
      }
    }
    return e.id().value();
  }

  private static double number(String v) {
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException ex) {
      return 0; // the schema cleaned it as a number; a value that still does not parse adds nothing
    }
  }

}
