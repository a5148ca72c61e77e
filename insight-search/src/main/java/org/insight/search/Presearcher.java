package org.insight.search;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.insight.core.Schema;
import org.insight.search.internal.Presearch;

/**
 * Tells, for many saved queries at once, which could match anything in an index — from the index's term dictionary,
 * without running them: each query is compiled once into what a match requires (every required clause one of its
 * terms or term patterns; a range, a place or all documents: anything) and kept. A query it leaves out matches
 * nothing in that index, whoever searches it, so running only the candidates gives exactly the hits of running every
 * query; the candidates are then searched as usual, with the reader's {@link Visibility}. Meant for small indexes of
 * new data (a batch) asked by many standing queries, as Lucene's monitor presearches documents against stored queries.
 * It looks at terms regardless of their labels: it decides only which queries are worth running, never a result.
 * Thread-safe.
 */
public final class Presearcher {
  private final Presearch engine;

  private Presearcher(Schema schema) {
    this.engine = new Presearch(schema);
  }

  /** A presearcher for indexes of this schema. */
  public static Presearcher of(Schema schema) {
    return new Presearcher(Objects.requireNonNull(schema, "schema"));
  }

  /**
   * The keys of the queries that could match something in {@code index}, in the map's order; a superset of those
   * that do (only a search says which do).
   */
  public <K> Set<K> candidates(Map<K, Query> queries, Index index) {
    return engine.candidates(Objects.requireNonNull(queries, "queries"), Objects.requireNonNull(index, "index"));
  }

  /** Forgets what it compiled for queries other than {@code keep} (removed ones), to bound its memory. */
  public void retain(Set<Query> keep) {
    engine.retain(keep);
  }
}
