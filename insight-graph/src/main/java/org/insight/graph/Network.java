package org.insight.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import org.insight.core.EntityId;
import org.insight.core.Schema;
import org.insight.graph.internal.Betweenness;
import org.insight.graph.internal.Biconnected;
import org.insight.graph.internal.Closeness;
import org.insight.graph.internal.Eigenvector;
import org.insight.graph.internal.IntGraph;
import org.insight.graph.internal.LabelPropagation;
import org.insight.graph.internal.Leiden;
import org.insight.graph.internal.LinkPrediction;
import org.insight.graph.internal.Louvain;
import org.insight.graph.internal.PageRank;
import org.insight.graph.internal.Paths;
import org.insight.policy.Label;
import org.jgrapht.Graph;
import org.jgrapht.graph.AsUnmodifiableGraph;
import org.jgrapht.graph.builder.GraphTypeBuilder;

/**
 * A link graph of entities — nodes are entities (or collapsed resolved clusters), edges the evidence that connects
 * them ({@link EdgeKind}) — and the questions investigators ask of it: how two entities are connected, who is
 * around one, who matters, which groups there are, who the brokers are. Immutable and thread-safe.
 *
 * <p>A network holds only what it was built from. Built through a workspace session, that is only what the session
 * may see: nothing invisible is a node, an edge, a count or an input to any measure, and {@link #label()} is the
 * conjunction of the labels of everything it used. Algorithms run on a compact undirected view (int ids, primitive
 * adjacency arrays, parallel edges merged with their counts summed as the weight); {@link #asGraph()} gives a JGraphT
 * view for anything not offered here.
 */
public final class Network {
  private final List<GraphNode> nodes;
  private final List<EntityId> ids;
  private final List<GraphEdge> edges;
  private final Optional<Label> label;
  private final List<String> notes;
  private final IntGraph graph;
  /** The node ids in id order: a node's index is found by binary search, with no map of a million ids. */
  private final EntityId[] idArray;
  /** Each edge's source and target node index, in edge order. */
  private final int[] from;
  private final int[] to;
  /** Where each node's edges as source start in edge order (edges are sorted by source, then target). */
  private final int[] sourceStart;

  Network(List<GraphNode> nodes, List<GraphEdge> edges, List<String> notes) {
    this(Sorted.of(nodes, edges), notes);
  }

  /**
   * A network from nodes already in id order and edges already in {@link #EDGE_ORDER}, with each edge's ends given as
   * node indices ({@link NetworkBuilder} knows them): no sorting and no lookups.
   */
  Network(GraphNode[] sortedNodes, Edges sortedEdges, int[] from, int[] to, List<String> notes) {
    this(new Sorted(sortedNodes, sortedEdges, from, to), notes);
  }

  private Network(Sorted sorted, List<String> notes) {
    GraphNode[] sortedNodes = sorted.nodes();
    this.nodes = List.of(sortedNodes);
    int n = sortedNodes.length;
    EntityId[] idArray = new EntityId[n];
    for (int i = 0; i < n; i++) {
      idArray[i] = sortedNodes[i].id();
    }
    this.idArray = idArray;
    this.ids = List.of(idArray);
    Edges sortedEdges = sorted.edges();
    int m = sortedEdges.size();
    this.edges = sortedEdges;
    this.notes = List.copyOf(notes);
    // the labels are few and shared: fold each distinct one once
    Set<Label> labels = new HashSet<>();
    Label previous = null;
    for (GraphNode x : sortedNodes) {
      if (x.label() != previous) { // nodes share a few label objects, mostly in runs
        previous = x.label();
        labels.add(previous);
      }
    }
    labels.addAll(sortedEdges.labels());
    this.label = labels.isEmpty() ? Optional.empty() : Optional.of(fold(labels));
    this.from = sorted.from();
    this.to = sorted.to();
    double[] weight = new double[m];
    this.sourceStart = new int[n + 1];
    for (int i = 0; i < m; i++) {
      weight[i] = sortedEdges.count(i);
      sourceStart[from[i] + 1]++;
    }
    for (int u = 0; u < n; u++) {
      sourceStart[u + 1] += sourceStart[u];
    }
    this.graph = IntGraph.of(n, m, from, to, weight);
  }

  private static Map<EntityId, Integer> indexOfNodes(GraphNode[] sortedNodes) {
    Map<EntityId, Integer> indexOf = new HashMap<>(Math.max(16, sortedNodes.length * 4 / 3 + 1));
    for (int i = 0; i < sortedNodes.length; i++) {
      indexOf.put(sortedNodes[i].id(), i);
    }
    return indexOf;
  }

  /** Nodes in id order, edges in edge order with their ends' indices. */
  private record Sorted(GraphNode[] nodes, Edges edges, int[] from, int[] to) {
    static Sorted of(List<GraphNode> nodes, List<GraphEdge> edges) {
      GraphNode[] sortedNodes = nodes.toArray(GraphNode[]::new);
      Arrays.sort(sortedNodes, Comparator.comparing(GraphNode::id));
      Map<EntityId, Integer> indexOf = indexOfNodes(sortedNodes);
      int m = edges.size();
      GraphEdge[] given = edges.toArray(GraphEdge[]::new);
      int[] givenFrom = new int[m];
      for (int i = 0; i < m; i++) {
        Integer s = indexOf.get(given[i].source());
        if (s == null || !indexOf.containsKey(given[i].target())) {
          throw new IllegalArgumentException("edge " + given[i] + " has an end that is not a node of the network");
        }
        givenFrom[i] = s;
      }
      GraphEdge[] sorted = sortEdges(given, givenFrom, sortedNodes.length, indexOf);
      int[] from = new int[m];
      int[] to = new int[m];
      for (int i = 0; i < m; i++) {
        from[i] = indexOf.get(sorted[i].source());
        to[i] = indexOf.get(sorted[i].target());
      }
      return new Sorted(sortedNodes, Edges.of(sorted), from, to);
    }
  }

  /**
   * The edges in {@link #EDGE_ORDER}: bucketed by source index (node indices follow id order), then each bucket (a
   * node's few edges) sorted, rather than comparing ids across the whole list.
   */
  private static GraphEdge[] sortEdges(GraphEdge[] given, int[] from, int n, Map<EntityId, Integer> indexOf) {
    int m = given.length;
    int[] start = new int[n + 1];
    for (int i = 0; i < m; i++) {
      start[from[i] + 1]++;
    }
    for (int u = 0; u < n; u++) {
      start[u + 1] += start[u];
    }
    GraphEdge[] out = new GraphEdge[m];
    int[] target = new int[m];
    int[] fill = Arrays.copyOf(start, n);
    for (int i = 0; i < m; i++) {
      int at = fill[from[i]]++;
      out[at] = given[i];
      target[at] = indexOf.get(given[i].target());
    }
    for (int u = 0; u < n; u++) {
      if (start[u + 1] - start[u] > 32) {
        Arrays.sort(out, start[u], start[u + 1], EDGE_ORDER); // a hub: no quadratic insertion sort
        continue;
      }
      // insertion sort by target index, the full order only on ties: a bucket is one node's few edges
      for (int i = start[u] + 1; i < start[u + 1]; i++) {
        GraphEdge e = out[i];
        int t = target[i];
        int j = i - 1;
        while (j >= start[u] && (target[j] > t || (target[j] == t && EDGE_ORDER.compare(out[j], e) > 0))) {
          out[j + 1] = out[j];
          target[j + 1] = target[j];
          j--;
        }
        out[j + 1] = e;
        target[j + 1] = t;
      }
    }
    return out;
  }

  static final Comparator<GraphEdge> EDGE_ORDER = Comparator.comparing(GraphEdge::source)
      .thenComparing(GraphEdge::target).thenComparing(GraphEdge::kind).thenComparing(GraphEdge::type)
      .thenComparing(GraphEdge::value);

  /** A builder of a network from entities, links and mentions. */
  public static NetworkBuilder builder(Schema schema) {
    return new NetworkBuilder(schema);
  }

  /** The conjunction of labels, folded in a fixed order so equal inputs give equal text. */
  static Label fold(Collection<Label> labels) {
    TreeSet<Label> sorted = new TreeSet<>(Comparator.comparing(Label::toString));
    sorted.addAll(labels);
    return Label.allOf(sorted);
  }

  private int index(EntityId id) {
    int i = Arrays.binarySearch(idArray, id);
    return i < 0 ? -1 : i;
  }

  /** Every edge between the nodes of index u and v, in edge order. */
  private List<GraphEdge> between(int u, int v) {
    int lo = Math.min(u, v);
    int hi = Math.max(u, v);
    List<GraphEdge> out = new ArrayList<>(2);
    from(lo, hi, out); // the smaller index's edges come first in edge order
    if (hi != lo) {
      from(hi, lo, out);
    }
    return List.copyOf(out);
  }

  /** Adds the edges from node index u to node index v, in edge order: a binary search in u's edges by target. */
  private void from(int u, int v, List<GraphEdge> out) {
    int a = sourceStart[u];
    int b = sourceStart[u + 1];
    while (a < b) {
      int mid = (a + b) >>> 1;
      if (to[mid] < v) {
        a = mid + 1;
      } else {
        b = mid;
      }
    }
    for (int i = a; i < sourceStart[u + 1] && to[i] == v; i++) {
      out.add(edges.get(i));
    }
  }

  private int require(EntityId id) {
    Objects.requireNonNull(id, "id");
    int i = index(id);
    if (i < 0) {
      throw new IllegalArgumentException("no node " + id + " in this network; list nodes with nodes() (a collapsed"
          + " cluster is named by its smallest member id)");
    }
    return i;
  }

  /** The nodes, in id order. */
  public List<GraphNode> nodes() {
    return nodes;
  }

  /** The edges, ordered by source, target, kind, type and value. */
  public List<GraphEdge> edges() {
    return edges;
  }

  /** The node with this id (for a collapsed cluster, its smallest member id). */
  public Optional<GraphNode> node(EntityId id) {
    int i = index(Objects.requireNonNull(id, "id"));
    return i < 0 ? Optional.empty() : Optional.of(nodes.get(i));
  }

  /** The conjunction of the labels of every node and edge; empty for an empty network. */
  public Optional<Label> label() {
    return label;
  }

  /**
   * What the builder left out and why (an identifier shared by more entities than the builder's limit, a document
   * mentioning too many), so nothing is silently lost.
   */
  public List<String> notes() {
    return notes;
  }

  /** Every edge between two nodes, in edge order; empty when they are not adjacent. */
  public List<GraphEdge> edgesBetween(EntityId a, EntityId b) {
    return between(require(a), require(b));
  }

  /** The edges of one kind. */
  public List<GraphEdge> edges(EdgeKind kind) {
    return edges.stream().filter(e -> e.kind() == kind).toList();
  }

  /** The same nodes with only the edges that pass {@code keep} (by kind, type, time window, ...). */
  public Network filter(Predicate<GraphEdge> keep) {
    Objects.requireNonNull(keep, "keep");
    return new Network(nodes, edges.stream().filter(keep).toList(), notes);
  }

  /** A shortest path (fewest hops) from {@code from} to {@code to}, with the evidence of each hop. */
  public Optional<GraphPath> shortestPath(EntityId from, EntityId to) {
    int[] p = Paths.shortest(graph, require(from), require(to));
    return p == null ? Optional.empty() : Optional.of(path(p));
  }

  /**
   * Up to {@code k} loopless paths from {@code from} to {@code to} of at most {@code maxLength} hops, shortest first
   * (Yen's algorithm on hop counts).
   */
  public List<GraphPath> paths(EntityId from, EntityId to, int k, int maxLength) {
    if (k < 1 || maxLength < 1) {
      throw new IllegalArgumentException("paths needs k >= 1 and maxLength >= 1, got k=" + k + " maxLength="
          + maxLength);
    }
    return Paths.kShortest(graph, require(from), require(to), k, maxLength).stream().map(this::path).toList();
  }

  /**
   * A cheapest path from {@code from} to {@code to}, with the evidence of each hop: a hop between two nodes costs the
   * smallest {@code cost} of the edges between them; a cost of {@code +Infinity} keeps an edge out. For "the strongest
   * ties", cost an edge by the inverse of its evidence: {@code e -> 1.0 / e.count()}.
   *
   * @throws IllegalArgumentException when a cost is negative or NaN (Dijkstra needs non-negative costs)
   */
  public Optional<WeightedPath> cheapestPath(EntityId from, EntityId to, ToDoubleFunction<GraphEdge> cost) {
    Objects.requireNonNull(cost, "cost");
    int s = require(from);
    int t = require(to);
    int[] p = Paths.cheapest(graph, s, t, slotCosts(cost));
    return p == null ? Optional.empty() : Optional.of(weighted(p, cost));
  }

  /**
   * Up to {@code k} loopless paths from {@code from} to {@code to}, cheapest first (ties by node sequence), each with
   * the evidence of each hop and its cost as in {@link #cheapestPath}: Yen's algorithm over Dijkstra. The first is
   * {@link #cheapestPath}'s.
   *
   * @throws IllegalArgumentException when k is below 1, or a cost is negative or NaN
   */
  public List<WeightedPath> cheapestPaths(EntityId from, EntityId to, int k, ToDoubleFunction<GraphEdge> cost) {
    Objects.requireNonNull(cost, "cost");
    if (k < 1) {
      throw new IllegalArgumentException("cheapestPaths needs k >= 1, got k=" + k);
    }
    int s = require(from);
    int t = require(to);
    return Paths.kCheapest(graph, s, t, k, slotCosts(cost)).stream().map(c -> weighted(c.path(), cost)).toList();
  }

  /** The cost of every adjacency slot: the smallest cost of the edges between its two nodes. */
  private double[] slotCosts(ToDoubleFunction<GraphEdge> cost) {
    double[] slotCost = new double[2 * graph.edges()];
    for (int u = 0; u < graph.nodes(); u++) {
      for (int j = graph.start(u); j < graph.end(u); j++) {
        double c = Double.POSITIVE_INFINITY;
        for (GraphEdge e : between(u, graph.target(j))) {
          double x = cost.applyAsDouble(e);
          if (Double.isNaN(x) || x < 0) {
            throw new IllegalArgumentException("an edge cost must be zero or more, got " + x + " for " + e);
          }
          c = Math.min(c, x);
        }
        slotCost[j] = c;
      }
    }
    return slotCost;
  }

  private WeightedPath weighted(int[] p, ToDoubleFunction<GraphEdge> cost) {
    GraphPath path = path(p);
    double total = 0;
    for (List<GraphEdge> hop : path.hops()) {
      total += hop.stream().mapToDouble(cost).min().orElseThrow();
    }
    return new WeightedPath(path, total);
  }

  private GraphPath path(int[] p) {
    List<EntityId> ns = new ArrayList<>(p.length);
    List<List<GraphEdge>> hops = new ArrayList<>();
    for (int i = 0; i < p.length; i++) {
      ns.add(ids.get(p[i]));
      if (i > 0) {
        hops.add(between(p[i - 1], p[i]));
      }
    }
    return new GraphPath(ns, hops);
  }

  /** The ego network: every node within {@code hops} of {@code centre} and the edges among them. */
  public Network neighbourhood(EntityId centre, int hops) {
    if (hops < 0) {
      throw new IllegalArgumentException("neighbourhood needs hops >= 0, got " + hops);
    }
    int[] dist = Paths.distances(graph, require(centre), hops);
    List<GraphNode> inside = new ArrayList<>();
    for (int i = 0; i < dist.length; i++) {
      if (dist[i] >= 0) {
        inside.add(nodes.get(i));
      }
    }
    List<GraphEdge> kept = new ArrayList<>();
    for (int i = 0; i < from.length; i++) {
      if (dist[from[i]] >= 0 && dist[to[i]] >= 0) {
        kept.add(edges.get(i)); // a record only for the edges kept
      }
    }
    return new Network(inside, kept, List.of());
  }

  /** The connected components, largest first (ties by smallest id), each in id order. */
  public List<List<EntityId>> components() {
    return groups(Paths.components(graph));
  }

  private List<List<EntityId>> groups(int[] membership) {
    Map<Integer, List<EntityId>> by = new HashMap<>();
    for (int i = 0; i < membership.length; i++) {
      by.computeIfAbsent(membership[i], k -> new ArrayList<>()).add(ids.get(i));
    }
    List<List<EntityId>> out = new ArrayList<>(by.values());
    out.sort(Comparator.<List<EntityId>>comparingInt(List::size).reversed().thenComparing(l -> l.get(0)));
    return out;
  }

  /** Degree centrality: the number of distinct neighbours over n-1 (as networkx). */
  public NodeScores degree() {
    int n = nodes.size();
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      d[i] = n > 1 ? graph.degree(i) / (double) (n - 1) : 0;
    }
    return new NodeScores("degree", ids, d, 0);
  }

  /**
   * Exact betweenness centrality on hop distance (Brandes), normalised as networkx's {@code normalized=True} for an
   * undirected graph: the share of the pairs of other nodes whose shortest paths run through a node. O(n·m).
   */
  public NodeScores betweenness() {
    return new NodeScores("betweenness", ids, Betweenness.exact(graph), 0);
  }

  /**
   * Betweenness estimated from {@code pivots} source nodes drawn with {@code seed} (Brandes–Pich), unbiased, with
   * {@link NodeScores#errorBound()} holding at 99% for every node at once. O(pivots·m).
   */
  public NodeScores betweenness(int pivots, long seed) {
    if (pivots < 1) {
      throw new IllegalArgumentException("sampled betweenness needs pivots >= 1, got " + pivots);
    }
    return new NodeScores("betweenness", ids, Betweenness.sampled(graph, pivots, seed),
        Betweenness.errorBound(nodes.size(), pivots, 0.99));
  }

  /**
   * Exact betweenness as {@link #betweenness()}, computed on {@code threads} threads: the scores are bit-for-bit the
   * same for any thread count (the sources' sums are added in one fixed order).
   */
  public NodeScores betweenness(int threads) {
    requireThreads(threads);
    return new NodeScores("betweenness", ids, Betweenness.exact(graph, threads), 0);
  }

  /**
   * Sampled betweenness as {@link #betweenness(int, long)}, computed on {@code threads} threads: the same scores for
   * any thread count.
   */
  public NodeScores betweenness(int pivots, long seed, int threads) {
    if (pivots < 1) {
      throw new IllegalArgumentException("sampled betweenness needs pivots >= 1, got " + pivots);
    }
    requireThreads(threads);
    return new NodeScores("betweenness", ids, Betweenness.sampled(graph, pivots, seed, threads),
        Betweenness.errorBound(nodes.size(), pivots, 0.99));
  }

  private static void requireThreads(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("betweenness needs threads >= 1, got " + threads);
    }
  }

  /** PageRank with damping 0.85 on the weighted undirected graph (iterated to an L1 change below 1e-10). */
  public NodeScores pageRank() {
    return new NodeScores("pagerank", ids, PageRank.of(graph, 0.85, 1000, 1e-10), 0);
  }

  /** Communities by Leiden with seed 1 ({@link #leiden(long)}), with their modularity. */
  public Communities communities() {
    return leiden(1L);
  }

  /**
   * Communities by Leiden (Traag et al. 2019) on the weighted graph, with their modularity: every community is
   * connected (Louvain's may not be), and the same graph and {@code seed} give the same communities. At most 2 whole
   * iterations ({@link #leiden(long, int)} for more).
   */
  public Communities leiden(long seed) {
    int[] c = Leiden.communities(graph, seed);
    return new Communities(Louvain.modularity(graph, c), groups(c));
  }

  /**
   * {@link #leiden(long)} with at most {@code maxIterations} whole iterations (each local moving, refinement and
   * aggregation down to one level, repeated from the last partition while modularity rises; {@link #leiden(long)}
   * stops after 2): more iterations trade time for a little modularity.
   */
  public Communities leiden(long seed, int maxIterations) {
    int[] c = Leiden.communities(graph, seed, maxIterations);
    return new Communities(Louvain.modularity(graph, c), groups(c));
  }

  /**
   * Communities by Louvain (Blondel et al. 2008) on the weighted graph, with their modularity; deterministic. A
   * community may be internally disconnected: prefer {@link #leiden(long)}.
   */
  public Communities louvain() {
    int[] c = Louvain.communities(graph);
    return new Communities(Louvain.modularity(graph, c), groups(c));
  }

  /**
   * Closeness centrality on hop distance, normalised as networkx's default: with r other nodes reachable at total
   * distance s, {@code (r/s)·(r/(n-1))} (the Wasserman–Faust correction for disconnected graphs); 0 for a node with
   * no edges. O(n·m).
   */
  public NodeScores closeness() {
    return new NodeScores("closeness", ids, Closeness.of(graph).closeness, 0);
  }

  /** Harmonic centrality on hop distance: Σ 1/d over the other nodes (unreachable add 0), over n-1. O(n·m). */
  public NodeScores harmonic() {
    return new NodeScores("harmonic", ids, Closeness.of(graph).harmonic, 0);
  }

  /**
   * Eigenvector centrality on the weighted graph (weight = evidence count), L2-normalised as networkx's: power
   * iteration on A + I from the uniform vector to an L1 change below n·1e-10 (at most 10,000 rounds).
   */
  public NodeScores eigenvector() {
    return new NodeScores("eigenvector", ids, Eigenvector.of(graph, 10_000, 1e-10), 0);
  }

  /**
   * Communities by label propagation on the weighted graph, visiting nodes in an order shuffled by {@code seed}
   * (ties broken deterministically: the same graph and seed give the same groups), with their modularity.
   */
  public Communities labelPropagation(long seed) {
    int[] c = LabelPropagation.communities(graph, seed, 1000);
    return new Communities(Louvain.modularity(graph, c), groups(c));
  }

  /**
   * The {@code top} likeliest missing links under {@code by}: non-adjacent pairs sharing at least one neighbour,
   * best first (ties by the smaller pair), each with every measure's score and the shared neighbours as evidence.
   */
  public List<PredictedLink> predictLinks(LinkMeasure by, int top) {
    Objects.requireNonNull(by, "by");
    if (top < 0) {
      throw new IllegalArgumentException("predictLinks needs top >= 0, got " + top);
    }
    List<PredictedLink> out = new ArrayList<>();
    for (LinkPrediction.Pair p : LinkPrediction.top(graph, by.ordinal(), top)) {
      List<EntityId> shared = new ArrayList<>();
      for (int j = graph.start(p.u()); j < graph.end(p.u()); j++) {
        int w = graph.target(j);
        if (adjacent(w, p.v())) {
          shared.add(ids.get(w));
        }
      }
      Collections.sort(shared);
      double[] s = p.scores();
      out.add(new PredictedLink(ids.get(p.u()), ids.get(p.v()), (int) s[0], s[1], s[2], s[3], shared));
    }
    return out;
  }

  private boolean adjacent(int u, int v) {
    for (int j = graph.start(u); j < graph.end(u); j++) {
      if (graph.target(j) == v) {
        return true;
      }
    }
    return false;
  }

  /**
   * The same nodes with only the edges whose time interval (earliest to latest date of their evidence) overlaps
   * {@code [from, to]}. Dates are ISO 8601 and may be partial: {@code 2021} is the whole year, so it overlaps a
   * window from {@code 2021-06-01}. Edges without a (readable) date are left out, and counted in {@link #notes()}.
   */
  public Network window(String from, String to) {
    String low = Dates.low(Objects.requireNonNull(from, "from"));
    String high = Dates.high(Objects.requireNonNull(to, "to"));
    if (low.compareTo(high) > 0) {
      throw new IllegalArgumentException("window needs from <= to, got from=" + from + " to=" + to);
    }
    List<GraphEdge> kept = new ArrayList<>();
    int undated = 0;
    for (GraphEdge e : edges) {
      Optional<String> start = e.start().or(e::end).filter(Dates::valid);
      Optional<String> end = e.end().or(e::start).filter(Dates::valid);
      if (start.isEmpty() || end.isEmpty()) {
        undated++;
      } else if (Dates.low(start.get()).compareTo(high) <= 0 && Dates.high(end.get()).compareTo(low) >= 0) {
        kept.add(e);
      }
    }
    List<String> n = new ArrayList<>(notes);
    if (undated > 0) {
      n.add(undated + " edges without a date left out of the window " + from + " to " + to);
    }
    return new Network(nodes, kept, n);
  }

  /**
   * What is new since {@code date}: the edges whose earliest evidence is on or after it (an edge without a date is
   * not new: nothing says it is), and the bridges made of new edges only.
   */
  public GraphChanges since(String date) {
    String low = Dates.low(Objects.requireNonNull(date, "date"));
    List<GraphEdge> fresh = edges.stream()
        .filter(e -> e.start().or(e::end).filter(Dates::valid).map(d -> Dates.low(d).compareTo(low) >= 0)
            .orElse(false)).toList();
    java.util.Set<GraphEdge> freshSet = new java.util.HashSet<>(fresh);
    List<List<EntityId>> bridges = brokers().bridges().stream()
        .filter(b -> freshSet.containsAll(edgesBetween(b.get(0), b.get(1)))).toList();
    return new GraphChanges(date, fresh, bridges);
  }

  /** Articulation points and bridges (iterative: no stack overflow at millions of nodes). */
  public Brokers brokers() {
    Biconnected b = Biconnected.of(graph);
    List<EntityId> points = new ArrayList<>();
    for (int p : b.articulationPoints) {
      points.add(ids.get(p));
    }
    List<List<EntityId>> bridges = new ArrayList<>();
    for (int[] e : b.bridges) {
      bridges.add(List.of(ids.get(e[0]), ids.get(e[1])));
    }
    return new Brokers(points, bridges);
  }

  /**
   * This network as an unmodifiable JGraphT graph (undirected, multiple edges, weighted by evidence count; each
   * edge keeps its own direction in {@link GraphEdge#directed()}), for JGraphT's algorithms. A copy: build it once.
   */
  public Graph<EntityId, GraphEdge> asGraph() {
    Graph<EntityId, GraphEdge> g = GraphTypeBuilder.<EntityId, GraphEdge>undirected().allowingMultipleEdges(true)
        .allowingSelfLoops(false).weighted(true).buildGraph();
    ids.forEach(g::addVertex);
    for (GraphEdge e : edges) {
      g.addEdge(e.source(), e.target(), e);
      g.setEdgeWeight(e, e.count());
    }
    return new AsUnmodifiableGraph<>(g);
  }

  @Override
  public String toString() {
    return "Network[nodes=" + nodes.size() + ", edges=" + edges.size() + ", label=" + label.orElse(null) + "]";
  }
}
