package org.insight.workspace;

import java.util.List;
import java.util.Set;
import org.insight.core.EntityId;
import org.insight.core.Mention;
import org.insight.core.Statement;
import org.insight.graph.Network;
import org.insight.graph.NetworkBuilder;
import org.insight.policy.Purpose;
import org.insight.search.Generation;
import org.insight.search.Scan;
import org.insight.search.Visibility;

/**
 * Builds a session's graph ({@link Session#graph}) from what it may see, in one audited call. Reads go through the
 * store with the session's visibility inside every query, so nothing invisible reaches the builder; the same-as
 * links are those {@link Resolution#sameAsInUse} allows. The builder is fed the visible statements as the store
 * scans them, without assembling entities.
 *
 * <p>A built graph depends only on the visible data, so it is cached by the visible label set, the purpose and the
 * options, with the store generation and index version it was built at and the builder that made it. At the same
 * version it is reused as it is. When the store has only grown since (no removal, correction or replacement: see
 * {@link Generation#grewOnlySince}), a copy of the builder is given just the visible statements and mentions added
 * since and built again, which equals a fresh build — unless what was added could change which same-as links are in
 * use (same-as links, match events) or co-locations are asked for: then the graph is built afresh.
 */
final class Graphs {
  private Graphs() {}

  /** What decides a graph, besides the data: the labels it may see, the purpose, the options. */
  record Key(Set<String> labels, Purpose purpose, GraphOptions options) {}

  /**
   * A cached graph, the builder that holds its input (none with co-locations, which are never grown), and where the
   * store stood when it was built.
   */
  record Entry(Network network, NetworkBuilder builder, long version, Generation generation) {}

  /** Types whose statements decide the same-as links in use: growth in them needs a fresh build. */
  private static final Set<String> RESOLUTION = Set.of("SameAs", "MatchEvent");

  /** A graph and what building it read, for the audit entry. */
  private record Built(Network network, String read) {}

  static Network build(Session session, GraphOptions options) {
    String query = "collapseSameAs=" + options.collapseSameAs() + " coMentions=" + options.coMentions()
        + " maxGroup=" + options.maxGroup() + (options.coLocation() ? " coLocationMetres="
        + options.coLocationMetres() + " coLocationWindow=" + options.coLocationWindow() : "");
    Built built;
    try {
      built = graph(session, options);
    } catch (RuntimeException e) {
      session.audit("graph.build", query, List.of(), "error: " + e.getClass().getSimpleName());
      throw e;
    }
    session.audit("graph.build", query + " read: " + built.read() + " nodes=" + built.network().nodes().size()
        + " edges=" + built.network().edges().size(), List.of(), "ok");
    return built.network();
  }

  /**
   * The session's graph, unaudited: only for a caller audited once for a whole pass ({@link PatternEvaluator}, one
   * entry per batch of standing queries). Cached like {@link #build}.
   */
  static Network unaudited(Session session, GraphOptions options) {
    return graph(session, options).network();
  }

  private static Built graph(Session session, GraphOptions options) {
    Workspace ws = session.workspace();
    Set<String> labels = session.visibleLabels();
    Generation generation = ws.store.generation();
    long version = ws.store.version();
    Key key = new Key(labels, session.purpose(), options);
    Entry cached = ws.graphs.getIfPresent(key);
    // the same reader, or nothing written since (a merge reopens the reader without changing what it holds)
    if (cached != null && (cached.version() == version || generation.unchangedSince(cached.generation()))) {
      return new Built(cached.network(), "cached");
    }
    Visibility visibility = Visibility.of(labels);
    NetworkBuilder builder = null;
    String read = null;
    long since = cached == null ? -1 : cached.generation().sequence();
    if (cached != null && cached.builder() != null && generation.grewOnlySince(since)) {
      builder = cached.builder().copy();
      long[] counts = new long[2];
      if (grow(session, options, visibility, builder, since, generation.sequence(), counts)) {
        read = "grown from generation " + since + " to " + generation.sequence() + ": statements="
            + counts[0] + " mentions=" + counts[1];
      } else {
        builder = null; // the growth touched resolution: build afresh
      }
    }
    if (builder == null) {
      builder = Network.builder(ws.schema()).maxGroup(options.maxGroup()).collapseSameAs(options.collapseSameAs());
      long[] counts = new long[2];
      fresh(session, options, visibility, builder, counts);
      read = "statements=" + counts[0] + " mentions=" + counts[1];
    }
    Network network = builder.build();
    // shared only when nothing was written meanwhile (the generation is marked before a write touches the index and
    // published after its reader shows it): a graph cached at a generation is exactly the graph of those labels
    // there, never one that a concurrent write (a new label) has widened
    Generation after = ws.store.generation();
    boolean settled = after.unchangedSince(generation) // a store that counts its writes: none meanwhile
        || (after.equals(generation) && !generation.writing() && ws.store.version() == version); // read-only
    if (settled && session.visibleLabels().equals(labels)) {
      ws.graphs.put(key, new Entry(network, options.coLocation() ? null : builder, version, generation));
    }
    return new Built(network, read);
  }

  private static void fresh(Session session, GraphOptions options, Visibility visibility, NetworkBuilder builder,
      long[] counts) {
    Workspace ws = session.workspace();
    Set<EntityId> sameAs = session.resolution().sameAsInUse();
    try (Scan<Statement> scan = ws.store.scanStatementsOf(session.types(null), visibility)) {
      for (Statement s : scan) {
        counts[0]++;
        if (!s.schema().equals("SameAs") || sameAs.contains(s.entityId())) {
          builder.add(s);
        }
      }
    }
    if (options.coMentions()) {
      for (Mention m : ws.store.allMentions(visibility)) {
        counts[1]++;
        builder.add(m);
      }
    }
    if (options.coLocation()) {
      new Geo(session).coLocationEdges(options.coLocationMetres(), options.coLocationWindow(), builder);
    }
  }

  /**
   * Gives {@code builder} the visible statements and mentions added after generation {@code after} up to
   * {@code upTo}; false, leaving the builder half fed, when one of them could change the same-as links in use.
   */
  private static boolean grow(Session session, GraphOptions options, Visibility visibility, NetworkBuilder builder,
      long after, long upTo, long[] counts) {
    Workspace ws = session.workspace();
    try (Scan<Statement> scan = ws.store.statementsAdded(after, upTo, session.types(null), visibility)) {
      for (Statement s : scan) {
        if (RESOLUTION.contains(s.schema())) {
          return false;
        }
        counts[0]++;
        builder.add(s);
      }
    }
    if (options.coMentions()) {
      for (Mention m : ws.store.mentionsAdded(after, upTo, visibility)) {
        counts[1]++;
        builder.add(m);
      }
    }
    return true;
  }
}
