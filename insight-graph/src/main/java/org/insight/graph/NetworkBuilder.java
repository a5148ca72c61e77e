package org.insight.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.insight.core.Entity;
import org.insight.core.EntityId;
import org.insight.core.EntityType;
import org.insight.core.Mention;
import org.insight.core.PropertyDef;
import org.insight.core.PropertyType;
import org.insight.core.Schema;
import org.insight.core.Statement;
import org.insight.graph.internal.LabelSets;
import org.insight.graph.internal.StringIntMap;
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
 * <p>Built for a million edges: entities get int numbers as they are added (ids in open-addressing maps over a flat
 * arena, {@code StringIntMap}), a link is read in one pass over its statements at {@link #build}, and the evidence of
 * the edges lives in columns of primitive arrays ({@link EdgeTable}) with label sets interned ({@link LabelSets});
 * {@link GraphEdge} records are made from the columns only when asked for ({@code EdgeColumns}).
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
  /**
   * The input, as columns. A unit is an entity to be read at {@link #build}: every statement given for one id (a
   * node, or a link given statement by statement), or one link entity given whole. Each statement given is a row
   * naming its unit.
   */
  /**
   * The units by id, in two maps: ids first given as a node type's (looked up for every link end: kept small, so it
   * stays in cache) and ids first given as an edge type's statements (a link given statement by statement, looked up
   * only as its statements come). An id is in one of them; a lookup tries its own kind's first.
   */
  private StringIntMap nodeUnits = new StringIntMap(64);
  private StringIntMap linkUnits = new StringIntMap(64);
  /** Whether each type name given is an edge type (false for a name the schema lacks: build reports it). */
  private final Map<String, Boolean> edgeType = new HashMap<>();
  /** The unit of the last statement given: a scan gives an entity's statements one after the other. */
  private String lastId;
  private int lastUnit = -1;
  private int units;
  private EntityId[] unitId = new EntityId[64];
  /** The type given (an entity's) or first seen (a statement's schema). */
  private String[] unitType = new String[64];
  /** Whether the unit's type is decided from its statements' types at build, as {@link Entity#of} decides it. */
  private boolean[] unitMixed = new boolean[64];
  private int rows;
  private int[] rowUnit = new int[256];
  private Statement[] rowStatement = new Statement[256];
  private final List<Mention> mentions = new ArrayList<>();
  private final List<CoLocated> coLocations = new ArrayList<>();
  private int maxGroup = 100;
  private boolean collapse;

  NetworkBuilder(Schema schema) {
    this.schema = Objects.requireNonNull(schema, "schema");
  }

  /**
   * A builder holding everything given to this one so far, with the same settings, to which more can be added without
   * changing this one: how a cached graph grows when statements are added to the workspace (the copy is given the new
   * statements and built again, which equals a fresh build over all of them).
   */
  public NetworkBuilder copy() {
    NetworkBuilder c = new NetworkBuilder(schema);
    c.nodeUnits = nodeUnits.copy();
    c.linkUnits = linkUnits.copy();
    c.edgeType.putAll(edgeType);
    c.lastId = lastId;
    c.lastUnit = lastUnit;
    c.units = units;
    c.unitId = unitId.clone();
    c.unitType = unitType.clone();
    c.unitMixed = unitMixed.clone();
    c.rows = rows;
    c.rowUnit = rowUnit.clone();
    c.rowStatement = rowStatement.clone();
    c.mentions.addAll(mentions);
    c.coLocations.addAll(coLocations);
    c.maxGroup = maxGroup;
    c.collapse = collapse;
    return c;
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

  /**
   * Adds an entity: a node, or a link when its type is an edge type. Two entities with one id are one node (their
   * statements together); a link entity given twice counts twice.
   */
  public NetworkBuilder add(Entity entity) {
    Objects.requireNonNull(entity, "entity");
    EntityType type = type(entity.schema());
    if (NEITHER.contains(type.name())) {
      return this;
    }
    int u;
    if (type.isEdge()) {
      u = newUnit(entity.id(), entity.schema());
    } else {
      int prior = unit(entity.id().value(), false);
      if (prior < 0) {
        u = newUnit(entity.id(), entity.schema());
        nodeUnits.putNew(entity.id().value(), u);
      } else {
        u = prior;
        unitMixed[u] = true; // merged: typed from all the statements, as Entity.of types the merged entity
      }
    }
    for (Statement s : entity.statements()) {
      row(u, s);
    }
    return this;
  }

  /** Adds entities; see {@link #add(Entity)}. */
  public NetworkBuilder addAll(Iterable<Entity> entities) {
    entities.forEach(this::add);
    return this;
  }

  /**
   * Adds one statement, in any order: the statements given for one entity id make that entity as {@link Entity#of}
   * would (a node, or a link when its type is an edge type), so a scan of statements feeds the builder without
   * assembling entities. Adding the statements of an entity equals adding the entity.
   */
  public NetworkBuilder add(Statement statement) {
    Objects.requireNonNull(statement, "statement");
    String id = statement.entityId().value();
    int u;
    if (id == lastId || id.equals(lastId)) {
      u = lastUnit;
    } else {
      boolean link = edgeType.computeIfAbsent(statement.schema(), t -> schema.find(t).map(EntityType::isEdge)
          .orElse(false));
      u = unit(id, link);
      if (u < 0) {
        u = newUnit(statement.entityId(), statement.schema());
        (link ? linkUnits : nodeUnits).putNew(id, u);
      }
    }
    if (!unitMixed[u] && !unitType[u].equals(statement.schema())) {
      unitMixed[u] = true;
    }
    row(u, statement);
    lastId = id;
    lastUnit = u;
    return this;
  }

  /** Adds statements; see {@link #add(Statement)}. */
  public NetworkBuilder addStatements(Iterable<Statement> statements) {
    statements.forEach(this::add);
    return this;
  }

  private int newUnit(EntityId id, String type) {
    if (units == unitId.length) {
      unitId = Arrays.copyOf(unitId, units * 2);
      unitType = Arrays.copyOf(unitType, units * 2);
      unitMixed = Arrays.copyOf(unitMixed, units * 2);
    }
    unitId[units] = id;
    unitType[units] = type;
    return units++;
  }

  private void row(int unit, Statement s) {
    if (rows == rowUnit.length) {
      rowUnit = Arrays.copyOf(rowUnit, rows * 2);
      rowStatement = Arrays.copyOf(rowStatement, rows * 2);
    }
    rowUnit[rows] = unit;
    rowStatement[rows++] = s;
  }

  private EntityType type(String name) {
    return types.computeIfAbsent(name, schema::type);
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
   * A link read from its statements in any order, as reading them sorted by property then value would: an end is the
   * smallest value of its property, and so is the judgement; the amounts and durations are the sums of the distinct
   * values, added in value order; the date range spans every date. {@link #read} returns false when an end is
   * missing or it is a same-as judgement that does not say "same". Reused from link to link.
   */
  private static final class LinkReading {
    String source;
    String target;
    double amount;
    double duration;
    String first;
    String last;
    private final List<String> amounts = new ArrayList<>();
    private final List<String> durations = new ArrayList<>();

    boolean read(EntityType type, Statement[] statements, int from, int to) {
      EntityType.Edge edge = type.edge().orElseThrow();
      source = null;
      target = null;
      first = null;
      last = null;
      String judgement = null;
      amounts.clear();
      durations.clear();
      for (int i = from; i < to; i++) {
        Statement s = statements[i];
        String p = s.property();
        String v = s.value();
        if (p.equals(edge.source())) {
          source = min(source, v);
        }
        if (p.equals(edge.target())) {
          target = min(target, v);
        }
        switch (p) {
          case "judgement" -> judgement = min(judgement, v);
          case "amount" -> amounts.add(v);
          case "duration" -> durations.add(v);
          case "startDate", "date", "endDate" -> {
            first = first == null || v.compareTo(first) < 0 ? v : first;
            last = last == null || v.compareTo(last) > 0 ? v : last;
          }
          default -> { }
        }
      }
      if (source == null || target == null) {
        return false;
      }
      if (type.name().equals(SAME_AS) && judgement != null && !judgement.equals("same")) {
        return false; // an analyst's same-as judgement counts only when it says "same"
      }
      amount = distinctSum(amounts);
      duration = distinctSum(durations);
      return true;
    }

    private static String min(String a, String b) {
      return a == null || b.compareTo(a) < 0 ? b : a;
    }

    private static double distinctSum(List<String> values) {
      if (values.isEmpty()) {
        return 0;
      }
      if (values.size() == 1) {
        return number(values.get(0));
      }
      values.sort(null);
      double sum = 0;
      for (int i = 0; i < values.size(); i++) {
        if (i == 0 || !values.get(i).equals(values.get(i - 1))) {
          sum += number(values.get(i));
        }
      }
      return sum;
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

  /**
   * The network of everything given so far. The builder can be given more and built again; what it is given in what
   * order does not change the result, only what it is given.
   */
  public Network build() {
    // the rows grouped by unit
    int[] unitStart = new int[units + 1];
    for (int i = 0; i < rows; i++) {
      unitStart[rowUnit[i] + 1]++;
    }
    for (int u = 0; u < units; u++) {
      unitStart[u + 1] += unitStart[u];
    }
    Statement[] grouped = new Statement[rows];
    int[] fill = Arrays.copyOf(unitStart, units);
    for (int i = 0; i < rows; i++) {
      grouped[fill[rowUnit[i]]++] = rowStatement[i];
    }
    fill = null;
    // each unit's type; nodes numbered in unit order, links listed
    EntityType[] typeOfUnit = new EntityType[units];
    String[] typeName = new String[units];
    int[] nodeOfUnit = new int[units];
    int[] nodeUnit = new int[units];
    int[] linkUnit = new int[units];
    int n = 0;
    int linkCount = 0;
    String lastName = null; // units of one type come in runs
    EntityType lastType = null;
    for (int u = 0; u < units; u++) {
      nodeOfUnit[u] = -1;
      String name = unitMixed[u] ? Entity.of(unitId[u], Arrays.asList(grouped).subList(unitStart[u],
          unitStart[u + 1]), schema).schema() : unitType[u];
      EntityType type = name == lastName || name.equals(lastName) ? lastType : type(name);
      lastName = name;
      lastType = type;
      typeOfUnit[u] = type;
      typeName[u] = name;
      if (NEITHER.contains(type.name())) {
        continue;
      }
      if (type.isEdge()) {
        linkUnit[linkCount++] = u;
      } else {
        nodeOfUnit[u] = n;
        nodeUnit[n++] = u;
      }
    }
    // node numbers in id order: comparing numbers is comparing ids from here on
    Integer[] byId = new Integer[n];
    for (int i = 0; i < n; i++) {
      byId[i] = i;
    }
    EntityId[] ids = unitId;
    Arrays.sort(byId, (x, y) -> ids[nodeUnit[x]].compareTo(ids[nodeUnit[y]]));
    int[] rank = new int[n];
    for (int r = 0; r < n; r++) {
      rank[byId[r]] = r;
    }
    // the links: ends as node numbers (-1: not a node), read once
    LinkReading reading = new LinkReading();
    int[] linkSource = new int[linkCount];
    int[] linkTarget = new int[linkCount];
    double[] linkAmount = new double[linkCount];
    double[] linkDuration = new double[linkCount];
    String[] linkFirst = new String[linkCount];
    String[] linkLast = new String[linkCount];
    for (int l = 0; l < linkCount; l++) {
      int u = linkUnit[l];
      if (!reading.read(typeOfUnit[u], grouped, unitStart[u], unitStart[u + 1])) {
        linkSource[l] = -1;
        continue;
      }
      linkSource[l] = node(reading.source, nodeOfUnit);
      linkTarget[l] = node(reading.target, nodeOfUnit);
      linkAmount[l] = reading.amount;
      linkDuration[l] = reading.duration;
      linkFirst[l] = reading.first;
      linkLast[l] = reading.last;
    }
    int[] rep = representatives(rank, linkCount, linkUnit, typeOfUnit, linkSource, linkTarget);
    LabelSets labelSets = new LabelSets();
    EdgeTable table = new EdgeTable(Math.max(16, linkCount + n / 4), n / 4, rows, labelSets);
    List<String> notes = new ArrayList<>();
    linkEdges(table, rank, rep, linkCount, linkUnit, typeOfUnit, linkSource, linkTarget, linkAmount, linkDuration,
        linkFirst, linkLast, grouped, unitStart);
    Map<String, Map<String, Holders>> shared = new HashMap<>();
    int[] nodeLabels = new int[n];
    for (int i = 0; i < n; i++) {
      int u = nodeUnit[i];
      EntityType type = typeOfUnit[u];
      int self = rep[rank[i]];
      int labels = 0;
      for (int x = unitStart[u]; x < unitStart[u + 1]; x++) {
        Statement st = grouped[x];
        labels = labelSets.add(labels, st.label());
        Role role = role(type, st.property());
        if (role.reference()) {
          int target = node(st.value(), nodeOfUnit);
          if (target >= 0 && rep[rank[target]] != self) {
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
    coMentions(rep, rank, nodeOfUnit, table, notes);
    for (CoLocated c : coLocations) {
      int ai = exact(c.a().value(), nodeOfUnit);
      int bi = exact(c.b().value(), nodeOfUnit);
      if (ai < 0 || bi < 0 || rep[rank[ai]] == rep[rank[bi]]) {
        continue;
      }
      int e = table.edge(rep[rank[ai]], rep[rank[bi]], EdgeKind.CO_LOCATION, "co-location", false);
      table.count[e] += c.times().size();
      c.times().forEach(d -> table.date(e, d));
      c.evidence().forEach(st -> table.statement(e, st));
    }
    return assemble(rank, byId, nodeUnit, typeName, grouped, unitStart, rep, nodeLabels, labelSets, table, notes);
  }

  /**
   * The links' edges. Rather than a hash lookup per link (a cache miss each), the links' keys (source, target, kind)
   * are sorted, by a counting sort on the source and a small sort within each source's run, both stable, and equal
   * keys merged into one edge in one sequential pass: the edge's cells are written in order, and each edge's links
   * still come in link order, so its evidence is as a lookup per link would have made it.
   */
  private static void linkEdges(EdgeTable table, int[] rank, int[] rep, int linkCount, int[] linkUnit,
      EntityType[] typeOfUnit, int[] linkSource, int[] linkTarget, double[] linkAmount, double[] linkDuration,
      String[] linkFirst, String[] linkLast, Statement[] grouped, int[] unitStart) {
    int n = rank.length;
    int[] keySource = new int[linkCount];
    long[] keyRest = new long[linkCount]; // target << 32 | kind
    int[] bucket = new int[n + 1];
    int kept = 0;
    for (int l = 0; l < linkCount; l++) {
      int si = linkSource[l];
      int ti = linkTarget[l];
      if (si < 0 || ti < 0) {
        continue; // unreadable, not "same", or an end that is not a node
      }
      int s = rep[rank[si]];
      int t = rep[rank[ti]];
      if (s == t) {
        continue; // a link inside a collapsed cluster
      }
      String type = typeOfUnit[linkUnit[l]].name();
      boolean sameAs = type.equals(SAME_AS);
      int k = table.plainKind(sameAs ? EdgeKind.SAME_AS : EdgeKind.LINK, type, !sameAs);
      if (!table.directed(k) && s > t) {
        int x = s;
        s = t;
        t = x;
      }
      linkSource[kept] = l; // reused: the kept links' numbers, in link order
      keySource[kept] = s;
      keyRest[kept++] = (long) t << 32 | k;
      bucket[s + 1]++;
    }
    for (int s = 0; s < n; s++) {
      bucket[s + 1] += bucket[s];
    }
    int[] sorted = new int[kept]; // positions in the kept links, by source then link order
    int[] fill = Arrays.copyOf(bucket, n);
    for (int i = 0; i < kept; i++) {
      sorted[fill[keySource[i]]++] = i;
    }
    fill = null;
    int e = -1;
    for (int s = 0; s < n; s++) {
      int from = bucket[s];
      int to = bucket[s + 1];
      sortRun(sorted, keyRest, from, to);
      long previous = -1;
      for (int x = from; x < to; x++) {
        int i = sorted[x];
        long rest = keyRest[i];
        if (rest != previous) {
          e = table.append(s, (int) (rest >>> 32), (int) rest);
          previous = rest;
        }
        int l = linkSource[i];
        table.count[e]++;
        table.add(false, e, linkAmount[l]);
        table.add(true, e, linkDuration[l]);
        if (linkFirst[l] != null) {
          table.date(e, linkFirst[l]);
          table.date(e, linkLast[l]);
        }
        int u = linkUnit[l];
        for (int y = unitStart[u]; y < unitStart[u + 1]; y++) {
          table.statement(e, grouped[y]);
        }
      }
    }
  }

  /** Sorts a source's run of link positions by (target, kind), stably: a few links, mostly. */
  private static void sortRun(int[] sorted, long[] key, int from, int to) {
    if (to - from > 32) {
      Integer[] run = new Integer[to - from];
      for (int i = from; i < to; i++) {
        run[i - from] = sorted[i];
      }
      Arrays.sort(run, (a, b) -> Long.compare(key[a], key[b])); // a merge sort: stable
      for (int i = from; i < to; i++) {
        sorted[i] = run[i - from];
      }
      return;
    }
    for (int i = from + 1; i < to; i++) {
      int p = sorted[i];
      long k = key[p];
      int j = i - 1;
      while (j >= from && key[sorted[j]] > k) {
        sorted[j + 1] = sorted[j];
        j--;
      }
      sorted[j + 1] = p;
    }
  }

  /**
   * The number of the node an entity-reference value names, -1 when it is not a node. The value is looked up as
   * stored (the schema keeps ids normalised) before being parsed as an {@link EntityId}, which folds case and checks
   * the form (and refuses a malformed id, as reading the link did): most lookups skip the parse.
   */
  private int node(String value, int[] nodeOfUnit) {
    int u = unit(value, false);
    return u >= 0 ? nodeOfUnit[u] : exact(EntityId.of(value).value(), nodeOfUnit);
  }

  /** The unit of an id, -1 when none; {@code link} says which map to try first. */
  private int unit(String id, boolean link) {
    int u = (link ? linkUnits : nodeUnits).get(id);
    return u >= 0 ? u : (link ? nodeUnits : linkUnits).get(id);
  }

  /** The number of the node with exactly this id value, -1 when none. */
  private int exact(String id, int[] nodeOfUnit) {
    int u = unit(id, false);
    return u < 0 ? -1 : nodeOfUnit[u];
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

  private void coMentions(int[] rep, int[] rank, int[] nodeOfUnit, EdgeTable table, List<String> notes) {
    Map<String, Map<Integer, List<Label>>> byDocument = new TreeMap<>();
    for (Mention m : mentions) {
      int node = exact(m.entityId().get().value(), nodeOfUnit);
      if (node >= 0) {
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
  private int[] representatives(int[] rank, int linkCount, int[] linkUnit, EntityType[] typeOfUnit, int[] linkSource,
      int[] linkTarget) {
    int n = rank.length;
    int[] parent = new int[n];
    for (int r = 0; r < n; r++) {
      parent[r] = r;
    }
    if (collapse) {
      for (int l = 0; l < linkCount; l++) {
        int a = linkSource[l];
        int b = linkTarget[l];
        if (a >= 0 && b >= 0 && typeOfUnit[linkUnit[l]].name().equals(SAME_AS)) {
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
  private Network assemble(int[] rank, Integer[] byId, int[] nodeUnit, String[] typeName, Statement[] grouped,
      int[] unitStart, int[] rep, int[] nodeLabels, LabelSets labelSets, EdgeTable table, List<String> notes) {
    int n = rank.length;
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
    EntityId[] nodeIds = new EntityId[kept];
    int[] nodeSets = new int[kept];
    int[] heads = new int[kept];
    List<List<EntityId>> lists = new ArrayList<>(kept);
    for (int r = 0; r < n; r++) {
      if (index[r] < 0) {
        continue; // a member of a collapsed cluster: its representative stands for it
      }
      int i = index[r];
      int head = nodeUnit[byId[r]];
      int labels = nodeLabels[r];
      List<EntityId> list;
      if (memberStart[i + 1] - memberStart[i] == 1) {
        list = List.of(unitId[head]);
      } else {
        EntityId[] ids = new EntityId[memberStart[i + 1] - memberStart[i]];
        for (int x = memberStart[i]; x < memberStart[i + 1]; x++) {
          ids[x - memberStart[i]] = unitId[nodeUnit[byId[members[x]]]];
          labels = labelSets.union(labels, nodeLabels[members[x]]);
        }
        list = List.of(ids);
      }
      nodeIds[i] = unitId[head];
      nodeSets[i] = labels;
      heads[i] = head;
      lists.add(list);
    }
    // every label set used (a handful), folded once
    Label[] folded = new Label[labelSets.size()];
    for (int set = 1; set < folded.length; set++) { // 0, the empty set, is nobody's: everything has a label
      folded[set] = Network.fold(labelSets.labels(set));
    }
    GraphNode[] out = new GraphNode[kept];
    for (int i = 0; i < kept; i++) {
      int head = heads[i];
      out[i] = new GraphNode(nodeIds[i], typeName[head], caption(grouped, unitStart[head], unitStart[head + 1],
          nodeIds[i]), lists.get(i), folded[nodeSets[i]]);
    }
    int[] order = table.order();
    int[] nodeOf = new int[n];
    for (int r = 0; r < n; r++) {
      nodeOf[r] = index[r];
    }
    EdgeColumns edges = table.freeze(order, nodeOf, nodeIds, folded);
    return new Network(out, edges, edges.fromColumn(), edges.toColumn(), notes);
  }

  /**
   * {@link Entity#caption()} in one pass over the statements in any order: the smallest value of the first caption
   * property the entity has.
   */
  private static String caption(Statement[] statements, int from, int to, EntityId id) {
    String[] found = new String[CAPTION.size()];
    for (int i = from; i < to; i++) {
      Statement s = statements[i];
      int at = CAPTION.indexOf(s.property());
      if (at >= 0 && (found[at] == null || s.value().compareTo(found[at]) < 0)) {
        found[at] = s.value();
      }
    }
    for (String v : found) {
      if (v != null) {
        return v;
      }
    }
    return id.value();
  }

  private static double number(String v) {
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException ex) {
      return 0; // the schema cleaned it as a number; a value that still does not parse adds nothing
    }
  }

}
