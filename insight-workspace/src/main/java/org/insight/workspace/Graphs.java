package org.insight.workspace;

import java.util.List;
import java.util.Set;
import org.insight.core.Entity;
import org.insight.core.EntityId;
import org.insight.core.Mention;
import org.insight.graph.Network;
import org.insight.graph.NetworkBuilder;
import org.insight.policy.Purpose;
import org.insight.search.Scan;
import org.insight.search.Visibility;

/**
 * Builds a session's graph ({@link Session#graph}) from what it may see, in one audited call. Reads go through the
 * store with the session's visibility inside every query, so nothing invisible reaches the builder; the same-as
 * links are those {@link Resolution#sameAsInUse} allows. A built graph depends only on the visible data, so it is
 * cached by the visible label set, the purpose, the index version and the options: two sessions that see the same
 * labels at the same version share it, and a write (a new version) makes a new one.
 */
final class Graphs {
  private Graphs() {}

  /** What decides a graph. */
  record Key(Set<String> labels, Purpose purpose, long version, GraphOptions options) {}

  static Network build(Session session, GraphOptions options) {
    Workspace ws = session.workspace();
    String query = "collapseSameAs=" + options.collapseSameAs() + " coMentions=" + options.coMentions()
        + " maxGroup=" + options.maxGroup() + (options.coLocation() ? " coLocationMetres="
        + options.coLocationMetres() + " coLocationWindow=" + options.coLocationWindow() : "");
    Network network;
    String read;
    try {
      Set<String> labels = session.visibleLabels();
      long version = ws.store.version();
      Key key = new Key(labels, session.purpose(), version, options);
      Network cached = ws.graphs.getIfPresent(key);
      if (cached != null) {
        network = cached;
        read = "cached";
      } else {
        long[] counts = new long[2];
        network = fresh(session, options, Visibility.of(labels), counts);
        // shared only when nothing was committed meanwhile: a graph cached under (labels, version) is exactly the
        // graph of those labels at that version, never one that a concurrent write (a new label) has widened
        if (ws.store.version() == version && session.visibleLabels().equals(labels)) {
          ws.graphs.put(key, network);
        }
        read = "entities=" + counts[0] + " mentions=" + counts[1];
      }
    } catch (RuntimeException e) {
      session.audit("graph.build", query, List.of(), "error: " + e.getClass().getSimpleName());
      throw e;
    }
    session.audit("graph.build", query + " read: " + read + " nodes=" + network.nodes().size() + " edges="
        + network.edges().size(), List.of(), "ok");
    return network;
  }

  /**
   * The session's graph, unaudited: only for a caller audited once for a whole pass ({@link PatternEvaluator}, one
   * entry per batch of standing queries). Cached like {@link #build}.
   */
  static Network unaudited(Session session, GraphOptions options) {
    Workspace ws = session.workspace();
    Set<String> labels = session.visibleLabels();
    long version = ws.store.version();
    Key key = new Key(labels, session.purpose(), version, options);
    Network cached = ws.graphs.getIfPresent(key);
    if (cached != null) {
      return cached;
    }
    Network network = fresh(session, options, Visibility.of(labels), new long[2]);
    if (ws.store.version() == version && session.visibleLabels().equals(labels)) {
      ws.graphs.put(key, network);
    }
    return network;
  }

  private static Network fresh(Session session, GraphOptions options, Visibility visibility, long[] counts) {
    Workspace ws = session.workspace();
    Set<EntityId> sameAs = session.resolution().sameAsInUse();
    NetworkBuilder builder = Network.builder(ws.schema()).maxGroup(options.maxGroup())
        .collapseSameAs(options.collapseSameAs());
    try (Scan<Entity> scan = ws.store.scanEntities(session.types(null), visibility)) {
      for (Entity e : scan) {
        counts[0]++;
        if (!e.schema().equals("SameAs") || sameAs.contains(e.id())) {
          builder.add(e);
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
    return builder.build();
  }
}
