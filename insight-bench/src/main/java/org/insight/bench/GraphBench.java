package org.insight.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.insight.core.Dataset;
import org.insight.core.Entity;
import org.insight.core.EntityId;
import org.insight.core.Schema;
import org.insight.graph.Communities;
import org.insight.graph.Network;
import org.insight.graph.NetworkBuilder;
import org.insight.graph.NodeScores;
import org.insight.policy.Label;
import org.insight.policy.SourceGrading;
import org.jgrapht.Graph;
import org.jgrapht.alg.clustering.LabelPropagationClustering;
import org.jgrapht.alg.connectivity.BiconnectivityInspector;
import org.jgrapht.alg.connectivity.ConnectivityInspector;
import org.jgrapht.alg.interfaces.ClusteringAlgorithm;
import org.jgrapht.alg.scoring.BetweennessCentrality;
import org.jgrapht.alg.scoring.PageRank;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;

/**
 * The graph module against JGraphT 1.5.3 on the same graph in the same JVM: building it, PageRank, connected
 * components, articulation points, communities (our Leiden, the default, against JGraphT's label propagation: JGraphT
 * has no Louvain or Leiden), and exact betweenness on a smaller graph (JGraphT's is O(nm) with boxed maps), plus our sampled
 * betweenness on the large one. Prints CPU times of the calling thread, ratios and peak heap.
 *
 * <p>Data: {@code NODES} persons in planted communities of 50, each with about 4 Associate links inside its community
 * and one outside, and one phone in 20 shared with another person (a hidden connection); built as entities, so our
 * build includes the schema work a workspace graph does. JGraphT gets the same edge list.
 *
 * <pre>./run-bench graph [NODES] [EXACT_NODES]</pre>
 *
 * <p>Modes (first argument): {@code build N RUNS [only|statements]} the 1M-edge build from entities and from
 * statements against JGraphT from an int edge list; {@code edgelist N RUNS} the build from the same CSV edge list for
 * both; {@code grow N ROUNDS}, {@code leiden N}, {@code scale}.
 */
public final class GraphBench {
  private static final Dataset DS = Dataset.of("bench", Label.of("A"), SourceGrading.UNGRADED);

  private GraphBench() {}

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("build")) {
      try (PeakHeap heap = PeakHeap.start()) {
        build(args.length > 1 ? Integer.parseInt(args[1]) : 400_000, args.length > 2 ? Integer.parseInt(args[2]) : 3,
            heap, !(args.length > 3 && (args[3].equals("only") || args[3].equals("statements"))),
            args.length > 3 && args[3].equals("statements"));
      }
      return;
    }
    if (args.length > 0 && args[0].equals("edgelist")) {
      try (PeakHeap heap = PeakHeap.start()) {
        edgeList(args.length > 1 ? Integer.parseInt(args[1]) : 400_000,
            args.length > 2 ? Integer.parseInt(args[2]) : 3, heap);
      }
      return;
    }
    if (args.length > 0 && args[0].equals("grow")) {
      grow(args.length > 1 ? Integer.parseInt(args[1]) : 50_000, args.length > 2 ? Integer.parseInt(args[2]) : 5);
      return;
    }
    if (args.length > 0 && args[0].equals("leiden")) {
      leidenCaps(args.length > 1 ? Integer.parseInt(args[1]) : 400_000);
      return;
    }
    if (args.length > 0 && args[0].equals("scale")) {
      try (PeakHeap heap = PeakHeap.start()) {
        scale(heap);
      }
      return;
    }
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int exactN = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
    try (PeakHeap heap = PeakHeap.start()) {
      large(n, heap);
      exact(exactN);
    }
  }

  /**
   * Leiden with at most 1, 2, 5 and 20 (the default) whole iterations on the graph of {@code n} persons (400,000: the
   * 1M-edge graph): modularity and thread CPU time of each, same seed.
   */
  private static void leidenCaps(int n) {
    List<Entity> entities = new ArrayList<>();
    generate(n, 7L, entities, new ArrayList<>());
    NetworkBuilder builder = Network.builder(Schema.defaults());
    entities.forEach(builder::add);
    Network net = builder.build();
    entities = null;
    builder = null;
    for (int cap : new int[] {1, 2, 5, 20}) {
      System.gc();
      long t0 = cpu();
      Communities c = net.leiden(1L, cap);
      long time = cpu() - t0;
      System.out.printf(Locale.ROOT, "Leiden at %,d edges, at most %d iteration(s): %,.0f ms, %,d communities,"
          + " modularity %.4f%n", net.edges().size(), cap, ms(time), c.groups().size(), c.modularity());
    }
  }

  private static void large(int n, PeakHeap heap) {
    List<Entity> entities = new ArrayList<>();
    List<int[]> edges = new ArrayList<>();
    generate(n, 7L, entities, edges);
    System.out.printf(Locale.ROOT, "GraphBench: %,d persons, %,d links and shared phones (%,d entities)%n", n,
        edges.size(), entities.size());

    heap.reset();
    long t0 = cpu();
    NetworkBuilder builder = Network.builder(Schema.defaults());
    entities.forEach(builder::add);
    Network net = builder.build();
    long ours = cpu() - t0;
    long ourHeap = heap.peakBytes();
    heap.reset();
    t0 = cpu();
    Graph<Integer, DefaultEdge> jg = jgrapht(n, edges);
    long theirs = cpu() - t0;
    t0 = cpu();
    long fromEntities = jgraphtFromEntities(entities).edgeSet().size();
    long theirsFromEntities = cpu() - t0;
    System.out.printf(Locale.ROOT, "build: ours %,.0f ms from entities (%,d nodes, %,d edges with kinds, weights, dates,"
        + " provenance, labels; peak heap %,d MB) vs JGraphT %,.0f ms from the int edge list (peak heap %,d MB), %,.0f ms"
        + " from the same entities' links (%,d edges, no shared identifiers); ratios %.2f and %.2f%n", ms(ours),
        net.nodes().size(), net.edges().size(), ourHeap >> 20, ms(theirs), heap.peakBytes() >> 20,
        ms(theirsFromEntities), fromEntities, (double) ours / theirs, (double) ours / theirsFromEntities);

    t0 = cpu();
    NodeScores pr = net.pageRank();
    ours = cpu() - t0;
    t0 = cpu();
    Map<Integer, Double> jpr = new PageRank<>(jg, 0.85, 1000, 1e-10).getScores();
    theirs = cpu() - t0;
    System.out.printf(Locale.ROOT, "pagerank: ours %,.0f ms vs JGraphT %,.0f ms: %.1fx faster (top score %.2e vs %.2e)%n",
        ms(ours), ms(theirs), (double) theirs / ours, pr.top(1).get(0).value(),
        jpr.values().stream().mapToDouble(Double::doubleValue).max().orElse(0));

    t0 = cpu();
    int components = net.components().size();
    ours = cpu() - t0;
    t0 = cpu();
    int jcomponents = new ConnectivityInspector<>(jg).connectedSets().size();
    theirs = cpu() - t0;
    System.out.printf(Locale.ROOT, "components: ours %,.0f ms vs JGraphT %,.0f ms: %.1fx faster (%d vs %d)%n", ms(ours),
        ms(theirs), (double) theirs / ours, components, jcomponents);

    t0 = cpu();
    int points = net.brokers().articulationPoints().size();
    ours = cpu() - t0;
    String jpoints;
    t0 = cpu();
    try {
      jpoints = Integer.toString(new BiconnectivityInspector<>(jg).getCutpoints().size());
    } catch (StackOverflowError e) {
      jpoints = "StackOverflowError";
    }
    theirs = cpu() - t0;
    System.out.printf(Locale.ROOT, "articulation points: ours %,.0f ms vs JGraphT %,.0f ms: %.1fx faster (%d vs %s)%n",
        ms(ours), ms(theirs), (double) theirs / ours, points, jpoints);

    heap.reset();
    t0 = cpu();
    Communities c = net.communities();
    ours = cpu() - t0;
    long leidenHeap = heap.peakBytes();
    t0 = cpu();
    ClusteringAlgorithm.Clustering<Integer> lp = new LabelPropagationClustering<>(jg, new java.util.Random(7)).getClustering();
    theirs = cpu() - t0;
    System.out.printf(Locale.ROOT, "communities: our Leiden %,.0f ms (%,d communities, modularity %.4f, peak heap %,d MB)"
        + " vs JGraphT label propagation %,.0f ms (%,d communities, modularity %.4f)%n", ms(ours), c.groups().size(),
        c.modularity(), leidenHeap >> 20, ms(theirs), lp.getNumberClusters(), modularity(jg, lp));

    int pivots = 100;
    t0 = cpu();
    NodeScores sampled = net.betweenness(pivots, 1L);
    ours = cpu() - t0;
    System.out.printf(Locale.ROOT, "betweenness sampled from %d pivots: %,.0f ms (error bound %.4f at 99%%; JGraphT has"
        + " no sampled betweenness)%n", pivots, ms(ours), sampled.errorBound());
  }

  private static void exact(int n) {
    List<Entity> entities = new ArrayList<>();
    List<int[]> edges = new ArrayList<>();
    generate(n, 11L, entities, edges);
    NetworkBuilder builder = Network.builder(Schema.defaults());
    entities.forEach(builder::add);
    Network net = builder.build();
    Graph<Integer, DefaultEdge> jg = jgrapht(n, edges);
    long t0 = cpu();
    NodeScores b = net.betweenness();
    long ours = cpu() - t0;
    t0 = cpu();
    Map<Integer, Double> jb = new BetweennessCentrality<>(jg, true).getScores();
    long theirs = cpu() - t0;
    double maxDiff = 0;
    for (int i = 0; i < n; i++) {
      maxDiff = Math.max(maxDiff, Math.abs(b.of(person(i)) - 2 * jb.get(i))); // JGraphT normalises by twice as much
    }
    System.out.printf(Locale.ROOT, "exact betweenness at %,d nodes / %,d edges: ours %,.0f ms vs JGraphT %,.0f ms: %.1fx"
        + " faster; largest difference %.1e%n", n, net.edges().size(), ms(ours), ms(theirs), (double) theirs / ours,
        maxDiff);
  }

  /**
   * The scale targets: exact betweenness at 10,000 nodes / 50,000 edges against JGraphT, articulation points
   * on a 2,000,000-node path and tree (no stack overflow), and a 1,000,000-edge build with its heap.
   */
  private static void scale(PeakHeap heap) {
    // exact betweenness, 10k nodes / 50k distinct random edges, both from the same int edge list
    int n = 10_000;
    java.util.Random random = new java.util.Random(5);
    java.util.Set<Long> seen = new java.util.HashSet<>();
    List<int[]> edges = new ArrayList<>();
    StringBuilder csv = new StringBuilder("a,b\n");
    while (edges.size() < 50_000) {
      int a = random.nextInt(n);
      int b = random.nextInt(n);
      if (a != b && seen.add(Math.min(a, b) * (long) n + Math.max(a, b))) {
        edges.add(new int[] {a, b});
        csv.append('p').append(a).append(",p").append(b).append('\n');
      }
    }
    Network net = org.insight.graph.EdgeList.read(new java.io.StringReader(csv.toString()), ',',
        org.insight.graph.EdgeList.Columns.of("a", "b"), Label.of("A"), "bench").network();
    Graph<Integer, DefaultEdge> jg = jgrapht(n, edges);
    long t0 = cpu();
    NodeScores b = net.betweenness();
    long ours = cpu() - t0;
    t0 = cpu();
    Map<Integer, Double> jb = new BetweennessCentrality<>(jg, true).getScores();
    long theirs = cpu() - t0;
    double maxDiff = 0;
    for (int i = 0; i < n; i++) {
      if (net.node(person(i)).isPresent()) {
        maxDiff = Math.max(maxDiff, Math.abs(b.of(person(i)) - 2 * jb.get(i)));
      }
    }
    System.out.printf(Locale.ROOT, "exact betweenness at %,d nodes / %,d edges: ours %,.0f ms vs JGraphT %,.0f ms: %.1fx"
        + " faster; largest difference %.1e%n", net.nodes().size(), net.edges().size(), ms(ours), ms(theirs),
        (double) theirs / ours, maxDiff);
    net = null;
    jg = null;

    // articulation points on 2M-node graphs, through the public API (an edge list read into a Network)
    int big = 2_000_000;
    for (String shape : List.of("path", "binary tree")) {
      StringBuilder rows = new StringBuilder(big * 20).append("a,b\n");
      for (int i = 1; i < big; i++) {
        rows.append('p').append(shape.equals("path") ? i - 1 : (i - 1) / 2).append(",p").append(i).append('\n');
      }
      heap.reset();
      t0 = cpu();
      Network g = org.insight.graph.EdgeList.read(new java.io.StringReader(rows.toString()), ',',
          org.insight.graph.EdgeList.Columns.of("a", "b"), Label.of("A"), "bench").network();
      long read = cpu() - t0;
      rows = null;
      t0 = cpu();
      org.insight.graph.Brokers br = g.brokers();
      ours = cpu() - t0;
      System.out.printf(Locale.ROOT, "articulation points of a %,d-node %s: %,.0f ms (edge list read %,.0f ms, peak heap"
          + " %,d MB), %,d points, %,d bridges, no stack overflow%n", g.nodes().size(), shape, ms(ours), ms(read),
          heap.peakBytes() >> 20, br.articulationPoints().size(), br.bridges().size());
    }

    // a 1M-edge build from entities (links and shared phones), and JGraphT from the same int edge list
    List<Entity> entities = new ArrayList<>();
    List<int[]> links = new ArrayList<>();
    generate(400_000, 7L, entities, links);
    heap.reset();
    t0 = cpu();
    NetworkBuilder builder = Network.builder(Schema.defaults());
    entities.forEach(builder::add);
    Network large = builder.build();
    ours = cpu() - t0;
    long ourHeap = heap.peakBytes();
    entities = null;
    builder = null;
    heap.reset();
    t0 = cpu();
    Graph<Integer, DefaultEdge> jlarge = jgrapht(400_000, links);
    theirs = cpu() - t0;
    System.out.printf(Locale.ROOT, "1M-edge build: ours %,.0f ms from entities (%,d nodes, %,d edges; peak heap %,d MB"
        + " with the entities) vs JGraphT %,.0f ms from the int edge list (%,d edges; peak heap %,d MB with ours alive)"
        + "%n", ms(ours), large.nodes().size(), large.edges().size(), ourHeap >> 20, ms(theirs),
        jlarge.edgeSet().size(), heap.peakBytes() >> 20);
  }

  /**
   * The build alone, {@code runs} times each, alternating: ours from entities, ours from the same entities'
   * statements (what the workspace's statement scan hands the builder: no entities assembled), and JGraphT from the
   * int edge list. 400,000 persons give the 1M-edge graph. Best run of each, thread CPU.
   */
  private static void build(int n, int runs, PeakHeap heap, boolean analyses, boolean theirStatements) {
    List<Entity> entities = new ArrayList<>();
    List<int[]> links = new ArrayList<>();
    generate(n, 7L, entities, links);
    List<org.insight.core.Statement> statements = new ArrayList<>();
    entities.forEach(e -> statements.addAll(e.statements()));
    long best = Long.MAX_VALUE;
    long bestStatements = Long.MAX_VALUE;
    long bestFeed = 0;
    long bestTheirs = Long.MAX_VALUE;
    long bestTheirStatements = Long.MAX_VALUE;
    Network large = null;
    long ourHeap = 0;
    for (int run = 0; run < runs; run++) {
      large = null;
      System.gc();
      heap.reset();
      long t0 = cpu();
      NetworkBuilder builder = Network.builder(Schema.defaults());
      entities.forEach(builder::add);
      large = builder.build();
      best = Math.min(best, cpu() - t0);
      ourHeap = Math.max(ourHeap, heap.peakBytes());
      builder = null;
      large = null;
      System.gc();
      t0 = cpu();
      builder = Network.builder(Schema.defaults());
      statements.forEach(builder::add);
      long fed = cpu();
      large = builder.build();
      long built = cpu();
      if (built - t0 < bestStatements) {
        bestStatements = built - t0;
        bestFeed = fed - t0;
      }
      builder = null;
      System.gc();
      long t1 = cpu();
      Graph<Integer, DefaultEdge> g = jgrapht(n, links);
      bestTheirs = Math.min(bestTheirs, cpu() - t1);
      g = null;
      if (theirStatements) { // not with the int edge list's runs: a second graph type makes JGraphT's calls polymorphic
        System.gc();
        t1 = cpu();
        Graph<String, DefaultEdge> gs = jgraphtFromStatements(statements);
        bestTheirStatements = Math.min(bestTheirStatements, cpu() - t1);
        gs = null;
      }
    }
    System.out.printf(Locale.ROOT, "build of %,d persons (%,d entities, %,d statements): ours %,.0f ms from entities,"
        + " %,.0f ms from statements (%,d nodes, %,d edges; peak heap %,d MB with the entities) vs JGraphT %,.0f ms from"
        + " the int edge list: ratios %.2f (entities) and %.2f (statements) (best of %d)%n", n, entities.size(),
        statements.size(), ms(best), ms(bestStatements), large.nodes().size(), large.edges().size(), ourHeap >> 20,
        ms(bestTheirs), (double) best / bestTheirs, (double) bestStatements / bestTheirs, runs);
    System.out.printf(Locale.ROOT, "  ours from statements: %,.0f ms taking them in (add), %,.0f ms assembling (build)%n",
        ms(bestFeed), ms(bestStatements - bestFeed));
    if (theirStatements) {
      System.out.printf(Locale.ROOT, "  JGraphT from the same statements (links grouped by id, ends as string vertices,"
          + " no evidence) %,.0f ms: ours from statements / theirs %.2f%n", ms(bestTheirStatements),
          (double) bestStatements / bestTheirStatements);
    }
    if (analyses) {
      entities = null;
      analyses(large);
    }
    aim("build from entities", (double) best / bestTheirs);
    aim("build from statements", (double) bestStatements / bestTheirs);
  }

  /** One line per aim: met or not met, with the ratio it is judged by. */
  private static void aim(String what, double ratio) {
    System.out.printf(Locale.ROOT, "aim: %s <= %.1fx JGraphT's time: %s (%.2fx)%n", what, BUILD_AIM,
        ratio <= BUILD_AIM ? "met" : "NOT MET", ratio);
  }

  /** The aim where JGraphT is already fast, as for a build: at most this multiple of its time. */
  private static final double BUILD_AIM = 1.2;

  /** Communities and sampled betweenness (one and two threads) on the built graph. */
  private static void analyses(Network large) {
    long t0 = cpu();
    Communities louvain = large.louvain();
    long louvainTime = cpu() - t0;
    t0 = cpu();
    Communities leiden = large.leiden(1L);
    long leidenTime = cpu() - t0;
    System.out.printf(Locale.ROOT, "communities at %,d edges: Leiden %,.0f ms (%,d communities, modularity %.4f) vs"
        + " Louvain %,.0f ms (%,d communities, modularity %.4f)%n", large.edges().size(), ms(leidenTime),
        leiden.groups().size(), leiden.modularity(), ms(louvainTime), louvain.groups().size(), louvain.modularity());
    int pivots = 100;
    t0 = cpu();
    NodeScores one = large.betweenness(pivots, 1L);
    long oneCpu = cpu() - t0;
    for (int threads : new int[] {1, 2}) {
      long wall0 = System.nanoTime();
      long process0 = processCpu();
      NodeScores many = large.betweenness(pivots, 1L, threads);
      long wall = System.nanoTime() - wall0;
      long process = processCpu() - process0;
      System.out.printf(Locale.ROOT, "sampled betweenness (%d pivots) at %,d edges on %d thread(s): wall %,.0f ms,"
          + " process CPU %,.0f ms (the one-thread call: thread CPU %,.0f ms); same scores as one thread: %s; error"
          + " bound %.4f%n", pivots, large.edges().size(), threads, ms(wall), ms(process), ms(oneCpu),
          one.all().equals(many.all()), many.errorBound());
    }
  }

  /**
   * The build on the same edge list for both, from the same file: the 1M-edge graph's edges ({@code n} = 400,000
   * persons, as in {@code build}: links and shared phones) written as a CSV file of string ids with a header row, what
   * {@code insight graph --edges} reads. Ours: the public {@link org.insight.graph.EdgeList#read} to a {@link Network}
   * (the CLI's edge-list form). JGraphT: the same file into a {@code SimpleGraph<String, DefaultEdge>}, once by
   * jgrapht-io's {@code CSVImporter} (its own reader, ANTLR-based; it reads the header row as one more edge) and once
   * by a plain reader of the same lines (split at the comma, no quoting: the least a reader can do). Each is timed from
   * the file, {@code runs} times in rotating order, best of each: the calling thread's CPU, wall time, and the heap the
   * graph added at its peak above the heap in use before it (sampled; a collection before each). JGraphT from the
   * prepared int edge list is printed for reference.
   */
  private static void edgeList(int n, int runs, PeakHeap heap) {
    List<int[]> links = new ArrayList<>();
    generate(n, 7L, new ArrayList<>(), links);
    Path file;
    try {
      file = java.nio.file.Files.createTempFile("graph-edges", ".csv");
      try (java.io.Writer w = java.nio.file.Files.newBufferedWriter(file, java.nio.charset.StandardCharsets.UTF_8)) {
        w.write("source,target\n");
        for (int[] e : links) {
          w.write("p" + e[0] + ",p" + e[1] + "\n");
        }
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    try {
      String[] names = {"ours (EdgeList.read)", "JGraphT CSVImporter", "JGraphT plain reader",
          "JGraphT from the int edge list"};
      long[] cpu = new long[names.length];
      long[] wall = new long[names.length];
      long[] added = new long[names.length];
      String[] size = new String[names.length];
      java.util.Arrays.fill(cpu, Long.MAX_VALUE);
      java.util.Arrays.fill(wall, Long.MAX_VALUE);
      for (int run = 0; run < runs; run++) {
        for (int k = 0; k < names.length; k++) {
          int which = (run + k) % names.length;
          System.gc();
          heap.reset();
          long before = heap.peakBytes();
          long w0 = System.nanoTime();
          long c0 = cpu();
          Object graph = switch (which) {
            case 0 -> org.insight.graph.EdgeList.read(file, org.insight.graph.EdgeList.Columns.of("source", "target"),
                Label.of("A")).network();
            case 1 -> jgraphtImporter(file);
            case 2 -> jgraphtPlain(file);
            default -> jgrapht(n, links);
          };
          cpu[which] = Math.min(cpu[which], cpu() - c0);
          wall[which] = Math.min(wall[which], System.nanoTime() - w0);
          added[which] = Math.max(added[which], heap.peakBytes() - before);
          size[which] = graph instanceof Network net ? net.nodes().size() + " nodes, " + net.edges().size() + " edges"
              : ((Graph<?, ?>) graph).vertexSet().size() + " vertices, " + ((Graph<?, ?>) graph).edgeSet().size()
              + " edges";
        }
      }
      System.out.printf(Locale.ROOT, "edge list of %,d persons: %,d rows, %,d bytes (%s); best of %d, thread CPU / wall"
          + " / heap added at peak:%n", n, links.size(), file.toFile().length(), file, runs);
      for (int k = 0; k < names.length; k++) {
        System.out.printf(Locale.ROOT, "  %-31s %,7.0f ms CPU %,7.0f ms wall %,6d MB  (%s)%n", names[k], ms(cpu[k]),
            ms(wall[k]), added[k] >> 20, size[k]);
      }
      System.out.printf(Locale.ROOT, "ours / JGraphT CSVImporter: %.2f CPU, %.2f wall; ours / JGraphT plain reader: %.2f"
          + " CPU, %.2f wall; ours / JGraphT from the int edge list: %.2f CPU%n", (double) cpu[0] / cpu[1],
          (double) wall[0] / wall[1], (double) cpu[0] / cpu[2], (double) wall[0] / wall[2], (double) cpu[0] / cpu[3]);
      aim("edge-list build against CSVImporter (CPU)", (double) cpu[0] / cpu[1]);
      aim("edge-list build against a plain reader (CPU)", (double) cpu[0] / cpu[2]);
    } finally {
      file.toFile().delete();
    }
  }

  /** The edge list read by jgrapht-io's own CSV importer, the ids as string vertices. */
  private static Graph<String, DefaultEdge> jgraphtImporter(Path file) {
    Graph<String, DefaultEdge> g = new SimpleGraph<>(DefaultEdge.class);
    org.jgrapht.nio.csv.CSVImporter<String, DefaultEdge> importer = new org.jgrapht.nio.csv.CSVImporter<>(
        org.jgrapht.nio.csv.CSVFormat.EDGE_LIST, ',');
    importer.setVertexFactory(id -> id);
    importer.importGraph(g, file.toFile());
    return g;
  }

  /** The edge list read line by line, split at the comma, into a JGraphT graph of string vertices. */
  private static Graph<String, DefaultEdge> jgraphtPlain(Path file) {
    Graph<String, DefaultEdge> g = new SimpleGraph<>(DefaultEdge.class);
    try (java.io.BufferedReader in = java.nio.file.Files.newBufferedReader(file,
        java.nio.charset.StandardCharsets.UTF_8)) {
      in.readLine(); // the header
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        int comma = line.indexOf(',');
        String a = line.substring(0, comma);
        String b = line.substring(comma + 1);
        g.addVertex(a);
        g.addVertex(b);
        g.addEdge(a, b);
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return g;
  }

  /**
   * A session's graph grown against built afresh, side by side in one workspace: {@code n} persons with their links
   * and shared phones written through a session, then {@code rounds} times a batch of 100 new persons (with links to
   * the existing ones) is added and the session's graph asked for twice, in alternating order: with the default
   * options, whose graph is cached and so grows by the statements added, and with options no graph was cached for
   * (a {@code maxGroup} above any group here, so the same graph), built from the whole visible data. Thread CPU of
   * the calling thread (the store's scans run on it).
   */
  private static void grow(int n, int rounds) {
    Path dir;
    try {
      dir = java.nio.file.Files.createTempDirectory("graph-grow");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    try (org.insight.workspace.Workspace ws = org.insight.workspace.Workspace.builder(dir).open()) {
      org.insight.workspace.Session s = ws.session(org.insight.policy.Principal.of("bench", Set.of("A")),
          org.insight.policy.Purpose.CRIMINAL_INVESTIGATION);
      List<Entity> entities = new ArrayList<>();
      generate(n, 7L, entities, new ArrayList<>());
      long t0 = System.nanoTime();
      for (int from = 0; from < entities.size(); from += 5_000) {
        s.add(entities.subList(from, Math.min(entities.size(), from + 5_000)));
      }
      System.out.printf(Locale.ROOT, "GraphBench grow: %,d persons, %,d entities written in %.0f s%n", n,
          entities.size(), (System.nanoTime() - t0) / 1e9);
      org.insight.workspace.GraphOptions cachedOptions = org.insight.workspace.GraphOptions.defaults();
      long c0 = cpu();
      Network first = s.graph(cachedOptions);
      System.out.printf(Locale.ROOT, "first build: %,.0f ms (%,d nodes, %,d edges)%n", ms(cpu() - c0),
          first.nodes().size(), first.edges().size());
      SplittableRandom r = new SplittableRandom(11L);
      double ratioSum = 0;
      for (int round = 0; round < rounds; round++) {
        List<Entity> batch = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
          int p = n + round * 100 + i;
          batch.add(DS.entity("Person", "p" + p).id(person(p)).add("name", "Person " + p).build());
          batch.add(DS.entity("Associate", "g" + p).id(EntityId.of("g" + p)).add("person", person(p).value())
              .add("associate", person(r.nextInt(n)).value()).build());
        }
        s.add(batch);
        org.insight.workspace.GraphOptions freshOptions = cachedOptions.withMaxGroup(1_000 + round);
        long grown = 0;
        long fresh = 0;
        Network a = null;
        Network b = null;
        for (int k = 0; k < 2; k++) {
          if ((round + k) % 2 == 0) {
            long g0 = cpu();
            a = s.graph(cachedOptions);
            grown = cpu() - g0;
          } else {
            long f0 = cpu();
            b = s.graph(freshOptions);
            fresh = cpu() - f0;
          }
        }
        ratioSum += (double) fresh / grown;
        System.out.printf(Locale.ROOT, "round %d (+200 entities): grown %,.0f ms, fresh %,.0f ms: fresh/grown %.1f;"
            + " same graph: %s (%,d edges)%n", round, ms(grown), ms(fresh), (double) fresh / grown,
            a.nodes().equals(b.nodes()) && a.edges().equals(b.edges()), a.edges().size());
      }
      long grownBuilds;
      try (java.util.stream.Stream<String> lines = java.nio.file.Files.lines(
          org.insight.workspace.Workspace.auditFile(dir))) {
        List<String> builds = lines.filter(l -> l.contains("\"graph.build\"")).map(l -> l.replaceAll(
            ".*read: ([^\"]*)\".*", "$1")).toList();
        builds.forEach(b -> System.out.println("  graph.build read: " + b));
        grownBuilds = builds.stream().filter(l -> l.contains("grown from generation")).count();
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      System.out.printf(Locale.ROOT, "mean fresh/grown over %d rounds: %.1f (audit entries of grown builds: %d)%n",
          rounds, ratioSum / rounds, grownBuilds);
    } finally {
      try {
        FoundationBench.delete(dir);
      } catch (java.io.IOException e) {
        System.err.println("could not delete " + dir + ": " + e.getMessage());
      }
    }
  }

  /** The process's CPU time (every thread, GC included): for the parallel runs, where one thread's says nothing. */
  @SuppressForbidden(reason = "the process's CPU time: the JDK's own MXBean extension, in every JDK this bench runs on")
  private static long processCpu() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime();
  }

  static EntityId person(int i) {
    return EntityId.of("p" + i);
  }

  /** Planted communities of 50: ~4 links inside, ~1 outside per person; one in 20 shares a phone with another. */
  private static void generate(int n, long seed, List<Entity> entities, List<int[]> edges) {
    SplittableRandom r = new SplittableRandom(seed);
    Map<Integer, String> phones = new HashMap<>();
    for (int i = 0; i < n; i++) {
      if (r.nextInt(20) == 0) {
        int other = r.nextInt(n);
        if (other != i && !phones.containsKey(i) && !phones.containsKey(other)) {
          String phone = String.format(Locale.ROOT, "+3361%07d", i);
          phones.put(i, phone);
          phones.put(other, phone);
          edges.add(new int[] {i, other});
        }
      }
    }
    for (int i = 0; i < n; i++) {
      var b = DS.entity("Person", "p" + i).id(person(i)).add("name", "Person " + i);
      if (phones.containsKey(i)) {
        b.add("phone", phones.get(i));
      }
      entities.add(b.build());
    }
    int links = 0;
    for (int i = 0; i < n; i++) {
      int base = i - i % 50;
      for (int k = 0; k < 2; k++) {
        int j = Math.min(n - 1, base + r.nextInt(50));
        link(entities, edges, i, j, links++);
      }
      if (r.nextInt(2) == 0) {
        link(entities, edges, i, r.nextInt(n), links++);
      }
    }
  }

  private static void link(List<Entity> entities, List<int[]> edges, int a, int b, int id) {
    if (a == b) {
      return;
    }
    entities.add(DS.entity("Associate", "l" + id).id(EntityId.of("l" + id)).add("person", person(a).value())
        .add("associate", person(b).value()).build());
    edges.add(new int[] {a, b});
  }

  private static Graph<Integer, DefaultEdge> jgrapht(int n, List<int[]> edges) {
    Graph<Integer, DefaultEdge> g = new SimpleGraph<>(DefaultEdge.class);
    for (int i = 0; i < n; i++) {
      g.addVertex(i);
    }
    for (int[] e : edges) {
      if (!g.containsEdge(e[0], e[1])) {
        g.addEdge(e[0], e[1]);
      }
    }
    return g;
  }

  /**
   * JGraphT given what ours is given, the statements in scan order, doing the least a graph of them needs: each
   * link's statements grouped by entity id, its two ends read by property, every non-link entity a string vertex, a
   * pseudograph edge per link (no shared identifiers, evidence, labels or ordering).
   */
  private static Graph<String, DefaultEdge> jgraphtFromStatements(List<org.insight.core.Statement> statements) {
    Schema schema = Schema.defaults();
    Map<String, org.insight.core.EntityType> types = new HashMap<>();
    Map<String, String[]> ends = new HashMap<>();
    Graph<String, DefaultEdge> g = new org.jgrapht.graph.Pseudograph<>(DefaultEdge.class);
    for (org.insight.core.Statement s : statements) {
      org.insight.core.EntityType type = types.computeIfAbsent(s.schema(), schema::type);
      if (!type.isEdge()) {
        g.addVertex(s.entityId().value());
        continue;
      }
      org.insight.core.EntityType.Edge edge = type.edge().orElseThrow();
      String[] pair = ends.computeIfAbsent(s.entityId().value(), k -> new String[2]);
      if (s.property().equals(edge.source())) {
        pair[0] = s.value();
      } else if (s.property().equals(edge.target())) {
        pair[1] = s.value();
      }
    }
    for (String[] pair : ends.values()) {
      if (pair[0] != null && pair[1] != null && g.containsVertex(pair[0]) && g.containsVertex(pair[1])) {
        g.addEdge(pair[0], pair[1]);
      }
    }
    return g;
  }

  /** A JGraphT multigraph of the entities' explicit links, read the way the network reads them. */
  private static Graph<EntityId, org.insight.core.Link> jgraphtFromEntities(List<Entity> entities) {
    Schema schema = Schema.defaults();
    Graph<EntityId, org.insight.core.Link> g = org.jgrapht.graph.builder.GraphTypeBuilder
        .<EntityId, org.insight.core.Link>undirected().allowingMultipleEdges(true).allowingSelfLoops(false)
        .weighted(false).buildGraph();
    for (Entity e : entities) {
      if (!schema.type(e.schema()).isEdge()) {
        g.addVertex(e.id());
      }
    }
    for (Entity e : entities) {
      org.insight.core.Link.of(e, schema).ifPresent(l -> g.addEdge(l.source(), l.target(), l));
    }
    return g;
  }

  /** Modularity of a clustering on the unweighted graph. */
  private static double modularity(Graph<Integer, DefaultEdge> g, ClusteringAlgorithm.Clustering<Integer> c) {
    Map<Integer, Integer> of = new HashMap<>();
    int k = 0;
    for (Set<Integer> cluster : c.getClusters()) {
      for (Integer v : cluster) {
        of.put(v, k);
      }
      k++;
    }
    double m = g.edgeSet().size();
    double[] in = new double[k];
    double[] tot = new double[k];
    for (DefaultEdge e : g.edgeSet()) {
      int a = of.get(g.getEdgeSource(e));
      int b = of.get(g.getEdgeTarget(e));
      tot[a]++;
      tot[b]++;
      if (a == b) {
        in[a]++;
      }
    }
    double q = 0;
    for (int i = 0; i < k; i++) {
      q += in[i] / m - (tot[i] / (2 * m)) * (tot[i] / (2 * m));
    }
    return q;
  }

  private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory
      .getThreadMXBean();

  /**
   * This thread's CPU time: the machine the figures were taken on is shared, so wall time measures the neighbours;
   * every algorithm here (ours and JGraphT's) runs on the calling thread alone.
   */
  private static long cpu() {
    return THREADS.getCurrentThreadCpuTime();
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }
}
