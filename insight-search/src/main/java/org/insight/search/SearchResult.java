package org.insight.search;

import java.util.List;
import java.util.Map;

/**
 * A page of hits and the counts over everything the query matched — all computed only over what the session may
 * see.
 *
 * @param total entities plus documents that matched
 * @param entities entities that matched
 * @param documents documents that matched
 * @param hits this page's hits, in the query's order
 * @param facets for each facet asked for, its values with the number of matching items having each, most first
 * @param offset the index of the first hit on this page
 */
public record SearchResult(long total, long entities, long documents, List<Hit> hits,
    Map<Query.Facet, List<FacetCount>> facets, int offset) {
  public SearchResult {
    hits = List.copyOf(hits);
    facets = Map.copyOf(facets);
  }

  /** One facet value and how many matching items have it. */
  public record FacetCount(String value, long count) {}
}
